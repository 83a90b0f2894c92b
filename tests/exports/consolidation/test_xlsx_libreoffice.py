"""The Boxes sheet as LibreOffice computes it: every chargeable weight formula gives the app's
figure to the gram, on boxes at the boundaries of every rule a line can have (exactly on a
step, a volume trigger exactly at its side, volumetric = actual, a rounding band's top, sides
rounded to whole cm, 分泡, a minimum, sea W/M), and after a partner edits a box."""

from __future__ import annotations

import dataclasses
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.consolidation.chargeable import weigh
from app.domain.consolidation.parcels import Dimensions
from app.exports.consolidation.data import ConsolidationExport, shown_line
from app.exports.consolidation.xlsx import export_consolidation_xlsx
from tests.exports.consolidation.boundary import CASES, single_box_plan
from tests.exports.consolidation.fixtures import FORMULA_TEXT, HENGDA, export_data
from tests.exports.consolidation.recalc import recalculated
from tests.exports.libreoffice import needs_libreoffice

D = Decimal
GRAM = D("0.001")
TOTAL = "Total · 合计"


def kg(value: object) -> Decimal:
    """A computed weight to the gram (LibreOffice computes in binary floating point)."""
    assert isinstance(value, int | float), value
    return Decimal(repr(value)).quantize(GRAM)


def box_table(ws: Worksheet) -> tuple[list[dict[str, object]], dict[str, object]]:
    """The Boxes sheet's box rows and its total row, by English header."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(n for n, row in enumerate(rows) if row[0] == "Box\n箱号")
    headers = [str(h).split("\n")[0] if h else "" for h in rows[start]]
    table = [dict(zip(headers, row, strict=False)) for row in rows[start + 1 :]]
    end = next(n for n, row in enumerate(table) if str(row["Parcels"]).startswith(TOTAL))
    return table[:end], table[end]


def setting(ws: Worksheet, label: str) -> object:
    [value] = [row[2] for row in ws.iter_rows(values_only=True) if str(row[0]).startswith(label)]
    return value


def lines_chargeable(book: Workbook) -> dict[str, object]:
    return {
        row[0]: row[5] for row in book["Lines"].iter_rows(min_row=2, values_only=True) if row[1]
    }


@pytest.fixture(scope="module")
def computed(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[ConsolidationExport, Workbook]]:
    """Every boundary case and the realistic plan, exported and recalculated in one run."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    folder = tmp_path_factory.mktemp("consolidation")
    exports = {name: single_box_plan(line, boxes) for name, (line, boxes) in CASES.items()}
    exports["realistic"] = export_data()
    files = {name: folder / f"{name}.xlsx" for name in exports}
    for name, data in exports.items():
        export_consolidation_xlsx(data, files[name])
    books = recalculated(list(files.values()), folder)
    return {name: (exports[name], books[files[name]]) for name in exports}


WEIGHT_CASES = [name for name, (line, _) in CASES.items() if not line.is_sea]
SEA_CASES = [name for name, (line, _) in CASES.items() if line.is_sea]


@needs_libreoffice
@pytest.mark.parametrize("case", [*WEIGHT_CASES, "realistic"])
def test_each_box_formula_gives_the_domains_chargeable_weight(computed, case: str) -> None:
    data, book = computed[case]
    shown = shown_line(data)
    assert shown is not None
    rows, total = box_table(book["Boxes"])
    assert len(rows) == len(shown.way.split.boxes)
    for row, priced in zip(rows, shown.way.split.boxes, strict=True):
        assert priced.quote is not None
        weighing = priced.quote.weighing
        assert kg(row["Chargeable kg"]) == weighing.chargeable_kg, (case, row)
        assert kg(row["Base kg"]) == weighing.base_kg.quantize(GRAM), (case, row)
        assert Decimal(repr(row["Step kg"])) == weighing.step_kg
        if weighing.volumetric_kg is not None:
            assert abs(Decimal(repr(row["Volumetric kg"])) - weighing.volumetric_kg) < Decimal(
                "1e-9"
            )
        if "Volume counts" in row:
            assert row["Volume counts"] is weighing.volume_counts
    assert kg(total["Chargeable kg"]) == shown.way.chargeable_kg
    # The Lines sheet's figure for this line is the Boxes sheet's total.
    assert kg(lines_chargeable(book)[shown.name.line]) == shown.way.chargeable_kg


