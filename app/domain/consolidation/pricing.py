"""What one box costs on one line, or why the line refuses it; a sea consignment's freight.

Rules, decided once:
- Limits are checked on the box as the line measures it (rate_card: sides sorted, rounded to cm
  on lines that round), each inclusive, in a fixed order: weight (actual kg), longest side,
  length + girth, sum of sides; the first broken one is the reason given, with the value and
  the limit ("Longest side 130 cm is over this line's 120 cm").
- A parcel with a restricted tag the line does not accept is refused with the tag named.
- Cost of a box = freight + fuel surcharge + per-box fee; freight is rounded to the cent
  (currency minor unit) ROUND_HALF_UP, the fuel surcharge is a % of that rounded freight,
  rounded likewise, and the per-box fee is rounded too; the parts sum exactly to the total.
- Freight by price shape: first + additional = first price, plus each started additional step
  above the first weight; per kg = base + chargeable kg × the rate of the band the rounded
  weight falls in; a bracket table = the first row whose weight reaches it (heavier: refused).
- Sea (W/M): freight = W/M × price of the whole consignment; the per-box fee is per box.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.domain.consolidation.chargeable import (
    RevenueTons,
    Weighing,
    measured,
    revenue_ton_parts,
    revenue_tons,
    weigh,
)
from app.domain.consolidation.parcels import Dimensions, Parcel, tag_terms
from app.domain.consolidation.rate_card import (
    BracketTable,
    FirstAdditional,
    PerKg,
    PerRevenueTon,
    RateCard,
)
from app.domain.consolidation.units import (
    MESSAGES,
    add_money,
    ceil_div,
    fmt,
    round_amount,
    round_money,
)
from app.domain.kit.message import QT_TRANSLATE_NOOP, Message
from app.domain.kit.money import Money

HUNDRED = Decimal(100)
# The limits a refusal names (translated in the interface as the words of its sentence).
WEIGHT = QT_TRANSLATE_NOOP("domain.consolidation", "Weight")
LONGEST_SIDE = QT_TRANSLATE_NOOP("domain.consolidation", "Longest side")
LENGTH_PLUS_GIRTH = QT_TRANSLATE_NOOP("domain.consolidation", "Length + girth")
SUM_OF_SIDES = QT_TRANSLATE_NOOP("domain.consolidation", "Sum of sides")
CHARGEABLE_WEIGHT = QT_TRANSLATE_NOOP("domain.consolidation", "Chargeable weight")


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why a line will not take a box or a parcel."""

    limit: str  # "Weight", "Longest side", "Length + girth", "Sum of sides", ... (marked above)
    value: Decimal | None = None
    maximum: Decimal | None = None
    unit: str = ""
    detail: Message | None = None  # the whole sentence when it is not "value over maximum"

    @property
    def reason_message(self) -> Message:
        """The sentence, for the interface to show in its language."""
        if self.detail is not None:
            return self.detail
        return Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.consolidation",
                "{limit} {value} {unit} is over this line's {maximum} {unit}",
            ),
            limit=Message(MESSAGES, self.limit),
            value=fmt(self.value or 0),
            unit=self.unit,
            maximum=fmt(self.maximum or 0),
        )

    @property
    def message(self) -> str:
        return str(self.reason_message)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class BoxQuote:
    weighing: Weighing
    freight: Money
    fuel_surcharge: Money
    box_fee: Money

    @property
    def total(self) -> Money:
        return add_money(self.freight, self.fuel_surcharge, self.box_fee)


def limit_refusal(actual_kg: Decimal, dimensions: Dimensions, card: RateCard) -> Refusal | None:
    """The first per-box limit the box breaks, or None."""
    sides = measured(dimensions, card)
    limits = card.limits
    checks = (
        (WEIGHT, actual_kg, limits.max_kg, "kg"),
        (LONGEST_SIDE, sides.length, limits.max_longest_cm, "cm"),
        (LENGTH_PLUS_GIRTH, sides.length_plus_girth, limits.max_length_plus_girth_cm, "cm"),
        (SUM_OF_SIDES, sides.sum_of_sides, limits.max_sum_of_sides_cm, "cm"),
    )
    for label, value, maximum, unit in checks:
        if maximum is not None and value > maximum:
            return Refusal(label, value, maximum, unit)
    return None


def tag_refusal(parcel: Parcel, card: RateCard) -> Refusal | None:
    """A refusal naming the restricted goods of `parcel` the line does not accept, or None."""
    refused = parcel.tags - card.accepted_tags
    if not refused:
        return None
    sentence = Message(
        MESSAGES,
        QT_TRANSLATE_NOOP("domain.consolidation", "{tags} not accepted on this line"),
        tags=tag_terms(refused),
    )
    return Refusal("Restricted goods", detail=sentence)


