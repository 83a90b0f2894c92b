"""The matrix PDF read back with poppler: rows, ranks, fills, the legend, fonts and pages."""

from __future__ import annotations

import dataclasses
import time
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.matrix.grade_palette import GRADE_FILL
from app.domain.matrix.rows import MatrixRow, rank_matrix
from app.domain.matrix.scoring import DEFAULT_THRESHOLDS, Scores, Weights
from app.errors import Cancelled
from app.exports.kit.pdf_layout import styles
from app.exports.matrix.pdf import FilledCell, export_matrix_pdf, matrix_row, number_text
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.exports.matrix.test_xlsx import (  # the same seven suppliers as the workbook tests
    FORMULA_NAME,
    HENGDA,
    HUAQIANG,
    REASON,
    TIE,
    UNSCORED,
    MatrixData,
    matrix_data,
)
from tests.exports.pdf_tools import flat, leftovers, page_count, pdf_fonts, pdf_info, pdf_text


@pytest.fixture
def data(database: Database, supplier_service: SupplierService) -> MatrixData:
    return matrix_data(database, supplier_service)


def _export(data: MatrixData, out: Path, **kwargs) -> Path:
    return export_matrix_pdf(
        data.rows, out, weights=data.weights, thresholds=data.thresholds, today=TODAY, **kwargs
    )


@pytest.fixture
def report(tmp_path: Path, data: MatrixData) -> Path:
    return _export(data, tmp_path / "matrix.pdf")


def test_names_ranks_scores_and_levels_print(report: Path, data: MatrixData) -> None:
    text = flat(pdf_text(report))
    for row in data.rows:
        assert row.name_zh in text
    assert "Yiwu Hengda Crafts Factory" in text
    ranking = rank_matrix(data.rows, data.weights, data.thresholds)
    lines = pdf_text(report, layout=True).splitlines()
    for name, expected in ((HENGDA, "78.9"), (HUAQIANG, "88.0"), (TIE, "88.0")):
        ranked = ranking[data.row(name).supplier_id]
        [line] = [line for line in lines if name in line]
        cells = line.split()
        assert cells[0] == str(ranked.rank)
        assert expected in cells and ranked.level.value == cells[-1]
    [unscored] = [line for line in lines if UNSCORED in line]
    assert unscored.split()[0] == "–" and unscored.split()[-1] == "unknown"


def test_grades_credit_and_the_manual_reason_print_as_text(report: Path, data: MatrixData) -> None:
    lines = pdf_text(report, 1, layout=True).splitlines()

    def cells_of(name: str) -> tuple[list[str], list[str]]:
        """The words of a supplier's first line and of the line below it (grades, sources)."""
        [at] = [n for n, line in enumerate(lines) if name in line]
        return lines[at].split(), lines[at + 1].split()

    first, second = cells_of(HENGDA)
    assert first[3:9] == ["Sampling", "120,000", "5", "100", "1,999.5", "4.5"]
    suggested = data.row(HENGDA).credit.suggested.value
    assert second[-6:] == ["excellent", "good", "good", "average", "average", "suggested"]
    assert first[9] == suggested
    first, second = cells_of(HUAQIANG)
    assert first[4:10] == ["9,999", "–", "–", "–", "25", "AA"]
    assert second[-6:] == ["weak", "unknown", "unknown", "unknown", "weak", "manual"]
    rule = data.row(HUAQIANG).credit.suggested.value
    assert f"rule: {rule} · {REASON}" in flat(pdf_text(report))  # literal, never computed
    assert FORMULA_NAME in flat(pdf_text(report))


def test_the_legend_explains_weights_levels_grades_and_ratings(report: Path) -> None:
    text = flat(pdf_text(report))
    assert "Legend" in text
    for phrase in (
        "Performance weights",
        "pass rate, complaint rate, improvement",
        "Increase share and prefer",
        "End cooperation and find a replacement",
        "at least 50,000 and at most 100,000 pieces",
        "Boundaries:",
        "100,000 pieces is good, 50,000 pieces is good",
        "Scored at least",
        "incomplete",
        "very low risk",
        "do not cooperate",
        "Colour key",
        "excellent · level A · credit AAA",
        "Quality 40 % · Delivery 30 % · Service 20 % · Cost 10 %",
        "levels A ≥ 90, B ≥ 75, C ≥ 60",
    ):
        assert phrase in text, phrase


