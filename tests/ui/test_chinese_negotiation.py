"""The Negotiation tab and the shared widgets in 简体中文 (issue 15): with the catalogue built from
their sources installed, everything a person reads on the tab's five pages is Chinese (except
names, numbers and codes), and so are the shared widgets' tooltips and messages."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.negotiation.quotes import PriceBreak, Quote
from app.domain.samples.sample import Product
from app.services.workbench import Workbench
from app.ui.negotiation.comparison_model import NOTES
from app.ui.negotiation.tab import NegotiationTab
from app.ui.negotiation.tab_view import LANDED, WORKSHEET
from app.ui.widgets import charts, parsing
from app.ui.widgets.date_field import DateField
from app.ui.widgets.parsing import ParseError
from app.ui.widgets.supplier_picker import SupplierPicker
from app.ui.widgets.xy_chart import XYChart
from tests.conftest import TODAY
from tests.ui.i18n_walk import chinese, untranslated

PART = ["app/ui/negotiation", "app/ui/widgets", "app/domain/negotiation", "app/domain/kit"]
CODES = {"CNY", "USD", "EUR", "GBP", "HKD", "AUD", "CAD", "JPY", "CIF", "FOB"}
NAMES = {"Ningbo Homeware", "Tote bag"}  # a supplier's and a product's English names: data
# The calendar pop-ups name months by the locale (QLocale), not by the catalogue.
MONTHS = set(calendar.month_name[1:])
TABS = ["比价(&M)", "报价(&Q)", "谈判(&W)", "到岸成本(&L)", "常用语(&H)"]


@pytest.fixture
def workbench(filled_db: Path) -> Iterator[Workbench]:
    opened = Workbench(filled_db, today=lambda: TODAY)
    product = opened.samples.save_product(Product(name="Tote bag", name_zh="帆布托特包"))
    for name, prices in (
        ("义乌市恒达工艺品厂", ("3.20", "2.80")),
        ("Ningbo Homeware", ("3.00", "2.90")),
    ):
        quote = Quote(
            supplier_id=opened.suppliers.find_id(name),
            product="Tote bag",
            breaks=(PriceBreak(2, Decimal(prices[0])), PriceBreak(100, Decimal(prices[1]))),
            shipping_included=True,
        )
        opened.negotiation.save_quote(product.products[0], quote)
    yield opened
    opened.close()


@pytest.fixture
def in_chinese(tmp_path: Path, qapp) -> Iterator[None]:
    with chinese(tmp_path / "catalogue", PART) as missing:
        assert missing == []  # every string of the part has its translation
        yield


def _home_rate(workbench: Workbench) -> None:
    """EUR at home and a rate for CNY: the landed cost and the selling prices can be shown."""
    from app.domain.negotiation.fx import ExchangeRate

    workbench.negotiation.set_home_currency("EUR")
    workbench.negotiation.save_rate(ExchangeRate("CNY", Decimal("7.80"), date(2026, 11, 1)))


def test_the_negotiation_tab_reads_in_chinese(
    qtbot, in_chinese: None, workbench: Workbench
) -> None:
    _home_rate(workbench)
    tab = NegotiationTab(workbench)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    qtbot.waitUntil(lambda: tab.comparison.model.rowCount() == 2)
    tab.comparison.quantity.setValue(100)
    worksheet = tab.worksheet  # a round of offers: its table, trend and chart have text
    worksheet.offer_edit.setText("2.50")
    worksheet.counter_edit.setText("2.70")
    worksheet._add_round()
    rates = {f"1 {code} =" for code in CODES}  # the rate's prefix: "1 EUR =" 7.80 CNY
    # The cost-structure summary is the domain's, said in Chinese (app.domain.kit.message).
    assert worksheet.cost_summary.text() == (
        "议价空间最大在利润 ¥0.43（可以谈）；其次在人工 ¥0.58（看效率）、制造费用 ¥0.44（看批量折扣）；"
        "最小在原材料 ¥1.45（随行就市）。"
    )
    allowed = CODES | NAMES | MONTHS | rates
    assert untranslated(tab, allowed=allowed) == []

    pages = tab.pages
    assert [pages.tabText(i) for i in range(pages.count())] == TABS
    assert tab.new_quote_action.text() == "新建报价(&N)"
    assert tab.new_quote_action.toolTip() == "新建报价 (Ctrl+N)"  # no "(N)" left in it
    comparison = tab.comparison
    assert comparison.model.headerData(0, Qt.Orientation.Horizontal) == "排名"
    assert comparison.proxy.index(0, NOTES).data() == "★ 最便宜"
    assert comparison.market.text().startswith("市场（100 件，2 个报价，")
    assert comparison.quantity.suffix() == " 件"
    assert worksheet.rounds_model.headerData(2, Qt.Orientation.Horizontal) == "我方出价"
    assert worksheet.trend_label.text().startswith("趋势：")
    assert [s.name for s in worksheet.chart.series()][:1] == ["我方出价"]
    pages.setCurrentIndex(LANDED)
    landed = tab.landed
    assert landed.lines_model.index(0, 0).data() == "货款"  # the domain's Chinese alone
    assert landed.totals_label.text().startswith("<b>合计 €")
    assert "毛利率" in landed.selling_label.text() and "Margin" not in landed.selling_label.text()
    assert landed.basis_box.itemText(0) == "货款"
    assert tab.phrasebook.model.index(0, 2).data() == "价格"
    pages.setCurrentIndex(WORKSHEET)
    assert worksheet.terms.term_box.itemText(0) == "EXW 工厂交货"


def test_the_shared_widgets_read_in_chinese(qtbot, in_chinese: None) -> None:
    picker, field, chart = SupplierPicker(), DateField(), XYChart()
    for widget in (picker, field, chart):
        qtbot.addWidget(widget)
    assert picker.lineEdit().placeholderText() == "输入名称、拼音 (yiwu) 或首字母 (ywhd)"
    assert field.toolTip().startswith("输入 YYYY-MM-DD")
    assert chart.empty_text() == "暂无可绘制的数据"
    assert charts.format_value(None) == "未知"
    with pytest.raises(ParseError, match="“abc”不是整数：起订量。"):
        parsing.parse_count("abc", "起订量")
    with pytest.raises(ParseError, match="不是日期：请按 yyyy-mm-dd 格式输入"):
        parsing.parse_date("31.31.31")


def test_english_is_back_once_the_catalogue_is_removed(qtbot, workbench: Workbench) -> None:
    tab = NegotiationTab(workbench)
    qtbot.addWidget(tab)
    assert tab.pages.tabText(0) == "Co&mparison / 比价"
    assert charts.format_value(None) == "unknown"
