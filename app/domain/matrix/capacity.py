"""Capacity grades for the five capacity dimensions, each boundary decided once (domain.md).

Boundaries (domain.md: capacity grades; "below average is weak"). Each grade's range holds the
numbers domain.md writes for it, both ends included: "good 50,000-100,000" holds exactly
50,000 and exactly 100,000. So where two ranges share a number, the good range keeps it:
exactly 100,000 pieces is good (not excellent: the lower grade) and exactly 50,000 is good (not
average: the higher grade); the average range starts at its own lower number (exactly 10,000
pieces, 1 line, 20 people, 500 m² is average, not weak).

| dimension                 | excellent  | good                 | average            | weak      |
|---------------------------|------------|----------------------|--------------------|-----------|
| monthly capacity (pieces) | > 100,000  | 50,000 to 100,000    | 10,000 to < 50,000 | < 10,000  |
| production lines          | > 5        | 3 to 5               | 1 to < 3 (1-2)     | < 1 (0)   |
| employees                 | > 100      | 50 to 100            | 20 to < 50         | < 20      |
| factory area (m²)         | > 5,000    | 2,000 to 5,000       | 500 to < 2,000     | < 500     |
| response time (hours)     | < 1        | 1 to 4               | > 4 to 24          | > 24      |

"a to b" includes both ends. Response time grades the other way round (shorter is better):
exactly 1 h and exactly 4 h are good, just over 4 h is average. domain.md has no "weak"
response time; ours is "more than 24 hours" (no answer within a day), a project decision.
A missing value grades UNKNOWN, never weak; a negative value is refused with ValueError.
A trading company has no production lines or factory of its own: its production dimensions
(monthly capacity, lines, employees, factory area) grade NOT_APPLICABLE, "n/a (trading
company)", never weak; its response time is graded as anyone's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

Number = int | float | Decimal


class Grade(StrEnum):
    EXCELLENT = "excellent"
    GOOD = "good"
    AVERAGE = "average"
    WEAK = "weak"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "n/a (trading company)"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Dimension(StrEnum):
    MONTHLY_CAPACITY = "monthly_capacity"
    PRODUCTION_LINES = "production_lines"
    EMPLOYEES = "employees"
    FACTORY_AREA = "factory_area"
    RESPONSE_TIME = "response_time"

    @property
    def label(self) -> str:
        return _DIMENSION_TEXT[self][0]

    @property
    def unit(self) -> str:
        return _DIMENSION_TEXT[self][1]


# Singular units, for exactly 1 ("1 line", not "1 lines").
_SINGULAR = {"pieces": "piece", "lines": "line", "people": "person"}


def unit_text(value: Number, unit: str) -> str:
    """ "1 line", "4 lines", "1.5 h", "2 h": the number, a space and the unit agreeing with it."""
    shown = unit if value != 1 else _SINGULAR.get(unit, unit)
    return f"{_fmt(value)} {shown}"


_DIMENSION_TEXT: dict[Dimension, tuple[str, str]] = {
    Dimension.MONTHLY_CAPACITY: ("Monthly capacity", "pieces"),
    Dimension.PRODUCTION_LINES: ("Production lines", "lines"),
    Dimension.EMPLOYEES: ("Employees", "people"),
    Dimension.FACTORY_AREA: ("Factory area", "m²"),
    Dimension.RESPONSE_TIME: ("Response time", "h"),
}


@dataclass(frozen=True, slots=True)
class Band:
    """One grade's range: every bound given must hold (at_least/at_most include the bound)."""

    grade: Grade
    above: Decimal | None = None
    at_least: Decimal | None = None
    below: Decimal | None = None
    at_most: Decimal | None = None
    words: str | None = None  # the range in words when the bounds read badly ("under 1 lines")

    def contains(self, value: Number) -> bool:
        return (
            (self.above is None or value > self.above)
            and (self.at_least is None or value >= self.at_least)
            and (self.below is None or value < self.below)
            and (self.at_most is None or value <= self.at_most)
        )

    def describe(self, unit: str) -> str:
        """The range in words, e.g. "at least 50,000 and at most 100,000 pieces"."""
        if self.words is not None:
            return self.words
        parts = [
            f"{word} {_fmt(bound)}"
            for word, bound in (
                ("over", self.above),
                ("at least", self.at_least),
                ("under", self.below),
                ("at most", self.at_most),
            )
            if bound is not None
        ]
        return f"{' and '.join(parts) or 'any value'} {unit}"


def _d(text: str) -> Decimal:
    return Decimal(text)


# project decision (domain.md has no weak response time): no reply within a day is weak
RESPONSE_WEAK_AFTER_HOURS = Decimal(24)

