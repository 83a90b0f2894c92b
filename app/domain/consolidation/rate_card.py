"""A shipping line's rate card as data (domain.md: Forwarder consolidation; Chargeable weight).

Every rule a line has is a setting here, never code per carrier: the same four price shapes and
the same switches describe EMS, DHL, an agent's air line or a sea (LCL) line.

Rules, decided once:
- Volumetric weight uses `divisor` (5000 express, 6000 IATA and many agent lines, 7000/8000 on
  some); None means the line charges actual weight only.
- `volume_trigger`: volume counts only when the longest side is over (or, `inclusive`, at
  least) N cm: "any side > 60 cm" is the longest side > 60 cm. Without a trigger it always counts.
- `half_volumetric_ratio` r (分泡): chargeable = actual + r × (volumetric - actual) when the
  volumetric is the larger; 0 < r <= 1 (1 is plain max).
- `round_sides_to_cm`: each side to the nearest whole cm first (DHL); limits are then checked on
  the rounded sides too (the line measures the box its own way).
- `rounding`: bands of (up to kg, step). The band is chosen on the unrounded weight, inclusive
  (20.5 kg is in the "up to 20.5" band), then the weight is rounded up to that band's step, at
  least one step. Bands rise; the last is open (up to None).
- Prices (one of): FirstAdditional (首重/续重: first kg at a price, each further step at a
  price); PerKg (per-kg bands chosen on the ROUNDED weight, inclusive, plus an optional base:
  "base + per gram"); BracketTable (the first row whose weight reaches the chargeable weight;
  over the last row the box is refused); PerRevenueTon (sea/LCL: W/M = max(m³, kg ÷ kg per m³)
  of the whole consignment, at least the minimum W/M, optionally rounded up to a W/M step).
- `minimum_chargeable_kg`, `per_box_fee`, `fuel_surcharge_percent` (0-100 % of freight).
- `limits` are per box and inclusive (exactly 30 kg on a 30 kg line is accepted); the weight
  limit is on the actual weight (the scale), size limits on the sorted sides.
- `accepted_tags`: the restricted goods the line takes; any other tag refuses the parcel.
- A sea (W/M) card does not use the volumetric settings or the weight rounding bands.
- An invalid card cannot be built: RateCardError (a ValueError) lists every problem in user words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import pairwise

from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.units import fmt, problem
from app.domain.kit.money import DEFAULT_CURRENCY

PERCENT_MAX = Decimal(100)
SEA_KG_PER_M3 = Decimal(1000)  # domain.md: 1 m³ = 1,000 kg on most LCL lines (500/800 on some)
SEA_MINIMUM_WM = Decimal(1)  # domain.md: minimum 1 W/M
DEFAULT_STEP_KG = Decimal("0.5")  # domain.md: "rounded up to the line's step (often 0.5 kg)"
_CURRENCY = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True, slots=True)
class VolumeTrigger:
    """Volume counts only when the longest side is over side_cm (or at least it, inclusive)."""

    side_cm: Decimal
    inclusive: bool = False

    def met(self, longest_cm: Decimal) -> bool:
        return longest_cm >= self.side_cm if self.inclusive else longest_cm > self.side_cm

    def __str__(self) -> str:
        word = "of" if self.inclusive else "over"
        tail = " or more" if self.inclusive else ""
        return f"a side {word} {fmt(self.side_cm)} cm{tail}"


@dataclass(frozen=True, slots=True)
class RoundingBand:
    """Weights up to `up_to_kg` (None: any weight) are rounded up to a multiple of `step_kg`."""

    up_to_kg: Decimal | None
    step_kg: Decimal


@dataclass(frozen=True, slots=True)
class BoxLimits:
    """Per-box maxima, each inclusive; None: no limit."""

    max_kg: Decimal | None = None
    max_longest_cm: Decimal | None = None
    max_length_plus_girth_cm: Decimal | None = None
    max_sum_of_sides_cm: Decimal | None = None


@dataclass(frozen=True, slots=True)
class FirstAdditional:
    """首重/续重: the first `first_kg` at `first_price`, each further `step_kg` at `step_price`."""

    first_kg: Decimal
    first_price: Decimal
    step_kg: Decimal
    step_price: Decimal


@dataclass(frozen=True, slots=True)
class PerKgBand:
    up_to_kg: Decimal | None  # None: any weight above the previous band
    price_per_kg: Decimal


@dataclass(frozen=True, slots=True)
class PerKg:
    """base + rounded weight × the rate of the band the ROUNDED weight falls in."""

    bands: tuple[PerKgBand, ...]
    base_price: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class Bracket:
    up_to_kg: Decimal
    price: Decimal


@dataclass(frozen=True, slots=True)
class BracketTable:
    """Price by weight row: the first row whose `up_to_kg` reaches the chargeable weight."""

    brackets: tuple[Bracket, ...]


@dataclass(frozen=True, slots=True)
class PerRevenueTon:
    """Sea/LCL: price per W/M = max(m³, kg ÷ kg_per_m3) of the consignment."""

    price_per_wm: Decimal
    kg_per_m3: Decimal = SEA_KG_PER_M3
    minimum_wm: Decimal = SEA_MINIMUM_WM
    wm_step: Decimal | None = None  # e.g. 0.01: W/M rounded up to it; None: exact


Pricing = FirstAdditional | PerKg | BracketTable | PerRevenueTon


class RateCardError(ValueError):
    """A rate card that breaks rules; `problems` lists each one as a sentence."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class RateCard:
    """One shipping line of an agent: how it weighs a box, what it charges, what it refuses."""

    name: str
    pricing: Pricing
    currency: str = DEFAULT_CURRENCY
    divisor: Decimal | None = Decimal(6000)
    volume_trigger: VolumeTrigger | None = None
    half_volumetric_ratio: Decimal | None = None
    round_sides_to_cm: bool = False
    rounding: tuple[RoundingBand, ...] = (RoundingBand(None, DEFAULT_STEP_KG),)
    minimum_chargeable_kg: Decimal = Decimal(0)
    per_box_fee: Decimal = Decimal(0)
    fuel_surcharge_percent: Decimal = Decimal(0)
    limits: BoxLimits = field(default_factory=BoxLimits)
    accepted_tags: frozenset[RestrictedTag] = field(default_factory=frozenset)
    transit_days_min: int | None = None
    transit_days_max: int | None = None
    rules_as_of: date | None = None  # when the card's rules were read off the agent's site

    def __post_init__(self) -> None:
        object.__setattr__(self, "accepted_tags", frozenset(map(_tag, self.accepted_tags)))
        object.__setattr__(self, "rounding", tuple(self.rounding))
        problems = rate_card_problems(self)
        if problems:
            raise RateCardError(problems)

    @property
    def is_sea(self) -> bool:
        return isinstance(self.pricing, PerRevenueTon)


