"""Chargeable weight of one box on one line (domain.md: Chargeable weight), and sea W/M.

Rules, decided once (the settings themselves are rate_card.RateCard's):
- The line measures the box its way first: sides rounded to whole cm when the card says so.
- Volumetric kg = L × W × H / divisor, exact (no intermediate rounding). It counts only when the
  line has a divisor and its trigger (if any) is met by the longest side.
- Base weight = actual when volume does not count or is not larger; otherwise volumetric, or
  with 分泡 ratio r: actual + r × (volumetric - actual).
- Then at least the minimum chargeable weight, then rounded up to the step of the band the
  (unrounded) base weight falls in, at least one step.
- Sea (W/M) lines: revenue tons = max(m³, kg ÷ kg per m³) of the consignment, at least the
  minimum W/M, rounded up to the W/M step when the card has one. Its "chargeable kg" for
  totals is W/M × kg per m³ and its "volumetric kg" m³ × kg per m³.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.domain.consolidation.parcels import CM3_PER_M3, Dimensions
from app.domain.consolidation.rate_card import PerRevenueTon, RateCard, RoundingBand
from app.domain.consolidation.units import WIDE, ceil_to_step


@dataclass(frozen=True, slots=True)
class Weighing:
    """How a line weighs one box."""

    actual_kg: Decimal
    dimensions: Dimensions  # as the line measures them (rounded sides when it rounds)
    volumetric_kg: Decimal | None  # None: the line has no divisor
    volume_counts: bool  # the line has a divisor and its trigger is met
    base_kg: Decimal  # max or 分泡, then the minimum, before the step
    step_kg: Decimal
    chargeable_kg: Decimal  # rounded up to the step


def measured(dimensions: Dimensions, card: RateCard) -> Dimensions:
    """The dimensions as the line measures them."""
    return dimensions.rounded_to_cm() if card.round_sides_to_cm else dimensions


def weigh(actual_kg: Decimal, dimensions: Dimensions, card: RateCard) -> Weighing:
    """Actual, volumetric and chargeable weight of one box on a weight-priced line."""
    sides = measured(dimensions, card)
    volumetric = volumetric_kg(sides, card)
    counts = volumetric is not None and (
        card.volume_trigger is None or card.volume_trigger.met(sides.length)
    )
    base = actual_kg
    if counts and volumetric is not None and volumetric > actual_kg:
        ratio = card.half_volumetric_ratio
        base = volumetric if ratio is None else actual_kg + ratio * (volumetric - actual_kg)
    base = max(base, card.minimum_chargeable_kg)
    step = step_for(base, card.rounding)
    return Weighing(actual_kg, sides, volumetric, counts, base, step, ceil_to_step(base, step))


def volumetric_kg(dimensions: Dimensions, card: RateCard) -> Decimal | None:
    """L × W × H / divisor, exact to 60 digits; None when the line has no divisor."""
    if card.divisor is None:
        return None
    return WIDE.divide(dimensions.volume_cm3, card.divisor)


def step_for(weight_kg: Decimal, bands: tuple[RoundingBand, ...]) -> Decimal:
    """The step of the first band whose upper weight reaches `weight_kg` (inclusive)."""
    for band in bands:
        if band.up_to_kg is None or weight_kg <= band.up_to_kg:
            return band.step_kg
    return bands[-1].step_kg


@dataclass(frozen=True, slots=True)
class RevenueTons:
    """A sea consignment's W/M."""

    volume_m3: Decimal
    actual_kg: Decimal
    weight_tons: Decimal  # kg ÷ kg per m³ (tonnes at 1,000)
    revenue_tons: Decimal  # the larger, at least the minimum, rounded up to the W/M step
    kg_per_m3: Decimal

    @property
    def volumetric_kg(self) -> Decimal:
        return self.volume_m3 * self.kg_per_m3

    @property
    def chargeable_kg(self) -> Decimal:
        return self.revenue_tons * self.kg_per_m3


def revenue_tons(volume_cm3: Decimal, actual_kg: Decimal, card: RateCard) -> RevenueTons:
    """W/M of a consignment of `volume_cm3` and `actual_kg` on a sea line."""
    pricing = card.pricing
    if not isinstance(pricing, PerRevenueTon):
        raise ValueError(f"{card.name} is not priced per W/M.")
    m3, tons, wm = revenue_ton_parts(volume_cm3, actual_kg, pricing)
    return RevenueTons(m3, actual_kg, tons, wm, pricing.kg_per_m3)


def revenue_ton_parts(
    volume_cm3: Decimal, actual_kg: Decimal, pricing: PerRevenueTon
) -> tuple[Decimal, Decimal, Decimal]:
    """(m³, weight tons, W/M): revenue_tons without the record, for the split searches."""
    m3 = WIDE.divide(volume_cm3, CM3_PER_M3)
    tons = WIDE.divide(actual_kg, pricing.kg_per_m3)
    wm = max(m3, tons, pricing.minimum_wm)
    if pricing.wm_step is not None:
        wm = ceil_to_step(wm, pricing.wm_step)
    return m3, tons, wm
