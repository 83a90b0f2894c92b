"""`export matrix` on the command line: both formats, and the same one-line errors as suppliers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.exports.matrix.test_xlsx import HENGDA, HUAQIANG, TIE, UNSCORED, fill_matrix
from tests.exports.pdf_tools import flat, pdf_text


@pytest.fixture
def matrix_db(db_path: Path) -> Path:
    """A database holding the seven suppliers of the matrix export tests, closed again."""
    database = Database(db_path)
    try:
        fill_matrix(
            SupplierService(database, today=lambda: TODAY),
            MatrixService(database, today=lambda: TODAY),
        )
    finally:
        database.close()
    return db_path


def _export(db: Path, out: Path) -> int:
    return main(["export", "matrix", "--db", str(db), "--out", str(out)])


def test_export_matrix_to_xlsx_best_ranked_first(
    matrix_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "matrix.xlsx"
    assert _export(matrix_db, out) == 0
    assert capsys.readouterr().out.strip().startswith(f"Exported matrix to {out} (")
    sheet = load_workbook(out)["Matrix"]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(names) == 7
    assert names[:2] == [HUAQIANG, TIE]  # 88.0 each, in supplier order
    assert names[-1] == UNSCORED  # no score: last
    assert sheet["Z2"].value.startswith("=IF(")  # the weighted score: a live formula


def test_export_matrix_to_pdf(matrix_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "matrix.pdf"
    assert _export(matrix_db, out) == 0
    text = flat(pdf_text(out))
    assert HENGDA in text and "Legend" in text and "7 suppliers" in text


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("matrix.csv", "name the file .xlsx or .pdf"),
        ("no-such-folder/matrix.xlsx", "does not exist"),
    ],
)
def test_a_bad_target_is_a_one_line_user_error(
    matrix_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    out = tmp_path / name
    assert _export(matrix_db, out) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("error: ") and message in error
    assert not out.exists()


def test_a_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert _export(missing, tmp_path / "matrix.xlsx") == 1
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()
    assert not (tmp_path / "matrix.xlsx").exists()


def test_an_empty_database_exports_headers_and_the_legend(db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    assert _export(db_path, out) == 0
    workbook = load_workbook(out)
    assert workbook["Matrix"].max_row == 1
    assert workbook["Legend"].max_row > 40


def test_a_real_process_exports_the_matrix(matrix_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "process.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "export",
            "matrix",
            "--db",
            str(matrix_db),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert out.read_bytes().startswith(b"%PDF")
