"""The negotiation workbook as LibreOffice computes it: every figure equals the app's own
(price_quote, landed_cost, price_for_margin) to the cent, as exported and after a partner
changes the quantity, the rates, the settings and a price break with openpyxl."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.negotiation.cost_settings import FeeBasis, LandedCostSettings
from app.domain.negotiation.destinations import DutyBasis
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import Component
from app.domain.negotiation.quotes import PriceBreak, Quote
from app.exports.negotiation.data import NegotiationExport, QuoteEntry
from app.exports.negotiation.xlsx import export_negotiation_xlsx
from tests.exports.libreoffice import needs_libreoffice
from tests.exports.negotiation.expected import COMPONENT_COLUMNS, Expected, expected_rows
from tests.exports.negotiation.factories import (
    FORMULA_NAME,
    HENGDA,
    HUAQIANG,
    SHOP_MIN,
    SMALL,
    TODAY,
    UNKNOWN_SHIPPING,
    negotiation,
)
from tests.exports.negotiation.sheets import recalculated, table

D = Decimal
PER_UNIT_TOLERANCE = D("1e-12")  # LibreOffice writes 15 significant digits


def with_rate(data: NegotiationExport, currency: str, per_home: str) -> tuple[ExchangeRate, ...]:
    """The rate in force on the export date changed, as a partner types it into FX_<CCY>."""
    used = max(
        (r for r in data.rates if r.currency == currency and r.as_of <= data.today),
        key=lambda r: r.as_of,
    )
    return tuple(replace(r, per_home=D(per_home)) if r == used else r for r in data.rates)


def with_quote(data: NegotiationExport, supplier: str, **changes: object) -> tuple:
    return tuple(
        QuoteEntry(e.supplier_name, replace(e.quote, **changes))
        if e.supplier_name == supplier
        else e
        for e in data.quotes
    )


def edit(
    path: Path, inputs: dict[str, object], breaks: dict[tuple[str, str], object] | None = None
) -> None:
    """What a partner does in Excel: type into named input cells and the Breaks sheet."""
    workbook = load_workbook(path)
    for name, value in inputs.items():
        [(sheet, cell)] = list(workbook.defined_names[name].destinations)
        workbook[sheet][cell].value = value
    sheet = workbook["Breaks"]
    headers = {cell.value.split(" / ")[0]: cell.column for cell in sheet[1]}
    rows = {row[0].value: row[0].row for row in sheet.iter_rows(min_row=2) if row[0].value}
    for (supplier, header), value in (breaks or {}).items():
        sheet.cell(row=rows[supplier], column=headers[header]).value = value
    workbook.save(path)


def assert_figures_match(rows: list[dict[str, str]], data: NegotiationExport) -> None:
    """Every figure of every quote, as LibreOffice computed it, equals the app's."""
    by_supplier = {row["Supplier"]: row for row in rows}
    assert list(by_supplier) == [e.supplier_name for e in data.quotes]
    for expected in expected_rows(data):
        row = by_supplier[expected.supplier]
        _assert_row(row, expected)


def _assert_row(row: dict[str, str], expected: Expected) -> None:
    priced, landed = expected.priced, expected.landed
    if priced is None:  # not priceable: the reason in Unit price, no figures, no rank
        moq = expected.reason.startswith("Below the MOQ")
        assert row["Unit price"].startswith("Below MOQ" if moq else "Below the shop's minimum")
        figures = ("Goods total", "Goods total (home)", "Landed cost", "Landed cost per unit")
        assert [row[name] for name in (*figures, "Selling price", "Rank")] == [""] * 6
        return
    assert D(row["Unit price"]) == priced.unit_price
    assert D(row["Goods total"]) == priced.goods_total
    assert int(row["Ordered qty"]) == priced.ordered_qty
    assert int(row["Break from qty"]) == priced.price_break.min_qty
    if landed is None:
        if expected.reason == "unknown shipping":
            assert row["Landed cost"].startswith("Domestic shipping unknown")
        else:  # the domain's "No exchange rate for USD: ..."
            assert row["Landed cost"].startswith(expected.reason.split(":")[0])
        assert [row["Landed cost per unit"], row["Selling price"], row["Rank"]] == ["", "", ""]
        return
    assert D(row["Landed cost"]) == landed.total
    assert D(row["Landed total"]) == landed.total
    assert abs(D(row["Landed cost per unit"]) - landed.per_unit) < PER_UNIT_TOLERANCE
    assert D(row["Selling price"]) == expected.selling
    assert int(row["Rank"]) == expected.rank
    for column, component in COMPONENT_COLUMNS.items():
        assert D(row[column]) == landed.amount(component), column
    assert D(row["Customs value"]) == landed.customs_value
    assert D(row["VAT base"]) == landed.vat_base


