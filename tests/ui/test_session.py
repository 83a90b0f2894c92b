"""Opening a database for the window (issue 10): one window per file whatever the path, a lock
problem said as what it is, and read-only media opened read-only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.errors import DatabaseError, DatabaseLocked, DatabaseReadOnly
from app.ui import session as session_module
from app.ui.main_window import MainWindow
from app.ui.session import open_session
from app.ui.settings import Settings


def test_a_hard_link_to_an_open_database_gets_no_second_window(
    filled_db: Path, tmp_path: Path
) -> None:
    first = open_session(filled_db, create=False)
    try:
        link = tmp_path / "other-name.sqlite3"
        os.link(filled_db, link)
        with pytest.raises(DatabaseLocked, match="already open in another"):
            open_session(link, create=False)
    finally:
        first.close()


def test_a_lock_that_cannot_be_made_is_not_called_another_window(filled_db: Path) -> None:
    Path(f"{filled_db}.lock").mkdir()  # the lock file's place is taken by a folder
    with pytest.raises(DatabaseError) as refused:
        open_session(filled_db, create=False)
    assert not isinstance(refused.value, DatabaseLocked)
    assert "cannot be read" in str(refused.value) and "process 0" not in str(refused.value)


def test_read_only_media_open_read_only_and_say_so(
    qtbot, filled_db: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch, dialogs
) -> None:
    monkeypatch.setattr(session_module, "_writable", lambda path: False)
    session = open_session(filled_db, create=False)
    assert session.workbench.read_only and session.lock is None
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.start()
    window.tab("suppliers").wait_until_loaded()
    assert "read-only: changes cannot be saved" in window.windowTitle()
    tab = window.tab("suppliers")
    assert tab.model.total == 3  # browsing works
    tab.new_supplier()
    tab.editor.name_zh.setText("温州新星鞋厂")
    assert not tab.save()
    assert "read-only: changes cannot be saved" in dialogs.asked[-1]
    with pytest.raises(DatabaseReadOnly):
        session.workbench.require_intact()
    window.close()
