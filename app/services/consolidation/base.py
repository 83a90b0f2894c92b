"""What every part of the consolidation service shares: the database, the day, and small
reading helpers (names as the tab shows them, rows that must exist)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, select

from app.domain.consolidation.parcels import RestrictedTag
from app.domain.consolidation.units import problem
from app.domain.kit.money import Money, exponent
from app.errors import NotFound
from app.services.consolidation.records import PRODUCTS, SUPPLIERS
from app.services.samples.photos import HASH_PATTERN, ORIGINAL_NAME_LENGTH
from app.store.db import Database

NAME_SEPARATOR = " · "
TEXT_LIMITS = {"order_number": 40, "tracking_number": 100, "code": 100, "label": 300}
NOTE_LIMIT = 5000
CURRENCY = re.compile(r"[A-Z]{3}")
IN_CHUNK = 500  # keys per IN (...): under SQLite's bound-parameter limit


class ServiceBase:
    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self.database = database
        self.today = today


def require_row(connection: Connection, table: Table, row_id: object, label: str) -> Any:
    """The row with this id, or NotFound naming what is gone."""
    row = connection.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise NotFound(f"{label} {row_id} no longer exists.")
    return row


def product_name(name_zh: str, name: str) -> str:
    """ "帆布托特包 · Canvas tote bag"; one of them when the other is blank."""
    parts = [part for part in (name_zh.strip(), name.strip()) if part]
    return NAME_SEPARATOR.join(parts) or "(unnamed product)"


def supplier_name(name_zh: str, name_en: str) -> str:
    return name_zh.strip() or name_en.strip() or "(unnamed supplier)"


def product_names(connection: Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    found: dict[int, str] = {}
    for start in range(0, len(wanted), IN_CHUNK):
        query = select(PRODUCTS.c.id, PRODUCTS.c.name_zh, PRODUCTS.c.name).where(
            PRODUCTS.c.id.in_(wanted[start : start + IN_CHUNK])
        )
        found.update(
            {row.id: product_name(row.name_zh, row.name) for row in connection.execute(query)}
        )
    return found


def supplier_names(connection: Connection, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """(name_zh, name_en) by supplier id."""
    wanted = sorted(set(ids))
    found: dict[int, tuple[str, str]] = {}
    for start in range(0, len(wanted), IN_CHUNK):
        query = select(SUPPLIERS.c.id, SUPPLIERS.c.name_zh, SUPPLIERS.c.name_en).where(
            SUPPLIERS.c.id.in_(wanted[start : start + IN_CHUNK])
        )
        found.update({row.id: (row.name_zh, row.name_en) for row in connection.execute(query)})
    return found


def text_problem(value: object, label: str, limit: int) -> str | None:
    if not isinstance(value, str):
        return f"{label} must be text."
    if len(value.strip()) > limit:
        return f"Keep {label.lower()} under {limit:,} characters."
    return None


def money_problem(amount: object, label: str) -> str | None:
    """Why an amount of money cannot be stored in minor units (None: it can)."""
    if not isinstance(amount, Money):
        return f"{label} must be an amount with its currency."
    if not isinstance(amount.currency, str) or not CURRENCY.fullmatch(amount.currency):
        return f"{label}'s currency must be a code such as CNY, not {amount.currency!r}."
    found = problem(amount.amount, label, minimum=0)
    if found:
        return found
    places = exponent(amount.currency)
    if amount.amount != amount.amount.quantize(Decimal(1).scaleb(-places)):
        return f"{label} has more decimal places than {amount.currency} has ({places})."
    return None


def tags_code(tags: Iterable[RestrictedTag]) -> str:
    chosen = set(tags)
    return ",".join(tag.value for tag in RestrictedTag if tag in chosen)


def tags_from_code(code: str) -> frozenset[RestrictedTag]:
    return frozenset(RestrictedTag(part) for part in code.split(",") if part)


def imported_problem(photo: object) -> str | None:
    photo_hash = getattr(photo, "hash", None)
    name = getattr(photo, "original_name", None)
    if not isinstance(photo_hash, str) or not HASH_PATTERN.fullmatch(photo_hash):
        return f"{photo_hash!r} is not a photo store hash."
    if not isinstance(name, str) or len(name) > ORIGINAL_NAME_LENGTH:
        return "The original file name must be text of at most 1,000 characters."
    return None
