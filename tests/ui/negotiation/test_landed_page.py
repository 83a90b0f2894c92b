"""The landed-cost page: every cost line with its basis and "not counted" for reclaimable VAT,
the selling prices told apart, and the settings form: rates typed "7,80", exact Decimals
emitted, wrong numbers refused beside the field; the page's models."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from app.domain.negotiation.cost_settings import FeeBasis, LandedCostSettings
from app.domain.negotiation.destinations import EU, US, DutyBasis
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.landed_cost import Component, LandedCost, build, prepare
from app.domain.negotiation.selling import PricingMethod, selling_price
from app.services.negotiation.records import SellingTargets
from app.ui.negotiation.landed_page import EMPTY_BREAKDOWN, LandedCostPage
from app.ui.negotiation.rates_model import (
    AMOUNT,
    NOT_COUNTED,
    NOTE,
    VALUE_ROLE,
    CostLinesModel,
    RatesModel,
)

TODAY = date(2026, 11, 29)
RATES = (
    ExchangeRate("CNY", Decimal("7.80"), date(2026, 11, 20)),
    ExchangeRate("CNY", Decimal("7.70"), date(2026, 10, 1)),
    ExchangeRate("USD", Decimal("1.08"), date(2026, 11, 20)),
)
SETTINGS = LandedCostSettings(
    agent_fee_pct=Decimal(5),
    agent_fee_min=Decimal(5),
    payment_fee_pct=Decimal("2.5"),
    freight=Decimal(180),
    insurance_pct=Decimal(2),
    insurance_cover_pct=Decimal(110),
    duty_pct=Decimal("2.7"),
    vat_pct=Decimal(19),
    vat_reclaimable=True,
    post_border_transport=Decimal(25),
    destination=EU,
)
SELLING = SellingTargets(Decimal(30), Decimal(15))
HENGDA = "义乌市恒达工艺品厂 · Yiwu Hengda Crafts"


def landed(settings: LandedCostSettings = SETTINGS) -> LandedCost:
    calculator = prepare(settings, "CNY", RATES, "EUR", TODAY)
    return build(calculator, Decimal("2800.00"), Decimal("35.00"), 1000)


@pytest.fixture
def page(qtbot) -> LandedCostPage:
    widget = LandedCostPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show_settings("EUR", RATES, SETTINGS, SELLING, Decimal(30), TODAY)
    cost = landed()
    prices = [
        selling_price(cost.total, method, pct, Decimal(15), units=cost.units, currency="EUR")
        for method, pct in (
            (PricingMethod.MARGIN, Decimal(30)),
            (PricingMethod.MARKUP, Decimal(30)),
            (PricingMethod.BREAK_EVEN, Decimal(0)),
        )
    ]
    widget.show_breakdown(cost, supplier_name=HENGDA, problem="", selling=prices)
    return widget


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


# --- the breakdown -----------------------------------------------------------------------------
def test_every_cost_line_is_shown_then_the_total(page) -> None:
    model, cost = page.lines_model, landed()
    assert model.rowCount() == len(cost.lines) + 1 == len(Component) + 1
    for row, line in enumerate(cost.lines):
        assert model.index(row, 0).data() == f"{line.component.label} {line.component.label_zh}"
        assert model.index(row, AMOUNT).data(VALUE_ROLE) == line.amount
    assert model.index(0, 0).data() == "Goods 货款"
    payment = cost.line(Component.PAYMENT_FEE)
    assert model.index(3, 1).data() == f"€{payment.basis:,}" and model.index(3, 2).data() == "2.5 %"
    assert model.index(len(cost.lines), AMOUNT).data() == f"€{cost.total:,}"
    counted = sum(line.amount for line in cost.lines if line.counted)
    assert model.index(len(cost.lines), AMOUNT).data(VALUE_ROLE) == counted == cost.total


def test_reclaimable_vat_is_shown_but_not_counted(page) -> None:
    model = page.lines_model
    vat_row = [line.component for line in landed().lines].index(Component.VAT)
    assert model.index(vat_row, NOTE).data() == NOT_COUNTED == "not counted (VAT reclaimable)"
    assert model.index(vat_row, AMOUNT).data().startswith("(€")
    assert model.index(vat_row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_total_and_per_unit_to_four_decimals(page) -> None:
    cost = landed()
    shown = page.totals_label.text()
    assert f"Total €{cost.total:,}" in shown
    assert f"€{cost.per_unit.quantize(Decimal('0.0001'))} per unit (1,000 units)" in shown


def test_selling_prices_say_which_is_margin_and_which_markup(page) -> None:
    text = page.selling_label.text()
    assert "Margin on the selling price 毛利率" in text
    assert "Markup on cost 加价率" in text
    assert "A 30 % markup on cost is a 23.08 % margin on the selling price." in text
    assert "Break-even (no profit) 保本价" in text


def test_without_a_landed_cost_the_problem_is_said(page) -> None:
    problem = "No exchange rate for USD: enter 1 EUR = x USD."
    page.show_breakdown(None, supplier_name=HENGDA, problem=problem, selling=())
    assert page.lines_model.rowCount() == 0
    assert page.problem_label.text() == f"⚠ {problem}"
    assert page.totals_label.text() == "" and page.selling_label.text() == ""
    page.show_breakdown(None, supplier_name="", problem="", selling=())
    assert page.breakdown_heading.text() == EMPTY_BREAKDOWN


def test_a_relief_in_force_is_shown(page) -> None:
    cheap = build(prepare(SETTINGS, "CNY", RATES, "EUR", TODAY), Decimal("780.00"), Decimal(0), 100)
    page.show_breakdown(cheap, supplier_name=HENGDA, problem="", selling=())
    assert page.relief_label.text().startswith("Relief: Goods €100.00 at or under €150.00")


# --- exchange rates ------------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "read"), [("7,80", "7.80"), ("7.8", "7.8"), ("1,085", "1.085")])
def test_a_rate_is_read_with_a_decimal_comma_or_point(qtbot, page, typed, read) -> None:
    page.rate_currency.setCurrentText("CNY")
    page.rate_date.setDate(QDate(2026, 11, 28))
    type_into(qtbot, page.rate_edit, typed)
    assert page.rate_reading.text() == f"Read as 1 EUR = {read} CNY"
    with qtbot.waitSignal(page.rate_saved, timeout=1000) as signal:
        qtbot.keyClick(page.rate_edit, Qt.Key.Key_Return)
    rate = signal.args[0]
    assert rate == ExchangeRate("CNY", Decimal(read), date(2026, 11, 28))
    assert str(rate.per_home) == read


def test_a_wrong_rate_is_refused_beside_it(qtbot, page) -> None:
    type_into(qtbot, page.rate_edit, "seven")
    with qtbot.assertNotEmitted(page.rate_saved):
        page.add_rate_button.click()
    assert "'seven' is not a number" in page.field_errors["per_home"].text()
    page.rate_edit.clear()
    page.rate_currency.setCurrentText("RMB1")
    page.add_rate_button.click()
    assert "'RMB1' is not a currency code" in page.field_errors["currency"].text()


def test_the_rates_table_and_deleting_a_rate(qtbot, page) -> None:
    model = page.rates_model
    assert [model.index(row, 1).data() for row in range(3)] == [
        "1 EUR = 7.80 CNY",
        "1 EUR = 7.70 CNY",
        "1 EUR = 1.08 USD",
    ]
    assert model.index(1, 2).data() == "2026-10-01 (older)"
    page.rates_view.selectRow(1)
    with qtbot.waitSignal(page.rate_deleted, timeout=1000) as signal:
        page.delete_rate_button.click()
    assert signal.args == ["CNY", date(2026, 10, 1)]


def test_the_home_currency_is_a_three_letter_code(qtbot, page) -> None:
    page.home_box.setCurrentText(" usd ")
    with qtbot.waitSignal(page.home_currency_changed, timeout=1000) as signal:
        page.home_button.click()
    assert signal.args == ["USD"]
    page.home_box.setCurrentText("EURO")
    with qtbot.assertNotEmitted(page.home_currency_changed):
        page.home_button.click()
    assert "'EURO' is not a currency code" in page.field_errors["home"].text()


# --- settings ------------------------------------------------------------------------------------
def test_the_settings_come_back_unchanged_and_nothing_is_emitted(qtbot, page) -> None:
    assert page.typed_settings() == (SETTINGS, SELLING, Decimal(30))
    with qtbot.assertNotEmitted(page.settings_saved), qtbot.assertNotEmitted(page.selling_saved):
        page.save_button.click()


def test_changed_settings_are_emitted_as_exact_decimals(qtbot, page) -> None:
    type_into(qtbot, page.edits["agent_fee_pct"], "3,5")
    type_into(qtbot, page.edits["freight"], "1,250.50")
    page.basis_box.setCurrentIndex(page.basis_box.findData("goods+domestic"))
    page.reclaim_check.setChecked(False)
    with qtbot.waitSignal(page.settings_saved, timeout=1000) as signal:
        page.save_button.click()
    settings = signal.args[0]
    assert settings.agent_fee_pct == Decimal("3.5") and str(settings.agent_fee_pct) == "3.5"
    assert settings.freight == Decimal("1250.50")
    assert settings.agent_fee_basis is FeeBasis.GOODS_AND_DOMESTIC
    assert not settings.vat_reclaimable
    assert settings.duty_pct == SETTINGS.duty_pct and settings.destination == EU


def test_selling_targets_and_threshold_are_emitted_when_changed(qtbot, page) -> None:
    type_into(qtbot, page.edits["margin_pct"], "25")
    type_into(qtbot, page.edits["too_good_pct"], "40")
    with (
        qtbot.assertNotEmitted(page.settings_saved),
        qtbot.waitSignal(page.selling_saved, timeout=1000) as selling,
        qtbot.waitSignal(page.too_good_saved, timeout=1000) as too_good,
    ):
        page.save_button.click()
    assert selling.args == [Decimal(25), Decimal(15)]
    assert too_good.args == [Decimal(40)]


def test_a_wrong_number_is_refused_beside_its_field(qtbot, page) -> None:
    type_into(qtbot, page.edits["duty_pct"], "2.7 percent")
    with qtbot.assertNotEmitted(page.settings_saved), qtbot.assertNotEmitted(page.selling_saved):
        page.save_button.click()
    assert "'2.7 percent' is not a number" in page.field_errors["duty_pct"].text()
    assert page.field_errors["vat_pct"].text() == ""


def test_ctrl_s_saves_the_settings(qtbot, page) -> None:
    page.show()
    qtbot.waitUntil(page.isActiveWindow)
    type_into(qtbot, page.edits["vat_pct"], "20")
    with qtbot.waitSignal(page.settings_saved, timeout=1000) as signal:
        qtbot.keyClick(page.edits["vat_pct"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert signal.args[0].vat_pct == Decimal(20)


def test_a_destination_brings_its_duty_basis_and_relief_history(qtbot, page) -> None:
    assert "<b>In force on 2026-11-29</b> — 2026-07-01 to 2028-06-30" in page.relief_history.text()
    page.destination_box.setCurrentIndex(page.destination_box.findData("US"))
    assert page.duty_basis_box.currentData() == "FOB"
    assert "2016-03-10 to 2025-05-01: $800 de minimis" in page.relief_history.text()
    assert "<b>In force on 2026-11-29</b> — from 2025-05-02" in page.relief_history.text()
    with qtbot.waitSignal(page.settings_saved, timeout=1000) as signal:
        page.save_button.click()
    assert signal.args[0].destination == US and signal.args[0].duty_basis is DutyBasis.FOB


def test_service_messages_go_beside_their_fields(page) -> None:
    page.show_errors(
        {
            "insurance_cover_pct": "The insurance cover % must be 100 or more, not 90.",
            "margin_pct": "The margin and the selling fee add up to 100 % or more.",
            "settings": "Something else.",
        }
    )
    assert "100 or more" in page.field_errors["insurance_cover_pct"].text()
    assert "add up to 100 %" in page.field_errors["margin_pct"].text()
    assert page.message.text() == "⚠ Something else."


# --- models ------------------------------------------------------------------------------------
def test_the_models_pass_qts_model_checks(qtmodeltester) -> None:
    rates = RatesModel()
    rates.set_rates(RATES, "EUR")
    qtmodeltester.check(rates)
    lines = CostLinesModel()
    lines.set_landed(landed())
    qtmodeltester.check(lines)
    lines.set_landed(None)
    qtmodeltester.check(lines)


def test_the_grab_at_1280_by_720_is_saved(page, tmp_path) -> None:
    page.show()
    assert page.grab().save(str(tmp_path / "landed.png"))
