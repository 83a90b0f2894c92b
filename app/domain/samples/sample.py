"""Samples (domain.md: Samples; issue 4): products with a target spec, the samples suppliers sent
of them, their scores and photos, and the side-by-side comparison. Pure Python: no Qt, no SQL.

Rules, decided once:
- A criterion is scored 1-5 (whole numbers) or pass/fail. Appearance, function, material and
  packaging are built in (scored 1-5) for every product; a product adds its own criteria, whose
  scores are stored under the criterion's name.
- A free sample costs nothing: its price counts as 0 in its own currency (or its shipping's).
  The total is price + shipping, and is unknown when either is unknown or when the two are in
  different currencies (no exchange rate is guessed).
- Comparison (`compare_samples`), one row per cost, measurement and criterion; one cell per
  sample in the order given:
  - costs (price, shipping, total): lowest is best, and only when every known value of the row
    is in one currency; otherwise nothing is marked and the row's note says why.
  - measurements (length, width, height in cm; weight in kg) against the product's spec:
    deviation = measured - target (signed, exact) and its % of the target (0.1, half up); best
    is the smallest absolute deviation. Without a target nothing is marked. Dimensions are
    compared as entered (the buyer measures in the spec's orientation).
  - criteria: the highest score is best; for pass/fail a pass beats a fail and a fail is never
    marked (a row where every sample failed has no best).
  - Ties are all marked; an unknown value is never best; a row marks a best only when at least
    two samples have a known value (one value alone has won nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.domain.kit.message import AND, QT_TRANSLATE_NOOP, Listing, Message, Term
from app.domain.kit.money import DEFAULT_CURRENCY, Money

SCORE_MIN, SCORE_MAX = 1, 5  # domain.md: a score per criterion; issue 4: each 1-5 or pass/fail
MIN_KNOWN_TO_COMPARE = 2


class SampleStatus(StrEnum):
    REQUESTED = "requested"
    SHIPPED = "shipped"
    RECEIVED = "received"
    EVALUATED = "evaluated"
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _STATUS_LABELS[self][1]


_STATUS_LABELS = {
    SampleStatus.REQUESTED: ("Requested", "已索样"),
    SampleStatus.SHIPPED: ("Shipped", "已寄出"),
    SampleStatus.RECEIVED: ("Received", "已收到"),
    SampleStatus.EVALUATED: ("Evaluated", "已评估"),
    SampleStatus.APPROVED: ("Approved", "已认可"),
    SampleStatus.REJECTED: ("Rejected", "已拒绝"),
}


class PhotoAngle(StrEnum):
    FRONT = "front"
    BACK = "back"
    SIDE = "side"
    DETAIL = "detail"
    DEFECT = "defect"
    PACKAGING = "packaging"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _ANGLE_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _ANGLE_LABELS[self][1]


_ANGLE_LABELS = {
    PhotoAngle.FRONT: ("Front", "正面"),
    PhotoAngle.BACK: ("Back", "背面"),
    PhotoAngle.SIDE: ("Side", "侧面"),
    PhotoAngle.DETAIL: ("Detail", "细节"),
    PhotoAngle.DEFECT: ("Defect", "瑕疵"),
    PhotoAngle.PACKAGING: ("Packaging", "包装"),
    PhotoAngle.OTHER: ("Other", "其他"),
}


class CriterionKind(StrEnum):
    SCORE = "score"  # a whole number from SCORE_MIN to SCORE_MAX
    PASS_FAIL = "pass_fail"


class PassFail(StrEnum):
    PASS = "pass"
    FAIL = "fail"


ScoreValue = int | PassFail


@dataclass(frozen=True, slots=True)
class Criterion:
    name: str  # the key scores are stored under: a built-in code or the user's own name
    kind: CriterionKind = CriterionKind.SCORE
    built_in: bool = False
    id: int | None = None  # the stored row of a user-added criterion

    @property
    def label(self) -> str:
        return _BUILT_IN_LABELS[self.name] if self.built_in else self.name


_BUILT_IN_LABELS = {
    "appearance": "Appearance (colour, size, workmanship)",
    "function": "Function",
    "material": "Material",
    "packaging": "Packaging",
}
BUILT_IN_CRITERIA = tuple(Criterion(name, built_in=True) for name in _BUILT_IN_LABELS)


@dataclass(frozen=True, slots=True)
class Product:
    """What is being sourced, with the target spec samples are measured against."""

    name: str = ""
    name_zh: str = ""
    category: str = ""
    length_cm: Decimal | None = None
    width_cm: Decimal | None = None
    height_cm: Decimal | None = None
    weight_kg: Decimal | None = None
    material: str = ""
    colour: str = ""
    notes: str = ""
    criteria: tuple[Criterion, ...] = ()  # the user's own, in order; built-ins are implied
    id: int | None = None

    @property
    def all_criteria(self) -> tuple[Criterion, ...]:
        return BUILT_IN_CRITERIA + self.criteria


@dataclass(frozen=True, slots=True)
class Sample:
    """One supplier's sample of one product, and what the buyer found."""

    product_id: int | None = None
    supplier_id: int | None = None
    variant: str = ""  # colour, size or model the supplier sent
    price: Money | None = None
    shipping: Money | None = None
    free: bool = False
    requested_on: date | None = None
    shipped_on: date | None = None
    received_on: date | None = None
    tracking_number: str = ""
    status: SampleStatus = SampleStatus.REQUESTED
    length_cm: Decimal | None = None  # measured
    width_cm: Decimal | None = None
    height_cm: Decimal | None = None
    weight_kg: Decimal | None = None
    scores: dict[str, ScoreValue] = field(default_factory=dict)  # by criterion name
    defects: str = ""
    verdict: str = ""
    golden: bool = False  # the approved reference of its product (at most one per product)
    id: int | None = None


