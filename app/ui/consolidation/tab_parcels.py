"""The Consolidation tab's behaviour for parcels at the agent's warehouse: the list, the form,
their photos (imported into the photo store, listed, captioned, removed) and planning the
selection. Reads go through the service; every write runs through the tab's `run` (the
window's Operations), which hands the Change to every tab."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.errors import WorkbenchError
from app.services.consolidation.records import ParcelInput
from app.ui.consolidation.records_model import ID_ROLE
from app.ui.consolidation.tab_view import PARCELS, PLANNER
from app.ui.widgets.photo_import import photo_filter

if TYPE_CHECKING:
    from app.ui.consolidation.tab import ConsolidationTab


class ParcelsControl:
    """The Parcels page of one ConsolidationTab."""

    def tr(self, text: str) -> str:
        """`text` in the interface language (the context lupdate gives `self.tr` here)."""
        return QCoreApplication.translate("ParcelsControl", text)

    def __init__(self, tab: ConsolidationTab) -> None:
        self.tab = tab
        page = tab.parcels
        page.table.selectionModel().currentRowChanged.connect(self._on_parcel)
        page.new_button.clicked.connect(self.new_parcel)
        page.plan_button.clicked.connect(self.plan_selected)
        page.form.save_requested.connect(self.save_parcel)
        page.form.import_requested.connect(self.import_photos_dialog)
        page.form.remove_photo_requested.connect(self.remove_photo)
        page.form.caption_requested.connect(self.caption_photo)

    def refresh_parcels(self) -> None:
        page = self.tab.parcels
        keep = page.current_id()
        rows = self.tab.service.parcels()
        self.tab.parcel_names.clear()
        self.tab.parcel_names.update({row.id: row.code or f"#{row.id}" for row in rows})
        page.set_rows(rows)
        if keep is not None:
            page.select(keep)
        shown = page.form.current_row()
        if shown is not None and not page.form.is_dirty():
            row = page.model.row_of(shown.id)
            page.form.show_parcel(None if row is None else page.model.record(row))
            if row is not None:
                self._show_photos(shown.id)

    def _on_parcel(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        parcel_id = current.data(ID_ROLE)
        form = self.tab.parcels.form
        shown = form.current_row()
        if form.is_dirty() and (shown is None or shown.id != parcel_id):
            answer = QMessageBox.question(
                self.tab,
                self.tr("Unsaved parcel"),
                self.tr("The parcel form has unsaved changes. Save them?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Save and (parcel := form.parcel()) is not None:
                self.save_parcel(parcel)
        row = self.tab.parcels.model.row_of(parcel_id)
        if row is not None:
            form.show_parcel(self.tab.parcels.model.record(row))
            self._show_photos(parcel_id)

    def _show_photos(self, parcel_id: int) -> None:
        photos = self.tab.service.parcel_photos(parcel_id)
        icons: dict[str, QIcon] = {}
        try:
            store = self.tab.workbench.photos.store
            for photo in photos:
                path = store.cached_thumbnail(photo.hash)
                if path is not None:
                    icons[photo.hash] = QIcon(str(path))
        except (WorkbenchError, OSError):
            pass  # names without thumbnails
        self.tab.parcels.form.show_photos(photos, icons)

    def new_parcel(self) -> None:
        """An empty parcel at the default agent (Settings), else at the only agent."""
        self.tab.pages.setCurrentIndex(PARCELS)
        self.tab.parcels.table.clearSelection()
        agents = self.tab.shipping.agent_entries
        agent_id = self.tab.service.default_agent_id()
        if agent_id is None and len(agents) == 1:
            agent_id = agents[0].id
        self.tab.parcels.form.show_parcel(
            None,
            new=ParcelInput(
                None, None, None, None, agent_id=agent_id, arrived_on=self.tab.workbench.today()
            ),
        )
        self.tab.parcels.form.code_edit.setFocus()

    def save_parcel(self, parcel: ParcelInput) -> None:
        form = self.tab.parcels.form
        outcome = self.tab.run(lambda: self.tab.service.save_parcel(parcel), form)
        if outcome.ok:
            form.saved()
            parcel_id = (outcome.result.created or outcome.result.updated)[0]
            self.tab.parcels.select(parcel_id)
            row = self.tab.parcels.model.row_of(parcel_id)
            if row is not None:
                form.show_parcel(self.tab.parcels.model.record(row))
                self._show_photos(parcel_id)
            self.tab.say(
                self.tr("Parcel {parcel} saved.").format(
                    parcel=parcel.code or parcel.label or parcel_id
                )
            )

    def delete_parcels(self) -> None:
        ids = self.tab.parcels.selected_ids() or [i for i in [self.tab.parcels.current_id()] if i]
        if not ids:
            return
        answer = QMessageBox.question(
            self.tab,
            self.tr("Delete parcels"),
            self.tr("Delete {count} parcel(s) with their photos?").format(count=len(ids)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            for parcel_id in ids:
                outcome = self.tab.run(partial(self.tab.service.delete_parcel, parcel_id))
                if outcome.ok:
                    self._forget_files(outcome.result.unreferenced_hashes)
            self.tab.parcels.form.show_parcel(None)

    def import_photos_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.tab,
            self.tr("Import photos"),
            str(self.tab.workbench.path.parent),
            photo_filter(),
        )
        if names:
            self.import_photos([Path(name) for name in names])

    def import_photos(self, paths: list[Path]) -> None:
        from app.ui.widgets.photo_import import import_with_progress

        shown = self.tab.parcels.form.current_row()
        if shown is None:
            self.tab.say(self.tr("Save the parcel first, then add its photos."))
            return
        report = import_with_progress(self.tab, self.tab.workbench.photos, paths)
        if report is None or not report.photos:
            return
        parcel_id = shown.id
        outcome = self.tab.run(lambda: self.tab.service.add_parcel_photos(parcel_id, report.photos))
        if outcome.ok:
            skipped = outcome.result.skipped_photos
            if skipped:
                self.tab.say(
                    self.tr(
                        "{count} photo(s) already on this parcel: not added again.",
                    ).format(count=len(skipped))
                )
            self._show_photos(parcel_id)

    def remove_photo(self, photo_id: int) -> None:
        answer = QMessageBox.question(
            self.tab,
            self.tr("Remove photo"),
            self.tr("Remove this photo from the parcel?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        outcome = self.tab.run(partial(self.tab.service.remove_parcel_photo, photo_id))
        if outcome.ok:
            self._forget_files(outcome.result.unreferenced_hashes)

    def caption_photo(self, photo_id: int, caption: str) -> None:
        self.tab.run(partial(self.tab.service.caption_parcel_photo, photo_id, caption))

    def _forget_files(self, hashes: tuple[str, ...]) -> None:
        """Photo files nothing shows any more (no parcel, sample or audit) are deleted."""
        try:
            self.tab.workbench.photos.forget_unreferenced(hashes)
        except WorkbenchError as error:
            self.tab.say(self.tr("A photo file could not be removed: {error}").format(error=error))

    def plan_selected(self) -> None:
        """Ctrl+L: plan the parcels selected on the Parcels page (or all waiting ones)."""
        ids = self.tab.parcels.selected_ids()
        if ids:
            self.tab.shipping.plan_parcels(ids)
        else:
            self.tab.planner.waiting_radio.setChecked(True)
            self.tab.pages.setCurrentIndex(PLANNER)
            self.tab.shipping.plan()
