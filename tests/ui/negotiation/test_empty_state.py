"""The Negotiation tab with no product yet (issue 14): it says what it is for and offers New
product, New quote (greyed until there is a product to quote, like the action) and the
phrasebook, which needs no product; the first product ends it, and deleting the last one brings
it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

from app.domain.samples.sample import Product
from app.services.workbench import Workbench
from app.ui.negotiation.tab import NegotiationTab
from app.ui.negotiation.tab_view import PHRASES, QUOTE
from tests.conftest import TODAY


@pytest.fixture
def tab(qtbot, filled_db: Path) -> Iterator[NegotiationTab]:
    """Three suppliers, no product."""
    workbench = Workbench(filled_db, today=lambda: TODAY)
    widget = NegotiationTab(workbench)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    yield widget
    workbench.close()


def test_no_product_shows_what_the_tab_is_for_with_its_next_steps(tab: NegotiationTab) -> None:
    empty = tab.empty_switch.empty
    assert tab.empty_switch.is_empty() and empty.isVisible() and not tab.splitter.isVisible()
    assert "price breaks" in empty.text_label.text()
    assert [button.text() for button in empty.buttons] == [
        "New &product…",
        "&New quote",
        "Open the p&hrasebook",
    ]
    assert [button.isEnabled() for button in empty.buttons] == [True, False, True]
    assert not tab.new_quote_action.isEnabled()


def test_new_product_ends_it_and_new_quote_then_opens_the_quote_form(
    tab: NegotiationTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Tote bag", True))
    new_product, new_quote, _phrasebook = tab.empty_switch.empty.buttons
    new_product.click()
    assert not tab.empty_switch.is_empty() and tab.splitter.isVisible()
    assert [row.name for row in tab.products.rows] == ["Tote bag"]
    assert new_quote.isEnabled() and tab.new_quote_action.isEnabled()
    tab.new_quote_action.trigger()
    assert tab.pages.currentIndex() == QUOTE and tab.quote_form.isEnabled()


def test_deleting_the_last_product_brings_it_back(tab: NegotiationTab) -> None:
    samples = tab.workbench.samples
    made = tab.operations.run(lambda: samples.save_product(Product(name="Mug")))  # Samples tab
    assert not tab.empty_switch.is_empty() and tab.products.rowCount() == 1
    tab.operations.run(lambda: samples.delete_product(made.result.products[0]))
    assert tab.products.rowCount() == 0 and tab.empty_switch.is_empty()


def test_the_phrasebook_opens_with_no_product_and_stays_open_until_products_come_and_go(
    tab: NegotiationTab,
) -> None:
    tab.empty_switch.empty.buttons[2].click()
    assert not tab.empty_switch.is_empty() and tab.pages.currentIndex() == PHRASES
    assert tab.phrasebook.isVisible()
    tab.reload()  # a change elsewhere re-reads the tab: the user stays where they went
    assert not tab.empty_switch.is_empty()

    samples = tab.workbench.samples
    made = tab.operations.run(lambda: samples.save_product(Product(name="Mug")))
    assert not tab.empty_switch.is_empty() and tab.products.rowCount() == 1
    tab.operations.run(lambda: samples.delete_product(made.result.products[0]))
    assert tab.empty_switch.is_empty()
