"""The consolidation plan as both exports receive it, and how its values read as text, so the
.xlsx and the .pdf name the same line, the same boxes and the same totals in the same words.

Decisions:
- The boxes shown (Boxes sheet, packing list) are those of the cheapest line's best way (the
  first line when several tie). When lines in several currencies leave none marked cheapest,
  the first accepted line's boxes are shown and the exports say so; with no accepted line
  there are no boxes and the exports give every line's reason.
- An item's declared value = quantity × unit value, rounded to the currency's minor unit half
  up when computed (domain.md: Rounding); totals add these rounded values, per currency (no
  exchange rate is guessed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.consolidation.allocation import AllocationBasis
from app.domain.consolidation.boxes import Box
from app.domain.consolidation.parcels import Parcel, storage_status
from app.domain.consolidation.planner import LinePlan, ShipmentPlan, WayCost
from app.domain.consolidation.rate_card import RateCard
from app.domain.consolidation.units import fmt, round_money
from app.domain.kit.money import Money, exponent

Progress = Callable[[int, int], bool]
ParcelKey = int | str  # Parcel.id
NO_VALUE = "–"


@dataclass(frozen=True)
class ItemEntry:
    product_name: str  # "帆布托特包 · Canvas tote bag"
    quantity: int
    unit_value: Money
    hs_code: str


@dataclass(frozen=True)
class ParcelEntry:
    parcel: Parcel
    supplier_name: str
    order_numbers: tuple[str, ...]
    items: tuple[ItemEntry, ...]


@dataclass(frozen=True)
class LineName:
    line: str  # "YunExpress 特快"
    agent: str  # "Superbuy"


@dataclass(frozen=True)
class AllocationEntry:
    item: str  # product name (+ order number)
    basis_value: Decimal
    share: Money
    per_unit: Money


@dataclass(frozen=True)
class ConsolidationExport:
    title: str  # the shipment's name, or "Parcels waiting at the warehouse"
    parcels: tuple[ParcelEntry, ...]
    plan: ShipmentPlan  # over these parcels
    names: tuple[LineName, ...]  # one per plan.lines, same order
    allocation: tuple[AllocationEntry, ...]  # over the cheapest line's cost (empty if none)
    allocation_basis: AllocationBasis
    today: date


# --- the line whose boxes are shown ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shown:
    """The line whose boxes the exports show, its names and its best way."""

    plan: LinePlan
    name: LineName
    way: WayCost
    note: str  # why this line when it is not the (only) cheapest one; "" otherwise

    @property
    def line(self) -> RateCard:
        return self.plan.line

    @property
    def boxes(self) -> tuple[Box, ...]:
        return tuple(priced.box for priced in self.way.split.boxes)


def check(data: ConsolidationExport) -> None:
    """A programming error in the input is refused before any file is touched."""
    if len(data.names) != len(data.plan.lines):
        raise ValueError(
            f"{len(data.names)} line names were given for {len(data.plan.lines)} lines."
        )


def shown_line(data: ConsolidationExport) -> Shown | None:
    """The cheapest line (the first of a tie), else the first accepted line; None if none."""
    pairs = list(zip(data.plan.lines, data.names, strict=True))
    cheapest = [(p, n) for p, n in pairs if p.cheapest and p.best is not None]
    if cheapest:
        plan, name = cheapest[0]
        note = ""
        if len(cheapest) > 1:
            others = ", ".join(n.line for _, n in cheapest[1:])
            note = f"{others} cost{'s' if len(cheapest) == 2 else ''} the same."
        assert plan.best is not None
        return Shown(plan, name, plan.best, note)
    for plan, name in pairs:
        if plan.best is not None:
            why = data.plan.note or "No line is marked cheapest."
            return Shown(plan, name, plan.best, f"{why} Showing the first line that can go.")
    return None


def entries_by_parcel(data: ConsolidationExport) -> dict[ParcelKey, ParcelEntry]:
    """Each parcel's entry by the parcel's id (a box's parcels are looked up by it)."""
    return {entry.parcel.id: entry for entry in data.parcels}


def box_numbers(shown: Shown | None) -> dict[ParcelKey, int]:
    """Parcel id -> the number (from 1) of the box that holds it."""
    if shown is None:
        return {}
    return {p.id: n for n, box in enumerate(shown.boxes, start=1) for p in box.parcels}


# --- values ----------------------------------------------------------------------------------


def item_value(item: ItemEntry) -> Money:
    """Quantity × unit value, rounded half up to the currency's minor unit."""
    return round_money(item.unit_value.amount * item.quantity, item.unit_value.currency)


def currency_totals(amounts: Iterable[Money]) -> tuple[Money, ...]:
    """The sum per currency, currencies in alphabetical order."""
    sums: dict[str, Decimal] = {}
    for amount in amounts:
        sums[amount.currency] = sums.get(amount.currency, Decimal(0)) + amount.amount
    return tuple(Money(sums[c], c) for c in sorted(sums))


def items_of(entries: Iterable[ParcelEntry]) -> list[ItemEntry]:
    return [item for entry in entries for item in entry.items]


def pieces(entries: Iterable[ParcelEntry]) -> int:
    return sum(item.quantity for item in items_of(entries))


def declared(entries: Iterable[ParcelEntry]) -> tuple[Money, ...]:
    return currency_totals(item_value(item) for item in items_of(entries))


def free_storage_days(data: ConsolidationExport, shown: Shown | None) -> int | None:
    """The free storage of the agent holding the parcels (the shown line's, else the first)."""
    if shown is not None:
        return shown.plan.option.agent.free_storage_days
    if data.plan.lines:
        return data.plan.lines[0].option.agent.free_storage_days
    return None


def storage_days_left(parcel: Parcel, today: date, free_days: int | None) -> int | None:
    """Free days left on `today` (below 0: days the fee has run); None when not known."""
    if parcel.arrived_on is None or free_days is None or today < parcel.arrived_on:
        return None
    return storage_status(parcel.arrived_on, today, free_days).days_left


# --- text ------------------------------------------------------------------------------------


def amount_text(amount: Decimal, currency: str) -> str:
    """'1,234.50' to the currency's minor unit, more places only when the amount has them."""
    places = max(exponent(currency), -int(amount.normalize().as_tuple().exponent))
    return f"{amount:,.{places}f}"


def money_text(money: Money) -> str:
    return f"{amount_text(money.amount, money.currency)} {money.currency}"


def totals_text(totals: Iterable[Money]) -> str:
    """'1,234.00 CNY + 12.50 USD'; '–' for none."""
    return " + ".join(money_text(m) for m in totals) or NO_VALUE


def kg_text(value: Decimal, places: int = 3) -> str:
    """A weight to at most `places` decimals (a gram), no trailing zeros: 12.5, 7.187."""
    return fmt(value.quantize(Decimal(1).scaleb(-places)))


def transit_text(card: RateCard) -> str:
    """'7–15', '8', or '' when the line gives no transit days."""
    low, high = card.transit_days_min, card.transit_days_max
    if low is not None and high is not None and low != high:
        return f"{low}–{high}"
    known = high if high is not None else low
    return "" if known is None else str(known)


def parcel_name(parcel: Parcel) -> str:
    """The label, or "#12" when the parcel has none."""
    return parcel.label.strip() or f"#{parcel.id}"
