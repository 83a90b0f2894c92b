"""Parcels at the agent's warehouse (domain.md: Forwarder consolidation), their sizes and storage.

Rules, decided once:
- Dimensions are in cm, always held longest first: Dimensions(50, 100, 50) is L 100 × W 50 ×
  H 50 (domain.md: "sort the sides before applying limits"). Girth = 2W + 2H; length + girth =
  L + 2W + 2H; the sum of sides = L + W + H; volume in cm³ (exact) and m³ (cm³ / 1,000,000).
- Every side and a parcel's actual weight (kg) are exact numbers above 0 (never float).
- Restricted goods are tags on a parcel (带电 battery, 液体 liquid, 带磁 magnet, 粉末 powder,
  品牌 branded goods); a line accepts some of them (rate_card.RateCard.accepted_tags).
- Storage: the agent's free days count from the arrival date; the day a parcel arrives it has
  been stored 0 days. Days left = free days - days stored; 0 is the last free day, below 0 the
  storage fee runs. A warning shows from STORAGE_WARNING_DAYS days left down to 0 (14: two
  weeks is enough to get a shipment out of an agent's warehouse; a project choice).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.domain.consolidation.units import MESSAGES, WIDE, fmt, require
from app.domain.kit.message import QT_TRANSLATE_NOOP, Listing, Message, Term
from app.domain.kit.money import Money

CM3_PER_M3 = Decimal(1_000_000)
STORAGE_WARNING_DAYS = 14  # project choice, see the module docstring


class RestrictedTag(StrEnum):
    BATTERY = "battery"
    LIQUID = "liquid"
    MAGNET = "magnet"
    POWDER = "powder"
    BRAND = "brand"

    @property
    def label(self) -> str:
        return _TAG_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _TAG_LABELS[self][1]


_TAG_LABELS = {
    RestrictedTag.BATTERY: ("Battery", "带电"),
    RestrictedTag.LIQUID: ("Liquid", "液体"),
    RestrictedTag.MAGNET: ("Magnet", "带磁"),
    RestrictedTag.POWDER: ("Powder", "粉末"),
    RestrictedTag.BRAND: ("Branded goods", "品牌"),
}


@dataclass(frozen=True, slots=True)
class Dimensions:
    """Three sides in cm, sorted so that length >= width >= height whatever order they came in."""

    length: Decimal
    width: Decimal
    height: Decimal

    def __post_init__(self) -> None:
        sides = [
            require(self.length, "Length", positive=True),
            require(self.width, "Width", positive=True),
            require(self.height, "Height", positive=True),
        ]
        sides.sort(reverse=True)
        object.__setattr__(self, "length", sides[0])
        object.__setattr__(self, "width", sides[1])
        object.__setattr__(self, "height", sides[2])

    @classmethod
    def trusted(cls, a: Decimal, b: Decimal, c: Decimal) -> Dimensions:
        """Sides already known to be exact and above 0 (a box estimate's): sorted, not
        checked again, which keeps the split searches fast."""
        made = object.__new__(cls)
        length, width, height = sorted((a, b, c), reverse=True)
        object.__setattr__(made, "length", length)
        object.__setattr__(made, "width", width)
        object.__setattr__(made, "height", height)
        return made

    @property
    def volume_cm3(self) -> Decimal:
        return WIDE.multiply(WIDE.multiply(self.length, self.width), self.height)

    @property
    def volume_m3(self) -> Decimal:
        return WIDE.divide(self.volume_cm3, CM3_PER_M3)

    @property
    def girth(self) -> Decimal:
        return 2 * self.width + 2 * self.height

    @property
    def length_plus_girth(self) -> Decimal:
        return self.length + self.girth

    @property
    def sum_of_sides(self) -> Decimal:
        return self.length + self.width + self.height

    def rounded_to_cm(self) -> Dimensions:
        """Each side to the nearest whole cm, half up (DHL's rule), never below 1 cm."""
        return Dimensions(*(max(_whole_cm(side), Decimal(1)) for side in self.sides))

    @property
    def sides(self) -> tuple[Decimal, Decimal, Decimal]:
        return (self.length, self.width, self.height)

    def __str__(self) -> str:
        return f"{fmt(self.length)} × {fmt(self.width)} × {fmt(self.height)} cm"


def _whole_cm(side: Decimal) -> Decimal:
    return side.quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Parcel:
    """One supplier parcel as the agent weighed and measured it."""

    id: int | str
    label: str
    actual_kg: Decimal
    dimensions: Dimensions
    tags: frozenset[RestrictedTag] = field(default_factory=frozenset)
    declared_value: Money | None = None
    arrived_on: date | None = None

    def __post_init__(self) -> None:
        require(self.actual_kg, f"The weight of {self.name}", positive=True)
        if not isinstance(self.dimensions, Dimensions):
            raise ValueError(f"Enter the length, width and height of {self.name}.")
        object.__setattr__(self, "tags", frozenset(RestrictedTag(tag) for tag in self.tags))
        if self.declared_value is not None:
            require(self.declared_value.amount, f"The declared value of {self.name}", minimum=0)

    @property
    def name(self) -> str:
        """How the parcel is named to the user: "parcel 'USB cables'", else "parcel #12"."""
        return str(self.name_message)

    @property
    def title(self) -> str:
        """The name at the start of a sentence: "Parcel 'USB cables'"."""
        return str(self.title_message)

    @property
    def name_message(self) -> Message:
        label = self.label.strip()
        if label:
            return Message(
                MESSAGES, QT_TRANSLATE_NOOP("domain.consolidation", "parcel '{label}'"), label=label
            )
        return Message(
            MESSAGES, QT_TRANSLATE_NOOP("domain.consolidation", "parcel #{id}"), id=str(self.id)
        )

    @property
    def title_message(self) -> Message:
        label = self.label.strip()
        if label:
            return Message(
                MESSAGES, QT_TRANSLATE_NOOP("domain.consolidation", "Parcel '{label}'"), label=label
            )
        return Message(
            MESSAGES, QT_TRANSLATE_NOOP("domain.consolidation", "Parcel #{id}"), id=str(self.id)
        )


def tag_terms(tags: Iterable[RestrictedTag]) -> Listing:
    """The tags as one message field, in the enum's order: 'Battery (带电), Liquid (液体)' in
    English (both names, as the exports print them), '带电、液体' in the Chinese interface."""
    chosen = set(tags)
    return Listing(
        tuple(
            Term(f"{tag.label} ({tag.label_zh})", tag.label_zh)
            for tag in RestrictedTag
            if tag in chosen
        )
    )


def tags_text(tags: Iterable[RestrictedTag]) -> str:
    """'Battery (带电), Liquid (液体)' in the enum's order."""
    return str(tag_terms(tags))


@dataclass(frozen=True, slots=True)
class StorageStatus:
    days_stored: int
    days_left: int  # 0: the last free day; below 0: days the storage fee has been running
    warning: bool  # 0 to STORAGE_WARNING_DAYS days left
    overdue: bool  # free storage is over

    @property
    def message(self) -> str:
        """The English sentence (exports, CLI)."""
        return str(self.said)

    @property
    def said(self) -> Message:
        """How much free storage is left, for the interface to say in its language."""
        if self.overdue:
            return Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.consolidation",
                    "Free storage ended {days} days ago: storage fees are running.",
                ),
                days=str(-self.days_left),
            )
        if self.warning:
            return Message(
                MESSAGES,
                QT_TRANSLATE_NOOP(
                    "domain.consolidation", "Free storage ends in {days} days: ship soon."
                ),
                days=str(self.days_left),
            )
        return Message(
            MESSAGES,
            QT_TRANSLATE_NOOP("domain.consolidation", "{days} days of free storage left."),
            days=str(self.days_left),
        )


def storage_status(
    arrived_on: date, today: date, free_days: int, warning_days: int = STORAGE_WARNING_DAYS
) -> StorageStatus:
    """Free storage left on `today` for a parcel that arrived on `arrived_on`."""
    if today < arrived_on:
        raise ValueError(f"The arrival date {arrived_on} is after {today}.")
    if isinstance(free_days, bool) or not isinstance(free_days, int) or free_days < 0:
        raise ValueError(f"Free storage days must be a whole number of 0 or more, not {free_days}.")
    stored = (today - arrived_on).days
    left = free_days - stored
    return StorageStatus(stored, left, 0 <= left <= warning_days, left < 0)
