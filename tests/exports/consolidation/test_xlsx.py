"""The consolidation workbook as written: sheets, bilingual headers, the Lines figures against
the plan, the formulas and the settings they read, text kept as text, refusals, progress,
cancelling and write errors."""

from __future__ import annotations

import dataclasses
import os
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from app.domain.consolidation.planner import LineOption, WayCost, plan_shipment
from app.errors import Cancelled, ExportFailed
from app.exports.consolidation.data import ConsolidationExport, LineName, shown_line
from app.exports.consolidation.xlsx import LINE_HEADERS, export_consolidation_xlsx
from app.exports.consolidation.xlsx_sheet import money_format
from tests.domain.consolidation.cards import ems
from tests.exports.consolidation.fixtures import (
    FORMULA_TEXT,
    HENGDA,
    OPTIONS,
    SUPERBUY,
    TITLE,
    export_data,
    sea,
)
from tests.exports.pdf_tools import leftovers

D = Decimal
ISSUE_HEADERS = [
    "Line", "Agent", "Accepted", "Reason", "Boxes", "Chargeable kg", "Cost", "Currency",
    "Separately", "Transit days", "Cheapest",
]  # fmt: skip
CHINESE = [
    "线路",
    "代理",
    "可走",
    "原因",
    "箱数",
    "计费重量",
    "运费",
    "币种",
    "分开寄",
    "时效(天)",
    "最便宜",
]


@pytest.fixture(scope="module")
def data() -> ConsolidationExport:
    return export_data()


@pytest.fixture
def book(tmp_path: Path, data: ConsolidationExport) -> Workbook:
    return load_workbook(export_consolidation_xlsx(data, tmp_path / "plan.xlsx"))


def rows(book: Workbook, sheet: str) -> list[tuple]:
    return list(book[sheet].iter_rows(values_only=True))


def test_sheets_in_order_with_bilingual_headers(book: Workbook) -> None:
    assert book.sheetnames == ["Lines", "Boxes", "Allocation", "Parcels"]
    header = rows(book, "Lines")[0]
    assert [h.split("\n") for h in header] == [
        list(p) for p in zip(ISSUE_HEADERS, CHINESE, strict=True)
    ]
    assert [h[:2] for h in LINE_HEADERS] == list(zip(ISSUE_HEADERS, CHINESE, strict=True))
    assert book["Lines"].freeze_panes == "A2"
    for sheet in ("Allocation", "Parcels"):
        assert all("\n" in h for h in rows(book, sheet)[0])


def test_lines_show_the_plans_figures(book: Workbook, data: ConsolidationExport) -> None:
    table = {row[0]: row for row in rows(book, "Lines")[1:5]}
    assert list(table) == ["YunExpress 特快", "EMS", "DHL", "Sea LCL"]
    for plan in data.plan.lines:
        row = table[plan.line.name]
        best = plan.best
        assert row[1] == "Superbuy" and row[7] == "CNY"
        if best is None:
            assert row[2:5] == ("no", plan.refusal, None) and row[5] is None and row[6] is None
            continue
        assert row[2] == "yes" and row[3] is None and row[4] == best.boxes
        assert D(str(row[6])) == best.total.amount
        assert isinstance(plan.separate, WayCost)
        assert D(str(row[8])) == plan.separate.total.amount
        assert row[10] == ("yes" if plan.cheapest else None)
    assert table["EMS"][3] == "Parcel 'Phone stands': Magnet (带磁) not accepted on this line"
    assert table["DHL"][5] == 23 and table["Sea LCL"][5] == 1000  # the domain's figures
    assert [table[name][9] for name in table] == ["8–12", "7–15", "3–5", "35–50"]
    assert table["YunExpress 特快"][6] == 875 and table["YunExpress 特快"][10] == "yes"
    notes = [row[0] for row in rows(book, "Lines")[5:] if row[0]]
    assert notes[0] == f"{TITLE} · exported 2026-11-29"


def test_the_cheapest_lines_weight_is_the_boxes_sheets_total(book: Workbook) -> None:
    reference = book["Lines"]["F2"].value
    assert reference.startswith("=Boxes!$")
    column, row = reference.split("$")[1:]
    assert book["Boxes"][f"{column}{row}"].value.startswith("=SUM(")
    assert book["Boxes"][f"B{row}"].value == "Total · 合计 (5 parcels)"


