"""Supplier use cases: read one or many, save, duplicate, delete and undo, bulk insert, import,
and one edit of many suppliers at once (with its undo)."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import selectinload

from app.domain.suppliers.bulk_edit import BulkEdit, BulkFields, changes_anything
from app.domain.suppliers.similarity import NameMatcher, normalise_shop_url
from app.domain.suppliers.supplier import Supplier
from app.domain.suppliers.validation import validate_supplier
from app.errors import NotFound, ValidationError, WorkbenchError
from app.services import dependents as dependent_rows
from app.services.changes import Change, DependentRows
from app.services.gc_pause import paused_garbage_collector
from app.services.sql import table_of
from app.services.suppliers.dependent_counts import DependentCounts, count_dependents
from app.services.suppliers.mapping import (
    assemble_supplier,
    fill_row,
    red_flag_values,
    scalar_columns,
    to_supplier,
)
from app.store.db import Database
from app.store.models.suppliers import CertificationRow, ContactRow, RedFlagRow, SupplierRow, TagRow
from app.store.types import utc_now

_SUPPLIERS = table_of(SupplierRow)
_CHILD_TABLES = (
    table_of(ContactRow),
    table_of(CertificationRow),
    table_of(RedFlagRow),
    table_of(TagRow),
)
BULK_CHUNK = 500


def _chunks(items: Sequence[Supplier], size: int) -> Iterable[Sequence[Supplier]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class LookAlike:
    """An existing supplier that a new record may duplicate, and why we think so."""

    id: int
    name: str
    reason: str


class BulkEdited(NamedTuple):
    """What a bulk edit changed, and each changed supplier's fields as they were (for undo).
    A tuple, so the window's Operations finds the Change in it and hands it to every tab."""

    change: Change
    before: tuple[BulkFields, ...]


