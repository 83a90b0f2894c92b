"""The negotiation workbook's structure, read with openpyxl: named inputs on the right cells with
the right values, bilingual headers, formulas (never stored figures), user text kept as text,
and the export's atomicity (cancel, disk errors)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.negotiation.quotes import Quote
from app.errors import Cancelled, ExportFailed
from app.exports.negotiation.data import QuoteEntry
from app.exports.negotiation.xlsx import export_negotiation_xlsx
from tests.exports.negotiation.factories import FORMULA_NAME, HENGDA, PRODUCT, negotiation
from tests.exports.pdf_tools import leftovers

D = Decimal
HEADERS = [
    "Supplier",
    "Currency",
    "Unit price",
    "Goods total",
    "Goods total (home)",
    "Landed cost",
    "Landed cost per unit",
    "Selling price",
    "Rank",
]
# name -> the value written (the settings of factories.SETTINGS, the rates in force on TODAY)
NAMED_INPUTS = {
    "PlannedQty": 500,
    "FX_EUR": 1,
    "FX_CNY": D("7.80"),  # 2026-11-20; neither the older 7.70 nor the later 7.95
    "FX_USD": D("1.08"),
    "AgentFeePct": 3,
    "AgentFeeMin": 30,
    "AgentFeeBasis": "goods",
    "PaymentFeePct": D("2.5"),
    "Freight": 180,
    "FreightPerUnit": None,  # empty: no shipment measured the freight yet
    "InsurancePct": D("0.5"),
    "InsuranceCoverPct": 110,
    "DutyPct": 4,
    "DutyBasis": "CIF",
    "PostBorderTransport": 25,
    "DutyFreeUpTo": 150,  # the EU rule in force on 2026-11-29
    "FlatDutyPerCategory": 3,
    "ItemCategories": 2,
    "VATFreeUpTo": None,
    "ConsignmentValue": None,
    "VATPct": 19,
    "VATReclaimable": False,
    "TargetMarginPct": 35,
    "SellingFeePct": 15,
}


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    return export_negotiation_xlsx(negotiation(), tmp_path / "negotiation.xlsx")


def named_cell(workbook: Workbook, name: str) -> tuple[str, str]:
    [(sheet, cell)] = list(workbook.defined_names[name].destinations)
    return sheet, cell


def test_sheets_in_order(workbook_path: Path) -> None:
    assert load_workbook(workbook_path).sheetnames == ["Comparison", "Inputs", "Breaks", "Notes"]


def test_every_input_carries_its_defined_name_on_the_inputs_sheet(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    assert set(NAMED_INPUTS) == set(workbook.defined_names)
    for name, expected in NAMED_INPUTS.items():
        sheet, cell = named_cell(workbook, name)
        assert sheet == "Inputs"
        ws = workbook[sheet]
        value = ws[cell].value
        if expected is None or isinstance(expected, str | bool):
            assert value == expected, name
        else:
            assert D(str(value)) == D(str(expected)), name
        assert ws[cell.replace("C", "D")].value == name  # the name is shown beside the value
    inputs = workbook["Inputs"]
    assert inputs[named_cell(workbook, "VATReclaimable")[1]].value is False  # a real boolean
    for name in ("AgentFeePct", "DutyPct", "TargetMarginPct"):
        assert inputs[named_cell(workbook, name)[1]].number_format == 'General" %"'


def test_comparison_headers_are_english_over_chinese(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["Comparison"]
    headers = [cell.value for cell in ws[1]]
    assert [h.split("\n")[0] for h in headers[: len(HEADERS)]] == HEADERS
    assert headers[0] == "Supplier\n供应商"
    assert all("\n" in header for header in headers)


def test_every_figure_is_a_formula_over_the_names_and_the_breaks(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["Comparison"]
    row = [cell.value for cell in ws[2]]
    assert row[:2] == [HENGDA, "CNY"]
    assert all(isinstance(value, str) and value.startswith("=") for value in row[2:])
    formulas = dict(zip((c.value.split("\n")[0] for c in ws[1]), row, strict=True))
    assert formulas["Ordered qty"] == "=CEILING(PlannedQty,Breaks!$D$2)"
    assert "COUNTIF(Breaks!$J$2:$M$2" in formulas["Break price"]
    assert formulas["Goods total (home)"].endswith("ROUND(M2/FX_CNY,2))")
    assert "ROUNDUP(ROUND(" in formulas["Selling price"]
    assert "RANK(G2,$G$2:$G$7,1)" in formulas["Rank"]
    breaks = load_workbook(workbook_path)["Breaks"]
    assert [breaks[f"{c}2"].value for c in "JKL"] == [100, 500, 1000]  # from quantities
    assert [D(str(breaks[f"{c}2"].value)) for c in "NOP"] == [D("3.20"), D("2.80"), D("2.50")]
    assert breaks["C2"].value == "=J2"  # no MOQ of its own: the first break's quantity


def test_user_text_starting_with_equals_stays_text(tmp_path: Path) -> None:
    data = negotiation(product_name="=SUM(1,1)")
    path = export_negotiation_xlsx(data, tmp_path / "text.xlsx")
    workbook = load_workbook(path)
    comparison, breaks = workbook["Comparison"], workbook["Breaks"]
    for cell in (comparison["A4"], breaks["A4"]):
        assert cell.value == FORMULA_NAME
        assert cell.data_type == "s"
    product = [c for c in comparison["B"] if c.value == "=SUM(1,1)"]
    assert product and product[0].data_type == "s"
    assert workbook["Inputs"]["A2"].value == "Product / 产品: =SUM(1,1)"


def test_a_broken_quote_says_why_and_has_no_formulas(tmp_path: Path) -> None:
    broken = QuoteEntry("No breaks yet", Quote(9, PRODUCT, "CNY", ()))
    data = negotiation(quotes=(*negotiation().quotes, broken))
    ws = load_workbook(export_negotiation_xlsx(data, tmp_path / "b.xlsx"))["Comparison"]
    assert ws["C8"].value == "Enter at least one price break (a quantity and its unit price)."
    assert ws["D8"].value is None and ws["I8"].value is None


def test_no_quotes_still_writes_a_calculator(tmp_path: Path) -> None:
    path = export_negotiation_xlsx(negotiation(quotes=()), tmp_path / "empty.xlsx")
    ws = load_workbook(path)["Comparison"]
    assert ws["A2"].value == "No quotes to compare / 没有报价"


def test_cancel_writes_nothing_and_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "kept.xlsx"
    out.write_bytes(b"old")
    seen: list[tuple[int, int]] = []

    def stop_at_three(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 3

    with pytest.raises(Cancelled):
        export_negotiation_xlsx(negotiation(), out, on_progress=stop_at_three)
    assert seen == [(1, 6), (2, 6), (3, 6)]
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_disk_error_is_one_clear_line_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(self: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"half a fi")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    out = tmp_path / "full.xlsx"
    with pytest.raises(ExportFailed) as caught:
        export_negotiation_xlsx(negotiation(), out)
    message = str(caught.value)
    assert message.startswith(f"Cannot write {out}: ") and "\n" not in message
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match="does not exist"):
        export_negotiation_xlsx(negotiation(), tmp_path / "nowhere" / "n.xlsx")


def test_notes_list_the_rates_with_their_dates_and_the_rules(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["Notes"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    for piece in (
        "2026-11-20",
        "2026-10-01",
        "2026-12-05",
        "yes: FX_CNY on Inputs",
        "no (another date)",
        "rounded to the cent half up",
        "rounded UP to the cent",
        "COUNTIF",
        "European Union",
        "DutyFreeUpTo",
        "每项金额",
    ):
        assert piece in text, piece


def test_a_home_currency_quote_converts_at_one(tmp_path: Path) -> None:
    euro = replace(negotiation().quotes[0].quote, currency="EUR")
    data = negotiation(quotes=(QuoteEntry("Euro shop", euro),))
    ws = load_workbook(export_negotiation_xlsx(data, tmp_path / "eur.xlsx"))["Comparison"]
    assert ws["E2"].value.endswith("ROUND(M2/FX_EUR,2))")
