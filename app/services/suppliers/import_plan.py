"""The preview of an import, built without writing: which rows are new, which update a stored
supplier (and how), which change nothing, and which look like a stored supplier.

Two rows that both match one stored supplier refuse the import (ImportRejected naming both
rows): one supplier is updated by one row. Rows that match each other otherwise (the same shop
or licence twice in the file) are only reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.suppliers.similarity import normalise_shop_url
from app.domain.suppliers.supplier import Supplier
from app.domain.suppliers.validation import validate_supplier
from app.errors import ImportRejected
from app.exports.suppliers.columns import CERTIFICATIONS_SHEET, CONTACT_KEY_OF
from app.services.suppliers.import_matching import (
    SAME_LICENCE,
    SAME_SHOP,
    Match,
    Matcher,
    licences_of,
)
from app.services.suppliers.import_merge import (
    FieldChange,
    changes,
    merge,
    with_unknown_cells,
)
from app.services.suppliers.import_rows import ITEM_KEY, IncomingRow, ReadFile
from app.services.suppliers.service import LookAlike

CHANGES_SHOWN = 3  # change lines shown per updated supplier in the summary's details
LOOK_ALIKES_SHOWN = 3  # look-alikes named on the summary line


@dataclass(frozen=True)
class NewRow:
    """A row no stored supplier matched: it becomes a new supplier."""

    row: int
    record: Supplier
    looks_like: tuple[LookAlike, ...] = ()

    @property
    def name(self) -> str:
        return self.record.display_name


@dataclass(frozen=True)
class MatchedRow:
    """A row that matched a stored supplier; `record` is the stored one with the row applied."""

    row: int
    supplier_id: int
    name: str  # the stored supplier's name
    reason: str  # how the row matched it: "same 1688 shop"...
    record: Supplier
    changes: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class ImportPlan:
    """What importing a file would do; apply it with importing.apply_import."""

    file_name: str
    new: tuple[NewRow, ...] = ()
    updated: tuple[MatchedRow, ...] = ()
    unchanged: tuple[MatchedRow, ...] = ()
    rows_alike: tuple[str, ...] = ()  # "rows 2 and 6: same 1688 shop"
    unknown_columns: tuple[str, ...] = ()  # headers no field answers to, as written
    kept_unknown: bool = False  # their cells go into the suppliers' notes

    @property
    def look_alikes(self) -> tuple[NewRow, ...]:
        return tuple(row for row in self.new if row.looks_like)

    @property
    def writes_anything(self) -> bool:
        return bool(self.new or self.updated)

    def summary(self) -> str:
        """'12 new, 3 updated, 21 unchanged; 1 looks like an existing supplier: row 7 'A' ~ 'B'"""
        text = f"{len(self.new)} new, {len(self.updated)} updated, {len(self.unchanged)} unchanged"
        alike = self.look_alikes
        if alike:
            one = len(alike) == 1
            verb = "looks like an existing supplier" if one else "look like existing suppliers"
            named = ", ".join(_alike_text(row) for row in alike[:LOOK_ALIKES_SHOWN])
            more = ", …" if len(alike) > LOOK_ALIKES_SHOWN else ""
            text += f"; {len(alike)} {verb}: {named}{more}"
        if self.unknown_columns:
            text += f"; {self.unknown_text()}"
        return text

    def unknown_text(self) -> str:
        """ "ignored columns: 采购员, 备用电话" (or "kept in the notes: …" when asked)."""
        names = ", ".join(self.unknown_columns)
        if self.kept_unknown:
            return f"columns kept in the suppliers' notes: {names}"
        return f"ignored columns: {names}"

    def details(self, changes_shown: int = CHANGES_SHOWN) -> list[str]:
        """The updates with a few of their changes, the look-alikes, the rows alike."""
        lines: list[str] = []
        if self.updated:
            lines.append("Updated:")
            lines += [f"  {updated_text(row, changes_shown)}" for row in self.updated]
        if self.look_alikes:
            lines.append("Imported as new, but looks like an existing supplier:")
            lines += [f"  {look_alike_text(row)}" for row in self.look_alikes]
        if self.rows_alike:
            lines.append("Rows of the file that match each other:")
            lines += [f"  {text}" for text in self.rows_alike]
        return lines


def updated_text(row: MatchedRow, shown: int = CHANGES_SHOWN) -> str:
    """row 5 '义乌市恒达工艺品厂' (same 1688 shop): 回头率: 45.5 → 50; …and 2 more."""
    listed = "; ".join(change.text for change in row.changes[:shown])
    more = len(row.changes) - shown
    if more > 0:
        listed += f"; …and {more} more"
    return f"row {row.row} '{row.name}' ({row.reason}): {listed}"