@dataclass(frozen=True, slots=True)
class SamplePhoto:
    """A photo's place in a sample's gallery; the file itself is the photo store's, by hash."""

    hash: str
    original_name: str = ""
    caption: str = ""
    angle: PhotoAngle = PhotoAngle.OTHER
    position: int = 0
    sample_id: int | None = None
    id: int | None = None


# (field, label, unit): the measurements a spec sets and a sample is measured by.
MEASUREMENTS = (
    ("length_cm", "Length", "cm"),
    ("width_cm", "Width", "cm"),
    ("height_cm", "Height", "cm"),
    ("weight_kg", "Weight", "kg"),
)


def sample_price(sample: Sample) -> Money | None:
    """The sample's price; a free sample costs 0 in its price's (or shipping's) currency."""
    if not sample.free:
        return sample.price
    source = sample.price or sample.shipping
    return Money(Decimal(0), source.currency if source else DEFAULT_CURRENCY)


def total_cost(sample: Sample) -> Money | None:
    """Price + shipping; None when either is unknown or they are in different currencies."""
    price, shipping = sample_price(sample), sample.shipping
    if price is None or shipping is None or price.currency != shipping.currency:
        return None
    return Money(price.amount + shipping.amount, price.currency)


# --- comparison -----------------------------------------------------------------------------
class RowKind(StrEnum):
    COST = "cost"
    MEASUREMENT = "measurement"
    CRITERION = "criterion"


CellValue = Money | Decimal | int | PassFail | None


@dataclass(frozen=True, slots=True)
class ComparisonCell:
    value: CellValue  # None: unknown
    deviation: Decimal | None = None  # measured - target, in the row's unit
    deviation_percent: Decimal | None = None  # of the target, 0.1 half up
    best: bool = False
    note_said: Message | None = None  # why the value is unknown, when not simply missing

    @property
    def note(self) -> str:
        """The note in English ("" when none)."""
        return "" if self.note_said is None else str(self.note_said)


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    key: str  # "total", "length_cm", "criterion:appearance" ...
    label: str
    kind: RowKind
    cells: tuple[ComparisonCell, ...]  # one per sample, in the table's order
    unit: str = ""
    target: Decimal | None = None  # a measurement row's spec value
    note_said: Message | None = None  # why nothing is marked, when that is not obvious

    @property
    def note(self) -> str:
        """The note in English ("" when none)."""
        return "" if self.note_said is None else str(self.note_said)


@dataclass(frozen=True, slots=True)
class ComparisonTable:
    product: Product
    samples: tuple[Sample, ...]
    rows: tuple[ComparisonRow, ...]

    def row(self, key: str) -> ComparisonRow:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)


def compare_samples(product: Product, samples: Sequence[Sample]) -> ComparisonTable:
    """The compare view's table: costs, measurements against the spec, then every criterion
    (built-ins first), each row with its best values marked by the module's rules."""
    chosen = tuple(samples)
    rows = [
        _cost_row("price", "Sample price", [sample_price(s) for s in chosen], [None] * len(chosen)),
        _cost_row("shipping", "Shipping", [s.shipping for s in chosen], [None] * len(chosen)),
        _cost_row(
            "total",
            "Total cost",
            [total_cost(s) for s in chosen],
            [_total_problem(s) for s in chosen],
        ),
    ]
    for name, label, unit in MEASUREMENTS:
        rows.append(_measurement_row(name, label, unit, getattr(product, name), chosen))
    for criterion in product.all_criteria:
        rows.append(_criterion_row(criterion, chosen))
    return ComparisonTable(product, chosen, tuple(rows))