class SupplierService:
    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self.database = database
        self.today = today

    # --- reading -------------------------------------------------------------------------
    def get(self, supplier_id: int) -> Supplier:
        with self.database.reading() as session:
            row = session.get(SupplierRow, supplier_id, options=_LOAD_CHILDREN)
            if row is None:
                raise NotFound(f"Supplier {supplier_id} no longer exists.")
            return to_supplier(row)

    def count(self) -> int:
        """How many suppliers the database holds."""
        with self.database.reading() as session:
            return session.scalar(select(func.count()).select_from(SupplierRow)) or 0

    def find_id(self, name_or_id: str) -> int:
        """Resolve what a user typed on the command line: an id, or an exact name."""
        text = name_or_id.strip()
        with self.database.reading() as session:
            if text.isdigit() and session.get(SupplierRow, int(text)) is not None:
                return int(text)
            found = session.scalars(
                select(SupplierRow.id).where(
                    (SupplierRow.name_zh == text) | (SupplierRow.name_en == text)
                )
            ).all()
        if not found:
            raise NotFound(f"No supplier is called '{text}'.")
        return found[0]

    def all_records(self, ids: Iterable[int] | None = None) -> list[Supplier]:
        """Whole records in pinyin name order, read with Core (fast for exports of 100,000)."""
        wanted = None if ids is None else set(ids)
        with paused_garbage_collector(), self.database.reading() as session:
            return _read_records(session.connection(), wanted)

    def dependent_counts(self, supplier_ids: Iterable[int]) -> dict[int, DependentCounts]:
        """{id: the samples, photos, audits, quotes, orders... a delete would take with it}."""
        with self.database.reading() as session:
            return count_dependents(session.connection(), supplier_ids)

    def look_alikes(self, supplier: Supplier) -> list[LookAlike]:
        """Existing suppliers with the same shop URL or a very similar name (not itself)."""
        shop_key = normalise_shop_url(supplier.shop_url)
        zh = NameMatcher(supplier.name_zh) if supplier.name_zh.strip() else None
        en = NameMatcher(supplier.name_en) if supplier.name_en.strip() else None
        found: list[LookAlike] = []
        with self.database.reading() as session:
            candidates = session.execute(
                select(
                    SupplierRow.id, SupplierRow.name_zh, SupplierRow.name_en, SupplierRow.shop_key
                )
            )
            for other_id, name_zh, name_en, other_shop in candidates:
                if other_id == supplier.id:
                    continue
                name = name_zh or name_en
                if shop_key and other_shop == shop_key:
                    found.append(LookAlike(other_id, name, "same 1688 shop"))
                elif (zh and zh.matches(name_zh)) or (en and en.matches(name_en)):
                    found.append(LookAlike(other_id, name, "very similar name"))
        return found

    # --- writing -------------------------------------------------------------------------
    def validate(self, supplier: Supplier) -> None:
        errors = validate_supplier(supplier, self.today())
        if errors:
            raise ValidationError(errors)

    def save(self, supplier: Supplier) -> Change:
        """Create (no id) or update a supplier. Raises ValidationError and then stores nothing."""
        self.validate(supplier)
        now = utc_now()
        with self.database.transaction() as session:
            if supplier.id is None:
                row = SupplierRow(created_at=now)
                session.add(row)
            else:
                stored = session.get(SupplierRow, supplier.id, options=_LOAD_CHILDREN)
                if stored is None:
                    raise NotFound(f"Supplier {supplier.id} no longer exists.")
                row = stored
            fill_row(row, supplier)
            row.updated_at = now
            session.flush()
            if supplier.id is None:
                return Change(created=(row.id,))
            return Change(updated=(row.id,))

    def duplicate(self, supplier_id: int) -> Change:
        original = self.get(supplier_id)
        copy = dataclasses.replace(original, id=None, created_at=None, updated_at=None)
        suffix = " (copy)"
        if copy.name_zh:
            copy.name_zh = (copy.name_zh + "（副本）")[:300]
        if copy.name_en:
            copy.name_en = (copy.name_en + suffix)[:300]
        copy.shop_url = ""  # two records for one shop is what the look-alike check warns about
        return self.save(copy)

    def delete(self, supplier_ids: Sequence[int]) -> Change:
        """Delete suppliers with everything they hold; the Change carries it all for undo:
        the records, and the rows of other tables (matrix data...) the delete cascades away."""
        with paused_garbage_collector(), self.database.transaction() as session:
            connection = session.connection()
            # Read in the delete's own transaction: nothing can slip in between.
            removed = tuple(_read_records(connection, set(supplier_ids)))
            ids = [s.id for s in removed if s.id is not None]
            cascaded = dependent_rows.snapshot(connection, _SUPPLIERS, ids, skip=_CHILD_TABLES)
            for start in range(0, len(ids), dependent_rows.IN_CHUNK):
                chunk = ids[start : start + dependent_rows.IN_CHUNK]
                connection.execute(delete(_SUPPLIERS).where(_SUPPLIERS.c.id.in_(chunk)))
        return Change(deleted=tuple(ids), removed=removed, dependents=cascaded)

    def restore(self, suppliers: Sequence[Supplier], dependents: DependentRows = ()) -> Change:
        """Undo a delete: the suppliers with their original ids and timestamps, then the rows
        of other tables that went with them (Change.dependents). One transaction: all comes
        back, or nothing does (e.g. when one of their ids was taken again meanwhile)."""
        self._validate_all(suppliers)
        with self.database.transaction() as session:
            connection = session.connection()
            created = _insert_records(connection, suppliers, keep_ids=True)
            dependent_rows.reinsert(connection, _SUPPLIERS, dependents)
        return Change(created=tuple(created))

    def bulk_edit(self, supplier_ids: Sequence[int], edit: BulkEdit) -> BulkEdited:
        """Set a status or a membership level, or add tags, on many suppliers in one
        transaction; a supplier already so is left as it is (not in the Change)."""
        with paused_garbage_collector(), self.database.transaction() as session:
            connection = session.connection()
            records = _read_records(connection, set(supplier_ids))
            changed = [
                (old, edit.applied_to(old)) for old in records if changes_anything(edit, old)
            ]
            problems: dict[str, str] = {}
            for _old, new in changed:  # only the fields the edit sets: tags may be too long
                problems.update(
                    (key, text)
                    for key, text in validate_supplier(new, self.today()).items()
                    if key == "tags"
                )
            if problems:
                raise ValidationError(problems)
            updated = _update_records(connection, [new for _old, new in changed])
        return BulkEdited(
            Change(updated=tuple(updated)), tuple(BulkFields.of(old) for old, _new in changed)
        )

    def undo_bulk_edit(self, before: Sequence[BulkFields]) -> Change:
        """Put back the status, membership and tags a bulk edit changed (BulkEdited.before);
        the suppliers' other fields keep any edit made since. A supplier deleted since is
        skipped."""
        wanted = {fields.supplier_id: fields for fields in before}
        with paused_garbage_collector(), self.database.transaction() as session:
            connection = session.connection()
            records = _read_records(connection, set(wanted))
            restored = [wanted[r.id].restored_to(r) for r in records if r.id is not None]
            updated = _update_records(connection, restored)
        return Change(updated=tuple(updated))

    def insert_many(self, suppliers: Sequence[Supplier], *, keep_ids: bool = False) -> Change:
        """Validate all, then insert all in one transaction (Core: fast for imports and demos)."""
        self._validate_all(suppliers)
        with self.database.transaction() as session:
            created = _insert_records(session.connection(), suppliers, keep_ids=keep_ids)
        return Change(created=tuple(created))

    def import_records(self, new: Sequence[Supplier], changed: Sequence[Supplier]) -> Change:
        """Insert `new` and store `changed` (whole records with their ids, as read before) in one
        transaction: all or nothing. A changed record whose stored row was edited or deleted
        since it was read (its updated_at differs) refuses the whole write."""
        self._validate_all([*new, *changed])
        with paused_garbage_collector(), self.database.transaction() as session:
            connection = session.connection()
            _require_unchanged_since_read(connection, changed)
            updated = _update_records(connection, changed)
            created = _insert_records(connection, new, keep_ids=False)
        return Change(created=tuple(created), updated=tuple(updated))

    def _validate_all(self, suppliers: Sequence[Supplier]) -> None:
        problems: dict[str, str] = {}
        today = self.today()
        for index, supplier in enumerate(suppliers):
            for field_name, message in validate_supplier(supplier, today).items():
                problems[f"#{index + 1} {field_name}"] = message
        if problems:
            raise ValidationError(problems)


