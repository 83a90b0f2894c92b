"""The supplier tables: suppliers, contacts, certifications, red flags, tags."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.suppliers.choices import (
    BusinessType,
    CertificationKind,
    Membership,
    RedFlagKind,
    Status,
)
from app.store.models.base import Base
from app.store.types import ChoiceCode, DecimalText, UTCDateTime


class SupplierRow(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    name_en: Mapped[str] = mapped_column(String(300), default="")
    # Derived on every write by the service: pinyin sort key and the quick-filter haystack.
    name_sort: Mapped[str] = mapped_column(String(900), default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    shop_key: Mapped[str] = mapped_column(String(300), default="")
    business_type: Mapped[BusinessType | None] = mapped_column(ChoiceCode(BusinessType))
    province: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    shop_url: Mapped[str] = mapped_column(String(500), default="")
    membership: Mapped[Membership | None] = mapped_column(ChoiceCode(Membership))
    member_since: Mapped[int | None] = mapped_column(Integer)
    member_since_month: Mapped[int | None] = mapped_column(Integer)  # 1-12; NULL: year only
    # Yes / no / NULL: not known (a box never ticked is not "no": migration 0008).
    buyer_protection: Mapped[bool | None] = mapped_column(Boolean)
    # Money as integer minor units (fen) plus its currency: never a float.
    deposit_minor: Mapped[int | None] = mapped_column(Integer)
    deposit_currency: Mapped[str] = mapped_column(String(3), default="CNY")
    reorder_rate: Mapped[Decimal | None] = mapped_column(DecimalText)
    on_time_rate: Mapped[Decimal | None] = mapped_column(DecimalText)
    response_rate: Mapped[Decimal | None] = mapped_column(DecimalText)
    quality_score: Mapped[Decimal | None] = mapped_column(DecimalText)
    service_score: Mapped[Decimal | None] = mapped_column(DecimalText)
    status: Mapped[Status] = mapped_column(ChoiceCode(Status), default=Status.PROSPECT)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    contacts: Mapped[list[ContactRow]] = relationship(
        back_populates="supplier", cascade="all, delete-orphan", order_by="ContactRow.position"
    )
    certifications: Mapped[list[CertificationRow]] = relationship(
        back_populates="supplier",
        cascade="all, delete-orphan",
        order_by="CertificationRow.position",
    )
    red_flags: Mapped[list[RedFlagRow]] = relationship(
        back_populates="supplier", cascade="all, delete-orphan", order_by="RedFlagRow.position"
    )
    tags: Mapped[list[TagRow]] = relationship(
        back_populates="supplier", cascade="all, delete-orphan", order_by="TagRow.position"
    )

    __table_args__ = (
        Index("ix_suppliers_name_sort", "name_sort"),
        Index("ix_suppliers_shop_key", "shop_key"),
    )


class _SupplierChild:
    """Columns every list under a supplier has: its owner and its place in the list."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContactRow(_SupplierChild, Base):
    __tablename__ = "supplier_contacts"

    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    person: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    wechat: Mapped[str] = mapped_column(String(100), default="")
    wangwang: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    supplier: Mapped[SupplierRow] = relationship(back_populates="contacts")


class CertificationRow(_SupplierChild, Base):
    __tablename__ = "supplier_certifications"

    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CertificationKind] = mapped_column(ChoiceCode(CertificationKind))
    number: Mapped[str] = mapped_column(String(200), default="")
    issuer: Mapped[str] = mapped_column(String(200), default="")
    expires_on: Mapped[date | None] = mapped_column(Date)
    supplier: Mapped[SupplierRow] = relationship(back_populates="certifications")


class RedFlagRow(_SupplierChild, Base):
    __tablename__ = "supplier_red_flags"

    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RedFlagKind] = mapped_column(ChoiceCode(RedFlagKind))
    noted_on: Mapped[date | None] = mapped_column(Date)
    remark: Mapped[str] = mapped_column(Text, default="")
    # Both NULL while the flag is open; nullable so migration 0008 adds them in place.
    resolved_on: Mapped[date | None] = mapped_column(Date)
    resolution: Mapped[str | None] = mapped_column(Text)
    supplier: Mapped[SupplierRow] = relationship(back_populates="red_flags")


class TagRow(_SupplierChild, Base):
    """Product categories and free tags of a supplier (e.g. 'phone accessories')."""

    __tablename__ = "supplier_tags"

    supplier_id: Mapped[int] = mapped_column(
        ForeignKey("suppliers.id", ondelete="CASCADE"), index=True
    )
    tag: Mapped[str] = mapped_column(String(60))
    supplier: Mapped[SupplierRow] = relationship(back_populates="tags")
