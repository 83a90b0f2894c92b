"""More of the rules' sentences in 简体中文 (issue 15): with the catalogue of app/domain and of the
pages that show them installed, the Negotiation comparison's market note (conversions, quotes
left out, too few to flag), the selling price's explanation and refusals, and the landed-cost
settings' problems on the Landed cost page read in Chinese with their figures; in English the
pages show exactly the domain's English."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.negotiation.comparison import Comparison, compare_quotes
from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.quotes import PriceBreak, Quote
from app.ui import i18n
from app.ui.negotiation.comparison_model import NOTES, SELLING, ComparisonModel
from app.ui.negotiation.comparison_page import ComparisonPage
from app.ui.negotiation.landed_page import LandedCostPage
from tests.ui.i18n_walk import chinese

D = Decimal
DAY = date(2026, 6, 1)
PART = [  # the domain's files these pages show sentences of, and the pages
    "app/domain/kit",
    "app/domain/negotiation",
    "app/ui/negotiation/comparison_model.py",
    "app/ui/negotiation/comparison_page.py",
    "app/ui/negotiation/landed_page.py",
]
QUOTE = Quote(1, "Phone stand", breaks=(PriceBreak(100, D("3.20")),), shipping_included=True)
QUOTES = (
    QUOTE,
    replace(QUOTE, supplier_id=2),
    replace(QUOTE, supplier_id=3, currency="USD"),
    replace(QUOTE, supplier_id=4, currency="GBP"),
    replace(QUOTE, supplier_id=5, currency="JPY"),
)
RATES = (ExchangeRate("USD", D("0.14"), DAY),)
BROKEN = LandedCostSettings(agent_fee_pct=D(150), freight=D("1.234"), item_categories=0)


@pytest.fixture
def in_chinese(tmp_path: Path, qapp) -> Iterator[None]:
    with chinese(tmp_path / "catalogue", PART) as missing:
        assert missing == []  # every string of the part has its translation
        yield


def _market(qtbot, quotes: tuple[Quote, ...] = QUOTES) -> str:
    page = ComparisonPage()
    qtbot.addWidget(page)
    comparison = compare_quotes(quotes, 100, LandedCostSettings(), RATES, "CNY", DAY)
    page.show_comparison(comparison, {}, 100)
    return page.market.text()


def _selling(margin: str, fee: str) -> tuple[Comparison, list[str], list[str]]:
    comparison = compare_quotes(
        QUOTES[:1],
        100,
        LandedCostSettings(),
        (),
        "CNY",
        DAY,
        target_margin_pct=D(margin),
        selling_fee_pct=D(fee),
    )
    model = ComparisonModel()
    model.set_comparison(comparison, {})
    tip = Qt.ItemDataRole.ToolTipRole
    return comparison, [model.index(0, SELLING).data(tip)], [model.index(0, NOTES).data(tip)]


def _landed_problem(qtbot) -> tuple[Comparison, str]:
    """The problem the Landed cost page shows for a quote under broken settings, as the
    Negotiation tab hands it over (the row's problems in the interface's language)."""
    comparison = compare_quotes(QUOTES[:1], 100, BROKEN, (), "CNY", DAY)
    page = LandedCostPage()
    qtbot.addWidget(page)
    row = comparison.rows[0]
    page.show_breakdown(
        row.landed, supplier_name="", problem=i18n.field_text(row.problem_said), selling=()
    )
    return comparison, page.problem_label.text()


@pytest.mark.usefixtures("in_chinese")
def test_the_market_note_reads_in_chinese(qtbot) -> None:
    text = _market(qtbot)
    assert text.endswith(
        "统计时以 USD 计的单价已换算为 CNY。 以 GBP、JPY 计的报价没有汇率，不计入统计。"
    )
    assert text.startswith("市场（100 件，3 个报价，CNY）")
    few = _market(qtbot, QUOTES[:2])
    assert few.endswith("可计价的报价少于 3 个：不标记“低得可疑”。")


def test_in_english_the_market_note_is_the_domains_english(qtbot) -> None:
    assert _market(qtbot).endswith(
        "Unit prices in USD are converted to CNY for the statistics. "
        "Quotes in GBP, JPY are left out of the statistics: no exchange rate."
    )


@pytest.mark.usefixtures("in_chinese")
def test_the_selling_price_and_its_refusal_read_in_chinese(qapp) -> None:
    _, tips, _ = _selling("30", "15")
    assert tips == [
        "毛利率：30 %，扣除 15 % 的销售费用；该售价实得毛利率 30.02 %（相当于成本加价率 54.59 %）。"
    ]
    _, _, notes = _selling("60", "40")
    assert notes == [
        "销售费用（40 %）与毛利率（60 %）合计达到 100 % 或以上：任何售价都达不到这个毛利率。"
        "请降低其中一项。"
    ]
    _, _, notes = _selling("140", "0")
    assert notes == ["毛利率 %：不能超过 100，现为 140。"]


def test_in_english_the_selling_price_is_the_domains_english(qapp) -> None:
    comparison, tips, _ = _selling("30", "15")
    assert tips == [comparison.rows[0].selling.explanation]  # type: ignore[union-attr]
    comparison, _, notes = _selling("60", "40")
    assert notes == [
        "The fee (40 %) and the margin (60 %) add up to 100 % or more: no price can give that "
        "margin. Lower one of them."
    ]
    assert notes == [comparison.rows[0].problem]


@pytest.mark.usefixtures("in_chinese")
def test_the_landed_cost_settings_problems_read_in_chinese(qtbot) -> None:
    _, shown = _landed_problem(qtbot)
    assert shown == (
        "⚠ 代理服务费 %：不能超过 100，现为 150。 国际运费：CNY 最多 2 位小数，现为 1.234。"
        " 一批货至少有 1 个商品类别。"
    )


def test_in_english_the_landed_cost_settings_problems_are_the_domains_english(qtbot) -> None:
    comparison, shown = _landed_problem(qtbot)
    assert shown == (
        "⚠ The agent fee % must be 100 or less, not 150. Freight has more than 2 decimals for "
        "CNY: 1.234. A consignment has at least 1 item category."
    )
    assert shown == f"⚠ {comparison.rows[0].problem}"
