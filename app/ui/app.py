"""Start the window: one QApplication, the database opened safely, errors shown as dialogs."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app import APP_NAME, config
from app.errors import WorkbenchError
from app.ui import i18n
from app.ui.database_commands import db_filter
from app.ui.main_window import MainWindow
from app.ui.session import Session, open_session
from app.ui.settings import LANGUAGE, Settings

if TYPE_CHECKING:
    from app.ui.suppliers.tab import SuppliersTab


def application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("SourcingWorkbench")
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("com.sourcingworkbench.SourcingWorkbench")  # packaging/linux/
    _ensure_chinese_font()
    return app


def _ensure_chinese_font() -> None:
    """Chinese names must never show as boxes: use the bundled font if the system has none."""
    if QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return
    QFontDatabase.addApplicationFont(str(config.resources_dir() / "fonts" / "wqy-microhei.ttc"))


def open_with_dialogs(path: Path, *, create: bool) -> Session | None:
    """Open `path`; on a problem explain it and let the user pick another file or quit."""
    while True:
        try:
            return open_session(path, create=create, quick_check=False)
        except WorkbenchError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, str(error))
            other = box.addButton(
                QCoreApplication.translate("App", "Open another database…"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is not other:
                return None
            name, _ = QFileDialog.getOpenFileName(
                None,
                QCoreApplication.translate("App", "Open database"),
                str(path.parent),
                db_filter(),
            )
            if not name:
                return None
            path, create = Path(name), False


def show_main_window(path: Path, settings: Settings, *, create: bool = True) -> MainWindow | None:
    """Open the file (explaining any problem) and show its window with the first rows."""
    session = open_with_dialogs(path, create=create)
    if session is None:
        return None
    window = MainWindow(session, settings)
    window.show()
    window.start()
    return window


def run_gui(path: Path, *, create: bool = True, smoke_test: bool = False) -> int:
    """The window until the user quits. `smoke_test`: quit once the window has been shown and
    painted, saying so on stdout (CI starts the real window this way, on the xcb platform)."""
    app = application()
    settings = Settings()
    i18n.install(app, settings.get(LANGUAGE))
    window = show_main_window(path, settings, create=create)
    if window is None:
        return 1
    if smoke_test:
        QTimer.singleShot(1500, lambda: _report_and_quit(app, window))
    return app.exec()


def _report_and_quit(app: QApplication, window: MainWindow) -> None:
    shown = (
        window.isVisible()
        and window.windowHandle() is not None
        and window.windowHandle().isExposed()
    )
    print(f"window {'shown' if shown else 'NOT shown'} on {app.platformName()}", flush=True)
    window.close()
    app.exit(0 if shown else 1)


def render_screenshot(
    path: Path,
    tab: str,
    out: Path,
    size: tuple[int, int] = (1360, 820),
    language: str = i18n.ENGLISH,
) -> Path:
    """Render the main window with `tab` open to a PNG, offscreen (no display needed), in the
    given interface language (English unless asked: screenshots are for the README)."""
    app = application()
    i18n.install(app, language)
    session = open_session(path, create=False, exclusive=False)  # only looks, never writes
    with tempfile.TemporaryDirectory() as scratch:  # default layout; the user's is left alone
        window = MainWindow(session, Settings(Path(scratch) / "settings.ini"))
        _grab(app, window, tab, out, size)
    return out


def _grab(
    app: QApplication, window: MainWindow, tab: str, out: Path, size: tuple[int, int]
) -> None:
    try:
        titles = [
            window.tabs.tabText(i).replace("&&", "&").lower() for i in range(window.tabs.count())
        ]
        keys = list(window.hosts)  # "suppliers", "matrix"…: the same in every language
        wanted = tab.lower().replace("-", " ").replace("_", " ")
        matches = [i for i, key in enumerate(keys) if key == wanted] or [
            i for i, title in enumerate(titles) if title.startswith(wanted) or wanted in title
        ]
        if not matches:
            raise WorkbenchError(f"No tab called '{tab}'. Tabs: {', '.join(titles)}.")
        window.resize(*size)
        window.tabs.setCurrentIndex(matches[0])
        window.start()
        window.show()
        for _ in range(5):
            app.processEvents()
        window.wait_until_loaded()
        for _ in range(5):
            app.processEvents()
        suppliers = cast("SuppliersTab", window.tab("suppliers"))
        if matches[0] == 0 and suppliers.model.rowCount():
            suppliers.table.selectRow(0)  # the editor filled in, as a user sees it
            app.processEvents()
        if not window.grab().save(str(out)):
            raise WorkbenchError(f"Cannot write the screenshot to {out}.")
    finally:
        window.close()
