"""The supplier list as an .xlsx workbook: Suppliers, Contacts, Certifications and Red flags."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from app.domain.suppliers.certifications import ExpiryState, expiry_state, state_text
from app.domain.suppliers.supplier import Certification, Supplier
from app.errors import Cancelled
from app.exports.kit.atomic import atomic_output
from app.exports.kit.xlsx_cells import (
    TableColumn,
    add_table_sheet,
    protect_row,
    write_only_workbook,
)
from app.exports.suppliers.columns import (
    ATTENTION_LABEL,
    CERTIFICATION_COLUMNS,
    CERTIFICATIONS_SHEET,
    CONTACT_COLUMNS,
    CONTACTS_SHEET,
    RED_FLAG_COLUMNS,
    RED_FLAGS_SHEET,
    SUPPLIER_COLUMNS,
    SUPPLIERS_SHEET,
    Column,
    Kind,
)

Progress = Callable[[int, int], bool]
PROGRESS_EVERY = 500  # rows between progress reports
ATTENTION_WIDTH = 20


def export_suppliers_xlsx(
    suppliers: Sequence[Supplier],
    out: Path,
    *,
    today: date,
    on_progress: Progress | None = None,
) -> Path:
    """Write `suppliers` to `out`; on_progress(done, total) returning False cancels (no file)."""
    out = Path(out)
    sheets = sheet_plan(suppliers, today)
    tracker = _Tracker(sum(len(sheet.records) for sheet in sheets), on_progress)
    with atomic_output(out) as temporary, write_only_workbook() as workbook:
        for sheet in sheets:
            _write_sheet(workbook, sheet, tracker)
        workbook.save(temporary)
    return out


@dataclass(frozen=True, slots=True)
class SheetPlan:
    """One sheet: its title, its columns and the records that become its rows."""

    title: str
    columns: Sequence[Column[Any]]
    records: Sequence[Any]

    def rows(self) -> Iterator[list[object]]:
        """The plain cell values, before text protection (the benchmark's baseline uses them)."""
        getters = [column.get for column in self.columns]
        for record in self.records:
            yield [get(record) for get in getters]


def sheet_plan(suppliers: Sequence[Supplier], today: date) -> list[SheetPlan]:
    """The four sheets; the first contact is inline on Suppliers, the others on Contacts."""
    return [
        SheetPlan(SUPPLIERS_SHEET, SUPPLIER_COLUMNS, suppliers),
        SheetPlan(
            CONTACTS_SHEET, CONTACT_COLUMNS, [(s, c) for s in suppliers for c in s.contacts[1:]]
        ),
        SheetPlan(
            CERTIFICATIONS_SHEET,
            (*CERTIFICATION_COLUMNS, _attention_column(today)),
            [(s, c) for s in suppliers for c in s.certifications],
        ),
        SheetPlan(
            RED_FLAGS_SHEET, RED_FLAG_COLUMNS, [(s, f) for s in suppliers for f in s.red_flags]
        ),
    ]


class _Tracker:
    """Counts written rows and asks on_progress after every batch; False means stop."""

    def __init__(self, total: int, on_progress: Progress | None) -> None:
        self.total = total
        self.done = 0
        self.on_progress = on_progress

    def advance(self, rows: int) -> None:
        self.done += rows
        if self.on_progress is not None and not self.on_progress(self.done, self.total):
            raise Cancelled("Export cancelled: no file was written.")


def _write_sheet(workbook: Workbook, sheet: SheetPlan, tracker: _Tracker) -> None:
    layout = [TableColumn(column.label, column.width) for column in sheet.columns]
    ws = add_table_sheet(workbook, sheet.title, layout, len(sheet.records))
    getters = [column.get for column in sheet.columns]
    append = ws.append
    for batch in _batches(sheet.records, PROGRESS_EVERY):
        for record in batch:
            append(protect_row(ws, [get(record) for get in getters]))
        tracker.advance(len(batch))


def _batches(records: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(records), size):
        yield records[start : start + size]


def _attention_column(today: date) -> Column[tuple[Supplier, Certification]]:
    def attention(pair: tuple[Supplier, Certification]) -> str | None:
        return attention_text(pair[1], today, pair[0].certifications)

    return Column("attention", ATTENTION_LABEL, (), Kind.TEXT, ATTENTION_WIDTH, attention)


_SAID = (ExpiryState.EXPIRED, ExpiryState.EXPIRING, ExpiryState.RENEWED, ExpiryState.MERGED)


def attention_text(
    certification: Certification, today: date, others: Sequence[Certification] = ()
) -> str | None:
    """'expired', 'expires today', 'expires in N days' (within the warning period); for one
    that needs no action, why: 'renewed (…)', 'merged into the business licence (三证合一)';
    else None. `others` are the supplier's certifications (a newer one renews an old one)."""
    if expiry_state(certification, today, others) not in _SAID:
        return None
    return state_text(certification, today, others)
