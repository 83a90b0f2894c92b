"""A damaged file still opens fast, then the background check warns and blocks every write."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.errors import DatabaseCorrupt
from app.services.suppliers.service import SupplierService
from app.ui.main_window import MainWindow
from app.ui.session import open_session
from app.ui.settings import Settings
from tests.factories import hengda
from tests.ui.conftest import DialogAnswers


@pytest.fixture
def damaged_db(db_path: Path, supplier_service: SupplierService) -> Path:
    for number in range(40):
        supplier_service.save(
            hengda(name_zh=f"义乌工厂{number}", shop_url=f"https://s{number}.1688.com")
        )
    supplier_service.database.close()
    size = db_path.stat().st_size
    page_size = int.from_bytes(db_path.read_bytes()[16:18], "big")  # SQLite header
    # Scribble over a whole page in the middle of the file, its header included: garbage in
    # a page's unused middle is not damage that quick_check can see.
    with open(db_path, "r+b") as handle:
        handle.seek(int(size * 0.6) // page_size * page_size)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))
    return db_path


def test_damage_found_after_paint_is_shown_and_nothing_is_written(
    qtbot, damaged_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dialogs: DialogAnswers
) -> None:
    critical: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, _t, text, *a, **k: critical.append(text)
    )
    session = open_session(damaged_db, create=False, quick_check=False)
    window = MainWindow(session, Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: bool(critical), timeout=5000)
    assert "is damaged" in critical[0] and "Nothing will be written" in critical[0]

    before = hashlib.sha256(damaged_db.read_bytes()).hexdigest()
    tab = window.suppliers_tab
    tab.new_supplier()
    tab.editor.name_zh.setText("新供应商")
    assert tab.save() is False
    assert "is damaged" in dialogs.asked[-1]
    assert hashlib.sha256(damaged_db.read_bytes()).hexdigest() == before
    with pytest.raises(DatabaseCorrupt):
        session.workbench.require_intact()
    window.close()
