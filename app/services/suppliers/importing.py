"""Import suppliers from .xlsx or .csv: preview first, then write all or nothing.

1. Read and check (import_files.py, import_rows.py): every row is checked first; any problem
   imports nothing (ImportRejected lists each as 'row N, column K: why').
2. Match and plan (import_matching.py, import_plan.py), without writing: each row is matched
   to a stored supplier by 1688 shop URL, then business licence number (the unified social
   credit code: the record has no field of its own for it), then the same Chinese name in the
   same city. A matched row updates that supplier, any other row is a new one; new rows that
   look like a stored supplier (same shop, licence or a very similar name) are reported.
3. Apply (SupplierService.import_records): new and updated suppliers in one transaction.

How a row updates a stored supplier (import_merge.py): the fields the row gives replace the
stored ones; blank cells and missing columns leave them alone (an import never erases).
Tags, contacts, certifications and red flags the supplier lacks are added (a contact with the
same person, or a certification of the same kind and number, is updated instead); nothing is
ever removed from a list.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.domain.suppliers.supplier import Supplier
from app.services.changes import Change
from app.services.suppliers.import_files import SUFFIXES, column_letter, decode_text
from app.services.suppliers.import_matching import Matcher, load_existing
from app.services.suppliers.import_plan import ImportPlan, MatchedRow, NewRow, build_plan
from app.services.suppliers.import_rows import read_rows
from app.services.suppliers.service import SupplierService

__all__ = [
    "SUFFIXES",
    "ImportPlan",
    "MatchedRow",
    "NewRow",
    "apply_import",
    "column_letter",
    "decode_text",
    "import_suppliers",
    "preview_import",
    "read_suppliers_file",
]


def preview_import(
    service: SupplierService | None,
    path: Path,
    *,
    today: date | None = None,
    keep_unknown_columns: bool = False,
) -> ImportPlan:
    """What importing the file would do; writes nothing. Raises ImportRejected (every bad row)
    or WorkbenchError (a file that cannot be read). Without a service: as into an empty
    database (a dry run before the database exists).

    Columns no field answers to are listed (ImportPlan.unknown_columns, in the summary); with
    `keep_unknown_columns` each row's cells in them are kept in its supplier's notes."""
    day = today or (service.today() if service is not None else date.today())
    read = read_rows(path, today=day)
    keep = keep_unknown_columns
    if service is None:
        return build_plan(read, Matcher([]), lambda _ids: [], day, keep_unknown_columns=keep)
    existing = Matcher(load_existing(service))
    return build_plan(read, existing, service.all_records, day, keep_unknown_columns=keep)


def apply_import(service: SupplierService, plan: ImportPlan) -> Change:
    """Write a plan in one transaction: Change(created=new ids, updated=updated ids). Refused,
    writing nothing, when a supplier it updates was changed since the preview."""
    return service.import_records(
        [row.record for row in plan.new], [row.record for row in plan.updated]
    )


def import_suppliers(
    service: SupplierService, path: Path, *, keep_unknown_columns: bool = False
) -> Change:
    """Preview and apply at once (scripts and tests; the window and CLI show the preview)."""
    plan = preview_import(service, path, keep_unknown_columns=keep_unknown_columns)
    return apply_import(service, plan)


def read_suppliers_file(path: Path, *, today: date) -> list[Supplier]:
    """Suppliers from a .xlsx or .csv file; raises ImportRejected listing every bad row."""
    return [row.supplier for row in read_rows(path, today=today).rows]
