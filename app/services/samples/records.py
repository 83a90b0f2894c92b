"""Plain records the sample service returns, and how stored rows become domain values and back."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection, select

from app.domain.kit.money import Money
from app.domain.samples.sample import (
    MEASUREMENTS,
    Criterion,
    PassFail,
    Product,
    Sample,
    SamplePhoto,
    ScoreValue,
)
from app.services.changes import Change, Topic
from app.services.sql import table_of
from app.store.models.samples import (
    ProductCriterionRow,
    ProductRow,
    SamplePhotoRow,
    SampleRow,
    SampleScoreRow,
)

PRODUCTS = table_of(ProductRow)
CRITERIA = table_of(ProductCriterionRow)
SAMPLES = table_of(SampleRow)
SCORES = table_of(SampleScoreRow)
PHOTOS = table_of(SamplePhotoRow)
MEASURED = tuple(name for name, _label, _unit in MEASUREMENTS)
_PASS_FAIL_CODES = frozenset(member.value for member in PassFail)


class ImportedPhotoLike(Protocol):
    """What the photo store's import gives back, as far as the gallery needs it."""

    @property
    def hash(self) -> str: ...

    @property
    def original_name(self) -> str: ...


@dataclass(frozen=True)
class SkippedPhoto:
    hash: str
    original_name: str
    reason: str


@dataclass(frozen=True)
class SampleChange(Change):
    """What a samples write changed. created / updated / deleted hold SAMPLE ids; `products`
    the products whose sample list or details changed (a new product's id is here)."""

    topic: Topic = Topic.SAMPLES
    products: tuple[int, ...] = ()
    # Photo files no sample refers to any more: the caller may delete them from the store
    # (after the undo of a delete is no longer offered).
    unreferenced_hashes: tuple[str, ...] = ()
    added_photos: tuple[int, ...] = ()  # sample_photos ids, in gallery order
    skipped_photos: tuple[SkippedPhoto, ...] = ()


@dataclass(frozen=True, slots=True)
class ProductSummary:
    id: int
    name: str
    name_zh: str
    category: str
    sample_count: int
    golden_sample_id: int | None


@dataclass(frozen=True, slots=True)
class SampleSummary:
    """A row of a product's sample list: the sample, who sent it, and its gallery at a glance."""

    sample: Sample
    supplier_name_zh: str
    supplier_name_en: str
    photo_count: int
    cover_hash: str | None  # the first photo in gallery order


# --- products ------------------------------------------------------------------------------
def product_values(product: Product) -> dict[str, Any]:
    values = {
        name: getattr(product, name).strip()
        for name in ("name", "name_zh", "category", "material", "colour", "notes")
    }
    values.update({name: getattr(product, name) for name in MEASURED})
    return values


def product_from_row(row: Any, criteria: Iterable[Any]) -> Product:
    return Product(
        name=row.name,
        name_zh=row.name_zh,
        category=row.category,
        material=row.material,
        colour=row.colour,
        notes=row.notes,
        criteria=tuple(Criterion(c.name, c.kind, id=c.id) for c in criteria),
        id=row.id,
        **{name: getattr(row, name) for name in MEASURED},
    )


def read_criteria(connection: Connection, product_id: int) -> list[Any]:
    query = (
        select(CRITERIA)
        .where(CRITERIA.c.product_id == product_id)
        .order_by(CRITERIA.c.position, CRITERIA.c.id)
    )
    return list(connection.execute(query))


# --- samples -------------------------------------------------------------------------------
def sample_values(sample: Sample) -> dict[str, Any]:
    """Column values of a validated sample (money in minor units, texts trimmed)."""
    values: dict[str, Any] = {
        "product_id": sample.product_id,
        "supplier_id": sample.supplier_id,
        "variant": sample.variant.strip(),
        "free": sample.free,
        "requested_on": sample.requested_on,
        "shipped_on": sample.shipped_on,
        "received_on": sample.received_on,
        "tracking_number": sample.tracking_number.strip(),
        "status": sample.status,
        "defects": sample.defects.strip(),
        "verdict": sample.verdict.strip(),
        "golden": sample.golden,
    }
    for name in ("price", "shipping"):
        money: Money | None = getattr(sample, name)
        values[f"{name}_minor"] = None if money is None else money.to_minor()
        values[f"{name}_currency"] = "CNY" if money is None else money.currency
    values.update({name: getattr(sample, name) for name in MEASURED})
    return values


def sample_from_row(row: Any, scores: dict[str, ScoreValue]) -> Sample:
    return Sample(
        product_id=row.product_id,
        supplier_id=row.supplier_id,
        variant=row.variant,
        price=_money(row.price_minor, row.price_currency),
        shipping=_money(row.shipping_minor, row.shipping_currency),
        free=bool(row.free),
        requested_on=row.requested_on,
        shipped_on=row.shipped_on,
        received_on=row.received_on,
        tracking_number=row.tracking_number,
        status=row.status,
        scores=scores,
        defects=row.defects,
        verdict=row.verdict,
        golden=bool(row.golden),
        id=row.id,
        **{name: getattr(row, name) for name in MEASURED},
    )


def read_samples(connection: Connection, condition: Any) -> list[Sample]:
    """Samples matching `condition` with their scores, by id."""
    rows = list(connection.execute(select(SAMPLES).where(condition).order_by(SAMPLES.c.id)))
    scores: dict[int, dict[str, ScoreValue]] = defaultdict(dict)
    ids = [row.id for row in rows]
    for start in range(0, len(ids), 500):  # well under SQLite's bound-parameter limit
        query = select(SCORES).where(SCORES.c.sample_id.in_(ids[start : start + 500]))
        for score in connection.execute(query.order_by(SCORES.c.id)):
            scores[score.sample_id][score.criterion] = decode_score(score.value)
    return [sample_from_row(row, scores[row.id]) for row in rows]


def encode_score(value: ScoreValue) -> str:
    return value.value if isinstance(value, PassFail) else str(int(value))


def decode_score(text: str) -> ScoreValue:
    return PassFail(text) if text in _PASS_FAIL_CODES else int(text)


def _money(minor: int | None, currency: str) -> Money | None:
    return None if minor is None else Money.from_minor(minor, currency)


# --- photos --------------------------------------------------------------------------------
def photo_from_row(row: Any) -> SamplePhoto:
    return SamplePhoto(
        hash=row.hash,
        original_name=row.original_name,
        caption=row.caption,
        angle=row.angle,
        position=row.position,
        sample_id=row.sample_id,
        id=row.id,
    )
