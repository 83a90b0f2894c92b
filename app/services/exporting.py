"""Export a view to a file, the format chosen by the file's suffix: one registry of export
kinds (`KINDS`), used by the CLI's `export KIND` and the window's File ▸ Export menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import READ_ERRORS, WorkbenchError, unreadable_record

if TYPE_CHECKING:  # SQLAlchemy stays out of start-up; the window imports this module
    from app.domain.matrix.scoring import LevelThresholds, Ranked, Weights
    from app.exports.samples.data import ProductSamples
    from app.services.matrix.service import MatrixService
    from app.services.negotiation.service import NegotiationService
    from app.services.samples.service import SampleService
    from app.services.suppliers.service import SupplierService
    from app.services.workbench import Workbench
    from app.store.photos.store import PhotoStore

Progress = Callable[[int, int], bool]
FORMATS = (".xlsx", ".pdf")


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
    weights: Weights | None = None,
    thresholds: LevelThresholds | None = None,
    on_progress: Progress | None = None,
) -> Path:
    """Write the Capacity & Credit matrix to `out` (.xlsx or .pdf) with these weights and level
    thresholds (by default the saved ones): all suppliers best-ranked first, or these ids in
    this order. The matrix is ranked once, here, and the ranking handed to the export."""
    suffix = check_target(out)
    from app.domain.matrix.rows import rank_matrix
    from app.services.matrix.rows import load_matrix

    today = matrix.today()
    rows = load_matrix(matrix, today, ids)
    weights = weights or matrix.weights()
    thresholds = thresholds or matrix.thresholds()
    ranking = rank_matrix(rows, weights, thresholds)
    if ids is None:
        rows.sort(key=lambda row: _rank_key(ranking[row.supplier_id]))  # stable: ties by id
    else:
        position = {supplier_id: place for place, supplier_id in enumerate(ids)}
        rows.sort(key=lambda row: position.get(row.supplier_id, 0))
    if suffix == ".xlsx":
        from app.exports.matrix.xlsx import export_matrix_xlsx

        return export_matrix_xlsx(
            rows, out, weights=weights, thresholds=thresholds, today=today, on_progress=on_progress
        )
    from app.exports.matrix.pdf import export_matrix_pdf

    return export_matrix_pdf(
        rows,
        out,
        weights=weights,
        thresholds=thresholds,
        ranking=ranking,
        today=today,
        on_progress=on_progress,
    )


def _rank_key(ranked: Ranked) -> tuple[bool, bool, int]:
    """Ranked suppliers first, best first; then the incomplete scores; the unscored last."""
    return (ranked.rank is None, ranked.score is None, ranked.rank or 0)


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


def export_negotiation(
    negotiation: NegotiationService,
    out: Path,
    *,
    product_ids: Sequence[int] | None = None,
    on_progress: Progress | None = None,
) -> Path:
    """Write the quote comparison to `out`: the .xlsx calculator holds one product, the .pdf
    report any number. Without product ids: the products that have quotes; several of them
    go to a .pdf, and a .xlsx refuses with a line naming them (choose one with --product)."""
    suffix = check_target(out)
    ids = list(product_ids) if product_ids is not None else negotiation.products_with_quotes()
    if not ids:
        raise WorkbenchError("No product has a quote yet: nothing to export.")
    if suffix == ".xlsx" and len(ids) > 1:
        names = {p.id: p.display_name for p in negotiation.products()}
        listed = ", ".join(names.get(product_id, str(product_id)) for product_id in ids)
        raise WorkbenchError(
            f"An .xlsx holds one product's quotes and {len(ids)} have some ({listed}): "
            "choose one with --product, or export to .pdf."
        )
    bundles = negotiation.export_bundles(ids)
    if suffix == ".xlsx":
        from app.exports.negotiation.xlsx import export_negotiation_xlsx

        return export_negotiation_xlsx(bundles[0], Path(out), on_progress=on_progress)
    from app.exports.negotiation.pdf import export_negotiation_pdf

    return export_negotiation_pdf(bundles, Path(out), on_progress=on_progress)


# --- the registry ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a kind, and the view's scope when a tab asks (rows shown, in order)."""

    kind: str
    ids: Sequence[int] | None = None  # suppliers (suppliers, matrix): None = all
    product_ids: Sequence[int] | None = None  # products (samples, negotiation): None = all
    weights: Weights | None = None  # the matrix tab's weights as shown (None = saved)
    thresholds: LevelThresholds | None = None
    shipment: str | None = None  # consolidation: a shipment's name or id (None = waiting)
    paper: str = "A4"  # the user's paper: PDFs and workbook page setup ("A4" or "Letter")


Writer = Callable[["Workbench", ExportRequest, Path, "Progress | None"], Path]


@dataclass(frozen=True)
class ExportKind:
    key: str  # the CLI's `export KIND`
    title: str  # File ▸ Export ▸ <title> to Excel / PDF
    write: Writer


def _suppliers(wb: Workbench, request: ExportRequest, out: Path, progress: Progress | None) -> Path:
    return export_suppliers(wb.suppliers, out, ids=request.ids, on_progress=progress)


def _matrix(wb: Workbench, request: ExportRequest, out: Path, progress: Progress | None) -> Path:
    return export_matrix(
        wb.matrix,
        out,
        ids=request.ids,
        weights=request.weights,
        thresholds=request.thresholds,
        on_progress=progress,
    )


def _samples(wb: Workbench, request: ExportRequest, out: Path, progress: Progress | None) -> Path:
    return export_samples(wb.samples, out, product_ids=request.product_ids, on_progress=progress)


def _negotiation(
    wb: Workbench, request: ExportRequest, out: Path, progress: Progress | None
) -> Path:
    return export_negotiation(
        wb.negotiation, out, product_ids=request.product_ids, on_progress=progress
    )


def _consolidation(
    wb: Workbench, request: ExportRequest, out: Path, progress: Progress | None
) -> Path:
    """The consolidation plan of a shipment (`request.shipment`: its name or id) or, without
    one, of every parcel waiting at the warehouse."""
    service = wb.consolidation
    shipment_id = None
    if request.shipment is not None:
        shipment_id = service.find_shipment_id(request.shipment)
    data = service.export_data(shipment_id)
    if check_target(out) == ".xlsx":
        from app.exports.consolidation.xlsx import export_consolidation_xlsx

        return export_consolidation_xlsx(data, Path(out), on_progress=progress)
    from app.exports.consolidation.pdf import export_consolidation_pdf

    return export_consolidation_pdf(data, Path(out), on_progress=progress)


KINDS: dict[str, ExportKind] = {
    kind.key: kind
    for kind in (
        ExportKind("suppliers", "Suppliers", _suppliers),
        ExportKind("matrix", "Capacity & Credit matrix", _matrix),
        ExportKind("samples", "Samples comparison", _samples),
        ExportKind("negotiation", "Negotiation comparison", _negotiation),
        ExportKind("consolidation", "Consolidation plan", _consolidation),
    )
}


def export(
    workbench: Workbench, request: ExportRequest, out: Path, on_progress: Progress | None = None
) -> Path:
    """Write `request` to `out` (.xlsx or .pdf): the one entry point for the CLI and the window.

    A stored value the app cannot read stops the export with one line that points to `check`
    (which names the record), never with a traceback; nothing is written then."""
    check_target(out)
    from app.exports.kit.paper import paper

    try:
        with paper(request.paper):
            return KINDS[request.kind].write(workbench, request, Path(out), on_progress)
    except READ_ERRORS as error:
        raise unreadable_record(error, workbench.path) from None