# domain.md: capacity grades (see the module docstring for how shared boundaries are decided)
CAPACITY_BANDS: dict[Dimension, tuple[Band, ...]] = {
    Dimension.MONTHLY_CAPACITY: (
        Band(Grade.EXCELLENT, above=_d("100000")),
        Band(Grade.GOOD, at_least=_d("50000"), at_most=_d("100000")),
        Band(Grade.AVERAGE, at_least=_d("10000"), below=_d("50000")),
        Band(Grade.WEAK, below=_d("10000")),
    ),
    Dimension.PRODUCTION_LINES: (
        Band(Grade.EXCELLENT, above=_d("5")),
        Band(Grade.GOOD, at_least=_d("3"), at_most=_d("5")),
        Band(Grade.AVERAGE, at_least=_d("1"), below=_d("3")),
        Band(Grade.WEAK, below=_d("1"), words="none (0 lines)"),
    ),
    Dimension.EMPLOYEES: (
        Band(Grade.EXCELLENT, above=_d("100")),
        Band(Grade.GOOD, at_least=_d("50"), at_most=_d("100")),
        Band(Grade.AVERAGE, at_least=_d("20"), below=_d("50")),
        Band(Grade.WEAK, below=_d("20")),
    ),
    Dimension.FACTORY_AREA: (
        Band(Grade.EXCELLENT, above=_d("5000")),
        Band(Grade.GOOD, at_least=_d("2000"), at_most=_d("5000")),
        Band(Grade.AVERAGE, at_least=_d("500"), below=_d("2000")),
        Band(Grade.WEAK, below=_d("500")),
    ),
    Dimension.RESPONSE_TIME: (
        Band(Grade.EXCELLENT, below=_d("1")),
        Band(Grade.GOOD, at_least=_d("1"), at_most=_d("4")),
        Band(Grade.AVERAGE, above=_d("4"), at_most=RESPONSE_WEAK_AFTER_HOURS),
        Band(Grade.WEAK, above=RESPONSE_WEAK_AFTER_HOURS),
    ),
}


@dataclass(frozen=True, slots=True)
class GradeResult:
    """A grade and the sentence that explains it (for a tooltip)."""

    grade: Grade
    rule_text: str


def grade_capacity(dimension: Dimension, value: Number | None) -> GradeResult:
    """Grade one raw value; None gives UNKNOWN, a negative value raises ValueError."""
    name, unit = dimension.label, dimension.unit
    if value is None:
        return GradeResult(Grade.UNKNOWN, f"{name}: no value recorded, so the grade is unknown.")
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}.")
    if value != value or value < 0:  # NaN or negative
        raise ValueError(f"{name} must be a number of {unit}, zero or more (got {value}).")
    for band in CAPACITY_BANDS[dimension]:
        if band.contains(value):
            return GradeResult(
                band.grade,
                f"{name} {unit_text(value, unit)}: {band.grade.value} "
                f"(rule: {band.grade.value} is {band.describe(unit)}).",
            )
    raise AssertionError(f"no band holds {value} for {dimension}")  # the bands cover 0..inf


# A trading company makes nothing itself: these dimensions do not apply to it.
PRODUCTION_DIMENSIONS = (
    Dimension.MONTHLY_CAPACITY,
    Dimension.PRODUCTION_LINES,
    Dimension.EMPLOYEES,
    Dimension.FACTORY_AREA,
)


def grade_for_supplier(
    dimension: Dimension, value: Number | None, *, trading_company: bool
) -> GradeResult:
    """grade_capacity, except that a trading company's production dimensions are n/a."""
    if trading_company and dimension in PRODUCTION_DIMENSIONS:
        seen = "" if value is None else f" ({unit_text(value, dimension.unit)} recorded)"
        return GradeResult(
            Grade.NOT_APPLICABLE,
            f"{dimension.label}{seen}: n/a, a trading company has no production of its own "
            "(graded only for factories).",
        )
    return grade_capacity(dimension, value)


def boundary_examples(dimension: Dimension) -> list[tuple[Decimal, Grade]]:
    """Each number where two ranges meet, with the grade it gets (for legends and tests)."""
    bounds = sorted(
        {
            bound
            for band in CAPACITY_BANDS[dimension]
            for bound in (band.above, band.at_least, band.below, band.at_most)
            if bound is not None
        },
        reverse=dimension is not Dimension.RESPONSE_TIME,
    )
    return [(bound, grade_capacity(dimension, bound).grade) for bound in bounds]


def boundary_rule() -> str:
    """The boundary rule in words, computed from the bands (so it says what the code does)."""
    parts = []
    for dimension in Dimension:
        examples = ", ".join(
            f"{unit_text(bound, dimension.unit)} is {grade.value}"
            for bound, grade in boundary_examples(dimension)
        )
        parts.append(f"{dimension.label.lower()}: {examples}")
    return (
        "A value exactly on a boundary takes the grade whose range names it; the good range "
        "includes both its ends (so 100,000 pieces is good, not excellent, and 50,000 is good, "
        f"not average). Exactly on each boundary: {'; '.join(parts)}."
    )


def grade_legend(dimension: Dimension) -> list[tuple[Grade, str]]:
    """Each grade of a dimension with its range in words, best first (for a legend)."""
    return [(band.grade, band.describe(dimension.unit)) for band in CAPACITY_BANDS[dimension]]


def _fmt(value: Number) -> str:
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        value = value.normalize() if value == value.to_integral_value() else value
        if value == value.to_integral_value():
            return f"{int(value):,}"
        return f"{value:,f}"
    return f"{value:,}"


class FactSource(StrEnum):
    """Where a capacity fact came from (issue 3: supplier's word, 1688 page, audit, report)."""

    SUPPLIER_WORD = "supplier_word"
    LISTING_1688 = "listing_1688"
    AUDIT = "audit"
    THIRD_PARTY = "third_party"

    @property
    def label(self) -> str:
        return _SOURCE_TEXT[self]


_SOURCE_TEXT: dict[FactSource, str] = {
    FactSource.SUPPLIER_WORD: "Supplier's word",
    FactSource.LISTING_1688: "1688 page",
    FactSource.AUDIT: "Seen at audit",
    FactSource.THIRD_PARTY: "Third-party report",
}