def test_box_rows_hold_parcels_sizes_and_formulas_on_the_settings(
    book: Workbook, data: ConsolidationExport
) -> None:
    shown = shown_line(data)
    assert shown is not None
    sheet = rows(book, "Boxes")
    assert (
        sheet[0][0] == "Boxes on YunExpress 特快 · Superbuy: Consolidated and repacked · 合箱去包装"
    )
    settings = {row[0]: row[2] for row in sheet if row[0] and " · " in str(row[0])}
    assert settings["Volumetric divisor · 材积除数"] == 6000
    assert settings["Rounding step kg · 计费进位"] == 0.5
    start = next(n for n, row in enumerate(sheet) if row[0] == "Box\n箱号")
    header = [h.split("\n")[0] for h in sheet[start] if h]
    assert header == [
        "Box", "Parcels", "Actual kg", "L cm", "W cm", "H cm", "Volumetric kg", "Base kg",
        "Step kg", "Chargeable kg",
    ]  # fmt: skip
    n = start + 2  # the sheet row of box 1
    box1 = sheet[start + 1]
    assert box1[:6] == (1, f"托特包 Totes ({HENGDA}); Phone stands (东莞市创新五金制品厂); "
                        f"{FORMULA_TEXT} (=1+1 工厂)", 9, 45, 35, 34)  # fmt: skip
    divisor_row = next(i for i, row in enumerate(sheet, start=1) if row[0] and "divisor" in row[0])
    step_row = next(i for i, row in enumerate(sheet, start=1) if row[0] and "step" in row[0])
    assert box1[6:] == (
        f"=D{n}*E{n}*F{n}/$C${divisor_row}",
        f"=ROUND(MAX(C{n},G{n}),10)",
        f"=$C${step_row}",
        f"=CEILING(H{n},I{n})",
    )
    assert len([row for row in sheet[start + 1 :] if isinstance(row[0], int)]) == 2