_LOAD_CHILDREN = [
    selectinload(SupplierRow.contacts),
    selectinload(SupplierRow.certifications),
    selectinload(SupplierRow.red_flags),
    selectinload(SupplierRow.tags),
]


def _read_records(connection: Connection, wanted: set[int] | None) -> list[Supplier]:
    """Whole records (all, or the `wanted` ids) in pinyin name order, read with Core."""
    children: dict[str, dict[int, list]] = {}
    for table in _CHILD_TABLES:
        grouped: dict[int, list] = defaultdict(list)
        for child in connection.execute(
            select(table).order_by(table.c.supplier_id, table.c.position)
        ):
            grouped[child.supplier_id].append(child)
        children[table.name] = grouped
    rows = connection.execute(select(_SUPPLIERS).order_by(_SUPPLIERS.c.name_sort, _SUPPLIERS.c.id))
    return [_record_from_core(row, children) for row in rows if wanted is None or row.id in wanted]


def _insert_records(
    connection: Connection, suppliers: Sequence[Supplier], *, keep_ids: bool
) -> list[int]:
    """Insert records with their lists in chunks; returns their ids in the given order."""
    now = utc_now()
    created: list[int] = []
    for chunk in _chunks(suppliers, BULK_CHUNK):
        values = []
        for supplier in chunk:
            row = scalar_columns(supplier)
            row["created_at"] = supplier.created_at if keep_ids and supplier.created_at else now
            row["updated_at"] = supplier.updated_at if keep_ids and supplier.updated_at else now
            if keep_ids:
                row["id"] = supplier.id
            values.append(row)
        statement = insert(_SUPPLIERS).returning(_SUPPLIERS.c.id, sort_by_parameter_order=True)
        ids = [row_id for (row_id,) in connection.execute(statement, values)]
        created.extend(ids)
        _insert_children(connection, zip(ids, chunk, strict=True))
    return created


