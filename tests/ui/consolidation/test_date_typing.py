"""A mistyped date in an order or in a line's "rules as of" is shown, and nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.ui.consolidation.order_form import PRICE, PRODUCT, QUANTITY
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import AGENTS, ORDERS
from tests.ui.consolidation.conftest import World
from tests.ui.date_typing import not_a_date, retype_date


def test_a_mistyped_order_date_is_shown_beside_it_and_no_order_is_saved(
    tab: ConsolidationTab, world: World
) -> None:
    tab.pages.setCurrentIndex(ORDERS)
    tab.orders.table.setFocus()
    QTest.keyClick(tab.orders.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = tab.orders.form
    form.supplier_box.setCurrentIndex(form.supplier_box.findData(world.hengda))
    form.number_edit.setText("3421658712345679999")
    items = form.items
    items.setData(items.index(0, PRODUCT), str(world.tote))
    items.setData(items.index(0, QUANTITY), "200")
    items.setData(items.index(0, PRICE), "9.5")
    retype_date(form.dates["paid_on"], "2026-02-30")
    form.save_button.click()
    assert form.errors["paid_on"].text() == f"⚠ {not_a_date('2026-02-30')}"
    assert form.errors["ordered_on"].text() == ""
    assert world.service.find_order_id("3421658712345679999") is None


def test_a_mistyped_rules_date_is_listed_and_the_line_is_not_saved(
    tab: ConsolidationTab, world: World
) -> None:
    tab.pages.setCurrentIndex(AGENTS)
    tab.new_action.trigger()
    form = tab.agents.line_form
    agent = tab.agents.current_agent_id()
    before = world.service.lines(agent)
    form.name_edit.setText("YunExpress 云途")
    form.fa["first_kg"].setText("0.5")
    form.fa["first_price"].setText("110")
    form.fa["step_kg"].setText("0.5")
    form.fa["step_price"].setText("30")
    retype_date(form.rules_as_of, "2026-11-")
    form.save_button.click()
    assert form.problems.text() == f"⚠ {not_a_date('2026-11-')}"
    assert world.service.lines(agent) == before