def _tag(value: object) -> object:
    """A tag given as text ("battery") as the enum; anything else is left for the check."""
    if isinstance(value, str) and value in RestrictedTag._value2member_map_:
        return RestrictedTag(value)
    return value


def rate_card_problems(card: RateCard) -> list[str]:
    """Every broken rule of a card as a sentence; empty when the card is usable."""
    found: list[str | None] = []
    if not isinstance(card.name, str) or not card.name.strip():
        found.append("Give the line a name.")
    if not isinstance(card.currency, str) or not _CURRENCY.fullmatch(card.currency):
        found.append(
            f"The currency must be a three-letter code such as CNY, not {card.currency!r}."
        )
    found += _volume_problems(card)
    found += _rounding_problems(card.rounding)
    found.append(problem(card.minimum_chargeable_kg, "The minimum chargeable weight", minimum=0))
    found.append(problem(card.per_box_fee, "The per-box fee", minimum=0))
    fuel = problem(card.fuel_surcharge_percent, "The fuel surcharge", minimum=0)
    if fuel is None and card.fuel_surcharge_percent > PERCENT_MAX:
        fuel = f"The fuel surcharge must be 100 % or less, not {card.fuel_surcharge_percent} %."
    found.append(fuel)
    found += _limit_problems(card.limits)
    found += _pricing_problems(card.pricing)
    found += _transit_problems(card.transit_days_min, card.transit_days_max)
    if not all(isinstance(tag, RestrictedTag) for tag in card.accepted_tags):
        found.append("Accepted restricted goods must be battery, liquid, magnet, powder or brand.")
    return [text for text in found if text]


def _volume_problems(card: RateCard) -> list[str | None]:
    found: list[str | None] = []
    if card.divisor is not None:
        found.append(problem(card.divisor, "The volumetric divisor", positive=True))
    if card.volume_trigger is not None:
        found.append(problem(card.volume_trigger.side_cm, "The volume trigger side", positive=True))
        if card.divisor is None:
            found.append("A volume trigger needs a volumetric divisor.")
    ratio = card.half_volumetric_ratio
    if ratio is not None:
        text = problem(ratio, "The half-volumetric (分泡) ratio", positive=True)
        if text is None and ratio > 1:
            text = f"The half-volumetric (分泡) ratio must be 1 or less, not {ratio}."
        found.append(text)
        if card.divisor is None:
            found.append("Half-volumetric (分泡) billing needs a volumetric divisor.")
    return found


