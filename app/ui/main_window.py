"""The main window: a thin frame that assembles the tabs (app.ui.tabs), the menus and the
status bar, and routes File and Edit commands to the current tab (the tab protocol)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox, QTabWidget, QWidget

from app import APP_NAME, __version__, config
from app.errors import WorkbenchError
from app.services.exporting import KINDS
from app.ui.database_commands import DatabaseCommands
from app.ui.export_commands import FORMATS, ExportCommands, call_tab, kind_title
from app.ui.integrity_watch import IntegrityWatch
from app.ui.session import Session
from app.ui.settings import GEOMETRY, TAB, Settings
from app.ui.tabs import TABS, tab_title
from app.ui.widgets.lazy_tab import LazyTab
from app.ui.widgets.operations import Operations
from app.ui.widgets.tab_protocol import TabContext, TabEntry, WorkbenchTab

if TYPE_CHECKING:
    from app.ui.settings_dialog import DataSettings, SettingsDialog

BACKUP_DELAY_MS = 2000  # the daily backup starts once the window has settled


class MainWindow(DatabaseCommands, ExportCommands):
    def __init__(self, session: Session, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self._backup_timer = QTimer(self, singleShot=True, interval=BACKUP_DELAY_MS)
        self._backup_timer.timeout.connect(self._daily_backup)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._build_tabs()
        self._build_menus()
        self.tabs.currentChanged.connect(self._on_current_tab)
        self.resize(1360, 820)
        geometry = settings.get(GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.tabs.setCurrentIndex(settings.get(TAB))
        self._on_current_tab()
        self._show_title()
        settings.remember_database(session.workbench.path)

    # --- tabs ------------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        """One page per entry of TABS, each built when first opened (the eager one now)."""
        self.operations = Operations(self.session.workbench, self)
        self.operations.refused.connect(self._show_message)
        context = TabContext(self.session.workbench, self.settings, self.operations)
        self.hosts: dict[str, LazyTab[QWidget]] = {}
        for entry in TABS:
            host: LazyTab[QWidget] = LazyTab(partial(self._build_tab, entry, context))
            self.hosts[entry.key] = host
            self.tabs.addTab(host, tab_title(entry))
            if entry.eager:
                host.build()

    def _build_tab(self, entry: TabEntry, context: TabContext) -> QWidget:
        tab = entry.build(context)
        message = getattr(tab, "message", None)
        if message is not None:
            message.connect(self._show_message)
        audits = getattr(tab, "audits_requested", None)
        if audits is not None:
            audits.connect(self.open_audits)
        go_to = getattr(tab, "go_to_tab", None)  # an empty state's "Go to the … tab"
        if go_to is not None:
            go_to.connect(lambda key: self.tabs.setCurrentWidget(self.hosts[key]))
        for name, command in (
            ("import_requested", self.import_suppliers),
            ("demo_requested", self.load_demo),
        ):
            if (signal := getattr(tab, name, None)) is not None:  # an empty state's next steps
                signal.connect(command)
        return tab

    def host(self, key: str) -> LazyTab[QWidget]:
        """The page of tab `key` ("suppliers", "matrix"…), built or not."""
        return self.hosts[key]

    def tab(self, key: str) -> WorkbenchTab:
        """Tab `key`, built now if it was not yet."""
        return self.hosts[key].build()  # type: ignore[return-value]

    @property
    def suppliers_tab(self) -> WorkbenchTab:
        return self.tab("suppliers")

    def current_key(self) -> str:
        current = self.tabs.currentWidget()
        return next(key for key, host in self.hosts.items() if host is current)

    def _built_tabs(self) -> list[WorkbenchTab]:
        return [host.content for host in self.hosts.values() if host.content is not None]  # type: ignore[misc]

    def _on_current_tab(self, _index: int = -1) -> None:
        """The Edit menu holds the current tab's actions, and only them."""
        self.edit_menu.clear()
        for action in _edit_actions(self.tab(self.current_key())):
            if action is None:
                self.edit_menu.addSeparator()
            else:
                self.edit_menu.addAction(action)
        self.edit_menu.setEnabled(not self.edit_menu.isEmpty())

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _leave_tabs(self) -> None:
        """Store what the tabs hold (layouts, weights) and let their loaders finish."""
        for tab in self._built_tabs():
            call_tab(tab, "leave")

    def wait_until_loaded(self) -> None:
        """Every opened tab's background loading done (scripts and screenshots)."""
        for tab in self._built_tabs():
            call_tab(tab, "wait_until_loaded")

    def _confirm_leave_tabs(self) -> bool:
        return all(call_tab(tab, "confirm_leave", True) for tab in self._built_tabs())

    # --- menus -----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._add(
            file_menu, self.tr("&New database…"), self.new_database, QKeySequence("Ctrl+Shift+N")
        )
        self._add(
            file_menu, self.tr("&Open database…"), self.open_database, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self._add(
            file_menu, self.tr("&Import suppliers…"), self.import_suppliers, QKeySequence("Ctrl+I")
        )
        self._add(file_menu, self.tr("&Back up database…"), self.backup, QKeySequence("Ctrl+B"))
        self._add(file_menu, self.tr("&Restore from backup…"), self.restore_from_backup)
        export_menu = file_menu.addMenu(self.tr("&Export"))
        to_excel = self.tr("This tab to &Excel (.xlsx)…")
        self._add(export_menu, to_excel, lambda: self.export(".xlsx"), "Ctrl+E")
        self._add(
            export_menu, self.tr("This tab to &PDF…"), lambda: self.export(".pdf"), "Ctrl+Shift+E"
        )
        export_menu.addSeparator()
        for kind in KINDS.values():
            for suffix, label, _filter in FORMATS:
                self._add(
                    export_menu,
                    self.tr("{kind} to {format}…").format(
                        kind=kind_title(kind.key).replace("&", "&&"), format=label
                    ),
                    self._exporter(suffix, kind.key),
                )
        preview = self.tr("Print pre&view…")
        self._add(file_menu, preview, lambda: self.print_tab(preview=True), "Ctrl+Shift+P")
        print_key = QKeySequence.StandardKey.Print
        self._add(file_menu, self.tr("&Print…"), lambda: self.print_tab(preview=False), print_key)
        file_menu.addSeparator()
        settings = self._add(file_menu, self.tr("&Settings…"), self.show_settings, "Ctrl+,")
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: app menu ▸ Settings
        file_menu.addSeparator()
        self._add(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))  # filled by the current tab
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide_key = QKeySequence.StandardKey.HelpContents
        self._add(help_menu, self.tr("&User guide"), self.show_guide, guide_key)
        self._add(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/")
        help_menu.addSeparator()
        self._add(help_menu, self.tr("Load &demo data into a new file…"), self.load_demo)
        help_menu.addSeparator()
        self._add(help_menu, self.tr("&About {app}").format(app=APP_NAME), self.about)

    def _add(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _show_title(self) -> None:
        path = self.session.workbench.path
        if self.session.workbench.read_only:
            title = self.tr("{file} (read-only: changes cannot be saved) — {app}")
        else:
            title = self.tr("{file} — {app}")
        self.setWindowTitle(title.format(file=path.name, app=APP_NAME))
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=path), 5000)

    def start(self) -> None:
        """Fill the first screen; after paint check the file, load the rest, warm up."""
        call_tab(self.tab("suppliers"), "load_first_screen")
        workbench = self.session.workbench
        if workbench.check_pending:
            self._integrity_watch = IntegrityWatch(workbench, self)
            self._integrity_watch.damaged.connect(self._on_damaged)
            self._integrity_watch.start()
        QTimer.singleShot(50, self, workbench.warm_up)
        self._backup_timer.start()  # stopped if the window closes first
        for notice in self.session.opened.notices():  # a copy set aside, an upgrade done
            self._inform(notice)

    def _inform(self, text: str) -> None:
        """News the user should read, without blocking the window (or a script driving it)."""
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _daily_backup(self) -> None:
        from app.ui.backups import start_daily_backup

        if self.session.workbench.read_only:
            return
        self._backup_worker = start_daily_backup(
            self.session.workbench.path, date.today(), self.settings, self, self._show_message
        )

    def _wait_for_backup(self) -> None:
        """No backup starts after this, and one running has finished."""
        self._backup_timer.stop()
        worker = getattr(self, "_backup_worker", None)
        if worker is not None:
            worker.wait()

    def _on_damaged(self, message: str) -> None:
        QMessageBox.critical(
            self,
            APP_NAME,
            self.tr(
                "{message}\n\nNothing will be written to this file. Open a backup with "
                "File ▸ Open, or run 'workbench check --db PATH' for details."
            ).format(message=message),
        )

    # --- audits (opened from any tab that offers them) -------------------------------------
    def open_audits(self, supplier_id: int) -> None:
        """A supplier's factory audits, in a window of their own."""
        from app.ui.audits.audits_dialog import AuditsDialog  # reportlab etc.: only when used

        try:
            dialog = AuditsDialog(self.session.workbench, supplier_id, self, self.operations)
        except WorkbenchError as error:
            self._error(str(error))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.audits_dialog = dialog  # kept alive while open

    def _use_session(self, session: Session) -> None:
        """Rebuild the tabs over another opened database, keeping the current tab."""
        self.session = session
        index = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        self.tabs.clear()
        for host in self.hosts.values():
            host.deleteLater()
        self.operations.deleteLater()
        self._build_tabs()
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        self._on_current_tab()
        self.settings.remember_database(session.workbench.path)
        self._show_title()
        self.start()

    # --- settings -------------------------------------------------------------------------
    def show_settings(self) -> None:
        """File ▸ Settings: this computer's choices and the open database's."""
        from app.ui.settings_dialog import DataSettings, SettingsDialog

        service, agents = self.session.workbench.negotiation, self.session.workbench.consolidation
        try:
            choices = tuple((agent.id, agent.name) for agent in agents.agents())
            before = DataSettings(
                service.home_currency(),
                service.landed_settings(),
                agents.default_agent_id(),
                choices,
            )
        except WorkbenchError as exc:
            self._error(str(exc))
            return
        dialog = SettingsDialog(self.settings, before, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_settings(dialog, before)

    def apply_settings(self, dialog: SettingsDialog, before: DataSettings) -> None:
        """Save what the dialog chose: the computer's at once, the database's as operations."""
        dialog.save_computer_settings()
        chosen = dialog.data_settings()
        service = self.session.workbench.negotiation
        if chosen.home_currency != before.home_currency:
            outcome = self.operations.run(lambda: service.set_home_currency(chosen.home_currency))
            if outcome.refusal is not None:
                return
        if chosen.landed != before.landed:
            outcome = self.operations.run(lambda: service.save_landed_settings(chosen.landed))
            if outcome.refusal is not None:
                return
        if chosen.default_agent_id != before.default_agent_id:
            agents = self.session.workbench.consolidation
            outcome = self.operations.run(lambda: agents.set_default_agent(chosen.default_agent_id))
            if outcome.refusal is not None:
                return
        self.statusBar().showMessage(self.tr("Settings saved."), 5000)

    def show_shortcuts(self) -> None:
        """Every key of the menus and of the opened tabs, searchable, made from the actions."""
        from app.ui.help_dialogs import ShortcutsDialog, shortcut_groups, shortcut_rows

        tabs = [(tab_title(e), self.hosts[e.key].content) for e in TABS]
        groups = shortcut_groups(self.menuBar(), [(title, tab) for title, tab in tabs if tab])
        ShortcutsDialog(shortcut_rows(groups), self).exec()

    def show_guide(self) -> None:
        from app.ui.help_dialogs import GuideDialog

        GuideDialog(self).exec()

    def about(self) -> None:
        from app.exports.kit.pdf_fonts import pdf_font

        try:
            font = pdf_font().describe()
        except WorkbenchError as error:
            font = str(error)
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            + self.tr(
                "<p>An offline workbench for sourcing from 1688.com factories: suppliers, "
                "capacity and credit, samples, negotiation and consolidation.</p>"
                "<p><b>Database:</b> {database}<br>"
                "<b>Settings:</b> {settings}<br>"
                "<b>PDF font:</b> {font}<br>"
                "(set WORKBENCH_PDF_FONT to a .ttf/.ttc file to use another)</p>"
            ).format(
                database=html.escape(str(self.session.workbench.path)),
                settings=html.escape(str(config.settings_path())),
                font=html.escape(font),
            ),
        )

    def _folder(self) -> Path:
        return self.session.workbench.path.parent

    def _error(self, text: str) -> None:
        QMessageBox.warning(self, APP_NAME, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_leave_tabs():
            event.ignore()
            return
        self._leave_tabs()
        self.settings.set(GEOMETRY, self.saveGeometry())
        self.settings.set(TAB, self.tabs.currentIndex())
        self.settings.sync()
        self._wait_for_integrity_watch()
        self._wait_for_backup()
        self.session.close()
        event.accept()

    def _wait_for_integrity_watch(self) -> None:
        watch = getattr(self, "_integrity_watch", None)
        if watch is not None:
            watch.wait()


def _edit_actions(tab: object) -> list[QAction | None]:
    actions = call_tab(tab, "edit_actions", ())
    return list(actions)  # type: ignore[call-overload]
