"""The rules' own sentences in 简体中文 (issue 15): with the catalogue of app/domain and of the
pages that show them installed, the Planner's refusals (which parcel, which limit, which
restricted goods, named by their Chinese labels) and its summary line, and the quantity
advisor's savings read in Chinese with the figures of the plan and the quote; in English they
stay exactly the domain's English."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.domain.consolidation.parcels import RestrictedTag
from app.domain.negotiation.advisor import quantity_advice
from app.domain.negotiation.quotes import PriceBreak, Quote
from app.ui.consolidation.planner_page import PlannerPage
from app.ui.consolidation.tab import ConsolidationTab
from app.ui.negotiation.comparison_page import ComparisonPage
from tests.ui.consolidation.conftest import World, world  # noqa: F401  (a fixture)
from tests.ui.i18n_walk import chinese

D = Decimal
PART = [
    "app/domain",
    "app/ui/consolidation",
    "app/ui/negotiation/comparison_page.py",
    "app/ui/negotiation/comparison_model.py",
]
CHARGERS = "无线充支架 wireless charger stands"
QUOTE = Quote(
    1,
    "Phone stand",
    breaks=(PriceBreak(2, D("3.20")), PriceBreak(100, D("2.80")), PriceBreak(500, D("2.50"))),
    shipping_included=True,
)


@pytest.fixture
def in_chinese(tmp_path: Path, qapp) -> Iterator[None]:
    with chinese(tmp_path / "catalogue", PART) as missing:
        assert missing == []  # every string of the part has its translation
        yield


def _planned(qtbot, world: World) -> PlannerPage:  # noqa: F811
    """Every waiting parcel planned on the four lines: chargers with batteries and magnets
    (the express and EMS take neither) and a box 125 cm long (the air line's limit is 120)."""
    world.add_parcel(
        CHARGERS, "2", (30, 20, 10), tags=frozenset({RestrictedTag.BATTERY, RestrictedTag.MAGNET})
    )
    world.add_parcel("长盒 long box", "5", (125, 30, 20))
    tab = ConsolidationTab(world.workbench)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.parcels.model.rowCount() == 4)
    tab.parcel_control.plan_selected()
    qtbot.waitUntil(lambda: tab.planner.lines.rowCount() == 4)
    return tab.planner


def _accepted(page: PlannerPage, header: str, role=Qt.ItemDataRole.DisplayRole) -> dict[str, str]:
    """The Accepted column (its text, or another role), by line name."""
    model = page.lines
    column = next(c for c in range(model.columnCount()) if model.columns[c].header == header)
    rows = range(model.rowCount())
    return {model.record(r).entry.name: model.index(r, column).data(role) for r in rows}


@pytest.mark.usefixtures("in_chinese")
def test_the_planners_refusals_and_summary_read_in_chinese(qtbot, world: World) -> None:  # noqa: F811
    page = _planned(qtbot, world)
    tags = f"包裹“{CHARGERS}”：此线路不收带电、带磁"  # the tags' Chinese labels
    limit = "包裹“长盒 long box”：最长边 125 cm，超过此线路的上限 120 cm"
    accepted = _accepted(page, "可走")
    assert accepted["DHL 快递 Express"] == accepted["EMS"] == f"✗ {tags}"
    assert accepted["空运特货专线 Air special"] == f"✗ {limit}"
    assert not accepted["海运拼箱 Sea LCL"].startswith("✗")
    assert _accepted(page, "可走", Qt.ItemDataRole.ToolTipRole)["EMS"] == tags
    summary = page.note_label.text()
    assert summary.startswith("不可走 — ") and summary.endswith("。")
    for line, reason in (
        ("DHL 快递 Express", tags),
        ("EMS", tags),
        ("空运特货专线 Air special", limit),
    ):
        assert f"{line}: {reason}" in summary
    assert "Parcel" not in summary and "not accepted" not in summary and "Longest" not in summary
    # The air line chosen: each of its ways is refused for the same reason, said in Chinese.
    row = next(r for r in page.lines.rows if r.entry.name == "空运特货专线 Air special")
    page.table.selectRow(page.lines_proxy.mapFromSource(page.lines.index(row.id, 0)).row())
    ways = [page.way_box.itemText(i) for i in range(page.way_box.count())]
    assert ways and all(text.endswith(f"不可走：{limit}") for text in ways)
    assert page.cost_label.text() == f"空运特货专线 Air special: {limit}"


@pytest.mark.usefixtures("in_chinese")
def test_the_advisors_savings_read_in_chinese_with_the_quotes_figures(qtbot) -> None:
    page = ComparisonPage()
    qtbot.addWidget(page)
    page.show_advice(quantity_advice(QUOTE, 1, 1000), "义乌市恒达工艺品厂")
    assert page.savings.text().split("\n") == [
        "订 100 件比订 99 件还少花 ¥36.80；只要需要 88 件以上，直接订 100 件都不会多花钱。",
        "订 500 件比订 499 件还少花 ¥147.20；只要需要 447 件以上，直接订 500 件都不会多花钱。",
    ]


def test_in_english_the_pages_show_the_domains_english(qtbot, world: World) -> None:  # noqa: F811
    page = _planned(qtbot, world)
    accepted = _accepted(page, "Accepted / 可走")
    assert accepted["EMS"] == (
        f"✗ Parcel '{CHARGERS}': Battery (带电), Magnet (带磁) not accepted on this line"
    )
    assert accepted["空运特货专线 Air special"] == (
        "✗ Parcel '长盒 long box': Longest side 125 cm is over this line's 120 cm"
    )
    comparison = ComparisonPage()
    qtbot.addWidget(comparison)
    advice = quantity_advice(QUOTE, 1, 1000)
    comparison.show_advice(advice, "Hengda")
    assert comparison.savings.text() == "\n".join(s.sentence for s in advice.savings)