def look_alike_text(row: NewRow) -> str:
    others = ", ".join(f"'{other.name}' ({other.reason})" for other in row.looks_like)
    return f"row {row.row} '{row.name}' ~ {others}"


def _alike_text(row: NewRow) -> str:
    return f"row {row.row} '{row.name}' ~ '{row.looks_like[0].name}'"


# --- building the plan ---------------------------------------------------------------------
def build_plan(
    read: ReadFile,
    matcher: Matcher,
    load: Callable[[set[int]], Iterable[Supplier]],
    today: date,
    *,
    keep_unknown_columns: bool = False,
) -> ImportPlan:
    """Match every row, merge the matched ones into their stored records (read with `load`);
    with `keep_unknown_columns`, each row's cells in unknown columns go into its notes."""
    matches: dict[int, Match] = {}
    claimed: dict[int, IncomingRow] = {}
    problems: list[str] = []
    for item in read.rows:
        found = matcher.match(item.supplier)
        if found is None:
            continue
        earlier = claimed.get(found.existing.id)
        if earlier is not None:
            problems.append(_claimed_twice(read, item, earlier, found))
            continue
        claimed[found.existing.id] = item
        matches[item.row] = found
    if problems:
        raise ImportRejected(problems)
    stored = {record.id: record for record in (load(set(claimed)) if claimed else ())}
    new: list[NewRow] = []
    updated: list[MatchedRow] = []
    unchanged: list[MatchedRow] = []
    for item in read.rows:
        found = matches.get(item.row)
        before = stored.get(found.existing.id) if found else None
        if found is None or before is None or before.id is None:
            record = item.supplier
            if keep_unknown_columns and item.unknown:
                record.notes = with_unknown_cells(record.notes, item.unknown)
                problems += _invalid(read, item.row, record, today)
            new.append(NewRow(item.row, record, tuple(matcher.look_alikes(record))))
            continue
        after = merge(before, item.supplier, item.given)
        if keep_unknown_columns and item.unknown:
            after.notes = with_unknown_cells(after.notes, item.unknown)
        if after == before:
            unchanged.append(
                MatchedRow(item.row, before.id, before.display_name, found.reason, after)
            )
            continue
        problems += _invalid(read, item.row, after, today)
        differences = tuple(changes(before, after, read.label))
        updated.append(
            MatchedRow(item.row, before.id, before.display_name, found.reason, after, differences)
        )
    if problems:
        raise ImportRejected(problems)
    return ImportPlan(
        read.file_name,
        tuple(new),
        tuple(updated),
        tuple(unchanged),
        _rows_alike(read.rows),
        read.unknown_columns,
        keep_unknown_columns and bool(read.unknown_columns),
    )


def _claimed_twice(read: ReadFile, item: IncomingRow, earlier: IncomingRow, found: Match) -> str:
    message = (
        f"this row and row {earlier.row} both match the stored supplier"
        f" '{found.existing.name}' (this row by {found.reason}); keep one of the two rows"
    )
    if found.column:
        return read.problem(item.row, found.column, message)
    sheet = read.sheet_titles.get(CERTIFICATIONS_SHEET, CERTIFICATIONS_SHEET)
    return f"row {item.row}, its business licence on the {sheet} sheet: {message}"


def _invalid(read: ReadFile, row: int, record: Supplier, today: date) -> list[str]:
    """The rules the merged record breaks (a file's values with the stored ones), by column."""
    problems = []
    for key, message in validate_supplier(record, today).items():
        found = ITEM_KEY.match(key)
        column = CONTACT_KEY_OF.get(found["field"], found["field"]) if found else key
        problems.append(read.problem(row, column, message))
    return problems


def _rows_alike(rows: Sequence[IncomingRow]) -> tuple[str, ...]:
    """Rows of one file with the same shop or licence (the same name is refused earlier)."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for item in rows:
        shop = normalise_shop_url(item.supplier.shop_url)
        if shop:
            groups[(SAME_SHOP, shop)].append(item.row)
        for licence in licences_of(item.supplier):
            groups[(SAME_LICENCE, licence)].append(item.row)
    return tuple(
        f"{_rows_text(numbers)}: {reason}"
        for (reason, _key), numbers in groups.items()
        if len(numbers) > 1
    )


def _rows_text(numbers: Sequence[int]) -> str:
    if len(numbers) == 2:
        return f"rows {numbers[0]} and {numbers[1]}"
    return "rows " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
