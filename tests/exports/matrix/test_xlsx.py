"""The matrix workbook read back: values, fills, formulas and legend (and the seven suppliers
every matrix export test uses)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.matrix.capacity import Dimension, FactSource, Grade
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.grade_palette import CREDIT_FILL, GRADE_FILL, LEVEL_FILL, colour_key
from app.domain.matrix.rows import MatrixRow
from app.domain.matrix.scoring import DEFAULT_THRESHOLDS, Level, LevelThresholds, Scores, Weights
from app.domain.suppliers.supplier import Supplier
from app.errors import Cancelled
from app.exports.matrix.xlsx import HEADERS, export_matrix_xlsx
from app.services.matrix.rows import load_matrix
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.exports.pdf_tools import leftovers
from tests.factories import hengda, minimal

D = Decimal
HENGDA, HUAQIANG, TIE = "义乌市恒达工艺品厂", "深圳市华强通讯配件有限公司", "泉州鞋业有限公司"
HALF_UP, UNSCORED, FORMULA_NAME, ROUNDED_TIE = (
    "苏州纺织品贸易",
    "广州美妆包装厂",
    "=1+1",
    "宁波园林工具",
)
REASON = "=known them for years"  # a manual rating's reason that looks like a formula


@dataclass(frozen=True)
class MatrixData:
    rows: list[MatrixRow]
    weights: Weights
    thresholds: LevelThresholds

    def row(self, name: str) -> MatrixRow:
        return next(r for r in self.rows if r.display_name == name)


def fill_matrix(suppliers: SupplierService, matrix: MatrixService) -> None:
    """Seven suppliers: renormalised, tied, half-up, unscored, tied only after rounding..."""

    def save(supplier: Supplier) -> int:
        return suppliers.save(supplier).created[0]

    ids = {
        HENGDA: save(hengda()),
        HUAQIANG: save(minimal(HUAQIANG, "Shenzhen Huaqiang Parts", province="广东")),
        TIE: save(minimal(TIE, "Quanzhou Shoes", province="福建")),
        HALF_UP: save(minimal(HALF_UP, "Suzhou Textiles", province="江苏")),
        UNSCORED: save(minimal(UNSCORED)),
        FORMULA_NAME: save(minimal(FORMULA_NAME, "Formula Co")),
        ROUNDED_TIE: save(minimal(ROUNDED_TIE, "Ningbo Garden Tools")),
    }
    facts = {
        Dimension.MONTHLY_CAPACITY: 120_000,  # excellent
        Dimension.PRODUCTION_LINES: 5,  # exactly 5: good
        Dimension.EMPLOYEES: 100,  # exactly 100: good
        Dimension.FACTORY_AREA: D("1999.5"),  # average
        Dimension.RESPONSE_TIME: D("4.5"),  # average
    }
    for dimension, value in facts.items():
        matrix.record_capacity_fact(ids[HENGDA], dimension, value, FactSource.AUDIT, TODAY)
    matrix.record_capacity_fact(ids[HUAQIANG], Dimension.MONTHLY_CAPACITY, 9_999, "supplier_word")
    matrix.record_capacity_fact(ids[HUAQIANG], Dimension.RESPONSE_TIME, 25, "supplier_word")
    evaluations = {
        HENGDA: Scores(D(80), D(70), D(90), None),  # cost missing: renormalised
        HUAQIANG: Scores(D(95), D(90), D(85), D(60)),
        TIE: Scores(D(95), D(90), D(85), D(60)),  # the same: a shared rank
        HALF_UP: Scores(D("80.5"), D(70), D(90), D(60)),  # 71.05 with the changed weights
        FORMULA_NAME: Scores(None, None, None, D(55)),  # only cost
        ROUNDED_TIE: Scores(D(94), D(80), D(55), D("84.85")),  # 78.34: ties 78.33 after ROUND
    }
    for name, scores in evaluations.items():
        matrix.save_evaluation(ids[name], "2026-Q3", scores)
    matrix.save_credit_inputs(ids[HENGDA], CreditInputs(Trend.RISING, D("4.7"), 0, D(35)))
    matrix.save_credit_inputs(
        ids[HUAQIANG], CreditInputs(Trend.FALLING), CreditOverride(CreditRating.AA, REASON)
    )


def matrix_data(database: Database, supplier_service: SupplierService) -> MatrixData:
    """The seven suppliers of fill_matrix as loaded rows, with the saved (default) settings."""
    matrix = MatrixService(database, today=lambda: TODAY)
    fill_matrix(supplier_service, matrix)
    return MatrixData(load_matrix(matrix, TODAY), matrix.weights(), matrix.thresholds())


@pytest.fixture
def data(database: Database, supplier_service: SupplierService) -> MatrixData:
    return matrix_data(database, supplier_service)


def export_workbook(data: MatrixData, out: Path) -> Path:
    return export_matrix_xlsx(
        data.rows, out, weights=data.weights, thresholds=data.thresholds, today=TODAY
    )


@pytest.fixture
def workbook_path(tmp_path: Path, data: MatrixData) -> Path:
    return export_workbook(data, tmp_path / "matrix.xlsx")


def _records(sheet: Worksheet) -> dict[str, dict[str, object]]:
    """Matrix rows by Chinese name, each as {header: cell}."""
    header, *rows = sheet.iter_rows()
    names = [cell.value for cell in header]
    return {row[0].value: dict(zip(names, row, strict=True)) for row in rows}


def _fill(cell) -> str:
    return "#" + cell.fill.fgColor.rgb[-6:].lower()


# --- the Matrix sheet --------------------------------------------------------------------


def test_matrix_first_then_legend_frozen_names_filter_and_widths(
    workbook_path: Path, data: MatrixData
) -> None:
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == ["Matrix", "Legend"]
    sheet = workbook["Matrix"]
    assert workbook.active.title == "Matrix"  # the sheet a CSV conversion takes
    assert sheet.freeze_panes == "C2"  # header row and both name columns
    assert sheet.auto_filter.ref == f"A1:AC{len(data.rows) + 1}"
    assert [cell.value for cell in sheet[1]] == [header for header, _ in HEADERS]
    assert sheet["A1"].font.b
    assert all(sheet.column_dimensions[c.column_letter].width >= 6 for c in sheet[1])
    assert sheet.column_dimensions["A"].width >= 26  # Chinese names


def test_a_row_holds_names_raw_values_grades_credit_and_scores(workbook_path: Path) -> None:
    row = _records(load_workbook(workbook_path)["Matrix"])[HENGDA]
    assert row["English name"].value == "Yiwu Hengda Crafts Factory"
    assert (row["Province"].value, row["Status"].value) == ("浙江", "Sampling")
    assert row["Capacity (pcs/month)"].value == 120_000
    assert row["Capacity (pcs/month)"].data_type == "n"
    assert row["Capacity (pcs/month)"].number_format == "#,##0"
    assert row["Area (m²)"].value == 1999.5 and row["Area (m²)"].number_format == "#,##0.0##"
    grades = {
        "Capacity grade": Grade.EXCELLENT,
        "Lines grade": Grade.GOOD,
        "Employees grade": Grade.GOOD,
        "Area grade": Grade.AVERAGE,
        "Response grade": Grade.AVERAGE,
    }
    for header, grade in grades.items():
        assert row[header].value == grade.value
        assert _fill(row[header]) == GRADE_FILL[grade]
    assert row["Rating source"].value == "suggested"
    assert row["Override reason"].value is None
    assert row["Period"].value == "2026-Q3"
    scores = [row[h].value for h in ("Quality", "Delivery", "Service", "Cost")]
    assert scores == [80, 70, 90, None]  # a missing score is an empty cell, not 0


def test_unknown_values_are_empty_cells_graded_unknown(workbook_path: Path) -> None:
    row = _records(load_workbook(workbook_path)["Matrix"])[UNSCORED]
    for value_header, grade_header in (("Lines", "Lines grade"), ("Area (m²)", "Area grade")):
        assert row[value_header].value is None
        assert row[grade_header].value == "unknown"
        assert _fill(row[grade_header]) == GRADE_FILL[Grade.UNKNOWN]
    assert [row[h].value for h in ("Period", "Quality", "Cost")] == [None, None, None]


def test_manual_rating_shows_both_ratings_the_source_and_the_literal_reason(
    workbook_path: Path, data: MatrixData
) -> None:
    rows = _records(load_workbook(workbook_path)["Matrix"])
    row = rows[HUAQIANG]
    suggested = data.row(HUAQIANG).credit.suggested
    assert row["Credit rating"].value == "AA"
    assert _fill(row["Credit rating"]) == CREDIT_FILL[CreditRating.AA]
    assert row["Suggested rating"].value == suggested.value
    assert _fill(row["Suggested rating"]) == CREDIT_FILL[suggested]
    assert row["Rating source"].value == "manual"
    assert row["Override reason"].value == REASON
    assert row["Override reason"].data_type == "s"  # text, never a formula
    assert rows[FORMULA_NAME]["Chinese name"].data_type == "s"
    assert rows[HUAQIANG]["Capacity grade"].value == "weak"


def test_score_level_and_rank_are_formulas_on_the_legend_cells(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    matrix, legend = workbook["Matrix"], workbook["Legend"]
    row = _records(matrix)[HENGDA]
    weighted = row["Weighted score"].value
    n = row["Weighted score"].row
    assert weighted.startswith("=IF(") and "ROUND(" in weighted
    assert row["Weighted score"].number_format == "0.0"
    weight_cells = re.findall(r"Legend!\$C\$(\d+)", weighted)
    assert [legend[f"C{r}"].value for r in dict.fromkeys(weight_cells)] == [40, 30, 20, 10]
    assert [legend[f"A{r}"].value for r in dict.fromkeys(weight_cells)] == [
        "Quality",
        "Delivery",
        "Service",
        "Cost",
    ]
    level = row["Level"].value
    *_, min_known, a, b, c = re.findall(r"Legend!\$C\$(\d+)", level)
    assert [legend[f"C{r}"].value for r in (a, b, c)] == [90, 75, 60]
    assert (legend[f"A{min_known}"].value, legend[f"C{min_known}"].value) == ("Scored at least", 50)
    assert level.startswith(f'=IF(Z{n}="","unknown",IF((')
    assert f')<Legend!$C${min_known},"incomplete",' in level
    assert row["Missing scores"].value.startswith(f'=IF(AA{n}="incomplete",MID(')
    assert row["Rank"].value == (
        f'=IF(OR(Z{n}="",AA{n}="incomplete"),"",'
        f'COUNTIFS($Z$2:$Z$8,">"&Z{n},$AA$2:$AA$8,"<>incomplete")+1)'
    )


def test_level_fills_follow_the_recomputed_level(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["Matrix"]
    [(cells, rules)] = [(str(cf.sqref), cf.rules) for cf in sheet.conditional_formatting]
    assert cells == "AA2:AA8"
    fills = {rule.formula[0]: "#" + rule.dxf.fill.fgColor.rgb[-6:].lower() for rule in rules}
    assert fills == {f'"{level.value}"': LEVEL_FILL[level] for level in Level}


def test_no_rows_gives_headers_and_the_legend(tmp_path: Path) -> None:
    out = export_matrix_xlsx(
        [], tmp_path / "empty.xlsx", weights=Weights(), thresholds=DEFAULT_THRESHOLDS, today=TODAY
    )
    workbook = load_workbook(out)
    assert workbook["Matrix"].max_row == 1
    assert workbook["Legend"]["A1"].value.startswith("Capacity & Credit matrix")


def test_progress_reaches_the_total_and_cancel_keeps_the_old_file(
    tmp_path: Path, data: MatrixData
) -> None:
    many = data.rows * 200  # 1,400 rows
    seen: list[tuple[int, int]] = []
    kwargs = {"weights": data.weights, "thresholds": data.thresholds, "today": TODAY}
    export_matrix_xlsx(
        many, tmp_path / "many.xlsx", on_progress=lambda d, t: seen.append((d, t)) or True, **kwargs
    )
    assert seen == [(500, 1400), (1000, 1400), (1400, 1400)]
    out = tmp_path / "old.xlsx"
    out.write_bytes(b"the previous export")
    with pytest.raises(Cancelled):
        export_matrix_xlsx(many, out, on_progress=lambda d, t: d < 1000, **kwargs)
    assert out.read_bytes() == b"the previous export"
    assert leftovers(tmp_path) == []


# --- the Legend sheet --------------------------------------------------------------------


def _legend_rows(workbook_path: Path) -> list[list[object]]:
    sheet = load_workbook(workbook_path)["Legend"]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_legend_has_weights_total_levels_grades_ratings_and_colours(workbook_path: Path) -> None:
    rows = _legend_rows(workbook_path)
    triples = [tuple(row[:3]) for row in rows]
    for expected in [
        ("Quality", "pass rate, complaint rate, improvement", 40),
        ("Delivery", "on-time rate, quantity accuracy", 30),
        ("Service", "response speed, problem solving", 20),
        ("Cost", "price competitiveness, cost reduction", 10),
        ("A", "Increase share and prefer", 90),
        ("B", "Keep and improve", 75),
        ("C", "Reduce orders, demand corrective action", 60),
        ("D", "End cooperation and find a replacement", "under level C's minimum"),
        ("Monthly capacity", "at least 50,000 and at most 100,000 pieces", "good"),
        ("Response time", "over 24 h", "weak"),
        ("AAA", "excellent", "very low risk"),
        ("C", "very poor", "do not cooperate"),
        *((tone.value, used_for, None) for tone, used_for in colour_key()),
    ]:
        assert expected in triples
    [total] = [row for row in rows if row[0] == "Total"]
    assert total[1] == "must add up to 100"
    assert re.fullmatch(r"=SUM\(C\d+:C\d+\)", total[2])
    assert total[3].startswith(f"=IF(C{rows.index(total) + 1}=100,")
    notes = [row[0] for row in rows if isinstance(row[0], str) and len(row[0]) > 80]
    boundaries = next(note for note in notes if note.startswith("Boundaries:"))
    assert "100,000 pieces is good, 50,000 pieces is good, 10,000 pieces is average" in boundaries
    assert "n/a, never weak" in boundaries
    assert (
        "Scored at least",
        "share of the weight the scored criteria must carry for a level",
        50,
    ) in triples
    assert triples[[t[0] for t in triples].index("incomplete")][:2] == (
        "incomplete",
        "Score the missing criteria before deciding",
    )
    assert any(note.startswith("Weighted score = ") for note in notes)


def test_legend_fills_and_editable_cells(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["Legend"]
    cells = {row[0].value: row for row in sheet.iter_rows() if row[0].value}
    assert _fill(cells["best"][0]) == colour_key()[0][0].fill
    assert _fill(cells["AAA"][0]) == CREDIT_FILL[CreditRating.AAA]
    quality = cells["Quality"][2]
    assert quality.font.b and quality.border.left.style == "thin"
    [validation] = sheet.data_validations.dataValidation
    assert (validation.type, validation.formula1, validation.formula2) == ("decimal", "0", "100")
    assert quality.coordinate in validation.sqref
    [total_rule] = sheet.conditional_formatting
    assert str(total_rule.sqref) == cells["Total"][2].coordinate


def test_dates_are_not_the_clock(tmp_path: Path, data: MatrixData) -> None:
    out = export_matrix_xlsx(
        data.rows,
        tmp_path / "d.xlsx",
        weights=Weights(),
        thresholds=DEFAULT_THRESHOLDS,
        today=date(2027, 1, 2),
    )
    assert "2027-01-02" in load_workbook(out)["Legend"]["A1"].value


def test_the_palette_colours_every_grade_level_and_rating_by_one_scale() -> None:
    from app.domain.matrix.grade_palette import CREDIT_TONE, GRADE_TONE, LEVEL_TONE, Tone

    assert set(GRADE_FILL) == set(Grade) and set(LEVEL_FILL) == set(Level)
    assert set(CREDIT_FILL) == set(CreditRating)
    assert len({tone.fill for tone in Tone}) == len(Tone)  # six different colours
    assert all(re.fullmatch(r"#[0-9a-f]{6}", tone.fill) for tone in Tone)
    # the same meaning wears the same colour: best with best, worst with worst, unknown grey
    assert GRADE_TONE[Grade.EXCELLENT] is LEVEL_TONE[Level.A] is CREDIT_TONE[CreditRating.AAA]
    assert GRADE_TONE[Grade.WEAK] is LEVEL_TONE[Level.D] is CREDIT_TONE[CreditRating.C]
    assert GRADE_FILL[Grade.UNKNOWN] == LEVEL_FILL[Level.UNKNOWN] == Tone.UNKNOWN.fill


def test_buyer_protection_and_the_reason_for_a_capped_rating_are_cells(
    workbook_path: Path,
) -> None:
    rows = _records(load_workbook(workbook_path)["Matrix"])
    assert rows[HENGDA]["Buyer protection"].value == "yes"
    assert rows[UNSCORED]["Buyer protection"].value == "unknown"  # never "no" by default
    assert rows[HENGDA]["Rating caps"].value == "1 open red flag(s) on record: at most B."
    assert rows[UNSCORED]["Rating caps"].value is None
