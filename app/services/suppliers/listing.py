"""The supplier list as the table shows it: read with sqlite3, filtered and sorted in Python.

The README's Pitfalls: we measured a proxy model at seconds per filter over 100,000 rows; a scan of one
precomputed haystack per row takes milliseconds. sqlite3 alone keeps SQLAlchemy out of start-up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from app.domain.kit.search_text import matches
from app.domain.suppliers.certifications import (
    EXPIRY_WARNING_DAYS,
    MERGED_KINDS,
    NEVER_EXPIRING_KINDS,
)
from app.store.connection import connect, translate

_SELECT = """
SELECT s.id, s.name_zh, s.name_en, s.business_type, s.province, s.city, s.membership,
       s.member_since, s.member_since_month, s.status, s.reorder_rate, s.on_time_rate, s.response_rate,
       s.deposit_minor, s.deposit_currency, s.updated_at, s.name_sort, s.search_text,
       (SELECT group_concat(tag, '; ') FROM
            (SELECT tag FROM supplier_tags t WHERE t.supplier_id = s.id ORDER BY position)),
       (SELECT person FROM supplier_contacts c WHERE c.supplier_id = s.id
            ORDER BY position LIMIT 1),
       (SELECT count(*) FROM supplier_red_flags f
            WHERE f.supplier_id = s.id AND f.resolved_on IS NULL),
       (SELECT min(expires_on) FROM supplier_certifications x
            WHERE x.supplier_id = s.id AND x.kind NOT IN ({lasting})
            AND NOT EXISTS (SELECT 1 FROM supplier_certifications y
                WHERE y.supplier_id = s.id AND y.kind = x.kind AND y.kind <> 'other'
                AND y.expires_on > x.expires_on))
FROM suppliers s
"""
# Red flags: the open ones (a resolved flag no longer counts). Next expiry: leaving out the
# certificates that never expire (三证合一, FCC IDs...) and those a later one of their kind
# replaces (app.domain.suppliers.certifications), so the alert agrees with the editor's.
_SELECT = _SELECT.format(
    lasting=", ".join(f"'{kind.value}'" for kind in sorted(MERGED_KINDS | NEVER_EXPIRING_KINDS))
)


class SupplierListItem(NamedTuple):
    """One row of the supplier table; codes are the stored enum values."""

    id: int
    name_zh: str
    name_en: str
    business_type: str | None
    province: str
    city: str
    membership: str | None
    member_since: int | None
    member_since_month: int | None
    status: str
    reorder_rate: str | None
    on_time_rate: str | None
    response_rate: str | None
    deposit_minor: int | None
    deposit_currency: str
    updated_at: str
    name_sort: str
    search_text: str
    tags: str | None
    contact: str | None
    red_flags: int  # open ones
    next_expiry: str | None

    def expiry_alert(self, today: date) -> bool:
        """A certification has expired or expires within the warning period."""
        if not self.next_expiry:
            return False
        return date.fromisoformat(self.next_expiry) <= today + timedelta(days=EXPIRY_WARNING_DAYS)


def load_supplier_list(
    path: Path, *, ids: Iterable[int] | None = None, limit: int | None = None
) -> list[SupplierListItem]:
    """All suppliers (or those ids, or the first `limit` by name) in pinyin name order."""
    sql = _SELECT
    parameters: list[object] = []
    if ids is not None:
        id_list = list(ids)
        if not id_list:
            return []
        sql += f" WHERE s.id IN ({','.join('?' * len(id_list))})"
        parameters.extend(id_list)
    sql += " ORDER BY s.name_sort, s.id"
    if limit is not None:
        sql += " LIMIT ?"
        parameters.append(limit)
    try:
        connection = connect(path, read_only=True)
        try:
            return [SupplierListItem(*row) for row in connection.execute(sql, parameters)]
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise translate(error, path) from None


@dataclass(frozen=True)
class SupplierFilter:
    """What the user asked to see: quick-filter text and the choice filters (None = any)."""

    text: str = ""
    status: str | None = None
    province: str | None = None
    membership: str | None = None
    business_type: str | None = None

    def accepts(self, item: SupplierListItem) -> bool:
        if self.status is not None and item.status != self.status:
            return False
        if self.province is not None and item.province != self.province:
            return False
        if self.membership is not None and item.membership != self.membership:
            return False
        if self.business_type is not None and item.business_type != self.business_type:
            return False
        return matches(item.search_text, self.text)


def filter_rows(items: Sequence[SupplierListItem], wanted: SupplierFilter) -> list[int]:
    """Indices into `items` of the rows the filter accepts, in the given order."""
    if wanted == SupplierFilter():
        return list(range(len(items)))
    return [index for index, item in enumerate(items) if wanted.accepts(item)]


def decimal_or_none(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def supplier_choices(path: Path) -> list[tuple[int, str, str]]:
    """(id, "中文名 · English name", search haystack) of every supplier in pinyin order: what a
    supplier picker needs to find one by Chinese, English, pinyin or initials."""
    sql = (
        "SELECT id, CASE WHEN name_zh <> '' AND name_en <> '' THEN name_zh || ' · ' || name_en "
        "ELSE name_zh || name_en END, search_text FROM suppliers ORDER BY name_sort, id"
    )
    try:
        connection = connect(path, read_only=True)
        try:
            return list(connection.execute(sql))
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise translate(error, path) from None
