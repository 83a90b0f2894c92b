"""Fixtures for widget tests: a window over a temporary database, dialogs answered by fakes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services.suppliers.service import SupplierService
from app.ui.main_window import MainWindow
from app.ui.session import open_session
from app.ui.settings import Settings
from tests.conftest import TODAY
from tests.factories import hengda, minimal


@pytest.fixture
def filled_db(db_path: Path, supplier_service: SupplierService) -> Path:
    supplier_service.insert_many(
        [
            hengda(),
            minimal(
                "深圳市华强通讯配件有限公司", "Huaqiang Phone Parts", province="广东", city="深圳"
            ),
            minimal(name_en="Ningbo Homeware", province="浙江", city="宁波", status="approved"),
        ]
    )
    supplier_service.database.close()
    return db_path


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, filled_db: Path, settings: Settings) -> Iterator[MainWindow]:
    session = open_session(filled_db, create=False)
    session.workbench.today = lambda: TODAY
    main_window = MainWindow(session, settings)
    qtbot.addWidget(main_window)
    main_window.show()
    main_window.activateWindow()
    qtbot.waitActive(main_window)
    main_window.start()
    main_window.suppliers_tab.wait_until_loaded()
    yield main_window
    if main_window.isVisible():
        main_window.close()


class DialogAnswers:
    """Replaces QMessageBox's static dialogs: records what was asked, answers as told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        # By default: keep nothing unsaved, confirm nothing destructive, never block.
        self.answer = QMessageBox.StandardButton.Discard
        for name in ("question", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, name, self._reply)
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box: QMessageBox) -> int:
        self.asked.append(f"{box.text()}\n{box.informativeText()}\n{box.detailedText()}")
        return int(QMessageBox.StandardButton.Close)

    def _reply(self, _parent, title, text, *args, **kwargs):
        self.asked.append(f"{title}: {text}")
        return self.answer


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> DialogAnswers:
    """No widget test can hang on a modal message box."""
    return DialogAnswers(monkeypatch)


@pytest.fixture(autouse=True)
def empty_clipboard() -> Iterator[None]:
    """Tests that paste leave nothing on the clipboard: mime data still owned by the
    clipboard when the interpreter exits crashes it (a segfault after the last test)."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()
