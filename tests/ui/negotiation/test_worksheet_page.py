"""The worksheet page: targets, cost structure, rounds and their chart, agreed terms; what it
emits (exact Decimals), what it refuses beside the field, and its table models."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from app.domain.negotiation.payment import PLAN_A, PLAN_B, AgreedTerms, PaymentEvent
from app.domain.negotiation.quotes import TradeTerm
from app.domain.negotiation.worksheet import (
    CostPart,
    NegotiationRound,
    Targets,
    estimate_cost_structure,
    review_rounds,
)
from app.services.negotiation.records import Worksheet
from app.ui.negotiation.rounds_model import (
    COUNTER,
    GAP,
    NUMBER,
    OFFER,
    VALUE_ROLE,
    CostModel,
    RoundsModel,
)
from app.ui.negotiation.worksheet_page import EMPTY_TEXT, WorksheetPage

TODAY = date(2026, 11, 29)
TARGETS = Targets(Decimal("2.40"), Decimal("2.60"), Decimal("2.80"), "CNY")
ROUNDS = (
    NegotiationRound(date(2026, 11, 2), Decimal("2.30"), Decimal("3.00"), "1,000 pcs", "first"),
    NegotiationRound(date(2026, 11, 9), Decimal("2.50"), Decimal("2.85"), "30 % deposit"),
)
SHEET = Worksheet(1, 2, "CNY", TARGETS, None, ROUNDS, None, "", 5)
HENGDA = "义乌市恒达工艺品厂 · Yiwu Hengda Crafts"


@pytest.fixture
def page(qtbot) -> WorksheetPage:
    widget = WorksheetPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    show(widget, SHEET)
    return widget


def show(page: WorksheetPage, sheet: Worksheet | None, quoted: str | None = "2.80") -> None:
    price = None if quoted is None else Decimal(quoted)
    page.show_worksheet(
        sheet, supplier_name=HENGDA, quoted_price=price, currency="CNY", today=TODAY
    )


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def saved(qtbot, page: WorksheetPage) -> Worksheet:
    with qtbot.waitSignal(page.save_requested, timeout=1000) as signal:
        page.save_button.click()
    return signal.args[0]


def amounts_in(text: str) -> list[Decimal]:
    return [
        Decimal(found.replace(",", "")) for found in re.findall(r"¥([\d,]+\.\d\d)$", text, re.M)
    ]


# --- showing and saving ------------------------------------------------------------------------
def test_without_a_quote_the_page_is_disabled_and_says_what_to_do(qtbot, page) -> None:
    show(page, None, None)
    assert page.heading.text() == EMPTY_TEXT
    assert not page.body.isEnabled() and not page.save_button.isEnabled()
    with qtbot.assertNotEmitted(page.save_requested):
        page._save()
    assert page.current_worksheet() is None


def test_the_form_shows_the_worksheet_and_saves_it_back_unchanged(qtbot, page) -> None:
    assert page.target_edits["walk_away"].text() == "2.80"
    assert not page.is_dirty()
    assert saved(qtbot, page) == SHEET  # same ids, targets, rounds; default shares stay None


def test_typed_targets_and_shares_are_saved_as_exact_decimals(qtbot, page) -> None:
    type_into(qtbot, page.target_edits["target"], "2,35")  # a decimal comma
    type_into(qtbot, page.target_edits["acceptable"], "¥2.55")
    type_into(qtbot, page.share_edits[CostPart.RAW_MATERIAL], "45")
    type_into(qtbot, page.share_edits[CostPart.PROFIT], "20")
    type_into(qtbot, page.note_edit, "  owner answers at night  ")
    assert page.is_dirty()
    sheet = saved(qtbot, page)
    assert sheet.targets == Targets(Decimal("2.35"), Decimal("2.55"), Decimal("2.80"), "CNY")
    assert str(sheet.targets.target) == "2.35"
    assert sheet.shares == {
        CostPart.RAW_MATERIAL: Decimal(45),
        CostPart.LABOUR: Decimal(20),
        CostPart.OVERHEAD: Decimal(15),
        CostPart.PROFIT: Decimal(20),
    }
    assert (sheet.id, sheet.product_id, sheet.supplier_id) == (5, 1, 2)
    assert sheet.note == "owner answers at night" and sheet.rounds == ROUNDS


def test_a_wrong_number_is_explained_beside_its_field_and_nothing_is_emitted(qtbot, page) -> None:
    type_into(qtbot, page.target_edits["acceptable"], "2.6o")
    with qtbot.assertNotEmitted(page.save_requested):
        page.save_button.click()
    assert "'2.6o' is not a number" in page.field_errors["acceptable"].text()
    assert page.field_errors["target"].text() == ""


def test_targets_are_all_three_or_none(qtbot, page) -> None:
    for key in ("acceptable", "walk_away"):
        page.target_edits[key].clear()
    with qtbot.assertNotEmitted(page.save_requested):
        page.save_button.click()
    assert "or clear all three" in page.field_errors["walk_away"].text()
    page.target_edits["target"].clear()
    assert saved(qtbot, page).targets is None


def test_ctrl_s_saves_when_the_focus_is_in_the_page(qtbot, page) -> None:
    page.show()
    qtbot.waitUntil(page.isActiveWindow)  # the offscreen platform activates it a moment later
    page.note_edit.setFocus()
    with qtbot.waitSignal(page.save_requested, timeout=1000):
        qtbot.keyClick(page.note_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_service_messages_go_beside_their_fields_the_rest_on_top(page) -> None:
    page.show_errors(
        {
            "walk_away": "The acceptable price must not be above the walk-away price.",
            "agreed.quantity": "The quantity must be a whole number of 1 or more.",
            "worksheet": "Product 1 no longer exists.",
        }
    )
    assert "must not be above" in page.field_errors["walk_away"].text()
    assert "whole number" in page.terms.field_errors["agreed.quantity"].text()
    assert page.message.text() == "⚠ Product 1 no longer exists."
    page.show_errors({})
    assert page.message.text() == "" and page.field_errors["walk_away"].text() == ""


# --- targets and cost structure -----------------------------------------------------------------
def test_the_quoted_price_is_placed_against_the_targets(qtbot, page) -> None:
    assert page.position_label.text() == "¥2.80: Above acceptable, within the walk-away price"
    type_into(qtbot, page.target_edits["walk_away"], "2.70")
    assert page.position_label.text() == "¥2.80: Beyond the walk-away price"


def test_the_cost_structure_splits_the_quoted_price_and_says_where_the_room_is(qtbot, page) -> None:
    model = page.cost_model
    assert model.rowCount() == 4
    amounts = [model.index(row, 2).data(VALUE_ROLE) for row in range(4)]
    assert sum(amounts) == Decimal("2.80")
    assert model.index(3, 0).data() == "Profit 利润"
    assert model.index(3, 2).data() == "¥0.42"
    assert page.cost_summary.text().startswith("Most room in profit ¥0.42")
    type_into(qtbot, page.share_edits[CostPart.PROFIT], "30")  # 115 % in all
    assert "add up to exactly 100 %" in page.field_errors["shares"].text()
    assert model.rowCount() == 0


def test_a_share_outside_its_typical_range_is_flagged(qtbot, page) -> None:
    type_into(qtbot, page.share_edits[CostPart.RAW_MATERIAL], "35")
    type_into(qtbot, page.share_edits[CostPart.PROFIT], "30")
    assert page.cost_model.index(0, 1).data() == "⚠ 35 %"
    assert "Raw material at 35 % is outside the typical 40-60 %" in page.cost_summary.text()


# --- rounds and the chart ----------------------------------------------------------------------
def add_round(qtbot, page: WorksheetPage, on: date, offer: str, counter: str = "") -> None:
    page.round_date.setDate(QDate(on.year, on.month, on.day))
    type_into(qtbot, page.offer_edit, offer)
    type_into(qtbot, page.counter_edit, counter)
    qtbot.keyClick(page.counter_edit, Qt.Key.Key_Return)


def test_rounds_show_gaps_and_a_warning_past_the_walk_away_price(qtbot, page) -> None:
    page.show()
    model = page.rounds_model
    assert model.rowCount() == 2 and page.warnings.isHidden()
    assert model.index(0, GAP).data() == "+¥0.70 (+30.4 %)"
    add_round(qtbot, page, date(2026, 11, 16), "2.90", "2.75")
    assert model.rowCount() == 3
    assert page.warnings.isVisible()
    assert "our offer ¥2.90 is above the walk-away price ¥2.80" in page.warning_text.text()
    assert model.index(2, NUMBER).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(2, OFFER).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "walk-away" in model.index(2, OFFER).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, OFFER).data(Qt.ItemDataRole.DecorationRole) is None
    assert page.trend_label.text() == "Trend: Their counter meets our offer. Last gap: -¥0.15."


def test_a_round_is_placed_by_its_date_and_today_is_the_default(qtbot, page) -> None:
    assert page.round_date.date() == QDate(2026, 11, 29)
    add_round(qtbot, page, date(2026, 11, 5), "2.40")
    dates = [page.rounds_model.index(row, 1).data() for row in range(3)]
    assert dates == ["2026-11-02", "2026-11-05", "2026-11-09"]
    assert page.rounds_model.index(1, COUNTER).data() == "—"
    assert page.offer_edit.text() == ""  # ready for the next round
    assert saved(qtbot, page).rounds[1] == NegotiationRound(date(2026, 11, 5), Decimal("2.40"))


def test_a_wrong_offer_adds_no_round(qtbot, page) -> None:
    add_round(qtbot, page, TODAY, "two")
    assert "'two' is not a number" in page.field_errors["rounds"].text()
    add_round(qtbot, page, TODAY, "0")
    assert "Our offer must be above 0." in page.field_errors["rounds"].text()
    assert page.rounds_model.rowCount() == 2


def test_the_selected_round_can_be_deleted(qtbot, page) -> None:
    page.rounds_view.selectRow(0)
    page.delete_round_button.click()
    assert page.rounds_model.rowCount() == 1
    assert saved(qtbot, page).rounds == ROUNDS[1:]


def test_the_convergence_chart_gets_offers_counters_and_the_targets(qtbot, page) -> None:
    offers, counters = page.chart.series()
    assert offers.name == "Our offers 我方出价"
    assert offers.points == ((1.0, 2.3), (2.0, 2.5))
    assert counters.points == ((1.0, 3.0), (2.0, 2.85))
    marks = page.chart.marks()
    assert [(m.value, m.label, m.vertical) for m in marks] == [
        (2.4, "Target ¥2.40", False),
        (2.6, "Acceptable ¥2.60", False),
        (2.8, "Walk-away ¥2.80", False),
    ]
    point = page.chart.markers()[1].pos
    assert page.chart.tooltip_at(point) == "Our offers 我方出价: round 2 → ¥2.50"
    show(page, Worksheet(1, 2, "CNY"))
    assert page.chart.series() == () and page.chart.empty_text().startswith("No rounds yet")


# --- agreed terms ------------------------------------------------------------------------------
def test_the_agreed_total_follows_price_times_quantity(qtbot, page) -> None:
    terms = page.terms
    assert terms.unit_price_edit.text() == "2.85"  # their last counter, as a start
    type_into(qtbot, terms.unit_price_edit, "2.75")
    type_into(qtbot, terms.quantity_edit, "1,000")
    assert terms.total_label.text().startswith("<b>¥2,750.00</b>")
    type_into(qtbot, terms.quantity_edit, "333")
    assert terms.total_label.text() == "<b>¥915.75</b> = ¥2.75 × 333"
    type_into(qtbot, terms.quantity_edit, "33.5")
    assert "not a whole number" in terms.total_label.text()


def test_instalment_amounts_sum_to_the_total(qtbot, page) -> None:
    terms = page.terms
    type_into(qtbot, terms.unit_price_edit, "2.75")
    type_into(qtbot, terms.quantity_edit, "333")
    assert amounts_in(terms.amounts_label.text()) == [Decimal("274.73"), Decimal("641.02")]
    terms.plan_box.setCurrentIndex(terms.plan_box.findData("custom"))
    editor = terms.custom_plan
    assert [row[0].text() for row in editor.rows] == ["30", "70"]  # starts from plan A
    editor.add("", PaymentEvent.ON_DELIVERY)
    for row, percent in zip(editor.rows, ("33.33", "33.33", "33.34"), strict=True):
        type_into(qtbot, row[0], percent)
    amounts = amounts_in(terms.amounts_label.text())
    assert len(amounts) == 3 and sum(amounts) == Decimal("915.75")
    assert terms.risk_label.text().startswith("Medium 中")  # 66.66 % before delivery


def test_instalments_must_add_up_to_100(qtbot, page) -> None:
    terms = page.terms
    type_into(qtbot, terms.quantity_edit, "1000")
    terms.plan_box.setCurrentIndex(terms.plan_box.findData("custom"))
    type_into(qtbot, terms.custom_plan.rows[1][0], "60")
    assert "they add up to 90 %" in terms.amounts_label.text()
    with qtbot.assertNotEmitted(page.agree_requested):
        terms.agree_button.click()
    assert "add up to exactly 100 %" in terms.field_errors["agreed.payment_plan"].text()


def test_mark_as_agreed_emits_the_terms_as_domain_values(qtbot, page) -> None:
    terms = page.terms
    type_into(qtbot, terms.unit_price_edit, "2.755")
    type_into(qtbot, terms.quantity_edit, "1000")
    terms.valid_check.setChecked(True)
    terms.valid_date.setDate(QDate(2026, 12, 31))
    terms.plan_box.setCurrentIndex(terms.plan_box.findData("B"))
    terms.term_box.setCurrentIndex(terms.term_box.findData("FOB"))
    type_into(qtbot, terms.lead_edit, "15")
    type_into(qtbot, terms.text_edits["packaging"], "neutral cartons, our labels")
    with qtbot.waitSignal(page.agree_requested, timeout=1000) as signal:
        terms.agree_button.click()
    agreed: AgreedTerms = signal.args[0]
    assert (agreed.unit_price, agreed.quantity, agreed.currency) == (Decimal("2.755"), 1000, "CNY")
    assert agreed.total == Decimal("2755.00")
    assert agreed.payment_plan == PLAN_B and agreed.trade_term is TradeTerm.FOB
    assert agreed.valid_until == date(2026, 12, 31) and agreed.lead_time_days == 15
    assert agreed.packaging == "neutral cartons, our labels" and agreed.supplier_id == 2


def test_a_custom_plan_may_fall_due_on_a_date(qtbot, page) -> None:
    terms = page.terms
    type_into(qtbot, terms.quantity_edit, "500")
    terms.plan_box.setCurrentIndex(terms.plan_box.findData("custom"))
    _, due, on, _ = terms.custom_plan.rows[1]
    due.setCurrentIndex(due.findData("date"))
    on.setDate(QDate(2027, 1, 15))
    with qtbot.waitSignal(page.agree_requested, timeout=1000) as signal:
        terms.agree_button.click()
    plan = signal.args[0].payment_plan
    assert plan.code == "custom"
    assert [(i.percent, i.due) for i in plan.instalments] == [
        (Decimal(30), PaymentEvent.ON_ORDER),
        (Decimal(70), date(2027, 1, 15)),
    ]


def test_agreeing_needs_price_and_quantity(qtbot, page) -> None:
    page.terms.unit_price_edit.clear()
    with qtbot.assertNotEmitted(page.agree_requested):
        page.terms.agree_button.click()
    assert page.terms.field_errors["agreed.unit_price"].text() == "⚠ Enter the agreed unit price."
    assert page.terms.field_errors["agreed.quantity"].text() == "⚠ Enter the agreed quantity."


def test_an_agreed_worksheet_shows_and_saves_its_terms(qtbot, page) -> None:
    agreed = AgreedTerms(
        2,
        "Tote bag",
        Decimal("2.70"),
        1200,
        "CNY",
        PLAN_A,
        TradeTerm.EXW,
        None,
        20,
        agreed_on=date(2026, 11, 20),
    )
    show(page, Worksheet(1, 2, "CNY", TARGETS, None, ROUNDS, agreed, "", 5))
    assert "Agreed" in page.terms.status.text() and page.terms.clear_button.isEnabled()
    assert page.terms.total_label.text().startswith("<b>¥3,240.00</b>")
    type_into(qtbot, page.terms.lead_edit, "25")
    sheet = saved(qtbot, page)
    assert sheet.agreed == AgreedTerms(
        2,
        "Tote bag",
        Decimal("2.70"),
        1200,
        "CNY",
        PLAN_A,
        TradeTerm.EXW,
        None,
        25,
        agreed_on=date(2026, 11, 20),
    )
    with qtbot.waitSignal(page.clear_agreed_requested, timeout=1000):
        page.terms.clear_button.click()


def test_a_draft_cannot_be_cleared(page) -> None:
    assert not page.terms.clear_button.isEnabled()


# --- models ------------------------------------------------------------------------------------
def test_the_models_pass_qts_model_checks(qtmodeltester) -> None:
    rounds = RoundsModel()
    rounds.set_rounds(review_rounds(ROUNDS, TARGETS).rounds, "CNY")
    qtmodeltester.check(rounds)
    costs = CostModel()
    costs.set_estimate(estimate_cost_structure(Decimal("2.80"), "CNY"))
    qtmodeltester.check(costs)
    costs.set_estimate(None)
    qtmodeltester.check(costs)


def test_the_grab_at_1280_by_720_is_saved(page, tmp_path) -> None:
    page.show()
    assert page.grab().save(str(tmp_path / "worksheet.png"))