def ranks(rows: list[dict[str, str]]) -> dict[str, str]:
    return {row["Supplier"]: row["Rank"] for row in rows}


# Scenario B: a partner orders 1,000 and the dollar strengthens (1 EUR = 1.25 USD).
def scenario_b(data: NegotiationExport) -> NegotiationExport:
    return replace(data, planned_qty=1000, rates=with_rate(data, "USD", "1.25"))


B_INPUTS: dict[str, object] = {"PlannedQty": 1000, "FX_USD": 1.25}


# Scenario C: 600 pieces, a cheaper yuan, another agent, FOB customs, VAT reclaimed, new
# selling terms, a renegotiated break price and a shipping cost found out.
def scenario_c(data: NegotiationExport) -> NegotiationExport:
    settings: LandedCostSettings = replace(
        data.settings,
        agent_fee_basis=FeeBasis.GOODS_AND_DOMESTIC,
        agent_fee_min=D("50.00"),
        duty_basis=DutyBasis.FOB,
        vat_reclaimable=True,
        freight=D("250.55"),
    )
    hengda = next(e.quote for e in data.quotes if e.supplier_name == HENGDA)
    new_breaks = (hengda.breaks[0], PriceBreak(500, D("2.75")), hengda.breaks[2])
    quotes = with_quote(data, HENGDA, breaks=new_breaks)
    quotes = with_quote(replace(data, quotes=quotes), UNKNOWN_SHIPPING, domestic_shipping=D(18))
    return replace(
        data,
        planned_qty=600,
        rates=with_rate(data, "CNY", "7.5"),
        settings=settings,
        target_margin_pct=D(30),
        selling_fee_pct=D(12),
        quotes=quotes,
    )


C_INPUTS: dict[str, object] = {
    "PlannedQty": 600,
    "FX_CNY": 7.5,
    "AgentFeeBasis": "goods+domestic",
    "AgentFeeMin": 50,
    "DutyBasis": "FOB",
    "VATReclaimable": True,
    "Freight": 250.55,
    "TargetMarginPct": 30,
    "SellingFeePct": 12,
}
C_BREAKS = {(HENGDA, "Unit price 2"): 2.75, (UNKNOWN_SHIPPING, "Domestic shipping per order"): 18}


