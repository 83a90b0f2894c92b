"""The Samples tab's gallery behaviour: import (button, drop, paste), open, tag, reorder and
remove a sample's photos, also on a new sample before its first save (issue 14).

Photos given to a new sample: the files go into the photo store at once (so nothing the user
gave is lost), then the sample is saved with them when its fields are fine; otherwise the
photos wait, shown in the gallery with a note, and the first save that succeeds attaches them
in its own transaction (a refused save keeps them waiting). Removing a waiting photo, or
leaving the new sample after saying so, deletes its file unless something else shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.domain.samples.sample import PhotoAngle, Sample, SamplePhoto
from app.errors import WorkbenchError
from app.ui.widgets.photo_import import photo_filter

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton

    from app.services.workbench import Workbench
    from app.ui.samples.gallery_view import GalleryView
    from app.ui.samples.sample_form import SampleForm


class GalleryActions:
    """Mixed into SamplesTab (a QWidget): the attributes below are the tab's."""

    workbench: Workbench
    gallery: GalleryView
    sample_form: SampleForm
    angle_filter: QComboBox
    angle_box: QComboBox
    caption_edit: QLineEdit
    import_button: QPushButton
    apply_photo_button: QPushButton
    waiting_note: QLabel
    _sample: Sample | None
    _product_id: int | None
    _gallery_model: Any
    _waiting: list[SamplePhoto]

    @property
    def service(self) -> Any:
        return self.workbench.samples

    @property
    def store(self) -> Any:
        return self.workbench.photos.store

    # The tab's own methods, used here (tr is QObject.tr: this class is its context).
    tr: Callable[..., str]
    _write: Callable[..., Any]
    _say: Callable[[str], None]
    _show_product: Callable[[int | None], None]
    save_sample: Callable[[Sample], None]

    def _sample_id(self) -> int | None:
        return None if self._sample is None else self._sample.id

    # --- the gallery shown ---------------------------------------------------------------
    def _set_gallery(self, photos: list[Any]) -> None:
        from app.ui.samples.gallery_model import GalleryModel

        if self._gallery_model is None:
            self._gallery_model = GalleryModel(self.store, self.gallery)
            self.gallery.setModel(self._gallery_model)
            self._gallery_model.order_changed.connect(self._reorder)
            self.gallery.selectionModel().currentChanged.connect(self._show_photo_fields)
        self._gallery_model.set_photos(photos)

    def _show_gallery(self) -> None:
        """The sample's stored photos, or the photos waiting for a new sample's first save."""
        sample_id = self._sample_id()
        self._set_gallery(self.service.photos(sample_id) if sample_id else list(self._waiting))
        count = len(self._waiting)
        one = self.tr(
            "1 photo waits for this new sample to be saved: fix what is marked above, then Save."
        )
        more = self.tr(
            "{count} photos wait for this new sample to be saved: fix what is marked above, "
            "then Save."
        )
        self.waiting_note.setText(
            "" if not count else one if count == 1 else more.format(count=count)
        )
        self.waiting_note.setVisible(bool(count))

    def _filter_gallery(self) -> None:
        if self._gallery_model is not None:
            value = self.angle_filter.currentData()
            self._gallery_model.set_angle_filter(None if value is None else PhotoAngle(value))

    # --- importing -----------------------------------------------------------------------
    def import_photos_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            self._widget(),
            self.tr("Import photos"),
            str(self.workbench.path.parent),
            photo_filter(),
        )
        if names:
            self.import_photos([Path(name) for name in names])

    def import_photos(self, paths: list[Path]) -> None:
        from app.ui.widgets.photo_import import import_with_progress

        if self._sample is None:
            self._say(self.tr("Choose a sample, or make a new one, first."))
            return
        report = import_with_progress(self._widget(), self.workbench.photos, paths)
        if report is None or not report.photos:
            return
        chosen = self.angle_filter.currentData()
        angle = PhotoAngle.OTHER if chosen is None else PhotoAngle(chosen)
        sample_id = self._sample_id()
        if sample_id is None:
            self._wait_for_first_save(report.photos, angle)
            return
        change = self._write(lambda: self.service.add_photos(sample_id, report.photos, angle))
        if change is not None:
            self._show_gallery()
            self._show_product(self._product_id)

    def _wait_for_first_save(self, imported: list[Any], angle: PhotoAngle) -> None:
        """Photos given to a new sample: saved with it now when its fields are fine, else they
        wait for its first save."""
        waiting = {photo.hash for photo in self._waiting}
        for photo in imported:
            if photo.hash not in waiting:
                waiting.add(photo.hash)
                self._waiting.append(SamplePhoto(photo.hash, photo.original_name, angle=angle))
        sample = self.sample_form.checked_sample()  # shows what stops the save
        if sample is not None:
            self.save_sample(sample)  # takes the waiting photos along
        if self._waiting:
            self._show_gallery()
            wait = self.tr("{count} photo(s) wait for the new sample to be saved.")
            self._say(wait.format(count=len(self._waiting)))

    def _waiting_attached(self) -> None:
        self._waiting = []
        self.waiting_note.hide()

    def confirm_drop_waiting(self) -> bool:
        """Before leaving a new sample whose photos wait: ask; True when it may be left (the
        files of the photos dropped are deleted unless something else shows them)."""
        if not self._waiting:
            return True
        count = len(self._waiting)
        answer = QMessageBox.question(
            self._widget(),
            self.tr("Unsaved sample"),
            self.tr(
                "This new sample is not saved and {count} photo(s) wait for it. Leave it and "
                "drop them? (No: stay and save it.)"
            ).format(count=count),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        dropped = [photo.hash for photo in self._waiting]
        self._waiting = []
        self._forget_files(tuple(dropped))
        return True

    # --- one photo -----------------------------------------------------------------------
    def open_photo(self, photo_hash: str) -> None:
        if self._gallery_model is not None:
            self._open_viewer(self._gallery_model.shown_photos(), photo_hash)

    def _open_viewer(self, photos: list[Any], photo_hash: str) -> None:
        from app.ui.samples.photo_viewer import PhotoViewer

        if not photos:
            return
        index = next((i for i, p in enumerate(photos) if p.hash == photo_hash), 0)
        viewer = PhotoViewer(self.store, photos, index, self._widget())
        viewer.exec()

    def remove_photos(self, hashes: list[str]) -> None:
        if self._sample is None or not hashes:
            return
        answer = QMessageBox.question(
            self._widget(),
            self.tr("Remove photos"),
            self.tr("Remove {count} photo(s) from this sample?").format(count=len(hashes)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        sample_id = self._sample_id()
        if sample_id is None:  # photos waiting for the first save
            self._waiting = [photo for photo in self._waiting if photo.hash not in hashes]
            self._forget_files(tuple(hashes))
            self._show_gallery()
            return
        by_hash = {photo.hash: photo for photo in self.service.photos(sample_id)}
        for photo_hash in hashes:
            photo = by_hash.get(photo_hash)
            if photo is None or photo.id is None:  # gone meanwhile (stored photos have ids)
                continue
            change = self._write(partial(self.service.remove_photo, photo.id))
            if change:
                self._forget_files(change.unreferenced_hashes)
        self._show_gallery()
        self._show_product(self._product_id)

    def _reorder(self, hashes: list[str]) -> None:
        sample_id = self._sample_id()
        if sample_id is None:
            by_hash = {photo.hash: photo for photo in self._waiting}
            self._waiting = [replace(by_hash[h], position=place) for place, h in enumerate(hashes)]
            return
        ids = {photo.hash: photo.id for photo in self.service.photos(sample_id)}
        self._write(lambda: self.service.reorder_photos(sample_id, [ids[h] for h in hashes]))

    def _show_photo_fields(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self._gallery_model is not None:
            photo = self._gallery_model.photo_at(current.row())
            self.caption_edit.setText(photo.caption)
            self.angle_box.setCurrentIndex(self.angle_box.findData(photo.angle.value))

    def update_current_photo(self) -> None:
        index = self.gallery.currentIndex()
        if not index.isValid() or self._gallery_model is None:
            self._say(self.tr("Select a photo first."))
            return
        photo = self._gallery_model.photo_at(index.row())
        angle = PhotoAngle(self.angle_box.currentData())
        caption = self.caption_edit.text().strip()
        if self._sample_id() is None:
            self._waiting = [
                replace(p, caption=caption, angle=angle) if p.hash == photo.hash else p
                for p in self._waiting
            ]
            self._show_gallery()
            return
        if self._write(lambda: self.service.update_photo(photo.id, caption, angle)) is not None:
            self._show_gallery()

    def _forget_files(self, hashes: tuple[str, ...]) -> None:
        """Delete photo files no sample and no audit refers to any more: no orphans."""
        try:
            self.workbench.photos.forget_unreferenced(hashes)
        except WorkbenchError as error:
            self._say(self.tr("A photo file could not be removed: {error}").format(error=error))

    def _widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self
