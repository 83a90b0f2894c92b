"""Export a view to a file, the format chosen by the file's suffix. Used by the GUI and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import WorkbenchError

if TYPE_CHECKING:  # SQLAlchemy stays out of start-up; the window imports this module
    from app.services.suppliers import SupplierService

Progress = Callable[[int, int], bool]
FORMATS = (".xlsx", ".pdf")
KINDS = ("suppliers",)  # more kinds arrive with their tabs


def check_target(out: Path) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in FORMATS:
        raise WorkbenchError(f"Cannot export to '{Path(out).name}': name the file .xlsx or .pdf.")
    return suffix


def export_suppliers(
    service: SupplierService,
    out: Path,
    *,
    ids: Sequence[int] | None = None,
    on_progress: Progress | None = None,
) -> Path:
    """Write suppliers (all, or these ids in this order) to `out` (.xlsx or .pdf)."""
    suffix = check_target(out)
    records = service.all_records(ids)
    if ids is not None:
        position = {supplier_id: place for place, supplier_id in enumerate(ids)}
        records.sort(key=lambda record: position.get(record.id or 0, 0))
    today = service.today()
    if suffix == ".xlsx":
        from app.exports.suppliers_xlsx import export_suppliers_xlsx

        return export_suppliers_xlsx(records, Path(out), today=today, on_progress=on_progress)
    from app.exports.suppliers_pdf import export_suppliers_pdf

    return export_suppliers_pdf(records, Path(out), today=today, on_progress=on_progress)