def cents_data() -> NegotiationExport:
    """Home CNY, no fees, no destination: a selling price exactly on a cent (0.30 / 3 units /
    (1 - 50 %) = 0.20: binary floating point gives 0.19999999999999998), a tie for first place
    (ranks 1, 1, 3) and a USD quote without a USD rate."""

    def quote(number: int, price: str, currency: str = "CNY") -> Quote:
        return Quote(
            number, "Key ring", currency, (PriceBreak(1, D(price)),), shipping_included=True
        )

    return NegotiationExport(
        product_name="Key ring",
        planned_qty=3,
        home="CNY",
        rates=(),
        settings=LandedCostSettings(),
        target_margin_pct=D(50),
        selling_fee_pct=D(0),
        quotes=(
            QuoteEntry("Tie A", quote(1, "0.10")),
            QuoteEntry("Tie B", quote(2, "0.10")),
            QuoteEntry("Dearer", quote(3, "0.11")),
            QuoteEntry("No rate", quote(4, "0.05", "USD")),
        ),
        worksheet=None,
        today=date(2026, 11, 29),
    )


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, str]]]:
    """The Comparison sheet of each scenario, all recalculated in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("negotiation")
    exported = export_negotiation_xlsx(negotiation(), folder / "exported.xlsx")
    b, c = folder / "scenario_b.xlsx", folder / "scenario_c.xlsx"
    shutil.copy(exported, b)
    shutil.copy(exported, c)
    edit(b, B_INPUTS)
    edit(c, C_INPUTS, C_BREAKS)
    cents = export_negotiation_xlsx(cents_data(), folder / "cents.xlsx")
    measured = export_negotiation_xlsx(measured_data(), folder / "measured.xlsx")
    cleared = folder / "measured_cleared.xlsx"
    shutil.copy(measured, cleared)
    edit(cleared, {"FreightPerUnit": None})  # the partner goes back to the typed freight
    paths = (exported, b, c, cents, measured, cleared)
    sheets = recalculated(list(paths), folder)
    return {path.stem: table(sheets[path]["Comparison"]) for path in paths}


def measured_data() -> NegotiationExport:
    """Freight measured on a shipment: 0.1234567 EUR a unit replaces the typed whole-order
    freight, for each quote at its own ordered quantity (504 for the multiple of 12)."""
    return replace(negotiation(), freight_per_unit=D("0.1234567"))


@needs_libreoffice
def test_as_exported_every_figure_is_the_apps(computed: dict) -> None:
    rows = computed["exported"]
    assert_figures_match(rows, negotiation())
    by = {row["Supplier"]: row for row in rows}
    assert by[HENGDA]["Break from qty"] == "500"  # a break exactly at the planned quantity
    assert by[HUAQIANG]["Ordered qty"] == "504"  # 500 rounded up to a multiple of 12
    # 207.90 USD x 7.80 / 1.08 = 1,501.50 CNY; 3 % = 45.045 -> 45.05 half up (half-even: 45.04)
    assert by[HUAQIANG]["Agent fee (agent's currency)"] == "45.05"
    assert by[SMALL]["Agent fee (agent's currency)"] == "30"  # 3 % of ¥990 = 29.70 < ¥30 minimum
    assert by[SMALL]["Import duty"] == "6"  # €126.92 <= €150: flat €3 x 2 categories
    assert by[FORMULA_NAME]["Unit price"] == "Below MOQ 1000: order at least 1000"
    assert by[SHOP_MIN]["Unit price"].startswith("Below the shop's minimum order of 300 USD")
    assert by[UNKNOWN_SHIPPING]["Landed cost"].startswith("Domestic shipping unknown")
    assert ranks(rows) == {
        HENGDA: "2",
        HUAQIANG: "3",
        FORMULA_NAME: "",
        SMALL: "1",
        SHOP_MIN: "",
        UNKNOWN_SHIPPING: "",
    }


@needs_libreoffice
def test_quantity_and_rate_changed_in_the_workbook_recompute_as_the_app(computed: dict) -> None:
    rows = computed["scenario_b"]
    assert_figures_match(rows, scenario_b(negotiation()))
    by = {row["Supplier"]: row for row in rows}
    assert by[HENGDA]["Break from qty"] == "1000"  # the break changed, exactly at 1,000
    assert by[HUAQIANG]["Ordered qty"] == "1008"
    assert by[HUAQIANG]["Break from qty"] == "1000"
    assert by[FORMULA_NAME]["Unit price"] == "1.95"  # priced at exactly its MOQ
    assert by[SHOP_MIN]["Unit price"] == "0.5"  # 1,000 pieces meet the shop's 600
    assert ranks(rows) != ranks(computed["exported"])
    assert ranks(rows) == {  # the 1,000-piece MOQ quote now leads; Hengda falls to 4th
        HENGDA: "4",
        HUAQIANG: "3",
        FORMULA_NAME: "1",
        SMALL: "2",
        SHOP_MIN: "5",
        UNKNOWN_SHIPPING: "",
    }


@needs_libreoffice
def test_settings_and_breaks_changed_in_the_workbook_recompute_as_the_app(
    computed: dict,
) -> None:
    rows = computed["scenario_c"]
    data = scenario_c(negotiation())
    assert_figures_match(rows, data)
    by = {row["Supplier"]: row for row in rows}
    assert by[HENGDA]["Unit price"] == "2.75"  # the renegotiated break
    assert by[SHOP_MIN]["Unit price"] == "0.5"  # exactly the shop's 600 pieces: met
    assert by[UNKNOWN_SHIPPING]["Rank"] != ""  # its shipping is known now
    hengda = next(r for r in expected_rows(data) if r.supplier == HENGDA)
    assert hengda.landed is not None
    vat = hengda.landed.amount(Component.VAT)
    assert vat > 0 and D(by[HENGDA]["Import VAT"]) == vat  # shown ...
    assert D(by[HENGDA]["Landed cost"]) == sum(
        (line.amount for line in hengda.landed.lines if line.component is not Component.VAT),
        D(0),
    )  # ... but reclaimable, so not counted


@needs_libreoffice
def test_exact_cent_selling_price_ties_and_a_missing_rate(computed: dict) -> None:
    rows = computed["cents"]
    assert_figures_match(rows, cents_data())
    by = {row["Supplier"]: row for row in rows}
    assert by["Tie A"]["Selling price"] == by["Tie B"]["Selling price"] == "0.2"
    assert [by[name]["Rank"] for name in ("Tie A", "Tie B", "Dearer")] == ["1", "1", "3"]
    assert by["No rate"]["Landed cost"] == "No exchange rate for USD: enter FX_USD on Inputs"
    assert by["No rate"]["Goods total (home)"] == ""
    assert cents_data().today == TODAY


@needs_libreoffice
def test_a_measured_freight_per_unit_costs_each_order_as_the_app(computed: dict) -> None:
    data = measured_data()
    rows = computed["measured"]
    assert_figures_match(rows, data)
    by = {row["Supplier"]: row for row in rows}
    assert D(by[HUAQIANG]["International freight"]) == D("62.22")  # 0.1234567 x 504
    assert by[HENGDA]["International freight"] != by[HUAQIANG]["International freight"]
    assert_figures_match(computed["measured_cleared"], negotiation())  # cleared: typed again
