"""The Planner page's two tables, column by column: the lines of the plan (accepted or why not,
boxes, kg, cost, each parcel alone, repacked, transit, ★ cheapest and ⚡ fastest) and the boxes
of the chosen line and way. Rows and columns only; planner_page.py lays them out and shows
them. The texts keep the PlannerPage translation context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon

from app.domain.consolidation.planner import LinePlan, WayCost, WayResult
from app.domain.consolidation.split import PricedBox
from app.services.consolidation.records import LineEntry
from app.ui import i18n
from app.ui.consolidation.entry import UNKNOWN, kg_text, money_text, sort_number, transit_text
from app.ui.consolidation.records_model import Column, shape_icon

COST = 11  # the column of the total cost


class PlanRow(NamedTuple):
    id: int  # the line's position in the plan
    plan: LinePlan
    entry: LineEntry


class BoxRow(NamedTuple):
    id: int  # 1, 2, …
    priced: PricedBox


def marks_text(row: PlanRow) -> str:
    marks = []
    if row.plan.cheapest:
        marks.append(QCoreApplication.translate("PlannerPage", "★ cheapest"))
    if row.plan.fastest:
        marks.append(QCoreApplication.translate("PlannerPage", "⚡ fastest"))
    return " ".join(marks)


def refusal_text(plan: LinePlan) -> str:
    """Why the line cannot take the selection, in the interface language ('' when it can)."""
    found = plan.refusal_message
    return "" if found is None else i18n.message_text(found)


def _way_total(result: WayResult | None) -> str:
    if result is None:
        return QCoreApplication.translate("PlannerPage", "not compared")
    return (
        money_text(result.total)
        if isinstance(result, WayCost)
        else QCoreApplication.translate("PlannerPage", "refused")
    )


def _separate_tip(plan: LinePlan) -> str:
    saving = plan.saving_over_separate
    if saving is None:
        return ""
    if saving.amount > 0:
        return QCoreApplication.translate(
            "PlannerPage", "Consolidating saves {amount} over sending each parcel alone."
        ).format(amount=money_text(saving))
    return QCoreApplication.translate("PlannerPage", "Consolidating saves nothing on this line.")


def plan_columns() -> list[Column[PlanRow]]:
    star, bolt = shape_icon("star", "#E69F00"), shape_icon("bolt", "#56B4E9")

    def marks_icon(row: PlanRow) -> QIcon | None:
        return star if row.plan.cheapest else (bolt if row.plan.fastest else None)

    def figure(read: Callable[[WayCost], str]) -> Callable[[PlanRow], str]:
        def text(row: PlanRow) -> str:
            best = row.plan.best
            return UNKNOWN if best is None else read(best)

        return text

    def sorted_by(read: Callable[[WayCost], Any]) -> Callable[[PlanRow], float]:
        def key(row: PlanRow) -> float:
            best = row.plan.best
            return sort_number(None if best is None else read(best))

        return key

    return [
        Column(
            QCoreApplication.translate("PlannerPage", "Best / 推荐"),
            marks_text,
            QCoreApplication.translate("PlannerPage", "★ cheapest total, ⚡ fewest transit days"),
            icon=marks_icon,
        ),
        Column(QCoreApplication.translate("PlannerPage", "Line / 线路"), lambda r: r.entry.name),
        Column(
            QCoreApplication.translate("PlannerPage", "Agent / 代理"), lambda r: r.entry.agent_name
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Accepted / 可走"),
            lambda r: (
                QCoreApplication.translate("PlannerPage", "✓ yes")
                if r.plan.accepted
                else f"✗ {refusal_text(r.plan)}"
            ),
            QCoreApplication.translate("PlannerPage", "Refused: which limit, which parcel"),
            cell_tip=lambda r: refusal_text(r.plan),
            warning=lambda r: not r.plan.accepted,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Way / 方式"),
            figure(lambda b: b.way.label_zh),
            QCoreApplication.translate("PlannerPage", "合箱, or 合箱去包装 when cheaper"),
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Boxes / 箱数"),
            figure(lambda b: str(b.boxes)),
            sort=sorted_by(lambda b: b.boxes),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Actual / 实重"),
            figure(lambda b: kg_text(b.actual_kg)),
            sort=sorted_by(lambda b: b.actual_kg),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Volumetric / 体积重"),
            figure(lambda b: kg_text(b.volumetric_kg)),
            QCoreApplication.translate(
                "PlannerPage", "L×W×H ÷ the line's divisor; — on actual-weight lines"
            ),
            sort=sorted_by(lambda b: b.volumetric_kg),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Chargeable / 计费重量"),
            figure(lambda b: kg_text(b.chargeable_kg)),
            QCoreApplication.translate(
                "PlannerPage", "max(actual, volumetric) by the line's rules, rounded up to its step"
            ),
            sort=sorted_by(lambda b: b.chargeable_kg),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Freight / 运费"),
            figure(lambda b: money_text(b.freight)),
            QCoreApplication.translate("PlannerPage", "freight + fuel + the line's per-box fees"),
            sort=sorted_by(lambda b: b.freight.amount),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Fees / 代理费"),
            figure(lambda b: money_text(b.fees.total)),
            QCoreApplication.translate("PlannerPage", "handling, 合箱, repack, insurance, storage"),
            numeric=True,
            sort=sorted_by(lambda b: b.fees.total.amount),
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Cost / 合计"),
            figure(lambda b: money_text(b.total)),
            QCoreApplication.translate("PlannerPage", "freight + fees"),
            sort=sorted_by(lambda b: b.total.amount),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Currency"), lambda r: r.plan.line.currency
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Separately / 分开寄"),
            lambda r: _way_total(r.plan.separate),
            QCoreApplication.translate(
                "PlannerPage", "Each parcel sent alone: consolidating can lose"
            ),
            numeric=True,
            cell_tip=lambda r: _separate_tip(r.plan),
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Repacked / 去包装"),
            lambda r: _way_total(r.plan.repacked),
            QCoreApplication.translate(
                "PlannerPage", "合箱去包装: the agent removes the suppliers' boxes"
            ),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Transit / 时效"),
            lambda r: transit_text(r.plan.line),
            sort=lambda r: sort_number(r.plan.transit_days),
        ),
    ]


def box_columns() -> list[Column[BoxRow]]:
    def chargeable(row: BoxRow) -> str:
        quote = row.priced.quote
        return (
            QCoreApplication.translate("PlannerPage", "W/M: whole consignment")
            if quote is None
            else kg_text(quote.weighing.chargeable_kg)
        )

    return [
        Column(
            QCoreApplication.translate("PlannerPage", "Box"),
            lambda r: str(r.id),
            sort=lambda r: float(r.id),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Parcels / 包裹"),
            lambda r: ", ".join(p.label or f"#{p.id}" for p in r.priced.box.parcels),
            cell_tip=lambda r: "\n".join(p.title for p in r.priced.box.parcels),
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Est. size / 估计尺寸"),
            lambda r: str(r.priced.box.dimensions),
            QCoreApplication.translate(
                "PlannerPage", "The agent measures after packing: estimated towards the larger box"
            ),
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Actual / 实重"),
            lambda r: kg_text(r.priced.box.actual_kg),
            QCoreApplication.translate("PlannerPage", "with the carton"),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Chargeable / 计费重量"),
            chargeable,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Freight / 运费"),
            lambda r: UNKNOWN if r.priced.quote is None else money_text(r.priced.quote.total),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("PlannerPage", "Repacked"),
            lambda r: "去包装" if r.priced.box.repacked else "",
        ),
    ]
