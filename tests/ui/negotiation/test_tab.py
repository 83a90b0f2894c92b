"""The Negotiation tab end to end over a real database: compare, plan, quote, paste, delete."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.domain.negotiation.quotes import PriceBreak, Quote
from app.domain.samples.sample import Product
from app.services.workbench import Workbench
from app.ui.negotiation.comparison_model import NOTES, RANK, SUPPLIER, UNIT
from app.ui.negotiation.tab import NegotiationTab
from app.ui.negotiation.tab_view import QUOTE
from tests.conftest import TODAY
from tests.ui.conftest import DialogAnswers


@pytest.fixture
def tab(qtbot, filled_db: Path) -> NegotiationTab:
    workbench = Workbench(filled_db, today=lambda: TODAY)
    suppliers = workbench.suppliers
    product = workbench.samples.save_product(Product(name="Tote bag", name_zh="帆布托特包"))
    product_id = product.products[0]
    negotiation = workbench.negotiation
    for name, prices in (
        ("义乌市恒达工艺品厂", ("3.20", "2.80", "2.50")),
        ("深圳市华强通讯配件有限公司", ("3.00", "2.90", "2.70")),
    ):
        negotiation.save_quote(
            product_id,
            Quote(
                supplier_id=suppliers.find_id(name),
                product="Tote bag",
                breaks=(
                    PriceBreak(2, Decimal(prices[0])),
                    PriceBreak(100, Decimal(prices[1])),
                    PriceBreak(500, Decimal(prices[2])),
                ),
                shipping_included=True,
            ),
        )
    widget = NegotiationTab(workbench)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitUntil(lambda: widget.comparison.model.rowCount() == 2)
    return widget


def _cells(tab: NegotiationTab, column: int) -> list[str]:
    proxy = tab.comparison.proxy
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_the_cheapest_at_the_planned_quantity_is_first(tab: NegotiationTab) -> None:
    tab.comparison.quantity.setValue(100)
    assert _cells(tab, RANK)[0] == "★ 1"
    assert "恒达" in _cells(tab, SUPPLIER)[0]  # 2.80 beats 2.90 from 100 pieces
    assert "★ cheapest" in _cells(tab, NOTES)[0]
    tab.comparison.quantity.setValue(99)
    assert "华强" in _cells(tab, SUPPLIER)[0]  # 3.00 beats 3.20 below 100
    assert tab.service.planned_qty(tab._product_id) == 99  # remembered


def test_below_the_moq_a_quote_says_so_and_is_unranked(tab: NegotiationTab) -> None:
    tab.comparison.quantity.setValue(1)
    assert all("MOQ" in text for text in _cells(tab, UNIT))
    assert _cells(tab, RANK) == ["—", "—"]


def test_a_pasted_1688_table_becomes_a_new_quote(
    tab: NegotiationTab, dialogs: DialogAnswers
) -> None:
    QGuiApplication.clipboard().setText("2-99件 ¥3.20 / 100-499件 ¥2.80 / ≥500件 ¥2.50")
    tab.setFocus()
    tab.paste_action.trigger()
    assert tab.pages.currentIndex() == QUOTE
    form = tab.quote_form
    index = form.supplier_box.findText("宁波", Qt.MatchFlag.MatchContains)
    if index < 0:
        index = form.supplier_box.findText("Ningbo", Qt.MatchFlag.MatchContains)
    form.supplier_box.setCurrentIndex(index)
    assert form.breaks.breaks()[0] == [
        PriceBreak(2, Decimal("3.20")),
        PriceBreak(100, Decimal("2.80")),
        PriceBreak(500, Decimal("2.50")),
    ]
    form.shipping_included.setChecked(True)
    form.save_button.click()
    assert tab.comparison.model.rowCount() == 3


def test_a_wrong_number_is_shown_beside_its_field_and_nothing_is_saved(
    tab: NegotiationTab,
) -> None:
    tab.comparison.table.selectRow(0)
    form = tab.quote_form
    form.counts["moq"].setText("lots")
    form.save_button.click()
    assert "not a whole number" in form.errors["moq"].text()
    assert tab.comparison.model.rowCount() == 2


def test_delete_asks_and_removes_the_selected_quote(
    tab: NegotiationTab, dialogs: DialogAnswers
) -> None:
    tab.comparison.table.selectRow(0)
    dialogs.answer = QMessageBox.StandardButton.Yes
    tab.delete_quote_action.trigger()
    assert "Delete the quote" in dialogs.asked[-1]
    assert tab.comparison.model.rowCount() == 1


def test_a_supplier_renamed_elsewhere_is_renamed_here(tab: NegotiationTab) -> None:
    workbench = tab.workbench
    supplier = workbench.suppliers.get(workbench.suppliers.find_id("义乌市恒达工艺品厂"))
    supplier.name_zh = "义乌市恒达新工艺品厂"
    tab.operations.announce([workbench.suppliers.save(supplier)])
    assert any("恒达新" in name for name in _cells(tab, SUPPLIER))


def test_the_tab_fits_1280_by_720(tab: NegotiationTab, tmp_path: Path) -> None:
    image = tab.grab()
    assert image.width() <= 1280 and image.height() <= 720
    assert image.save(str(tmp_path / "negotiation.png"))