def _require_unchanged_since_read(connection: Connection, records: Sequence[Supplier]) -> None:
    """Refuse when a record's stored row was changed or deleted after the record was read."""
    ids = [s.id for s in records if s.id is not None]
    stamps: dict[int, Any] = {}
    for start in range(0, len(ids), dependent_rows.IN_CHUNK):
        chunk = ids[start : start + dependent_rows.IN_CHUNK]
        query = select(_SUPPLIERS.c.id, _SUPPLIERS.c.updated_at).where(_SUPPLIERS.c.id.in_(chunk))
        stamps.update({row_id: stamp for row_id, stamp in connection.execute(query)})
    for record in records:
        if record.id is None or stamps.get(record.id) != record.updated_at:
            raise WorkbenchError(
                f"Nothing was imported: {record.display_name} was changed or deleted after the"
                " file was read. Import the file again to see what it changes now."
            )


def _update_records(connection: Connection, suppliers: Sequence[Supplier]) -> list[int]:
    """Store whole records over their rows (their lists replaced); returns their ids."""
    now = utc_now()
    statement = update(_SUPPLIERS).where(_SUPPLIERS.c.id == bindparam("record_id"))
    done: list[int] = []
    for chunk in _chunks(suppliers, BULK_CHUNK):
        ids = [supplier.id for supplier in chunk if supplier.id is not None]
        values = [
            {**scalar_columns(supplier), "updated_at": now, "record_id": supplier.id}
            for supplier in chunk
        ]
        connection.execute(statement, values)
        for table in _CHILD_TABLES:
            connection.execute(delete(table).where(table.c.supplier_id.in_(ids)))
        _insert_children(connection, zip(ids, chunk, strict=True))
        done.extend(ids)
    return done


def _insert_children(connection: Connection, owned: Iterable[tuple[int, Supplier]]) -> None:
    contacts, certifications, flags, tags = [], [], [], []
    for supplier_id, supplier in owned:
        for i, c in enumerate(supplier.contacts):
            contacts.append(
                {
                    "supplier_id": supplier_id,
                    "position": i,
                    "person": c.person,
                    "phone": c.phone,
                    "wechat": c.wechat,
                    "wangwang": c.wangwang,
                    "email": c.email,
                }
            )
        for i, cert in enumerate(supplier.certifications):
            certifications.append(
                {
                    "supplier_id": supplier_id,
                    "position": i,
                    "kind": cert.kind,
                    "number": cert.number,
                    "issuer": cert.issuer,
                    "expires_on": cert.expires_on,
                }
            )
        for i, f in enumerate(supplier.red_flags):
            flags.append({"supplier_id": supplier_id, "position": i, **red_flag_values(f)})
        for i, tag in enumerate(supplier.tags):
            tags.append({"supplier_id": supplier_id, "position": i, "tag": tag})
    for table, values in zip(_CHILD_TABLES, (contacts, certifications, flags, tags), strict=True):
        if values:
            connection.execute(insert(table), values)


def _record_from_core(row: Any, children: dict[str, dict[int, list]]) -> Supplier:
    def owned(table: str) -> list:
        return children[table].get(row.id, [])

    return assemble_supplier(
        row,
        owned("supplier_contacts"),
        owned("supplier_certifications"),
        owned("supplier_red_flags"),
        owned("supplier_tags"),
    )
