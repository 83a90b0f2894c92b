"""The rows a supplier table shows: all items, one sort, one filter, the visible order. No Qt.

Filtering scans one precomputed haystack per row, and narrowing a query (typing more letters)
only rescans the rows already shown, so a keystroke stays well under 100 ms at 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from app.domain.kit.search_text import sort_key
from app.domain.suppliers.choices import PROVINCES
from app.services.suppliers.listing import SupplierFilter, SupplierListItem

_PROVINCE_EN = dict(PROVINCES)
_MISSING_LAST = (1, "")  # unknown values sort after known ones, whichever the direction


@lru_cache(maxsize=4096)
def _pinyin_key(text: str) -> str:
    return sort_key(text)


def _number(text: str | None) -> tuple[int, Any]:
    return _MISSING_LAST if text is None else (0, Decimal(text))


def _plain(value: Any) -> tuple[int, Any]:
    return _MISSING_LAST if value in (None, "") else (0, value)


# Sort keys by item field; the table model maps its columns to these names.
SORT_KEYS: dict[str, Callable[[SupplierListItem], Any]] = {
    "name_zh": lambda item: item.name_sort,
    "name_en": lambda item: _plain(item.name_en.lower()),
    "business_type": lambda item: _plain(item.business_type),
    "province": lambda item: _plain(_PROVINCE_EN.get(item.province) or _pinyin_key(item.province)),
    "city": lambda item: _plain(_pinyin_key(item.city) if item.city else ""),
    "membership": lambda item: _plain(item.membership),
    "member_since": lambda item: _plain(
        None if item.member_since is None else (item.member_since, item.member_since_month or 0)
    ),
    "status": lambda item: _plain(item.status),
    "reorder_rate": lambda item: _number(item.reorder_rate),
    "on_time_rate": lambda item: _number(item.on_time_rate),
    "response_rate": lambda item: _number(item.response_rate),
    "deposit_minor": lambda item: _plain(item.deposit_minor),
    "tags": lambda item: _plain(item.tags),
    "contact": lambda item: _plain(_pinyin_key(item.contact) if item.contact else ""),
    "red_flags": lambda item: item.red_flags,
    "next_expiry": lambda item: _plain(item.next_expiry),
    "updated_at": lambda item: item.updated_at,
}


class SupplierTable:
    """All loaded suppliers, and which of them are visible in which order."""

    def __init__(self) -> None:
        self._items: list[SupplierListItem] = []
        self._sorted: list[int] = []  # all item indices in sort order
        self._visible: list[int] = []  # the filtered subset of _sorted
        self._sort_field = "name_zh"
        self._descending = False
        self._filter = SupplierFilter()

    # --- what the view asks ------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._visible)

    @property
    def total(self) -> int:
        return len(self._items)

    def item_at(self, row: int) -> SupplierListItem:
        return self._items[self._visible[row]]

    def row_of(self, supplier_id: int) -> int | None:
        for row, index in enumerate(self._visible):
            if self._items[index].id == supplier_id:
                return row
        return None

    def visible_ids(self) -> list[int]:
        return [self._items[index].id for index in self._visible]

    @property
    def current_filter(self) -> SupplierFilter:
        return self._filter

    # --- changes -------------------------------------------------------------------------
    def set_items(self, items: Sequence[SupplierListItem]) -> None:
        self._items = list(items)
        self._resort()

    def upsert(self, items: Iterable[SupplierListItem]) -> None:
        """Replace or add these suppliers (after a save)."""
        fresh = {item.id: item for item in items}
        self._items = [fresh.pop(item.id, item) for item in self._items] + list(fresh.values())
        self._resort()

    def remove(self, supplier_ids: Iterable[int]) -> None:
        gone = set(supplier_ids)
        self._items = [item for item in self._items if item.id not in gone]
        self._resort()

    def set_sort(self, field: str, descending: bool = False) -> None:
        if field not in SORT_KEYS:
            raise KeyError(field)
        self._sort_field, self._descending = field, descending
        self._resort()

    def set_filter(self, wanted: SupplierFilter) -> None:
        previous = self._filter
        self._filter = wanted
        # Every row that matches a longer query also matched its prefix (see search_text.matches).
        narrowing = wanted.text.lower().startswith(previous.text.lower()) and _same_choices(
            wanted, previous
        )
        self._visible = self._apply_filter(self._visible if narrowing else self._sorted)

    # --- internals -----------------------------------------------------------------------
    def _resort(self) -> None:
        key = SORT_KEYS[self._sort_field]
        items = self._items
        self._sorted = sorted(
            range(len(items)), key=lambda index: (key(items[index]), items[index].id)
        )
        if self._descending:
            self._sorted.reverse()
        self._visible = self._apply_filter(self._sorted)

    def _apply_filter(self, candidates: list[int]) -> list[int]:
        wanted, items = self._filter, self._items
        if wanted == SupplierFilter():
            return list(candidates)
        if wanted.text.strip() and not _has_choices(wanted) and len(wanted.text.split()) == 1:
            needle = wanted.text.strip().lower()  # the common case, kept to one tight loop
            return [index for index in candidates if needle in items[index].search_text]
        return [index for index in candidates if wanted.accepts(items[index])]


def _has_choices(wanted: SupplierFilter) -> bool:
    return any(
        value is not None
        for value in (wanted.status, wanted.province, wanted.membership, wanted.business_type)
    )


def _same_choices(first: SupplierFilter, second: SupplierFilter) -> bool:
    return (first.status, first.province, first.membership, first.business_type) == (
        second.status,
        second.province,
        second.membership,
        second.business_type,
    )
