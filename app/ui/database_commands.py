"""File commands of the main window: new, open, recent, switching files, backup, restore and
importing suppliers. A mixin of MainWindow, kept apart so the window stays a thin frame."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from app.errors import WorkbenchError
from app.ui.session import Session, open_session
from app.ui.widgets.background import run_with_progress

if TYPE_CHECKING:
    from app.ui.settings import Settings
    from app.ui.widgets.operations import Operations

DB_FILTER = str(
    QT_TRANSLATE_NOOP("DatabaseCommands", "Workbench databases (*.sqlite3 *.db);;All files (*)")
)
IMPORT_FILTER = str(
    QT_TRANSLATE_NOOP("DatabaseCommands", "Spreadsheets (*.xlsx *.csv);;All files (*)")
)


def db_filter() -> str:
    """The file dialogs' filter for databases, in the interface language."""
    return QCoreApplication.translate("DatabaseCommands", DB_FILTER)


class DatabaseCommands(QMainWindow):
    """Needs from the window: its session, settings, operations and these helpers."""

    session: Session
    settings: Settings
    operations: Operations
    recent_menu: QMenu

    def _error(self, text: str) -> None:
        raise NotImplementedError

    def _inform(self, text: str) -> None:
        raise NotImplementedError

    def _folder(self) -> Path:
        raise NotImplementedError

    def _confirm_leave_tabs(self) -> bool:
        raise NotImplementedError

    def _leave_tabs(self) -> None:
        raise NotImplementedError

    def _wait_for_integrity_watch(self) -> None:
        raise NotImplementedError

    def _wait_for_backup(self) -> None:
        raise NotImplementedError

    def _use_session(self, session: Session) -> None:
        raise NotImplementedError

    def new_database(self) -> None:
        path = self._ask_new_file(self.tr("New database"), self._folder())
        if path is not None:
            self.switch_database(path, create=True)

    def _ask_new_file(self, title: str, suggested: Path) -> Path | None:
        """A name for a new database file; an existing file is refused, never replaced."""
        name, _ = QFileDialog.getSaveFileName(self, title, str(suggested), db_filter())
        if not name:
            return None
        path = Path(name) if Path(name).suffix else Path(name).with_suffix(".sqlite3")
        if path.exists():
            self._error(
                self.tr(
                    "{path} already exists. Choose a new name; existing files are never replaced."
                ).format(path=path)
            )
            return None
        return path

    def open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(self._folder()), db_filter()
        )
        if name:
            self.switch_database(Path(name), create=False)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = self.session.workbench.path
        for path in self.settings.recent_databases():
            action = self.recent_menu.addAction(str(path))
            action.setEnabled(path != current)
            action.triggered.connect(lambda _=False, p=path: self.switch_database(p, create=False))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def switch_database(self, path: Path, *, create: bool) -> bool:
        """Open another database in this window; the current one stays open if that fails."""
        if not self._confirm_leave_tabs():
            return False
        if Path(path).resolve() == self.session.workbench.path:
            return True
        try:
            session = open_session(path, create=create, quick_check=False)
        except WorkbenchError as error:
            self._error(str(error))
            if not Path(path).exists():
                self.settings.forget_database(path)
            return False
        old_session = self.session
        self._close_session(release=False)
        self._use_session(session)
        old_session.close()
        return True

    def _close_session(self, *, release: bool = True) -> None:
        """Leave the tabs (layouts stored, loaders done) and, with `release`, let go of the file."""
        self._leave_tabs()
        self._wait_for_integrity_watch()
        self._wait_for_backup()
        if release:
            self.session.close()

    def backup(self) -> None:
        """A complete backup (database, photos, manifest) into a new folder."""
        path = self.session.workbench.path
        suggested = path.with_name(f"{path.stem}-{date.today().isoformat()}.backup")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up database to a new folder"),
            str(suggested),
            self.tr("Backups (*.backup)"),
        )
        if not name:
            return
        from app.store.backup_set import write_backup  # Pillow: not at start-up
        from app.ui.backups import backup_summary

        try:
            info = run_with_progress(
                self,
                self.tr("Backing up the database and its photos…"),
                lambda report: write_backup(path, Path(name), on_progress=report),
            )
        except WorkbenchError as error:
            self._error(str(error))
            return
        self.statusBar().showMessage(
            self.tr("Backed up to {folder} ({summary})").format(
                folder=info.folder, summary=backup_summary(info)
            ),
            10000,
        )

    def restore_from_backup(self) -> None:
        """Put a backup in place of this database; the file as it is now is kept aside."""
        from app.services.photo_check import problems_that_block_use
        from app.store.restore import restore_backup
        from app.ui.backups import choose_backup

        if not self._confirm_leave_tabs():
            return
        path = self.session.workbench.path
        chosen = choose_backup(path, self.settings, self)
        if chosen is None:
            return
        self._close_session()
        try:
            restored = restore_backup(chosen, path, check=problems_that_block_use)
        except WorkbenchError as error:
            self._error(
                self.tr("{error}\n\n{file} was not replaced.").format(error=error, file=path.name)
            )
            restored = None
        try:
            session = open_session(path, create=False)
        except WorkbenchError as error:
            self._error(str(error))
            self.close()
            return
        self._use_session(session)
        if restored is not None:
            text = self.tr("Restored {backup} ({summary}).").format(
                backup=chosen.name, summary=restored.summary
            )
            if restored.set_aside:
                text += self.tr(" The file as it was is kept as {file}.").format(
                    file=restored.set_aside.name
                )
            self._inform(text)

    def import_suppliers(self) -> None:
        """Read and check a file, show what it would change, write it only on "Import"."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import suppliers"),
            str(self._folder()),
            QCoreApplication.translate("DatabaseCommands", IMPORT_FILTER),
        )
        if not name:
            return
        from app.ui.import_preview import import_with_preview  # openpyxl: on use

        outcome = import_with_preview(self, self.session.workbench, Path(name))
        if outcome.change is not None:
            self.operations.announce([outcome.change])
        if outcome.message:
            self.statusBar().showMessage(outcome.message, 10000)

    def load_demo(self) -> None:
        """A new database filled with the demo (36 suppliers, samples, quotes, parcels…)."""
        path = self._ask_new_file(
            self.tr("Load demo data into a new file"), self._folder() / "demo.sqlite3"
        )
        if path is None:
            return
        from app.demo import create_demo

        try:
            run_with_progress(
                self, self.tr("Making the demo database…"), lambda _report: create_demo(path)
            )
        except WorkbenchError as error:
            self._error(str(error))
            return
        self.switch_database(path, create=False)
