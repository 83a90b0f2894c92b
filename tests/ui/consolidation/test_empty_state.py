"""The Consolidation tab with no agent, order or parcel yet (issue 14): it says what it is for
and offers New agent and New order; either opens its form on the tab's pages, the first record
ends it, and deleting the last one brings it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.consolidation.agent_fees import AgentFees
from app.services.changes import Change
from app.services.consolidation.records import Order
from app.services.workbench import Workbench
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.consolidation.tab_view import AGENTS, ORDERS
from tests.conftest import TODAY


def _tab(qtbot, path: Path) -> Iterator[ConsolidationTab]:
    workbench = Workbench(path, today=lambda: TODAY)
    widget = ConsolidationTab(workbench)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    yield widget
    workbench.close()


@pytest.fixture
def bare(qtbot, db_path: Path) -> Iterator[ConsolidationTab]:
    """No supplier, no agent, no order."""
    yield from _tab(qtbot, db_path)


@pytest.fixture
def tab(qtbot, filled_db: Path) -> Iterator[ConsolidationTab]:
    """Three suppliers, nothing of the Consolidation tab's own."""
    yield from _tab(qtbot, filled_db)


def test_nothing_yet_shows_what_the_tab_is_for_with_its_first_steps(
    bare: ConsolidationTab,
) -> None:
    empty = bare.empty_switch.empty
    assert bare.empty_switch.is_empty() and empty.isVisible() and not bare.pages.isVisible()
    assert "First add your agent" in empty.text_label.text()
    assert [button.text() for button in empty.buttons] == ["New a&gent", "&New order"]


def test_new_agent_opens_its_form_and_the_first_agent_ends_it(bare: ConsolidationTab) -> None:
    bare.empty_switch.empty.buttons[0].click()
    assert not bare.empty_switch.is_empty() and bare.pages.isVisible()
    assert bare.pages.currentIndex() == AGENTS
    fees_form = bare.agents.fees_form
    assert fees_form.isEnabled() and fees_form.agent_id is None
    bare.apply_change(Change(created=(1,)))  # a supplier added meanwhile: the form stays
    assert not bare.empty_switch.is_empty()

    fees_form.name_edit.setText("Superbuy")
    fees_form.save_button.click()
    assert bare.agents.agents.rowCount() == 1 and not bare.empty_switch.is_empty()
    agent_id = bare.agents.current_agent_id()
    bare.run(lambda: bare.service.delete_agent(agent_id))
    assert bare.agents.agents.rowCount() == 0 and bare.empty_switch.is_empty()


def test_new_order_needs_a_supplier_first(qtbot, bare: ConsolidationTab) -> None:
    with qtbot.waitSignal(bare.message) as said:
        bare.empty_switch.empty.buttons[1].click()
    assert said.args == ["Add the supplier on the Suppliers tab first."]
    assert bare.empty_switch.is_empty()


def test_new_order_opens_its_form_when_suppliers_exist(tab: ConsolidationTab) -> None:
    tab.pages.setCurrentIndex(AGENTS)  # wherever the pages were left
    tab.empty_switch.empty.buttons[1].click()
    assert not tab.empty_switch.is_empty() and tab.pages.currentIndex() == ORDERS
    order = tab.orders.form.current_order()
    assert order is not None and order.id is None


def test_an_order_saved_ends_it_and_deleting_it_brings_it_back(tab: ConsolidationTab) -> None:
    supplier_id = tab._suppliers[0][0]
    saved = tab.run(lambda: tab.service.save_order(Order(supplier_id=supplier_id)))
    assert saved.ok and not tab.empty_switch.is_empty()
    assert tab.orders.model.rowCount() == 1
    tab.run(lambda: tab.service.delete_order(saved.result.created[0]))
    assert tab.empty_switch.is_empty()


def test_an_agent_saved_through_the_operations_ends_it(bare: ConsolidationTab) -> None:
    bare.run(lambda: bare.service.save_agent(AgentFees(name="CSSBuy")))
    assert not bare.empty_switch.is_empty() and bare.agents.agents.rowCount() == 1