def test_the_only_font_is_the_embedded_cjk_one_and_pages_are_numbered(report: Path) -> None:
    fonts = pdf_fonts(report)
    assert fonts and all(font["emb"] == "yes" for font in fonts)
    assert {font["name"].split("+")[-1] for font in fonts} == {fonts[0]["name"].split("+")[-1]}
    pages = page_count(report)
    info = pdf_info(report)
    assert info["Page size"] == "841.89 x 595.276 pts (A4)"  # landscape
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in pdf_text(report, page)


def test_capacity_cells_wear_the_grade_fill(data: MatrixData) -> None:
    row = data.row(HENGDA)
    ranked = rank_matrix([row])[row.supplier_id]
    cells = matrix_row(row, ranked, styles(7))
    capacity = next(cell for cell in cells if isinstance(cell, FilledCell))
    assert capacity.texts == ["120,000", "excellent"]
    assert capacity.fill == GRADE_FILL[row.capacity[next(iter(row.capacity))].grade]


@pytest.mark.parametrize(
    ("value", "printed"),
    [(Decimal("120000"), "120,000"), (Decimal("1999.50"), "1,999.5"), (Decimal("0.5"), "0.5")],
)
def test_number_text(value: Decimal, printed: str) -> None:
    assert number_text(value) == printed


def _many(data: MatrixData, count: int) -> list[MatrixRow]:
    template = data.row(HENGDA)
    return [
        dataclasses.replace(
            template,
            supplier_id=n,
            name_zh=f"供应商{n:05d}",
            scores=Scores(Decimal(n % 101), Decimal(70), None, Decimal(60)),
        )
        for n in range(1, count + 1)
    ]


def test_two_thousand_rows_stay_linear_with_the_header_on_every_page(
    tmp_path: Path, data: MatrixData
) -> None:
    rows = _many(data, 2000)
    calls: list[tuple[int, int]] = []
    started = time.perf_counter()
    out = export_matrix_pdf(
        rows,
        tmp_path / "many.pdf",
        weights=Weights(),
        thresholds=DEFAULT_THRESHOLDS,
        today=TODAY,
        on_progress=lambda done, total: calls.append((done, total)) is None,
    )
    elapsed = time.perf_counter() - started
    assert elapsed < 60, f"2,000 rows took {elapsed:.1f} s: layout is no longer linear?"
    pages = page_count(out)
    assert pages >= 50
    for page in (1, pages // 2, pages - 1):
        text = pdf_text(out, page, layout=True)
        assert text.index("Response") < text.index("供应商"), f"no header on page {page}"
    assert calls[0] == (0, 2000) and calls[-1] == (2000, 2000)
    assert out.stat().st_size < 3_000_000


def test_cancel_leaves_no_file(tmp_path: Path, data: MatrixData) -> None:
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        export_matrix_pdf(
            _many(data, 300),
            out,
            weights=Weights(),
            thresholds=DEFAULT_THRESHOLDS,
            today=TODAY,
            on_progress=lambda done, total: done < 50,
        )
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_no_rows_says_so_and_still_has_the_legend(tmp_path: Path) -> None:
    out = export_matrix_pdf(
        [], tmp_path / "empty.pdf", weights=Weights(), thresholds=DEFAULT_THRESHOLDS, today=TODAY
    )
    text = flat(pdf_text(out))
    assert "No suppliers to export." in text and "0 suppliers" in text and "Colour key" in text


def test_incomplete_levels_caps_and_trading_companies_print(data: MatrixData) -> None:
    """Issue 13: a level from Cost alone is "incomplete" with what is missing; a capped rating
    says why; a trading company's production is n/a."""
    from app.domain.matrix.capacity import Dimension, Grade
    from app.domain.matrix.rows import CapacityCell

    s = styles(7)
    ranking = rank_matrix(data.rows, data.weights, data.thresholds)
    only_cost = data.row(FORMULA_NAME)
    cells = matrix_row(only_cost, ranking[only_cost.supplier_id], s)
    level = cells[-1]
    assert isinstance(level, FilledCell)
    assert level.texts == ["incomplete"] and level.note == "missing: Quality, Delivery, Service"
    hengda = data.row(HENGDA)
    credit = matrix_row(hengda, ranking[hengda.supplier_id], s)[9]
    assert isinstance(credit, FilledCell)
    assert credit.note == "1 open red flag(s) on record: at most B."
    na = CapacityCell(None, Grade.NOT_APPLICABLE, "n/a")
    trader = dataclasses.replace(hengda, capacity={d: na for d in Dimension})
    area = matrix_row(trader, ranking[hengda.supplier_id], s)[4 + 3]
    assert isinstance(area, FilledCell) and area.texts == ["n/a", "trading company"]
