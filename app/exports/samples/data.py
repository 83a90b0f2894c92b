"""The samples comparison as both exports receive it, how its values read as text (so the .xlsx
and the .pdf say the same thing in the same words, and as the compare view does: ★ marks a best
value and the golden sample, pass is ✓, fail is ✘), and its photos as the exports embed them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PIL import Image

from app.domain.kit.money import Money
from app.domain.matrix.grade_palette import Tone
from app.domain.samples.sample import (
    SCORE_MAX,
    ComparisonCell,
    ComparisonRow,
    ComparisonTable,
    PassFail,
    Product,
    RowKind,
    Sample,
    SampleStatus,
    compare_samples,
)
from app.errors import NotFound, PhotoStoreError

if TYPE_CHECKING:
    from PIL import Image


class PhotoSource(Protocol):
    """Where the exports read photos from (the photo store beside the database); the exports
    receive it, so they read files but import nothing of the store."""

    def thumbnail(self, photo_hash: str) -> Path: ...

    def open_image(self, photo_hash: str, max_side: int | None = None) -> Image.Image: ...


NO_VALUE = "–"
BEST_MARK = "★"
GOLDEN_TEXT = "★ golden sample"
# The compare view's blue tint (colour-blind-safe palette) for a row's best value; a pale gold
# for the golden sample, which is a decision, not a measured best.
BEST_FILL = Tone.BEST.fill
GOLDEN_FILL = "#fbf1c4"
GOLDEN_EDGE = "#e69f00"  # Okabe-Ito orange: the golden sample's frame in the PDF
LEGEND = (
    f"{BEST_MARK} bold on blue: the best value of its row (lowest cost in one currency, smallest "
    "deviation from the spec, highest score; a pass beats a fail; ties are all marked; two "
    "known values are needed). Deviation = measured − spec. "
    f"{GOLDEN_TEXT}: the approved reference for this product."
)


@dataclass(frozen=True, slots=True)
class SampleEntry:
    """One sample with who sent it and its gallery at a glance."""

    sample: Sample
    supplier_name_zh: str
    supplier_name_en: str
    cover_hash: str | None  # the first photo in gallery order; None: no photo
    photo_count: int = 0

    @property
    def supplier_name(self) -> str:
        return self.supplier_name_zh or self.supplier_name_en


@dataclass(frozen=True, slots=True)
class ProductSamples:
    """A product, its samples in the order exported, and their comparison (best marks)."""

    product: Product
    entries: tuple[SampleEntry, ...]
    comparison: ComparisonTable

    @classmethod
    def of(cls, product: Product, entries: Sequence[SampleEntry]) -> ProductSamples:
        chosen = tuple(entries)
        return cls(product, chosen, compare_samples(product, [e.sample for e in chosen]))

    @property
    def title(self) -> str:
        """ "磁吸手机支架 · Magnetic phone stand" (either name alone when only one is given)."""
        names = [n for n in (self.product.name_zh, self.product.name) if n.strip()]
        return " · ".join(names) or f"Product {self.product.id}"

    def notes(self) -> list[str]:
        """Why rows have no best marked, when that is not obvious ("Total cost: in CNY and
        USD...")."""
        return [f"{row.label}: {row.note}" for row in self.comparison.rows if row.note]


def sample_count(products: Sequence[ProductSamples]) -> int:
    return sum(len(p.entries) for p in products)


# --- photos ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EmbeddedPhoto:
    """A photo ready to embed in an export: JPEG bytes and the picture's size in pixels."""

    data: bytes
    width: int
    height: int


def thumbnail_photo(store: PhotoSource, photo_hash: str) -> EmbeddedPhoto | None:
    """The store's cached thumbnail (made if missing); None when the photo cannot be shown
    (missing or damaged: `check` names it)."""
    try:
        data = store.thumbnail(photo_hash).read_bytes()
    except (NotFound, PhotoStoreError, OSError):
        return None
    with Image.open(BytesIO(data)) as picture:
        return EmbeddedPhoto(data, picture.width, picture.height)


def scaled_photo(
    store: PhotoSource, photo_hash: str, max_side: int, quality: int
) -> EmbeddedPhoto | None:
    """The photo upright, at most `max_side` pixels on its longest side (JPEGs scale while
    decoding), re-encoded as a JPEG of `quality` in memory; None when it cannot be shown."""
    try:
        picture = store.open_image(photo_hash, max_side=max_side)
    except (NotFound, PhotoStoreError):
        return None
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=quality, optimize=True)
    return EmbeddedPhoto(buffer.getvalue(), picture.width, picture.height)


# --- text ------------------------------------------------------------------------------------
def decimal_text(value: Decimal | None) -> str:
    """As entered (12.0 stays 12.0: the precision the buyer measured to); None: –."""
    return NO_VALUE if value is None else f"{value:f}"


def date_text(value: date | None) -> str:
    return NO_VALUE if value is None else value.isoformat()


def status_text(status: SampleStatus) -> str:
    return f"{status.label} {status.label_zh}"


def spec_text(product: Product) -> str:
    """The target spec on one line: size, weight, material, colour (what is given)."""
    size = [product.length_cm, product.width_cm, product.height_cm]
    parts = []
    if any(v is not None for v in size):
        parts.append(" × ".join(decimal_text(v) for v in size) + " cm (L × W × H)")
    if product.weight_kg is not None:
        parts.append(f"{decimal_text(product.weight_kg)} kg")
    parts += [text.strip() for text in (product.material, product.colour) if text.strip()]
    return "Target spec: " + (" · ".join(parts) if parts else "none given")


def row_label(row: ComparisonRow) -> str:
    """'Length (cm) · spec 12.0', 'Total cost', 'Function'."""
    label = f"{row.label} ({row.unit})" if row.unit else row.label
    if row.kind is RowKind.MEASUREMENT:
        label += " · no spec" if row.target is None else f" · spec {decimal_text(row.target)}"
    return label


def score_text(value: object) -> str:
    if value is None:
        return NO_VALUE
    if isinstance(value, PassFail):
        return "✓ pass" if value is PassFail.PASS else "✘ fail"
    return f"{value} / {SCORE_MAX}"


def deviation_text(cell: ComparisonCell, unit: str) -> str:
    """'+0.4 cm (+3.2 %)', '-0.02 kg (-1.3 %)', 'on spec'; '' when unknown."""
    deviation, percent = cell.deviation, cell.deviation_percent
    if deviation is None:
        return ""
    if deviation == 0:
        return "on spec"
    sign = "+" if deviation > 0 else "-"  # the percent follows it, even when it rounds to 0.0
    text = f"{sign}{abs(deviation):f} {unit}"
    return text if percent is None else f"{text} ({sign}{abs(percent)} %)"


def value_text(row: ComparisonRow, cell: ComparisonCell, sample: Sample) -> str:
    """What a comparison cell says, without the best mark: '18.00 CNY', '12.1 cm', '4 / 5'."""
    value = cell.value
    if value is None:
        return NO_VALUE
    if isinstance(value, Money):
        return f"{value} (free)" if row.key == "price" and sample.free else str(value)
    if row.kind is RowKind.CRITERION:
        return score_text(value)
    return f"{decimal_text(Decimal(value))} {row.unit}".strip()