@needs_libreoffice
@pytest.mark.parametrize("case", SEA_CASES)
def test_sea_w_m_and_chargeable_kg_are_the_domains(computed, case: str) -> None:
    data, book = computed[case]
    shown = shown_line(data)
    assert shown is not None and shown.way.split.sea is not None
    tons = shown.way.split.sea.tons
    ws = book["Boxes"]
    assert Decimal(repr(setting(ws, "W/M (revenue tons)"))).quantize(Decimal("1e-9")) == (
        tons.revenue_tons.quantize(Decimal("1e-9"))
    )
    assert kg(setting(ws, "Chargeable kg")) == tons.chargeable_kg == shown.way.chargeable_kg
    assert kg(lines_chargeable(book)[shown.name.line]) == shown.way.chargeable_kg


@needs_libreoffice
def test_the_boundaries_land_where_the_rules_say(computed) -> None:
    """The expected figures in plain numbers, so a wrong domain could not pass silently."""

    def charged(case: str) -> list[Decimal]:
        rows, _ = box_table(computed[case][1]["Boxes"])
        return [kg(row["Chargeable kg"]) for row in rows]

    assert charged("ems_over_60") == [
        3,
        Decimal("12.5"),
        Decimal("2.5"),
        10,
        Decimal("10.5"),
        Decimal("20.5"),
    ]
    assert charged("at_least_60") == [16, 3, 16]
    assert charged("half_volumetric") == [7, 5, 12, 10, 7]
    assert charged("dhl") == [1, Decimal("20.5"), 21, Decimal("15.5"), 20, 20, 41, 41]
    assert charged("decimal_sides") == [D("15.5"), 17, D("8.5"), D("1.5")]
    assert charged("actual_only") == [Decimal("3.3"), Decimal("0.5"), Decimal("1.3")]
    sea = {case: kg(setting(computed[case][1]["Boxes"], "Chargeable kg")) for case in SEA_CASES}
    assert sea == {
        "sea_by_volume": 1450,
        "sea_on_a_step": 1230,
        "sea_by_weight": Decimal("750.5"),
        "sea_minimum": 1000,
    }


@needs_libreoffice
def test_user_text_stays_text_after_recalculation(computed) -> None:
    _, book = computed["realistic"]
    parcels = list(book["Parcels"].iter_rows(min_row=2, values_only=True))
    assert list(parcels[-1][:3]) == [FORMULA_TEXT, "=1+1 工厂", "=SUM(A1)"]
    assert parcels[0][1] == HENGDA
    rows, _ = box_table(book["Boxes"])
    assert any(FORMULA_TEXT in str(row["Parcels"]) for row in rows)
    items = [row[0] for row in book["Allocation"].iter_rows(min_row=2, values_only=True)]
    assert f"{FORMULA_TEXT} (=SUM(A1))" in items


@needs_libreoffice
def test_a_partners_edit_recomputes_the_chargeable_weight(computed, tmp_path: Path) -> None:
    """Change a box's height and the divisor in the workbook: LibreOffice's figure is what the
    domain gives for the edited box on the edited line."""
    data, _ = computed["dhl"]
    shown = shown_line(data)
    assert shown is not None
    path = tmp_path / "edited.xlsx"
    export_consolidation_xlsx(data, path)
    book = load_workbook(path)
    ws = book["Boxes"]
    [divisor] = [r for r in ws.iter_rows() if str(r[0].value).startswith("Volumetric divisor")]
    divisor[2].value = 6000
    [header] = [r for r in ws.iter_rows() if r[0].value == "Box\n箱号"]
    fourth = ws[header[0].row + 4]  # 60.5 × 40.4 × 30.5 cm, 1 kg
    fourth[5].value = 45.5  # H, now longer than W: the sides are measured 61 × 46 × 40
    book.save(path)

    [edited] = recalculated([path], tmp_path / "out").values()
    rows, total = box_table(edited["Boxes"])
    line = dataclasses.replace(shown.line, divisor=D(6000))
    expected = weigh(D(1), Dimensions(D("60.5"), D("40.4"), D("45.5")), line).chargeable_kg
    assert kg(rows[3]["Chargeable kg"]) == expected == 19  # 112,240 / 6000 = 18.71
    boxes = [b.box for b in shown.way.split.boxes]
    others = [weigh(b.actual_kg, b.dimensions, line).chargeable_kg for b in boxes]
    assert kg(total["Chargeable kg"]) == sum(others[:3] + others[4:], expected)