def test_user_text_is_stored_as_text_never_a_formula(
    tmp_path: Path, data: ConsolidationExport
) -> None:
    named = dataclasses.replace(data, title="=HYPERLINK(\"x\")", names=(
        dataclasses.replace(data.names[0], line="=1+2"), *data.names[1:]))  # fmt: skip
    book = load_workbook(export_consolidation_xlsx(named, tmp_path / "text.xlsx"))
    cells = [c for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    typed = {FORMULA_TEXT, "=1+1 工厂", "=SUM(A1)", f"{FORMULA_TEXT} (=SUM(A1))", "=1+2"}
    found = {c.value: c.data_type for c in cells if c.value in typed}
    assert found == dict.fromkeys(typed, "s")
    titles = [c for c in cells if c.value.startswith('=HYPERLINK("x")')]
    assert titles and all(c.data_type == "s" for c in titles)
    assert (
        book["Boxes"]["A1"].value
        == "Boxes on =1+2 · Superbuy: Consolidated and repacked · 合箱去包装"
    )


def test_allocation_lists_each_item_and_sums_to_the_cost(
    book: Workbook, data: ConsolidationExport
) -> None:
    sheet = rows(book, "Allocation")
    body = sheet[1 : 1 + len(data.allocation)]
    for row, entry in zip(body, data.allocation, strict=True):
        assert row[0] == entry.item and D(str(row[1])) == entry.basis_value
        assert D(str(row[2])) == entry.share.amount and D(str(row[3])) == entry.per_unit.amount
        assert row[4] == "CNY"
    total = sheet[1 + len(data.allocation)]
    assert total[:3] == ("Total · 合计", None, f"=SUM(C2:C{1 + len(data.allocation)})")
    assert sum(e.share.amount for e in data.allocation) == D("875.00")
    notes = [row[0] for row in sheet[2 + len(data.allocation) :] if row[0]]
    assert notes[0] == "Basis: By value · 按货值."
    assert notes[1].startswith("875.00 CNY shared by largest remainder")


def test_parcels_sheet_lists_every_parcel_with_storage_and_box(book: Workbook) -> None:
    sheet = rows(book, "Parcels")
    assert [row[0] for row in sheet[1:]] == [
        "托特包 Totes", "USB cables", "Phone stands", "Mugs", FORMULA_TEXT,
    ]  # fmt: skip
    stands = sheet[3]
    assert stands[1:6] == (
        "东莞市创新五金制品厂", "3312456789015", 3.5, "40 × 30 × 25 cm", "Magnet (带磁)",
    )  # fmt: skip
    # Arrived 2026-08-25, 90 free days, today 2026-11-29: stored 96 days, so 6 days over.
    assert stands[6].date().isoformat() == "2026-08-25" and stands[7] == -6
    assert [row[7] for row in sheet[1:]] == [63, 20, -6, 89, None]
    assert [row[8] for row in sheet[1:]] == [1, 2, 1, 2, 1]
    assert sheet[2][2] == "3312456789013, 3312456789014"


def test_no_line_can_take_the_parcels(tmp_path: Path) -> None:
    data = export_data(options=[(ems(), "Superbuy")])
    book = load_workbook(export_consolidation_xlsx(data, tmp_path / "none.xlsx"))
    lines = rows(book, "Lines")
    assert lines[1][:5] == (
        "EMS", "Superbuy", "no", "Parcel 'Phone stands': Magnet (带磁) not accepted on this line", None,
    )  # fmt: skip
    assert any("No line can take these parcels" in str(row[0]) for row in lines)
    assert "No line can take these parcels" in rows(book, "Boxes")[1][0]
    allocation = [row[0] for row in rows(book, "Allocation")]
    assert "Nothing is allocated: no line can take these parcels." in allocation
    assert [row[8] for row in rows(book, "Parcels")[1:]] == [None] * 5


def test_lines_in_two_currencies_show_the_first_accepted_lines_boxes(
    tmp_path: Path, data: ConsolidationExport
) -> None:
    usd = dataclasses.replace(SUPERBUY, currency="USD")
    options = [LineOption(sea(currency="USD"), usd), LineOption(OPTIONS[0][0], SUPERBUY)]
    plan = plan_shipment([e.parcel for e in data.parcels], options)
    assert plan.note == "Lines priced in CNY and USD: not compared without an exchange rate."
    names = (LineName("Sea LCL", "Superbuy US"), data.names[0])
    two = dataclasses.replace(data, plan=plan, names=names, allocation=())
    book = load_workbook(export_consolidation_xlsx(two, tmp_path / "two.xlsx"))
    boxes = rows(book, "Boxes")
    assert boxes[0][0].startswith("Boxes on Sea LCL · Superbuy US")
    assert f"{plan.note} Showing the first line that can go." in boxes[1][0]
    lines = rows(book, "Lines")
    assert [row[10] for row in lines[1:3]] == [None, None]  # neither is marked cheapest
    assert [row[7] for row in lines[1:3]] == ["USD", "CNY"]
    assert sum(1 for row in lines if row[0] and plan.note in row[0]) == 1
    assert "Nothing is allocated: no line is marked cheapest." in [
        row[0] for row in rows(book, "Allocation")
    ]


def test_progress_reaches_the_total_and_cancel_keeps_the_old_file(
    tmp_path: Path, data: ConsolidationExport
) -> None:
    out = tmp_path / "plan.xlsx"
    calls: list[tuple[int, int]] = []
    export_consolidation_xlsx(data, out, on_progress=lambda d, t: calls.append((d, t)) or True)
    assert calls[-1] == (4, 4)
    before = out.read_bytes()
    with pytest.raises(Cancelled):
        export_consolidation_xlsx(data, out, on_progress=lambda d, t: d < 2)
    assert out.read_bytes() == before and leftovers(tmp_path) == []


def test_write_errors_are_one_clear_line(tmp_path: Path, data: ConsolidationExport) -> None:
    with pytest.raises(ExportFailed) as missing:
        export_consolidation_xlsx(data, tmp_path / "nowhere" / "plan.xlsx")
    assert "does not exist" in str(missing.value) and "\n" not in str(missing.value)
    folder = tmp_path / "plan.xlsx"
    folder.mkdir()
    with pytest.raises(ExportFailed) as taken:
        export_consolidation_xlsx(data, folder)
    assert (
        str(taken.value) == f"Cannot write {folder}: a folder has that name. Nothing was written."
    )
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_refused(tmp_path: Path, data: ConsolidationExport) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportFailed, match="read-only"):
            export_consolidation_xlsx(data, folder / "plan.xlsx")
    finally:
        folder.chmod(0o700)


def test_line_names_must_match_the_lines(tmp_path: Path, data: ConsolidationExport) -> None:
    with pytest.raises(ValueError, match="3 line names were given for 4 lines"):
        export_consolidation_xlsx(
            dataclasses.replace(data, names=data.names[:3]), tmp_path / "x.xlsx"
        )
    assert not (tmp_path / "x.xlsx").exists()


def test_amounts_keep_the_currencys_places(tmp_path: Path, data: ConsolidationExport) -> None:
    book = load_workbook(export_consolidation_xlsx(data, tmp_path / "plan.xlsx"))
    assert book["Lines"]["G2"].number_format == "#,##0.00"
    assert book["Allocation"]["C2"].number_format == "#,##0.00"
    assert money_format("JPY") == "#,##0"  # yen have no minor unit
