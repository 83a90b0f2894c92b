"""The Samples and Negotiation tabs show the same products at once: a product made, renamed or
deleted on one tab is in (or gone from) the other's list without reopening anything, whether
the other tab already had products or not (one window, one Operations bus, one database)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from app.domain.samples.sample import Product
from app.services.negotiation.quote_plan import NewProduct, QuoteImportPlan, apply_quote_import
from app.ui.main_window import MainWindow
from app.ui.samples.lists import ID_ROLE
from tests.ui.conftest import DialogAnswers


def _names(tab: Any) -> set[str]:
    """The names of the products in a tab's product model (either tab's rows)."""
    return {row.name for row in tab.products.rows}


def _ids(tab: Any) -> set[int]:
    return {row.id for row in tab.products.rows}


def _open(window: MainWindow, key: str) -> Any:
    window.tabs.setCurrentWidget(window.host(key))
    return window.tab(key)


def _both(window: MainWindow) -> tuple[Any, Any]:
    """Both tabs opened (and so loaded), the Samples tab left in front."""
    negotiation = _open(window, "negotiation")
    samples = _open(window, "samples")
    return samples, negotiation


def _type_name(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kwargs: (name, True))


@pytest.fixture
def tote_id(window: MainWindow) -> int:
    """One product already stored before either tab is opened."""
    samples = window.session.workbench.samples
    return int(samples.save_product(Product(name="Tote bag", name_zh="帆布托特包")).products[0])


def test_a_product_made_on_negotiation_is_in_the_samples_list_that_has_products(
    window: MainWindow, tote_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples, negotiation = _both(window)
    assert _names(samples) == {"Tote bag"} and samples._product_id == tote_id
    _type_name(monkeypatch, "Phone case")

    negotiation.new_product()

    assert _names(negotiation) == {"Tote bag", "Phone case"}
    assert _names(samples) == {"Tote bag", "Phone case"}
    assert samples._product_id == tote_id  # what the Samples tab shows stays chosen
    assert samples.products_view.currentIndex().data(ID_ROLE) == tote_id


def test_a_product_made_on_negotiation_ends_the_samples_empty_state(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    samples, negotiation = _both(window)
    assert samples.empty_switch.is_empty()
    _type_name(monkeypatch, "Phone case")

    negotiation.new_product()

    assert _names(samples) == {"Phone case"} and not samples.empty_switch.is_empty()


def test_products_an_import_of_quotes_makes_are_in_the_samples_list(
    window: MainWindow, tote_id: int
) -> None:
    samples, _negotiation = _both(window)
    workbench = window.session.workbench
    plan = QuoteImportPlan("quotes.xlsx", new_products=(NewProduct("Mug", "马克杯"),))

    window.operations.run(lambda: apply_quote_import(workbench.database, plan))

    assert _names(samples) == {"Tote bag", "Mug"}


def test_a_product_made_renamed_and_deleted_on_samples_shows_on_negotiation(
    window: MainWindow, tote_id: int, monkeypatch: pytest.MonkeyPatch, dialogs: DialogAnswers
) -> None:
    samples, negotiation = _both(window)
    assert _names(negotiation) == {"Tote bag"}
    _type_name(monkeypatch, "Phone case")

    samples.new_product()
    assert _names(negotiation) == {"Tote bag", "Phone case"}
    (case_id,) = _ids(negotiation) - {tote_id}
    assert samples._product_id == case_id

    product = window.session.workbench.samples.product(case_id)
    samples.save_product(replace(product, name="Phone cover"))
    assert _names(negotiation) == {"Tote bag", "Phone cover"}

    dialogs.answer = QMessageBox.StandardButton.Yes
    samples.delete_product()
    assert _names(negotiation) == {"Tote bag"}
    assert _names(samples) == {"Tote bag"}


def test_a_product_made_on_negotiation_renamed_and_deleted_on_samples(
    window: MainWindow, tote_id: int, monkeypatch: pytest.MonkeyPatch, dialogs: DialogAnswers
) -> None:
    samples, negotiation = _both(window)
    _type_name(monkeypatch, "Phone case")
    negotiation.new_product()
    (case_id,) = _ids(samples) - {tote_id}

    samples._select(samples.products_view, samples.products_proxy, samples.products, case_id)
    assert samples._product_id == case_id
    product = window.session.workbench.samples.product(case_id)
    samples.save_product(replace(product, name="Phone cover"))
    assert _names(negotiation) == {"Tote bag", "Phone cover"}
    assert _names(samples) == {"Tote bag", "Phone cover"}

    dialogs.answer = QMessageBox.StandardButton.Yes
    samples.delete_product()
    assert _names(samples) == _names(negotiation) == {"Tote bag"}
    assert negotiation._product_id in {tote_id, None}


def test_a_product_deleted_elsewhere_leaves_the_samples_tab_on_another(
    window: MainWindow, tote_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The product the Samples tab shows is deleted by a write it did not make (undo of a
    creation, a script): the tab moves to a product that still exists."""
    samples, negotiation = _both(window)
    _type_name(monkeypatch, "Phone case")
    negotiation.new_product()
    (case_id,) = _ids(samples) - {tote_id}
    samples._select(samples.products_view, samples.products_proxy, samples.products, case_id)
    assert samples._product_id == case_id

    workbench = window.session.workbench
    window.operations.run(lambda: workbench.samples.delete_product(case_id))

    assert _names(samples) == _names(negotiation) == {"Tote bag"}
    assert samples._product_id == tote_id
    assert negotiation._product_id == tote_id
