"""The Samples tab with no product yet (issue 14): it says what it is for and offers New product
and New sample (greyed until there is a product for the sample, like the action); the first
product ends it, made here or on the Negotiation tab, and deleting the last one brings it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.domain.samples.sample import Product
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from app.ui.samples.tab import SamplesTab
from tests.conftest import TODAY
from tests.factories import hengda
from tests.ui.conftest import DialogAnswers


@pytest.fixture
def workbench(db_path: Path, supplier_service: SupplierService) -> Iterator[Workbench]:
    supplier_service.insert_many([hengda()])  # a supplier, no product and no sample
    supplier_service.database.close()
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


@pytest.fixture
def tab(qtbot, workbench: Workbench) -> SamplesTab:
    widget = SamplesTab(workbench)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    return widget


def test_no_product_shows_what_the_tab_is_for_with_its_next_steps(tab: SamplesTab) -> None:
    empty = tab.empty_switch.empty
    assert tab.empty_switch.is_empty() and empty.isVisible() and not tab.splitter.isVisible()
    assert "side by side" in empty.text_label.text()
    assert [button.text() for button in empty.buttons] == ["New &product…", "New &sample"]
    # A sample is of a product: New sample waits for one, in the Edit menu as here.
    assert [button.isEnabled() for button in empty.buttons] == [True, False]
    assert not tab.new_sample_action.isEnabled()


def test_new_product_ends_it_and_new_sample_then_starts_a_sample_of_it(
    tab: SamplesTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mug", True))
    new_product, new_sample = tab.empty_switch.empty.buttons
    new_product.click()
    assert not tab.empty_switch.is_empty() and tab.splitter.isVisible()
    assert [row.name for row in tab.products.rows] == ["Mug"]
    assert new_sample.isEnabled() and tab.new_sample_action.isEnabled()
    tab.new_sample_action.trigger()
    assert tab._sample is not None and tab._sample.id is None  # a new sample of the Mug
    assert tab._sample.product_id == tab._product_id
    assert tab.side_tabs.currentIndex() == 0 and tab.sample_form.isEnabled()


def test_a_cancelled_product_name_leaves_the_empty_state(
    tab: SamplesTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    tab.empty_switch.empty.buttons[0].click()
    assert tab.empty_switch.is_empty() and tab.products.rowCount() == 0


def test_deleting_the_last_product_brings_it_back(
    tab: SamplesTab, monkeypatch: pytest.MonkeyPatch, dialogs: DialogAnswers
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Mug", True))
    tab.new_product()
    assert not tab.empty_switch.is_empty()
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_product()
    assert tab.products.rowCount() == 0 and tab.empty_switch.is_empty()
    assert not tab.empty_switch.empty.buttons[1].isEnabled()


def test_a_product_made_elsewhere_ends_it(tab: SamplesTab, workbench: Workbench) -> None:
    """As the Negotiation tab's New product does: a write through the window's operations."""
    outcome = tab.operations.run(lambda: workbench.samples.save_product(Product(name="Tote")))
    assert outcome.refusal is None
    assert not tab.empty_switch.is_empty()
    assert [row.name for row in tab.products.rows] == ["Tote"]
