"""Help: the keyboard shortcuts come from the actions themselves, the guide ships offline, and
the demo loads into a new file from the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app.ui.help_dialogs import GuideDialog, ShortcutsDialog, shortcut_groups, shortcut_rows
from app.ui.main_window import MainWindow


def test_the_shortcut_list_is_made_from_the_actions_and_searchable(window: MainWindow) -> None:
    window.tab("matrix")  # an opened tab's own actions are listed too
    tabs = [(key, window.hosts[key].content) for key in ("suppliers", "matrix")]
    rows = shortcut_rows(shortcut_groups(window.menuBar(), tabs))
    keys = {(action, where): keys for action, keys, where in rows}
    assert keys[("This tab to Excel (.xlsx)", "File ▸ Export")] == "Ctrl+E"
    assert keys[("New supplier", "suppliers tab")] == "Ctrl+N"
    assert keys[("Audits of this supplier", "matrix tab")] == "Ctrl+Shift+A"
    dialog = ShortcutsDialog(rows, window)
    dialog.search.setText("export")
    shown = [dialog.proxy.index(r, 2).data() for r in range(dialog.proxy.rowCount())]
    assert len(shown) >= 2 and all("Export" in where for where in shown)


def test_the_user_guide_is_shown_offline(qtbot) -> None:
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    assert "A typical week" in dialog.browser.toPlainText()


def test_help_loads_the_demo_into_a_new_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "try-me.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.load_demo()
    assert window.session.workbench.path == target.resolve()
    window.tab("suppliers").wait_until_loaded()
    assert window.tab("suppliers").model.total >= 30
