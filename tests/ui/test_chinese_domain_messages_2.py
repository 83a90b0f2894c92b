"""More of the rules' sentences in 简体中文 (issue 15): with the catalogue of app/domain and of the
pages that show them installed, the quote comparison says why a quote cannot be priced (below
the MOQ, the order multiple, the shop minimum) and which exchange rate is missing, and the
worksheet where the room of a price is and which share is unusual, in Chinese with the
figures, the Parcels page how much free storage a parcel has left, and the Capacity & Credit
tab how a credit rating was reached, and the Samples comparison why costs are not compared;
in English the pages show exactly the domain's English."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.kit.money import Money
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride, decide_rating
from app.domain.negotiation.comparison import Comparison, compare_quotes
from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.quotes import PriceBreak, Quote
from app.domain.negotiation.worksheet import CostPart
from app.domain.samples.sample import Product, Sample, compare_samples
from app.domain.suppliers.choices import Membership, RedFlagKind
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.matrix.credit_form import CreditForm
from app.ui.negotiation.comparison_model import NOTES, UNIT, ComparisonModel
from app.ui.negotiation.rounds_model import ROOM
from app.ui.negotiation.worksheet_page import WorksheetPage
from app.ui.samples.compare_model import ComparisonModel as SamplesModel
from tests.conftest import TODAY
from tests.ui.consolidation.conftest import World, world  # noqa: F401  (a fixture)
from tests.ui.i18n_walk import chinese

D = Decimal
DAY = date(2026, 6, 1)
PART = [  # the domain's files these pages show sentences of (not all of app/domain)
    "app/domain/kit",
    "app/domain/negotiation",
    "app/domain/consolidation/parcels.py",
    "app/ui/consolidation/parcels_page.py",
    "app/domain/matrix",
    "app/ui/matrix/credit_form.py",
    "app/ui/matrix/legend.py",
    "app/domain/samples",
    "app/ui/samples/compare_model.py",
    "app/ui/samples/form_fields.py",
    "app/ui/negotiation/comparison_model.py",
    "app/ui/negotiation/comparison_page.py",
    "app/ui/negotiation/tab.py",
    "app/ui/negotiation/worksheet_page.py",
    "app/ui/negotiation/rounds_model.py",
]
QUOTE = Quote(
    1,
    "Phone stand",
    breaks=(PriceBreak(100, D("3.20")), PriceBreak(1000, D("2.80"))),
    shipping_included=True,
    id=1,
)
QUOTES = (
    replace(QUOTE, moq=1500),
    replace(QUOTE, moq=1000, order_multiple=12, id=2),
    replace(QUOTE, seller_min_amount=D("5000.00"), seller_min_qty=2000, id=3),
    replace(QUOTE, currency="USD", id=4),
    replace(QUOTE, shipping_included=False, id=5),
)


@pytest.fixture
def in_chinese(tmp_path: Path, qapp) -> Iterator[None]:
    with chinese(tmp_path / "catalogue", PART) as missing:
        assert missing == []  # every string of the part has its translation
        yield


def _comparison(quantity: int) -> Comparison:
    rates = (ExchangeRate("CNY", D("7.80"), DAY),)
    return compare_quotes(QUOTES, quantity, LandedCostSettings(), rates, "EUR", DAY)


def _cells(quantity: int, column: int, role=Qt.ItemDataRole.DisplayRole) -> list[str]:
    model = ComparisonModel()
    model.set_comparison(_comparison(quantity), {1: "义乌市恒达工艺品厂"})
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


@pytest.mark.usefixtures("in_chinese")
def test_why_a_quote_cannot_be_priced_reads_in_chinese(qapp) -> None:
    moq, multiple, shop, usd, shipping = _cells(995, UNIT)
    assert moq == "低于起订量 1,500 件：至少订 1,500 件。"
    assert (
        multiple == "低于起订量 1,000 件（995 件按 12 的倍数向上取整为 996 件）：至少订 1,008 件。"
    )
    assert shop == "未达店铺起批量 ¥5,000.00 或 2,000 件：此单为 ¥3,184.00、995 件。"
    assert usd == "3.20 USD" and shipping == "3.20 CNY"  # priced: their problem is elsewhere
    notes = _cells(995, NOTES)
    assert notes[0] == moq and notes[2] == shop


@pytest.mark.usefixtures("in_chinese")
def test_a_missing_rate_and_an_unknown_shipping_read_in_chinese(qapp) -> None:
    notes = _cells(1000, NOTES)
    tips = _cells(1000, NOTES, Qt.ItemDataRole.ToolTipRole)
    assert tips[3] == notes[3] == "没有 USD 的汇率：请填写 1 EUR = x USD。"
    assert tips[4] == notes[4] == "这份报价的国内运费未知：请填写，或勾选“包邮”。"


def test_in_english_the_comparison_shows_the_domains_english(qapp) -> None:
    comparison = _comparison(995)
    units = _cells(995, UNIT)
    assert units[:3] == [row.problem for row in comparison.rows[:3]]
    assert units[2] == (
        "Below the shop's minimum order of ¥5,000.00 or 2,000 pieces: "
        "this order is ¥3,184.00 and 995 pieces."
    )
    tips = _cells(1000, NOTES, Qt.ItemDataRole.ToolTipRole)
    assert tips[3] == "No exchange rate for USD: enter 1 EUR = x USD."
    assert tips[4] == _comparison(1000).rows[4].problem


def _worksheet(qtbot, shares: dict[CostPart, str]) -> WorksheetPage:
    page = WorksheetPage()
    qtbot.addWidget(page)
    page.show_worksheet(
        None,
        supplier_name="义乌市恒达工艺品厂",
        quoted_price=D("2.80"),
        currency="CNY",
        today=TODAY,
    )
    for part, share in shares.items():
        page.share_edits[part].setText(share)
    page._refresh_costs()
    return page


@pytest.mark.usefixtures("in_chinese")
def test_the_cost_structure_and_its_unusual_shares_read_in_chinese(qtbot) -> None:
    page = _worksheet(qtbot, {CostPart.RAW_MATERIAL: "35", CostPart.PROFIT: "30"})
    assert page.cost_summary.text() == (
        "议价空间最大在利润 ¥0.84（可以谈）；其次在人工 ¥0.56（看效率）、制造费用 ¥0.42（看批量折扣）；"
        "最小在原材料 ¥0.98（随行就市）。"
        " 原材料占 35 %，超出通常的 40-60 %。 利润占 30 %，超出通常的 10-25 %。"
    )
    assert page.cost_model.index(3, ROOM).data(Qt.ItemDataRole.ToolTipRole) == "议价空间高：可以谈"


def test_in_english_the_worksheet_shows_the_domains_english(qtbot) -> None:
    page = _worksheet(qtbot, {CostPart.RAW_MATERIAL: "35", CostPart.PROFIT: "30"})
    assert page.cost_summary.text() == (
        "Most room in profit ¥0.84 (negotiable); some in labour ¥0.56 (efficiency) and "
        "overhead ¥0.42 (volume discounts); little in raw material ¥0.98 (market driven). "
        "Raw material at 35 % is outside the typical 40-60 %. "
        "Profit at 30 % is outside the typical 10-25 %."
    )
    assert (
        page.cost_model.index(3, ROOM).data(Qt.ItemDataRole.ToolTipRole) == "High room: negotiable"
    )


def _storage_tips(qtbot, world: World) -> dict[str, str]:  # noqa: F811
    """The Free storage cell's tooltip by parcel code: 90 free days at the agent, parcels
    arrived 5 (the world's own), 80 and 95 days ago."""
    world.add_parcel("old stock", "2", (30, 20, 10), code="OLD", arrived_on=TODAY - timedelta(80))
    world.add_parcel("older", "2", (30, 20, 10), code="OLDER", arrived_on=TODAY - timedelta(95))
    tab = ConsolidationTab(world.workbench)
    qtbot.addWidget(tab)
    tab.show()
    model = tab.parcels.model
    qtbot.waitUntil(lambda: model.rowCount() == 4)
    column = next(c for c in range(model.columnCount()) if "免费仓储" in model.columns[c].header)
    tip = Qt.ItemDataRole.ToolTipRole
    return {model.record(r).code: model.index(r, column).data(tip) for r in range(4)}


@pytest.mark.usefixtures("in_chinese")
def test_the_free_storage_left_reads_in_chinese(qtbot, world: World) -> None:  # noqa: F811
    tips = _storage_tips(qtbot, world)
    assert tips["OLD"] == "免费仓储 10 天后结束：请尽快发货。"
    assert tips["OLDER"] == "免费仓储已于 5 天前结束：正在产生仓储费。"
    assert tips["YT7538192046371"] == "免费仓储还剩 85 天。"


def test_in_english_the_free_storage_left_is_the_domains_english(qtbot, world: World) -> None:  # noqa: F811
    tips = _storage_tips(qtbot, world)
    assert tips["OLD"] == "Free storage ends in 10 days: ship soon."
    assert tips["OLDER"] == "Free storage ended 5 days ago: storage fees are running."
    assert tips["YT7538192046371"] == "85 days of free storage left."


CREDIT = CreditInputs(
    volume_trend=Trend.RISING,
    review_score=D("4.2"),
    disputes_last_12_months=1,
    repeat_purchase_rate=D("31.5"),
    membership_years=7,
    buyer_protection=False,
    membership=Membership.STRONG,
    red_flags=(RedFlagKind.EVASIVE,),
)


def _explained(qtbot, inputs: CreditInputs, override: CreditOverride | None = None) -> list[str]:
    form = CreditForm()
    qtbot.addWidget(form)
    form.show_credit(None, decide_rating(inputs, override))
    return form.explanation.toPlainText().split("\n")


@pytest.mark.usefixtures("in_chinese")
def test_how_the_credit_rating_was_reached_reads_in_chinese(qtbot) -> None:
    assert _explained(qtbot, CREDIT, CreditOverride(CreditRating.A, "回复慢")) == [
        "手动评级 A（理由：回复慢）；规则建议 B。",
        "建议评级 B：较差。",
        "得分 10/15（66.7 %）。",
        "交易量趋势：上升 -> 2/2（上升 2，平稳 1，下降 0）",
        "买家评分：4.2 分（满分 5） -> 1/2（4.5 及以上 2，4.0-4.49 1，4.0 以下 0）",
        "纠纷：近 12 个月 1 起 -> 1/2（无 2，1-2 起 1，3 起及以上 0）",
        "回头率：31.5 % -> 2/2（30 % 及以上 2，15-29.9 % 1，15 % 以下 0）",
        "会员年限：7 年 -> 2/2（3 年及以上 2，1-2 年 1，不满 1 年 0）",
        "买家保障：无 -> 0/2（有 2，无 0）",
        "会员等级：实力商家 -> 2/3（源头工厂 3，实力商家 2，诚信通 1，无 0）",
        "上限：有 1 个未解决的风险信号：最高 B。",
    ]
    few = CreditInputs(membership_years=0, red_flags=(RedFlagKind.FALSE_DETAILS,))
    assert _explained(qtbot, few) == [
        "建议评级 C：很差。",
        "会员年限：不满 1 年 -> 0/2（3 年及以上 2，1-2 年 1，不满 1 年 0）",
        "上限：会员不满 1 年，直接不合格：C。",
        "上限：风险信号“公司信息虚假”，直接不合格：C。",
        "未知，不计入：交易量趋势、买家评分、纠纷、回头率、买家保障、会员等级。",
    ]
    assert _explained(qtbot, CreditInputs(volume_trend=Trend.STABLE))[:2] == [
        "建议评级 未知：未评级。",
        "7 项输入只知道 1 项；至少需要 3 项才能给出建议。",
    ]


def test_in_english_the_credit_explanation_is_the_domains_english(qtbot) -> None:
    override = CreditOverride(CreditRating.A, "slow answers")
    lines = _explained(qtbot, CREDIT, override)
    assert lines == decide_rating(CREDIT, override).explanation.split("\n")
    assert lines[3] == "Trading-volume trend: rising -> 2/2 (rising 2, stable 1, falling 0)"


def _sample_tips(qtbot) -> tuple[list[str], list[str]]:
    """The row headers' tooltips (the row's note) and the total row's cells' tooltips."""
    table = compare_samples(
        Product(name="Phone stand", length_cm=D(12)),
        [
            Sample(price=Money(D("15"), "USD"), shipping=Money(D("20"), "CNY")),
            Sample(price=Money(D("90"), "CNY"), shipping=Money(D("9"), "CNY")),
        ],
    )
    model = SamplesModel()
    model.set_table(table, {})
    tip = Qt.ItemDataRole.ToolTipRole
    rows = [model.headerData(r, Qt.Orientation.Vertical, tip) for r in range(len(table.rows))]
    total = next(i for i, row in enumerate(table.rows) if row.key == "total")
    return rows, [model.index(total, c).data(tip) for c in range(2)]


@pytest.mark.usefixtures("in_chinese")
def test_the_samples_comparison_notes_read_in_chinese(qtbot) -> None:
    rows, total = _sample_tips(qtbot)
    assert rows[0] == "样品价格\n分别以 CNY、USD 计：没有汇率，不作比较。"
    assert rows[2] == "总费用"  # one known total: nothing to compare, no note
    assert "宽度\n规格没有目标宽度：无法算出偏差。" in rows
    assert total[0] == "价格以 USD 计、运费以 CNY 计：没有汇率，无法算出总费用。"


def test_in_english_the_samples_notes_are_the_domains_english(qtbot) -> None:
    rows, total = _sample_tips(qtbot)
    assert rows[0] == "Sample price\nIn CNY and USD: not compared without an exchange rate."
    assert total[0] == "Price in USD and shipping in CNY: no total without an exchange rate."
