"""Tables of the Samples tab (issue 4): products with their target spec and own criteria, the
samples suppliers sent, their scores, and their photos' metadata (the files are the photo
store's, named by content hash). Imported at the end of app.store.models.suppliers, so Base.metadata has
them.

Every link is ON DELETE CASCADE: deleting a product takes its samples; deleting a supplier takes
its samples with their scores and photos, and undo of that delete (app.services.dependents)
restores exactly what cascaded.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.samples.sample import CriterionKind, PhotoAngle, SampleStatus
from app.store.models.base import Base
from app.store.types import ChoiceCode, DecimalText, UTCDateTime

# The partial unique index that allows one golden sample per product; the migration uses it too.
ONE_GOLDEN_INDEX = "ix_samples_one_golden_per_product"
GOLDEN_ONLY = "golden = 1"


class ProductRow(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    category: Mapped[str] = mapped_column(String(300), default="")
    # Target spec in centimetres and kilograms, exact (text); NULL: not specified.
    length_cm: Mapped[Decimal | None] = mapped_column(DecimalText)
    width_cm: Mapped[Decimal | None] = mapped_column(DecimalText)
    height_cm: Mapped[Decimal | None] = mapped_column(DecimalText)
    weight_kg: Mapped[Decimal | None] = mapped_column(DecimalText)
    material: Mapped[str] = mapped_column(String(300), default="")
    colour: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ProductCriterionRow(Base):
    """A criterion the user added to one product; scores refer to it by name."""

    __tablename__ = "product_criteria"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No separate index: the unique constraint's index starts with product_id.
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[CriterionKind] = mapped_column(ChoiceCode(CriterionKind))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("product_id", "name"),)


class SampleRow(Base):
    __tablename__ = "samples"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    variant: Mapped[str] = mapped_column(String(300), default="")
    # Money as integer minor units (fen, cents) plus its currency: never a float.
    price_minor: Mapped[int | None] = mapped_column(Integer)
    price_currency: Mapped[str] = mapped_column(String(3), default="CNY")
    shipping_minor: Mapped[int | None] = mapped_column(Integer)
    shipping_currency: Mapped[str] = mapped_column(String(3), default="CNY")
    free: Mapped[bool] = mapped_column(Boolean, default=False)
    requested_on: Mapped[date | None] = mapped_column(Date)
    shipped_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    tracking_number: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[SampleStatus] = mapped_column(
        ChoiceCode(SampleStatus), default=SampleStatus.REQUESTED
    )
    # Measured, in centimetres and kilograms.
    length_cm: Mapped[Decimal | None] = mapped_column(DecimalText)
    width_cm: Mapped[Decimal | None] = mapped_column(DecimalText)
    height_cm: Mapped[Decimal | None] = mapped_column(DecimalText)
    weight_kg: Mapped[Decimal | None] = mapped_column(DecimalText)
    defects: Mapped[str] = mapped_column(Text, default="")
    verdict: Mapped[str] = mapped_column(Text, default="")
    golden: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        # At most one golden sample per product, even if a writer forgets the service's rule.
        Index(ONE_GOLDEN_INDEX, "product_id", unique=True, sqlite_where=text(GOLDEN_ONLY)),
    )


class SampleScoreRow(Base):
    """A sample's score on one criterion: '1'..'5' or 'pass' / 'fail'."""

    __tablename__ = "sample_scores"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No separate index: the unique constraint's index starts with sample_id.
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id", ondelete="CASCADE"))
    criterion: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(String(10))

    __table_args__ = (UniqueConstraint("sample_id", "criterion"),)


class SamplePhotoRow(Base):
    """One photo in a sample's gallery: the photo store's content hash and what the user said
    about it. The same file may show on several samples, but only once on each."""

    __tablename__ = "sample_photos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("samples.id", ondelete="CASCADE"))
    hash: Mapped[str] = mapped_column(String(64), index=True)  # "is it still used?"
    original_name: Mapped[str] = mapped_column(Text, default="")  # long and Chinese names
    caption: Mapped[str] = mapped_column(Text, default="")
    angle: Mapped[PhotoAngle] = mapped_column(ChoiceCode(PhotoAngle), default=PhotoAngle.OTHER)
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("sample_id", "hash"),)
