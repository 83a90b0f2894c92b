"""The matrix workbook as LibreOffice computes it: scores, levels and ranks match the app,
before and after a partner changes the weights and level minimums on the Legend sheet."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.matrix.rows import rank_matrix
from app.domain.matrix.scoring import LevelThresholds, Weights
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.exports.libreoffice import convert_to_csv, csv_dicts, needs_libreoffice
from tests.exports.matrix.test_xlsx import (
    FORMULA_NAME,
    HALF_UP,
    HENGDA,
    HUAQIANG,
    REASON,
    ROUNDED_TIE,
    TIE,
    UNSCORED,
    MatrixData,
    export_workbook,
    matrix_data,
)

D = Decimal
# The partner's edit: Quality 40 -> 10 and Cost 10 -> 40; level A from 90 down to 78, B to 70.
CHANGED_WEIGHTS = Weights(D(10), D(30), D(20), D(40))
CHANGED_THRESHOLDS = LevelThresholds(D(78), D(70), D(60))


@pytest.fixture
def data(database: Database, supplier_service: SupplierService) -> MatrixData:
    return matrix_data(database, supplier_service)


@pytest.fixture
def workbook_path(tmp_path: Path, data: MatrixData) -> Path:
    return export_workbook(data, tmp_path / "matrix.xlsx")


def libreoffice_csv(files: list[Path], tmp_path: Path) -> dict[Path, list[dict[str, str]]]:
    """Each workbook's first sheet as LibreOffice computes it (formulas recalculated)."""
    return {path: csv_dicts(out) for path, out in convert_to_csv(files, tmp_path).items()}


def _expected(data: MatrixData, weights: Weights, thresholds: LevelThresholds) -> dict:
    ranking = rank_matrix(data.rows, weights, thresholds)
    expected = {}
    for row in data.rows:
        ranked = ranking[row.supplier_id]
        score = "" if ranked.score is None else str(ranked.score)
        rank = "" if ranked.rank is None else str(ranked.rank)
        expected[row.display_name] = (score, ranked.level.value, rank)
    return expected


def _computed(csv_rows: list[dict[str, str]]) -> dict:
    return {r["Chinese name"]: (r["Weighted score"], r["Level"], r["Rank"]) for r in csv_rows}


def _edit_legend(path: Path, weights: Weights, thresholds: LevelThresholds) -> None:
    """What a partner does in Excel: type new weights and level minimums on the Legend."""
    workbook = load_workbook(path)
    legend = workbook["Legend"]
    inputs = {
        **{c.label: w for c, w in weights.as_dict().items()},
        "Scored at least": weights.min_known,
        "A": thresholds.a,
        "B": thresholds.b,
        "C": thresholds.c,
    }
    for row in legend.iter_rows():
        if row[0].value in inputs and isinstance(row[2].value, int | float):
            row[2].value = inputs[row[0].value]
    workbook.save(path)


@needs_libreoffice
def test_libreoffice_recomputes_scores_levels_and_ranks_as_the_app_does(
    workbook_path: Path, data: MatrixData, tmp_path: Path
) -> None:
    edited = tmp_path / "edited.xlsx"
    shutil.copy(workbook_path, edited)
    _edit_legend(edited, CHANGED_WEIGHTS, CHANGED_THRESHOLDS)

    sheets = libreoffice_csv([workbook_path, edited], tmp_path)

    as_exported = _computed(sheets[workbook_path])
    assert as_exported == _expected(data, data.weights, data.thresholds)
    assert as_exported[HENGDA] == ("78.9", "B", "4")  # cost missing: (3200+2100+1800) / 90
    assert as_exported[HUAQIANG] == as_exported[TIE] == ("88.0", "B", "1")
    assert as_exported[UNSCORED] == ("", "unknown", "")

    recomputed = _computed(sheets[edited])
    assert recomputed == _expected(data, CHANGED_WEIGHTS, CHANGED_THRESHOLDS)
    assert recomputed[HALF_UP] == ("71.1", "B", "5")  # 71.05 rounds half-up
    assert recomputed[HENGDA] == recomputed[ROUNDED_TIE] == ("78.3", "A", "1")  # 78.33, 78.34
    assert recomputed[HUAQIANG] == recomputed[TIE] == ("77.5", "B", "3")
    # Only Cost is scored: 40 % of the weight, under the 50 % a level needs.
    assert recomputed[FORMULA_NAME] == ("55.0", "incomplete", "")
    assert recomputed[UNSCORED] == ("", "unknown", "")


@needs_libreoffice
def test_the_share_a_level_needs_is_a_legend_cell_the_formulas_read(
    workbook_path: Path, data: MatrixData, tmp_path: Path
) -> None:
    """Issue 13: incomplete is a formula over the Legend's "Scored at least" cell."""
    lowered = tmp_path / "lowered.xlsx"
    shutil.copy(workbook_path, lowered)
    weights = Weights(*CHANGED_WEIGHTS.as_dict().values(), min_known=D(40))
    _edit_legend(lowered, weights, CHANGED_THRESHOLDS)
    sheets = libreoffice_csv([workbook_path, lowered], tmp_path)
    as_exported = {r["Chinese name"]: r for r in sheets[workbook_path]}
    assert as_exported[FORMULA_NAME]["Level"] == "incomplete"
    assert as_exported[FORMULA_NAME]["Missing scores"] == "Quality, Delivery, Service"
    assert as_exported[HENGDA]["Missing scores"] == ""  # cost missing, 90 % scored: complete
    computed = _computed(sheets[lowered])
    assert computed == _expected(data, weights, CHANGED_THRESHOLDS)
    assert computed[FORMULA_NAME] == ("55.0", "D", "6")  # exactly 40 % is enough now


@needs_libreoffice
def test_libreoffice_keeps_chinese_and_formula_looking_text(
    workbook_path: Path, tmp_path: Path
) -> None:
    [rows] = libreoffice_csv([workbook_path], tmp_path).values()
    by_name = {r["Chinese name"]: r for r in rows}
    assert FORMULA_NAME in by_name  # a formula would show 2
    assert by_name[HUAQIANG]["Override reason"] == REASON
    assert by_name[HENGDA]["Province"] == "浙江"
    assert by_name[HENGDA]["Capacity (pcs/month)"] == "120,000"