def _rounding_problems(bands: tuple[RoundingBand, ...]) -> list[str | None]:
    if not bands:
        return ["Give the weight rounding step (for example 0.5 kg)."]
    found: list[str | None] = []
    for band in bands:
        found.append(problem(band.step_kg, "A weight rounding step", positive=True))
        if band.up_to_kg is not None:
            found.append(problem(band.up_to_kg, "A rounding band's upper weight", positive=True))
    found.append(_bands_rise([band.up_to_kg for band in bands], "Weight rounding bands"))
    return found


def _bands_rise(limits: list[Decimal | None], what: str) -> str | None:
    """Bands must rise and end open: only the last has no upper weight."""
    if limits[-1] is not None:
        return f"{what} must end with a band for any heavier weight (no upper limit)."
    if any(limit is None for limit in limits[:-1]):
        return f"{what}: only the last band may have no upper limit."
    known = [limit for limit in limits[:-1] if isinstance(limit, Decimal | int)]
    if any(b <= a for a, b in pairwise(known)):
        return f"{what} must rise: each upper weight above the one before."
    return None


def _limit_problems(limits: BoxLimits) -> list[str | None]:
    labels = (
        (limits.max_kg, "The maximum weight per box"),
        (limits.max_longest_cm, "The maximum longest side"),
        (limits.max_length_plus_girth_cm, "The maximum length + girth"),
        (limits.max_sum_of_sides_cm, "The maximum sum of sides"),
    )
    return [problem(value, label, positive=True) for value, label in labels if value is not None]


def _pricing_problems(pricing: object) -> list[str | None]:
    if isinstance(pricing, FirstAdditional):
        return [
            problem(pricing.first_kg, "The first weight (首重)", positive=True),
            problem(pricing.first_price, "The first weight price", minimum=0),
            problem(pricing.step_kg, "The additional weight step (续重)", positive=True),
            problem(pricing.step_price, "The additional step price", minimum=0),
        ]
    if isinstance(pricing, PerKg):
        if not pricing.bands:
            return ["Give at least one price per kg."]
        found = [problem(band.price_per_kg, "A price per kg", minimum=0) for band in pricing.bands]
        found += [
            problem(band.up_to_kg, "A price band's upper weight", positive=True)
            for band in pricing.bands
            if band.up_to_kg is not None
        ]
        found.append(problem(pricing.base_price, "The base price", minimum=0))
        found.append(_bands_rise([band.up_to_kg for band in pricing.bands], "Price bands"))
        return found
    if isinstance(pricing, BracketTable):
        return _bracket_problems(pricing.brackets)
    if isinstance(pricing, PerRevenueTon):
        found = [
            problem(pricing.price_per_wm, "The price per W/M", minimum=0),
            problem(pricing.kg_per_m3, "The kg per m³ of a revenue ton", positive=True),
            problem(pricing.minimum_wm, "The minimum W/M", minimum=0),
        ]
        if pricing.wm_step is not None:
            found.append(problem(pricing.wm_step, "The W/M step", positive=True))
        return found
    return ["Choose how the line prices a box: first + additional weight, per kg, a table or W/M."]


def _bracket_problems(brackets: tuple[Bracket, ...]) -> list[str | None]:
    if not brackets:
        return ["Give at least one row of the price table."]
    found = [problem(row.up_to_kg, "A price table weight", positive=True) for row in brackets]
    found += [problem(row.price, "A price table price", minimum=0) for row in brackets]
    if all(text is None for text in found) and any(
        b.up_to_kg <= a.up_to_kg for a, b in pairwise(brackets)
    ):
        found.append("The price table's weights must rise from row to row.")
    return found


def _transit_problems(low: int | None, high: int | None) -> list[str | None]:
    found: list[str | None] = []
    for value, label in ((low, "The shortest transit"), (high, "The longest transit")):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 0
        ):
            found.append(f"{label} must be a whole number of days, 0 or more, not {value!r}.")
    if not found and low is not None and high is not None and high < low:
        found.append(
            f"The longest transit ({high} days) is shorter than the shortest ({low} days)."
        )
    return found
