"""A stored value the app cannot read (issue 10: '20x5' in member_since) stops an export with one
line and leaves the matrix tab saying so with Retry, never "Loading…" forever."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.ui.main_window import MainWindow


def _spoil(db: Path, value: str) -> None:
    connection = sqlite3.connect(db, isolation_level=None)
    try:
        connection.execute("UPDATE suppliers SET member_since = ? WHERE id = 1", (value,))
    finally:
        connection.close()


def test_an_export_names_check_instead_of_a_traceback(
    filled_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _spoil(filled_db, "20x5")
    code = main(["export", "matrix", "--db", str(filled_db), "--out", str(tmp_path / "m.xlsx")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "unexpected" not in err, err
    assert "cannot be read" in err and "workbench check" in err
    assert not (tmp_path / "m.xlsx").exists()


def test_the_matrix_tab_says_its_load_failed_and_retries(window: MainWindow) -> None:
    _spoil(window.session.workbench.path, "20x5")
    window.tabs.setCurrentWidget(window.host("matrix"))
    matrix = window.tab("matrix")
    matrix.wait_until_loaded()
    assert "Could not load the matrix" in matrix.status_label.text()
    assert "cannot be read" in matrix.status_label.text()
    assert not matrix.retry_button.isHidden()
    _spoil(window.session.workbench.path, "2015")
    matrix.retry_button.click()
    matrix.wait_until_loaded()
    assert matrix.retry_button.isHidden() and matrix.model.rowCount() == 3
