"""export_matrix: loads the rows, uses the saved weights and thresholds, picks the format."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.matrix.scoring import LevelThresholds, Weights
from app.errors import Cancelled, WorkbenchError
from app.services.exporting import KINDS, export_matrix
from app.services.matrix.rows import load_matrix
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.exports.matrix.test_xlsx import HENGDA, HUAQIANG, ROUNDED_TIE, TIE, UNSCORED, fill_matrix
from tests.exports.pdf_tools import flat, leftovers, pdf_text


@pytest.fixture
def matrix(database: Database, supplier_service: SupplierService) -> MatrixService:
    service = MatrixService(database, today=lambda: TODAY)
    fill_matrix(supplier_service, service)
    return service


def _names(out: Path) -> list[str]:
    sheet = load_workbook(out)["Matrix"]
    return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_matrix_is_an_export_kind() -> None:
    assert "matrix" in KINDS and "suppliers" in KINDS


def test_the_saved_weights_and_thresholds_go_into_the_file(
    matrix: MatrixService, tmp_path: Path
) -> None:
    matrix.save_weights(Weights(Decimal(10), Decimal(30), Decimal(20), Decimal(40)))
    matrix.save_thresholds(LevelThresholds(Decimal(78), Decimal(70), Decimal(60)))
    xlsx = export_matrix(matrix, tmp_path / "m.xlsx")
    legend = {row[0]: row for row in load_workbook(xlsx)["Legend"].iter_rows(values_only=True)}
    assert [legend[name][2] for name in ("Quality", "Delivery", "Service", "Cost")] == [
        10,
        30,
        20,
        40,
    ]
    assert _names(xlsx)[:2] == [HENGDA, ROUNDED_TIE]  # 78.3 each with these weights
    pdf = export_matrix(matrix, tmp_path / "m.pdf")
    assert "Quality 10 % · Delivery 30 % · Service 20 % · Cost 40 %" in flat(pdf_text(pdf))
    assert "levels A ≥ 78, B ≥ 70, C ≥ 60" in flat(pdf_text(pdf))


def test_chosen_ids_keep_their_order(matrix: MatrixService, tmp_path: Path) -> None:
    by_name = {r.display_name: r.supplier_id for r in load_matrix(matrix, TODAY)}
    chosen = [by_name[UNSCORED], by_name[HENGDA], by_name[TIE]]
    out = export_matrix(matrix, tmp_path / "chosen.xlsx", ids=chosen)
    assert _names(out) == [UNSCORED, HENGDA, TIE]


def test_without_ids_the_best_ranked_come_first(matrix: MatrixService, tmp_path: Path) -> None:
    names = _names(export_matrix(matrix, tmp_path / "all.xlsx"))
    assert names[:2] == [HUAQIANG, TIE] and names[-1] == UNSCORED


def test_a_wrong_suffix_is_refused_before_any_work(matrix: MatrixService, tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match=r"\.xlsx or \.pdf"):
        export_matrix(matrix, tmp_path / "m.docx")
    assert not (tmp_path / "m.docx").exists()


def test_cancelling_writes_nothing(matrix: MatrixService, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        export_matrix(matrix, tmp_path / "m.pdf", on_progress=lambda done, total: False)
    assert not (tmp_path / "m.pdf").exists()
    assert leftovers(tmp_path) == []
