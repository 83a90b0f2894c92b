"""Export a view to a file, the format chosen by the file's suffix. Used by the GUI and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import WorkbenchError

if TYPE_CHECKING:  # SQLAlchemy stays out of start-up; the window imports this module
    from app.services.matrix import MatrixService
    from app.services.suppliers import SupplierService

Progress = Callable[[int, int], bool]
FORMATS = (".xlsx", ".pdf")
KINDS = ("suppliers", "matrix")  # more kinds arrive with their tabs


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


def export_matrix(
    matrix: MatrixService,
    out: Path,
    *,
    ids: Sequence[int] | None = None,
    on_progress: Progress | None = None,
) -> Path:
    """Write the Capacity & Credit matrix to `out` (.xlsx or .pdf) with the saved weights and
    level thresholds: all suppliers best-ranked first, or these ids in this order."""
    suffix = check_target(out)
    from app.services.matrix_rows import load_matrix, rank_matrix

    today = matrix.today()
    rows = load_matrix(matrix, today, ids)
    weights, thresholds = matrix.weights(), matrix.thresholds()
    if ids is None:
        ranking = rank_matrix(rows, weights, thresholds)
        rows.sort(key=lambda row: _rank_key(ranking[row.supplier_id].rank))  # stable: ties by id
    else:
        position = {supplier_id: place for place, supplier_id in enumerate(ids)}
        rows.sort(key=lambda row: position.get(row.supplier_id, 0))
    if suffix == ".xlsx":
        from app.exports.matrix_xlsx import export_matrix_xlsx

        export = export_matrix_xlsx
    else:
        from app.exports.matrix_pdf import export_matrix_pdf

        export = export_matrix_pdf
    return export(
        rows,
        Path(out),
        weights=weights,
        thresholds=thresholds,
        today=today,
        on_progress=on_progress,
    )


def _rank_key(rank: int | None) -> tuple[bool, int]:
    """Ranked suppliers first, best first; the unranked (no score) last."""
    return (rank is None, rank or 0)
