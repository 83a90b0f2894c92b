"""Export one comparison (issue 14): just the samples compared, in the compare view's order,
to `.xlsx` or `.pdf` with the samples export's own writers (app.exports.samples), so the file
says what the full export says about those samples, best values marked among them alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import ValidationError
from app.services.exporting import check_target

if TYPE_CHECKING:
    from app.exports.samples.data import PhotoSource
    from app.services.samples.service import SampleService

Progress = Callable[[int, int], bool]


def export_comparison(
    samples: SampleService,
    product_id: int,
    sample_ids: Sequence[int],
    out: Path,
    *,
    store: PhotoSource | None = None,
    on_progress: Progress | None = None,
) -> Path:
    """Write the comparison of these samples of the product (each once, in this order) to
    `out`, a `.xlsx` (one sheet) or a `.pdf` (one product), with the cover photos from `store`
    (by default the photo store beside the database). Other samples and products are left out.
    """
    suffix = check_target(out)
    from app.exports.samples.data import ProductSamples, SampleEntry

    product = samples.product(product_id)  # NotFound when it is gone
    rows = {row.sample.id: row for row in samples.samples_of(product_id)}
    wanted = list(sample_ids)
    strangers = [sample_id for sample_id in wanted if sample_id not in rows]
    if not wanted or strangers or len(set(wanted)) != len(wanted):
        raise ValidationError(
            {"sample_ids": "Choose the samples to export among this product's, each once."}
        )
    entries = [
        SampleEntry(
            row.sample, row.supplier_name_zh, row.supplier_name_en, row.cover_hash, row.photo_count
        )
        for row in (rows[sample_id] for sample_id in wanted)
    ]
    if store is None:
        from app.store.photos.store import PhotoStore

        store = PhotoStore(samples.database.path)
    compared = [ProductSamples.of(product, entries)]
    today = samples.today()
    if suffix == ".xlsx":
        from app.exports.samples.xlsx import export_samples_xlsx

        return export_samples_xlsx(
            compared, Path(out), store=store, today=today, on_progress=on_progress
        )
    from app.exports.samples.pdf import export_samples_pdf

    return export_samples_pdf(
        compared, Path(out), store=store, today=today, on_progress=on_progress
    )
