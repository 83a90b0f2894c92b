"""A realistic consolidation export built from the domain: five parcels from four suppliers
waiting at Superbuy's warehouse, priced on four lines, the freight allocated by value."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.allocation import AllocationBasis, AllocationItem, allocate
from app.domain.consolidation.parcels import Dimensions, Parcel, RestrictedTag
from app.domain.consolidation.planner import LineOption, ShipmentPlan, plan_shipment
from app.domain.consolidation.rate_card import (
    BoxLimits,
    FirstAdditional,
    PerRevenueTon,
    RateCard,
    RoundingBand,
)
from app.domain.consolidation.units import round_money
from app.domain.kit.money import Money
from app.exports.consolidation.data import (
    AllocationEntry,
    ConsolidationExport,
    ItemEntry,
    LineName,
    ParcelEntry,
)
from tests.domain.consolidation.cards import air, ems

D = Decimal
TODAY = date(2026, 11, 29)
TITLE = "秋季补货 · Autumn restock"
TOTE = "帆布托特包 · Canvas tote bag"
CABLE = "USB-C 数据线 · USB-C cable"
STAND = "磁吸手机支架 · Magnetic phone stand"
MUG = "陶瓷马克杯 · Ceramic mug"
FORMULA_TEXT = '=HYPERLINK("http://x","click")'
HENGDA = "义乌市恒达工艺品厂"
SUPERBUY = AgentFees(
    name="Superbuy",
    handling_per_parcel=D(2),
    consolidation_per_box=D(5),
    repack_per_parcel=D(3),
    free_storage_days=90,
)


def cny(amount: str) -> Money:
    return Money(D(amount), "CNY")


def item(name: str, quantity: int, unit: str, hs: str) -> ItemEntry:
    return ItemEntry(name, quantity, cny(unit), hs)


def _parcel(
    pid: int,
    label: str,
    kg: str,
    sides: tuple[str, str, str],
    *tags: RestrictedTag,
    arrived: date | None = None,
) -> Parcel:
    dims = Dimensions(*(D(s) for s in sides))
    return Parcel(pid, label, D(kg), dims, frozenset(tags), arrived_on=arrived)


def parcel_entries() -> tuple[ParcelEntry, ...]:
    return (
        ParcelEntry(
            _parcel(1, "托特包 Totes", "4.2", ("45", "35", "20"), arrived=date(2026, 11, 2)),
            HENGDA,
            ("3312456789012",),
            (item(TOTE, 50, "8.50", "4202.92"),),
        ),
        ParcelEntry(
            _parcel(2, "USB cables", "2.1", ("30", "25", "15"), arrived=date(2026, 9, 20)),
            "深圳市华强电子有限公司",
            ("3312456789013", "3312456789014"),
            (
                item(CABLE, 100, "3.20", "8544.42"),
                item("Type-C 转接头 · Adapter", 40, "1.15", "8536.69"),
            ),
        ),
        ParcelEntry(
            _parcel(
                3,
                "Phone stands",
                "3.5",
                ("40", "30", "25"),
                RestrictedTag.MAGNET,
                arrived=date(2026, 8, 25),
            ),
            "东莞市创新五金制品厂",
            ("3312456789015",),
            (item(STAND, 60, "12.80", "8302.50"),),
        ),
        ParcelEntry(
            _parcel(4, "Mugs", "6.8", ("50", "40", "30"), arrived=date(2026, 11, 28)),
            "潮州市陶瓷有限公司",
            ("3312456789016",),
            (item(MUG, 24, "9.90", "6912.00"),),
        ),
        ParcelEntry(
            _parcel(5, FORMULA_TEXT, "0.8", ("25", "20", "10")),
            "=1+1 工厂",
            ("=SUM(A1)",),
            (item(FORMULA_TEXT, 10, "2.005", "=4202"),),
        ),
    )


def dhl(**changes: object) -> RateCard:
    """DHL's published rule: sides rounded to whole cm, /5000, 0.5 kg to 20.5 kg then 1 kg."""
    fields: dict[str, object] = {
        "name": "DHL",
        "pricing": FirstAdditional(D("0.5"), D(180), D("0.5"), D(45)),
        "divisor": D(5000),
        "round_sides_to_cm": True,
        "rounding": (RoundingBand(D("20.5"), D("0.5")), RoundingBand(None, D(1))),
        "limits": BoxLimits(max_kg=D(70), max_longest_cm=D(120)),
        "accepted_tags": frozenset({RestrictedTag.MAGNET}),
        "transit_days_min": 3,
        "transit_days_max": 5,
    }
    fields.update(changes)
    return RateCard(**fields)  # type: ignore[arg-type]


def sea(**changes: object) -> RateCard:
    fields: dict[str, object] = {
        "name": "Sea LCL",
        "pricing": PerRevenueTon(D(1500), wm_step=D("0.01")),
        "limits": BoxLimits(max_kg=D(100)),
        "accepted_tags": frozenset({RestrictedTag.MAGNET}),
        "transit_days_min": 35,
        "transit_days_max": 50,
    }
    fields.update(changes)
    return RateCard(**fields)  # type: ignore[arg-type]


OPTIONS = (
    (
        air(
            name="YunExpress 特快",
            accepted_tags=frozenset({RestrictedTag.MAGNET}),
            limits=BoxLimits(max_kg=D(10), max_longest_cm=D(120)),
        ),
        "Superbuy",
    ),
    (ems(), "Superbuy"),  # refuses the magnets
    (dhl(), "Superbuy"),
    (sea(), "Superbuy"),
)


def allocation_of(
    plan: ShipmentPlan,
    names: Sequence[LineName],
    entries: Sequence[ParcelEntry],
    basis: AllocationBasis = AllocationBasis.VALUE,
) -> tuple[AllocationEntry, ...]:
    """What the service does: the cheapest line's cost shared among the items by value."""
    cheapest = [p for p in plan.lines if p.cheapest]
    if not cheapest or cheapest[0].best is None:
        return ()
    total = cheapest[0].best.total
    pairs = [(e, i) for e in entries for i in e.items]
    items = [
        AllocationItem(
            (n, e.order_numbers[0]),
            f"{i.product_name} ({e.order_numbers[0]})",
            value=i.unit_value.amount * i.quantity,
            quantity=i.quantity,
        )
        for n, (e, i) in enumerate(pairs)
    ]
    parts = allocate(total, items, basis).parts
    return tuple(
        AllocationEntry(
            it.label,
            it.basis(basis),
            part,
            round_money(part.amount / i.quantity, part.currency),
        )
        for it, part, (_, i) in zip(items, parts, pairs, strict=True)
    )


def export_data(
    entries: Sequence[ParcelEntry] | None = None,
    options: Sequence[tuple[RateCard, str]] = OPTIONS,
    agent: AgentFees = SUPERBUY,
    title: str = TITLE,
) -> ConsolidationExport:
    chosen = tuple(entries if entries is not None else parcel_entries())
    plan = plan_shipment(
        [e.parcel for e in chosen], [LineOption(card, agent) for card, _ in options]
    )
    names = tuple(LineName(card.name, agent_name) for card, agent_name in options)
    return ConsolidationExport(
        title=title,
        parcels=chosen,
        plan=plan,
        names=names,
        allocation=allocation_of(plan, names, chosen),
        allocation_basis=AllocationBasis.VALUE,
        today=TODAY,
    )