MESSAGES = "domain.samples"  # the catalogue context of the sentences (kit.message)
_MEASURED_ZH = {"Length": "长度", "Width": "宽度", "Height": "高度", "Weight": "重量"}


def _total_problem(sample: Sample) -> Message | None:
    price, shipping = sample_price(sample), sample.shipping
    if price is not None and shipping is not None and price.currency != shipping.currency:
        return Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.samples",
                "Price in {price_currency} and shipping in {shipping_currency}: "
                "no total without an exchange rate.",
            ),
            price_currency=price.currency,
            shipping_currency=shipping.currency,
        )
    return None


def _cost_row(
    key: str, label: str, costs: list[Money | None], notes: list[Message | None]
) -> ComparisonRow:
    currencies = sorted({cost.currency for cost in costs if cost is not None})
    note = None
    if len(currencies) > 1:
        # Mixing currencies would need a rate and a date the user has not given: say so.
        note = Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.samples", "In {currencies}: not compared without an exchange rate."
            ),
            currencies=Listing(tuple(currencies), AND),
        )
        marks = [False] * len(costs)
    else:
        marks = _best_marks([None if c is None else -c.amount for c in costs])
    cells = tuple(
        ComparisonCell(cost, best=mark, note_said=text)
        for cost, mark, text in zip(costs, marks, notes, strict=True)
    )
    return ComparisonRow(key, label, RowKind.COST, cells, note_said=note)


def _measurement_row(
    name: str, label: str, unit: str, target: Decimal | None, samples: tuple[Sample, ...]
) -> ComparisonRow:
    measured: list[Decimal | None] = [getattr(sample, name) for sample in samples]
    if target is None or target <= 0:
        cells = tuple(ComparisonCell(value) for value in measured)
        note = Message(
            MESSAGES,
            QT_TRANSLATE_NOOP(
                "domain.samples",
                "The spec has no target {measure}: deviations cannot be worked out.",
            ),
            measure=Term(label.lower(), _MEASURED_ZH[label]),
        )
        return ComparisonRow(name, label, RowKind.MEASUREMENT, cells, unit, target, note)
    deviations = [None if value is None else value - target for value in measured]
    marks = _best_marks([None if d is None else -abs(d) for d in deviations])
    cells = tuple(
        ComparisonCell(value, deviation, _percent_of(deviation, target), mark)
        for value, deviation, mark in zip(measured, deviations, marks, strict=True)
    )
    return ComparisonRow(name, label, RowKind.MEASUREMENT, cells, unit, target)


def _percent_of(deviation: Decimal | None, target: Decimal) -> Decimal | None:
    if deviation is None:
        return None
    return (deviation * 100 / target).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _criterion_row(criterion: Criterion, samples: tuple[Sample, ...]) -> ComparisonRow:
    values = [_score_of(sample, criterion) for sample in samples]
    # A fail is never best: its rank None keeps it out of the running, yet it counts as known.
    pass_fail = criterion.kind is CriterionKind.PASS_FAIL
    rank: Callable[[ScoreValue], Decimal | None] = _pass_rank if pass_fail else _score_rank
    known = sum(value is not None for value in values)
    ranks = [None if value is None else rank(value) for value in values]
    marks = _best_marks(ranks, known)
    cells = tuple(ComparisonCell(v, best=m) for v, m in zip(values, marks, strict=True))
    return ComparisonRow(f"criterion:{criterion.name}", criterion.label, RowKind.CRITERION, cells)


def _score_of(sample: Sample, criterion: Criterion) -> ScoreValue | None:
    value = sample.scores.get(criterion.name)
    if criterion.kind is CriterionKind.PASS_FAIL:
        return value if isinstance(value, PassFail) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _pass_rank(value: ScoreValue) -> Decimal | None:
    return Decimal(1) if value is PassFail.PASS else None


def _score_rank(value: ScoreValue) -> Decimal | None:
    return Decimal(value) if isinstance(value, int) else None


def _best_marks(ranks: Sequence[Decimal | None], known: int | None = None) -> list[bool]:
    """True where the rank is the highest (ties all); nothing when under two values are known.

    `known` counts values that are known but can never be best (a fail); it defaults to the
    number of ranks that are not None.
    """
    present = [rank for rank in ranks if rank is not None]
    if known is None:
        known = len(present)
    if known < MIN_KNOWN_TO_COMPARE or not present:
        return [False] * len(ranks)
    top = max(present)
    return [rank is not None and rank == top for rank in ranks]
