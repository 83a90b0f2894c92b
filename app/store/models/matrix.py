"""Tables of the Capacity & Credit matrix (issue 3): capacity facts, evaluations with their
sub-indicators, credit inputs and the user's settings. Imported at the end of app.store.models.suppliers, so Base.metadata has them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.indicators import Indicator
from app.store.models.base import Base
from app.store.types import ChoiceCode, DecimalText, UTCDateTime


class CapacityFactRow(Base):
    """One observed capacity value; history is kept. The current value of a dimension is the
    latest by observed_on (unknown dates first), then by id."""

    __tablename__ = "capacity_facts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    dimension: Mapped[Dimension] = mapped_column(ChoiceCode(Dimension))
    value: Mapped[Decimal] = mapped_column(DecimalText)
    source: Mapped[FactSource] = mapped_column(ChoiceCode(FactSource))
    observed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EvaluationRow(Base):
    """Q/D/S/C scores (0-100, None = not evaluated) of one supplier for one period."""

    __tablename__ = "evaluations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    period: Mapped[str] = mapped_column(String(40))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    quality: Mapped[Decimal | None] = mapped_column(DecimalText)
    delivery: Mapped[Decimal | None] = mapped_column(DecimalText)
    service: Mapped[Decimal | None] = mapped_column(DecimalText)
    cost: Mapped[Decimal | None] = mapped_column(DecimalText)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (UniqueConstraint("supplier_id", "period"),)


class EvaluationIndicatorRow(Base):
    """One raw sub-indicator value of an evaluation (pass rate 98.5, response 2 h...); the
    evaluation's criterion score is computed from these when they are given."""

    __tablename__ = "evaluation_indicators"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No separate index: the unique constraint's index starts with evaluation_id.
    evaluation_id: Mapped[int] = mapped_column(ForeignKey("evaluations.id", ondelete="CASCADE"))
    indicator: Mapped[Indicator] = mapped_column(ChoiceCode(Indicator))
    value: Mapped[Decimal] = mapped_column(DecimalText)

    __table_args__ = (UniqueConstraint("evaluation_id", "indicator"),)


class CreditInputRow(Base):
    """The buyer's own credit inputs; the repeat-purchase rate (the supplier's 回头率),
    membership, years, protection and red flags come from the supplier record itself (the
    repeat rate kept here before migration 0008 moved there). A manual rating always has its
    reason."""

    __tablename__ = "credit_inputs"

    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), primary_key=True
    )
    trend: Mapped[str | None] = mapped_column(String(40))
    review_score: Mapped[Decimal | None] = mapped_column(DecimalText)
    disputes_12m: Mapped[int | None] = mapped_column(Integer)
    manual_rating: Mapped[str | None] = mapped_column(String(40))
    manual_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SettingRow(Base):
    """A user setting as JSON text (weights, level thresholds); Decimals are JSON strings."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
