"""Export a view to a file, the format chosen by the file's suffix. Used by the GUI and the CLI."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import WorkbenchError

if TYPE_CHECKING:  # SQLAlchemy stays out of start-up; the window imports this module
    from app.exports.samples.data import ProductSamples
    from app.services.matrix.service import MatrixService
    from app.services.samples.service import SampleService
    from app.services.suppliers.service import SupplierService
    from app.store.photos.store import PhotoStore

Progress = Callable[[int, int], bool]
FORMATS = (".xlsx", ".pdf")
KINDS = ("suppliers", "matrix", "samples")  # more kinds arrive with their tabs


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
        from app.exports.suppliers.xlsx import export_suppliers_xlsx

        return export_suppliers_xlsx(records, Path(out), today=today, on_progress=on_progress)
    from app.exports.suppliers.pdf import export_suppliers_pdf

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
    from app.services.matrix.rows import load_matrix, rank_matrix

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
        from app.exports.matrix.xlsx import export_matrix_xlsx

        export = export_matrix_xlsx
    else:
        from app.exports.matrix.pdf import export_matrix_pdf

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


def export_samples(
    samples: SampleService,
    out: Path,
    *,
    store: PhotoStore | None = None,
    product_ids: Sequence[int] | None = None,
    on_progress: Progress | None = None,
) -> Path:
    """Write the samples comparison to `out` (.xlsx or .pdf): every product by name, or these
    product ids in this order, each with all its samples and their cover photos (from `store`,
    by default the photo store beside the samples' database)."""
    suffix = check_target(out)
    if store is None:
        from app.store.photos.store import PhotoStore

        store = PhotoStore(samples.database.path)
    products = load_product_samples(samples, product_ids)
    today = samples.today()
    if suffix == ".xlsx":
        from app.exports.samples.xlsx import export_samples_xlsx

        export = export_samples_xlsx
    else:
        from app.exports.samples.pdf import export_samples_pdf

        export = export_samples_pdf
    return export(products, Path(out), store=store, today=today, on_progress=on_progress)


def load_product_samples(
    samples: SampleService, product_ids: Sequence[int] | None = None
) -> list[ProductSamples]:
    """The products (all, by name; or these ids in this order) with their samples in the
    order entered and the comparison of all of them. An unknown id raises NotFound."""
    from app.exports.samples.data import ProductSamples, SampleEntry

    ids = [p.id for p in samples.products()] if product_ids is None else list(product_ids)
    loaded = []
    for product_id in ids:
        product = samples.product(product_id)
        entries = [
            SampleEntry(
                row.sample,
                row.supplier_name_zh,
                row.supplier_name_en,
                row.cover_hash,
                row.photo_count,
            )
            for row in samples.samples_of(product_id)
        ]
        loaded.append(ProductSamples.of(product, entries))
    return loaded
