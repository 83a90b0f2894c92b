"""The main window: a thin frame that assembles the tabs, menus and status bar."""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from app import APP_NAME, __version__, config
from app.errors import Cancelled, ImportRejected, WorkbenchError
from app.services.exporting import export_matrix, export_samples, export_suppliers
from app.ui.integrity_watch import IntegrityWatch
from app.ui.placeholder_tab import COMING_TABS, PlaceholderTab
from app.ui.session import Session, open_session
from app.ui.settings import Settings
from app.ui.suppliers.tab import SuppliersTab
from app.ui.widgets.background import run_with_progress
from app.ui.widgets.lazy_tab import LazyTab

if TYPE_CHECKING:
    from app.ui.matrix.tab import MatrixTab
    from app.ui.samples.tab import SamplesTab

DB_FILTER = "Workbench databases (*.sqlite3 *.db);;All files (*)"
IMPORT_FILTER = "Spreadsheets (*.xlsx *.csv);;All files (*)"
EXPORT_TITLES = {
    "suppliers": "Suppliers",
    "matrix": "Capacity & Credit matrix",
    "samples": "Samples comparison",
}
TAB_KEY = "window/tab"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.suppliers_tab = self._build_tabs()
        self._build_menus()
        self.resize(1360, 820)
        geometry = settings.bytes_value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(settings.int_value(TAB_KEY, 0))
        self._show_title()
        settings.remember_database(session.workbench.path)

    # --- assembly -------------------------------------------------------------------------
    def _build_tabs(self) -> SuppliersTab:
        suppliers_tab = SuppliersTab(self.session.workbench, self.settings)
        suppliers_tab.message.connect(self._show_message)
        suppliers_tab.changed.connect(self._suppliers_changed)
        self.tabs.addTab(suppliers_tab, "Suppliers")
        # The other tabs are built when first opened: start-up loads the first tab's code only.
        self.matrix_host: LazyTab[MatrixTab] = LazyTab(self._make_matrix_tab)
        self.tabs.addTab(self.matrix_host, "Capacity && Credit")
        self.samples_host: LazyTab[SamplesTab] = LazyTab(self._make_samples_tab)
        self.tabs.addTab(self.samples_host, "Samples")
        for title, explanation in COMING_TABS:
            self.tabs.addTab(PlaceholderTab(title, explanation), title.replace("&", "&&"))
        return suppliers_tab

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _make_matrix_tab(self) -> MatrixTab:
        from app.ui.matrix import tab as matrix  # its code loads when the tab is first opened

        tab = matrix.MatrixTab(self.session.workbench, self.settings)
        tab.message.connect(self._show_message)
        tab.filter_bar.export_requested.connect(lambda suffix: self.export(suffix, "matrix"))
        return tab

    def _make_samples_tab(self) -> SamplesTab:
        from app.ui.samples import tab as samples  # its code loads when the tab is first opened

        tab = samples.SamplesTab(self.session.workbench)
        tab.message.connect(self._show_message)
        return tab

    @property
    def matrix_tab(self) -> MatrixTab:
        return self.matrix_host.build()

    @property
    def samples_tab(self) -> SamplesTab:
        return self.samples_host.build()

    def _suppliers_changed(self, change: object) -> None:
        if self.matrix_host.content is not None:  # names, status, membership… (else: not read yet)
            self.matrix_host.content.mark_stale(change)

    def _leave_tabs(self) -> None:
        """Store what the tabs hold (layouts, weights) and let their loaders finish."""
        self.suppliers_tab.save_layout()
        self.suppliers_tab.wait_until_loaded()
        matrix = self.matrix_host.content
        if matrix is not None:
            matrix.save_layout()
            matrix.wait_until_loaded()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._add(file_menu, "&New database…", self.new_database, QKeySequence("Ctrl+Shift+N"))
        self._add(file_menu, "&Open database…", self.open_database, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._add(file_menu, "&Import suppliers…", self.import_suppliers, QKeySequence("Ctrl+I"))
        self._add(file_menu, "&Back up database…", self.backup, QKeySequence("Ctrl+B"))
        export_menu = file_menu.addMenu("&Export")
        self._add(
            export_menu,
            "This tab to &Excel (.xlsx)…",
            lambda: self.export(".xlsx"),
            QKeySequence("Ctrl+E"),
        )
        self._add(
            export_menu,
            "This tab to &PDF…",
            lambda: self.export(".pdf"),
            QKeySequence("Ctrl+Shift+E"),
        )
        export_menu.addSeparator()
        for kind, title in EXPORT_TITLES.items():
            for suffix, label in ((".xlsx", "Excel (.xlsx)"), (".pdf", "PDF")):
                self._add(
                    export_menu,
                    f"{title.replace('&', '&&')} to {label}…",
                    lambda _=False, k=kind, x=suffix: self.export(x, k),
                )
        self._add(
            file_menu,
            "Print pre&view…",
            lambda: self.print_tab(preview=True),
            QKeySequence("Ctrl+Shift+P"),
        )
        self._add(
            file_menu,
            "&Print…",
            lambda: self.print_tab(preview=False),
            QKeySequence.StandardKey.Print,
        )
        file_menu.addSeparator()
        self._add(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = self.menuBar().addMenu("&Edit")
        tab = self.suppliers_tab
        for action in (tab.new_action, tab.duplicate_action, tab.delete_action, tab.undo_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(tab.audits_action)
        edit_menu.addSeparator()
        edit_menu.addAction(tab.find_action)

        help_menu = self.menuBar().addMenu("&Help")
        self._add(help_menu, f"&About {APP_NAME}", self.about)

    def _add(self, menu: QMenu, text: str, slot: object, shortcut: object = None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _show_title(self) -> None:
        path = self.session.workbench.path
        self.setWindowTitle(f"{path.name} — {APP_NAME}")
        self.statusBar().showMessage(f"Database: {path}", 5000)

    def start(self) -> None:
        """Fill the first screen; after paint check the file, load the rest, warm up."""
        self.suppliers_tab.load_first_screen()
        workbench = self.session.workbench
        if workbench.check_pending:
            self._integrity_watch = IntegrityWatch(workbench, self)
            self._integrity_watch.damaged.connect(self._on_damaged)
            self._integrity_watch.start()
        QTimer.singleShot(50, workbench.warm_up)

    def _on_damaged(self, message: str) -> None:
        QMessageBox.critical(
            self,
            APP_NAME,
            f"{message}\n\nNothing will be written to this file. Open a backup with "
            "File ▸ Open, or run 'python -m app check' for details.",
        )

    # --- databases ------------------------------------------------------------------------
    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "New database", str(self._folder()), DB_FILTER)
        if name:
            path = Path(name) if Path(name).suffix else Path(name).with_suffix(".sqlite3")
            if path.exists():
                self._error(
                    f"{path} already exists. Choose a new name; existing files are never replaced."
                )
                return
            self.switch_database(path, create=True)

    def open_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open database", str(self._folder()), DB_FILTER)
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
            self.recent_menu.addAction("(none)").setEnabled(False)

    def switch_database(self, path: Path, *, create: bool) -> bool:
        """Open another database in this window; the current one stays open if that fails."""
        if not self.suppliers_tab.confirm_leave_editor():
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
        self._leave_tabs()
        self._wait_for_integrity_watch()
        old_session, self.session = self.session, session
        index = self.tabs.currentIndex()
        self.tabs.clear()
        for host in (self.suppliers_tab, self.matrix_host, self.samples_host):
            host.deleteLater()
        self.menuBar().clear()
        self.suppliers_tab = self._build_tabs()
        self._build_menus()
        self.tabs.setCurrentIndex(index)
        old_session.close()
        self.settings.remember_database(session.workbench.path)
        self._show_title()
        self.start()
        return True

    def backup(self) -> None:
        path = self.session.workbench.path
        suggested = path.with_name(f"{path.stem}-backup{path.suffix}")
        name, _ = QFileDialog.getSaveFileName(self, "Back up database", str(suggested), DB_FILTER)
        if not name:
            return
        from app.store.photos.backup import backup_with_photos  # Pillow: not at start-up

        try:
            _out, photos = run_with_progress(
                self,
                "Backing up the database and its photos…",
                lambda report: backup_with_photos(path, Path(name), report),
            )
        except WorkbenchError as error:
            self._error(str(error))
            return
        copied = f" and {photos:,} new photo(s)" if photos else ""
        self.statusBar().showMessage(f"Backed up to {name}{copied}", 8000)

    def import_suppliers(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import suppliers", str(self._folder()), IMPORT_FILTER
        )
        if not name:
            return
        from app.services.suppliers.importing import import_suppliers  # openpyxl: not at start-up

        workbench = self.session.workbench
        try:
            workbench.require_intact()
            change = run_with_progress(
                self,
                f"Importing {Path(name).name}…",
                lambda _report: import_suppliers(workbench.suppliers, Path(name)),
            )
        except ImportRejected as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning, APP_NAME, str(error).split("\n")[0], parent=self
            )
            box.setInformativeText(f"{len(error.problems)} problem(s); see Details.")
            box.setDetailedText("\n".join(error.problems))
            box.exec()
            return
        except WorkbenchError as error:
            self._error(str(error))
            return
        self.suppliers_tab.apply_change(change)
        self.statusBar().showMessage(
            f"Imported {len(change.created):,} suppliers from {name}", 10000
        )

    # --- exports --------------------------------------------------------------------------
    def export(self, suffix: str, kind: str | None = None) -> None:
        """Export what a tab shows (after filters, in its order); by default the current tab."""
        kind = kind or self._current_kind()
        file_kind = "Excel workbook (*.xlsx)" if suffix == ".xlsx" else "PDF (*.pdf)"
        suggested = self._folder() / f"{kind}{suffix}"
        title = f"Export {EXPORT_TITLES[kind].lower()}"
        name, _ = QFileDialog.getSaveFileName(self, title, str(suggested), file_kind)
        if not name:
            return
        out = Path(name) if Path(name).suffix.lower() == suffix else Path(name + suffix)
        count = self._write_export(kind, out)
        if count is not None:
            self.statusBar().showMessage(f"Exported {count} to {out}", 10000)

    def print_tab(self, *, preview: bool = True) -> None:
        """Print what the current tab shows: its PDF report, through Qt's print dialogs."""
        from app.ui.widgets.pdf_printing import preview_pdf, print_pdf

        with tempfile.TemporaryDirectory(prefix="workbench-print-") as folder:
            out = Path(folder) / f"{self._current_kind()}.pdf"
            if self._write_export(self._current_kind(), out) is None:
                return
            try:
                if preview:
                    preview_pdf(out, self)
                else:
                    print_pdf(out, self)
            except WorkbenchError as error:
                self._error(str(error))

    def _current_kind(self) -> str:
        current = self.tabs.currentWidget()
        if current is self.matrix_host:
            return "matrix"
        return "samples" if current is self.samples_host else "suppliers"

    def _write_export(self, kind: str, out: Path) -> str | None:
        """Write one export behind a progress dialog; what was written, or None if nothing."""
        workbench = self.session.workbench
        if kind == "samples":
            count = "every product's samples"
            work = lambda report: export_samples(  # noqa: E731
                workbench.samples, out, on_progress=report
            )
        else:
            if kind == "matrix":
                matrix = self.matrix_host.content  # never opened: export every supplier
                if matrix is not None:
                    matrix.flush()  # the weights just moved are the ones exported
                ids = matrix.shown_ids() if matrix is not None and matrix.is_loaded else None
            else:
                ids = self.suppliers_tab.shown_ids()
            count = "all suppliers" if ids is None else f"{len(ids):,} suppliers"
            if kind == "matrix":
                work = lambda report: export_matrix(  # noqa: E731
                    workbench.matrix, out, ids=ids, on_progress=report
                )
            else:
                work = lambda report: export_suppliers(  # noqa: E731
                    workbench.suppliers, out, ids=ids, on_progress=report
                )
        try:
            run_with_progress(self, f"Writing {count}…", work)
        except Cancelled:
            self.statusBar().showMessage("Cancelled; no file written", 8000)
            return None
        except WorkbenchError as error:
            self._error(str(error))
            return None
        return count

    # --- the rest ------------------------------------------------------------------------
    def about(self) -> None:
        from app.exports.kit.pdf_fonts import pdf_font

        try:
            font = pdf_font().describe()
        except WorkbenchError as error:
            font = str(error)
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>An offline workbench for sourcing from 1688.com factories: suppliers, "
            "capacity and credit, samples, negotiation and consolidation.</p>"
            f"<p><b>Database:</b> {html.escape(str(self.session.workbench.path))}<br>"
            f"<b>Settings:</b> {html.escape(str(config.settings_path()))}<br>"
            f"<b>PDF font:</b> {html.escape(font)}<br>"
            "(set WORKBENCH_PDF_FONT to a .ttf/.ttc file to use another)</p>",
        )

    def _folder(self) -> Path:
        return self.session.workbench.path.parent

    def _error(self, text: str) -> None:
        QMessageBox.warning(self, APP_NAME, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.suppliers_tab.confirm_leave_editor():
            event.ignore()
            return
        self._leave_tabs()
        self.settings.set_bytes(GEOMETRY_KEY, self.saveGeometry())
        self.settings.set_int(TAB_KEY, self.tabs.currentIndex())
        self.settings.sync()
        self._wait_for_integrity_watch()
        self.session.close()
        event.accept()

    def _wait_for_integrity_watch(self) -> None:
        watch = getattr(self, "_integrity_watch", None)
        if watch is not None:
            watch.wait()
