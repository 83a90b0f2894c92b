"""Between stored rows and the domain's Supplier record, plus the derived search columns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.domain.kit.money import Money
from app.domain.kit.search_text import search_text, sort_key
from app.domain.suppliers.choices import PROVINCES
from app.domain.suppliers.similarity import normalise_shop_url
from app.domain.suppliers.supplier import Certification, Contact, RedFlag, Supplier
from app.domain.suppliers.validation import full_shop_url
from app.store.models.suppliers import CertificationRow, ContactRow, RedFlagRow, SupplierRow, TagRow

_PROVINCE_EN = dict(PROVINCES)
SCALAR_FIELDS = (
    "name_zh",
    "name_en",
    "business_type",
    "province",
    "city",
    "address",
    "shop_url",
    "membership",
    "member_since",
    "member_since_month",
    "buyer_protection",
    "reorder_rate",
    "on_time_rate",
    "response_rate",
    "quality_score",
    "service_score",
    "status",
    "notes",
)


def derived_columns(supplier: Supplier) -> dict[str, str]:
    """The columns the service keeps in step with the record: sort key, haystack, shop key."""
    parts = [
        supplier.name_zh,
        supplier.name_en,
        supplier.city,
        supplier.province,
        _PROVINCE_EN.get(supplier.province, ""),
        *supplier.tags,
    ]
    for contact in supplier.contacts:
        parts += [contact.person, contact.phone, contact.wechat, contact.wangwang, contact.email]
    return {
        "name_sort": sort_key(supplier.display_name),
        "search_text": search_text(parts),
        "shop_key": normalise_shop_url(supplier.shop_url),
    }


def scalar_columns(supplier: Supplier) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(supplier, name) for name in SCALAR_FIELDS}
    # 'shop123.1688.com' as typed or imported is stored as the address it means (https://…).
    values["shop_url"] = full_shop_url(supplier.shop_url) or supplier.shop_url.strip()
    values["deposit_minor"] = supplier.deposit.to_minor() if supplier.deposit else None
    values["deposit_currency"] = supplier.deposit.currency if supplier.deposit else "CNY"
    values.update(derived_columns(supplier))
    return values


def fill_row(row: SupplierRow, supplier: Supplier) -> None:
    """Write the record into a row, replacing its lists wholesale."""
    for name, value in scalar_columns(supplier).items():
        setattr(row, name, value)
    row.contacts = [
        ContactRow(position=i, **_contact_values(c)) for i, c in enumerate(supplier.contacts)
    ]
    row.certifications = [
        CertificationRow(
            position=i, kind=c.kind, number=c.number, issuer=c.issuer, expires_on=c.expires_on
        )
        for i, c in enumerate(supplier.certifications)
    ]
    row.red_flags = [
        RedFlagRow(position=i, **red_flag_values(f)) for i, f in enumerate(supplier.red_flags)
    ]
    row.tags = [TagRow(position=i, tag=tag) for i, tag in enumerate(supplier.tags)]


def red_flag_values(flag: RedFlag) -> dict[str, object]:
    """A red flag's columns; an open flag stores NULL resolution columns (see the model)."""
    return {
        "kind": flag.kind,
        "noted_on": flag.noted_on,
        "remark": flag.remark,
        "resolved_on": flag.resolved_on,
        "resolution": flag.resolution or None,
    }


def red_flag_record(row: Any) -> RedFlag:
    return RedFlag(row.kind, row.noted_on, row.remark, row.resolved_on, row.resolution or "")


def _contact_values(contact: Contact) -> dict[str, str]:
    return {
        "person": contact.person,
        "phone": contact.phone,
        "wechat": contact.wechat,
        "wangwang": contact.wangwang,
        "email": contact.email,
    }


def to_supplier(row: SupplierRow) -> Supplier:
    """An ORM row with its loaded lists as a record."""
    return assemble_supplier(row, row.contacts, row.certifications, row.red_flags, row.tags)


def assemble_supplier(
    row: Any,
    contacts: Iterable[Any],
    certifications: Iterable[Any],
    red_flags: Iterable[Any],
    tags: Iterable[Any],
) -> Supplier:
    """A record from a suppliers row and its child rows (ORM objects or Core rows alike)."""
    return Supplier(
        **{name: getattr(row, name) for name in SCALAR_FIELDS},
        deposit=(
            Money.from_minor(row.deposit_minor, row.deposit_currency)
            if row.deposit_minor is not None
            else None
        ),
        tags=[t.tag for t in tags],
        contacts=[Contact(c.person, c.phone, c.wechat, c.wangwang, c.email) for c in contacts],
        certifications=[
            Certification(c.kind, c.number, c.issuer, c.expires_on) for c in certifications
        ],
        red_flags=[red_flag_record(f) for f in red_flags],
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