def quote_box(actual_kg: Decimal, dimensions: Dimensions, card: RateCard) -> BoxQuote | Refusal:
    """The cost of one box on a weight-priced line, or why the line refuses it."""
    if card.is_sea:
        raise ValueError(f"{card.name} prices the whole consignment per W/M: use quote_sea.")
    refusal = limit_refusal(actual_kg, dimensions, card)
    if refusal is not None:
        return refusal
    weighing = weigh(actual_kg, dimensions, card)
    freight = freight_for(weighing.chargeable_kg, card)
    if isinstance(freight, Refusal):
        return freight
    rounded = round_money(freight, card.currency)
    return BoxQuote(
        weighing,
        rounded,
        fuel_surcharge(rounded, card),
        round_money(card.per_box_fee, card.currency),
    )


def freight_for(chargeable_kg: Decimal, card: RateCard) -> Decimal | Refusal:
    """Unrounded freight for a chargeable (already rounded) weight."""
    pricing = card.pricing
    if isinstance(pricing, FirstAdditional):
        if chargeable_kg <= pricing.first_kg:
            return pricing.first_price
        steps = ceil_div(chargeable_kg - pricing.first_kg, pricing.step_kg)
        return pricing.first_price + steps * pricing.step_price
    if isinstance(pricing, PerKg):
        for band in pricing.bands:
            if band.up_to_kg is None or chargeable_kg <= band.up_to_kg:
                return pricing.base_price + chargeable_kg * band.price_per_kg
    if isinstance(pricing, BracketTable):
        for row in pricing.brackets:
            if chargeable_kg <= row.up_to_kg:
                return row.price
        top = pricing.brackets[-1].up_to_kg
        return Refusal(CHARGEABLE_WEIGHT, chargeable_kg, top, "kg")
    raise ValueError(f"{card.name} has no weight price.")  # PerRevenueTon: quote_sea


def fuel_surcharge(freight: Money, card: RateCard) -> Money:
    return round_money(freight.amount * card.fuel_surcharge_percent / HUNDRED, card.currency)


@dataclass(frozen=True, slots=True)
class SeaQuote:
    """The freight of a whole sea consignment (all its boxes)."""

    tons: RevenueTons
    boxes: int
    freight: Money
    fuel_surcharge: Money
    box_fees: Money

    @property
    def total(self) -> Money:
        return add_money(self.freight, self.fuel_surcharge, self.box_fees)


def quote_sea(boxes: Sequence[tuple[Decimal, Dimensions]], card: RateCard) -> SeaQuote | Refusal:
    """Freight of a consignment of (actual kg, dimensions) boxes on a W/M line."""
    pricing = card.pricing
    if not isinstance(pricing, PerRevenueTon):
        raise ValueError(f"{card.name} is not priced per W/M: use quote_box.")
    for actual_kg, dimensions in boxes:
        refusal = limit_refusal(actual_kg, dimensions, card)
        if refusal is not None:
            return refusal
    volume = sum((measured(d, card).volume_cm3 for _, d in boxes), Decimal(0))
    weight = sum((kg for kg, _ in boxes), Decimal(0))
    return sea_quote_from_totals(volume, weight, len(boxes), card)


def sea_quote_from_totals(
    volume_cm3: Decimal, actual_kg: Decimal, boxes: int, card: RateCard
) -> SeaQuote:
    """W/M freight from consignment totals (limits already checked box by box)."""
    pricing = card.pricing
    assert isinstance(pricing, PerRevenueTon)
    tons = revenue_tons(volume_cm3, actual_kg, card)
    freight = round_money(tons.revenue_tons * pricing.price_per_wm, card.currency)
    box_fees = round_money(card.per_box_fee, card.currency)
    return SeaQuote(
        tons,
        boxes,
        freight,
        fuel_surcharge(freight, card),
        Money(box_fees.amount * boxes, card.currency),
    )


def sea_charge(volume_cm3: Decimal, actual_kg: Decimal, boxes: int, card: RateCard) -> Decimal:
    """sea_quote_from_totals(...).total's amount without building the quote (the searches ask
    this tens of thousands of times); the same rounding, step by step."""
    pricing = card.pricing
    assert isinstance(pricing, PerRevenueTon)
    currency = card.currency
    wm = revenue_ton_parts(volume_cm3, actual_kg, pricing)[2]
    freight = round_amount(wm * pricing.price_per_wm, currency)
    fuel = round_amount(freight * card.fuel_surcharge_percent / HUNDRED, currency)
    return freight + fuel + round_amount(card.per_box_fee, currency) * boxes
