"""Samples use cases (issue 4): products with their spec and own criteria, the samples suppliers
sent of them, the golden sample, and the side-by-side comparison. Gallery metadata is in the
base class (app.services.samples.photos); the pure rules in app.domain.samples.sample and
app.domain.samples.validation.

Every write validates first (ValidationError with field keys, nothing written), runs in one
transaction and returns a SampleChange: created / updated / deleted hold SAMPLE ids, and
`products` the products concerned (a new product's id is there).

Rules decided here:
- At most one golden sample per product (also a partial unique index). `set_golden` makes a
  received sample the golden one and approves it, and un-golds the previous golden sample of
  that product in the same transaction (its status stays as it was); a sample still requested
  or shipped, or rejected, is refused. Saving a sample with golden=True does the same, but the
  sample must already be approved.
- A product's own criteria are saved with it and matched by id: a renamed criterion keeps its
  scores (they are stored under its name and renamed with it), a removed one takes its scores
  with it, and its kind cannot change while any sample is scored on it.
- Deletes ask nothing (the caller does) and return everything they removed in `dependents`
  (the deleted rows first, then what cascaded with them) for `restore`, plus the photo hashes
  no sample shows any more. `restore` puts all back or nothing; a golden sample comes back not
  golden if its product has chosen another one since.
- A sample's status follows its dates on every save unless set by hand (issue 14; the rule is
  app.domain.samples.status). Photos given to a sample before its first save are attached by
  that save, in its transaction (issue 14).
- `export_comparison` writes just the samples compared (app.services.samples.comparison_export).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, select, update

from app.domain.kit.search_text import sort_key
from app.domain.samples.sample import (
    BUILT_IN_CRITERIA,
    ComparisonTable,
    Product,
    Sample,
    SamplePhoto,
    SampleStatus,
    compare_samples,
)
from app.domain.samples.status import status_on_save
from app.domain.samples.validation import product_problems, sample_problems
from app.errors import NotFound, ValidationError
from app.services import dependents as dependent_rows
from app.services.changes import Change, DependentRows
from app.services.samples.criteria import save_criteria
from app.services.samples.photos import (
    SamplePhotos,
    insert_photos,
    photo_problems,
    unreferenced,
)
from app.services.samples.records import (
    PHOTOS,
    PRODUCTS,
    SAMPLES,
    SCORES,
    ProductSummary,
    SampleChange,
    SampleSummary,
    encode_score,
    product_from_row,
    product_values,
    read_criteria,
    read_samples,
    sample_values,
)
from app.services.sql import inserted_id, table_of
from app.store.models.suppliers import SupplierRow
from app.store.types import utc_now

if TYPE_CHECKING:
    from app.exports.samples.data import PhotoSource

_SUPPLIERS = table_of(SupplierRow)
_NOT_IN_HAND = (SampleStatus.REQUESTED, SampleStatus.SHIPPED)


class SampleService(SamplePhotos):
    """Products and samples; photos (SamplePhotos)."""

    # --- products ------------------------------------------------------------------------------
    def products(self) -> list[ProductSummary]:
        """Every product with its number of samples and golden sample, by (pinyin) name."""
        counts = (
            select(SAMPLES.c.product_id, func.count().label("samples"))
            .group_by(SAMPLES.c.product_id)
            .subquery()
        )
        golden = (
            select(SAMPLES.c.product_id, SAMPLES.c.id.label("golden_id"))
            .where(SAMPLES.c.golden.is_(True))
            .subquery()
        )
        query = (
            select(
                PRODUCTS.c.id,
                PRODUCTS.c.name,
                PRODUCTS.c.name_zh,
                PRODUCTS.c.category,
                func.coalesce(counts.c.samples, 0),
                golden.c.golden_id,
            )
            .outerjoin(counts, counts.c.product_id == PRODUCTS.c.id)
            .outerjoin(golden, golden.c.product_id == PRODUCTS.c.id)
        )
        with self.database.reading() as session:
            found = [ProductSummary(*row) for row in session.execute(query)]
        return sorted(found, key=lambda p: (sort_key(p.name or p.name_zh), p.id))

    def product(self, product_id: int) -> Product:
        with self.database.reading() as session:
            return _read_product(session.connection(), product_id)

    def save_product(self, product: Product) -> SampleChange:
        """Store a new product (id None) or replace one's details and own criteria."""
        errors = product_problems(product)
        if errors:
            raise ValidationError(errors)
        values, now = product_values(product), utc_now()
        with self.database.transaction() as session:
            connection = session.connection()
            if product.id is None:
                added = connection.execute(
                    insert(PRODUCTS).values(**values, created_at=now, updated_at=now)
                )
                product_id, stored = inserted_id(added), []
            else:
                product_id = product.id
                _require(connection, PRODUCTS, product_id, "Product")  # deleted meanwhile?
                stored = read_criteria(connection, product_id)
                connection.execute(
                    update(PRODUCTS)
                    .where(PRODUCTS.c.id == product_id)
                    .values(**values, updated_at=now)
                )
            save_criteria(connection, product_id, product.criteria, stored)
        return SampleChange(products=(product_id,))

    def delete_product(self, product_id: int) -> SampleChange:
        """Delete a product with its criteria, samples, scores and photo metadata."""
        return self._delete(PRODUCTS, product_id, "Product")

    # --- samples -------------------------------------------------------------------------------
    def sample(self, sample_id: int) -> Sample:
        with self.database.reading() as session:
            found = read_samples(session.connection(), SAMPLES.c.id == sample_id)
        if not found:
            raise NotFound(f"Sample {sample_id} no longer exists.")
        return found[0]

    def samples_of(self, product_id: int) -> list[SampleSummary]:
        """A product's samples in the order they were entered, with supplier and gallery."""
        with self.database.reading() as session:
            connection = session.connection()
            _read_product(connection, product_id)
            samples = read_samples(connection, SAMPLES.c.product_id == product_id)
            names = {
                row.id: (row.name_zh, row.name_en)
                for row in connection.execute(
                    select(_SUPPLIERS.c.id, _SUPPLIERS.c.name_zh, _SUPPLIERS.c.name_en).where(
                        _SUPPLIERS.c.id.in_(sorted({s.supplier_id for s in samples}))
                    )
                )
            }
            photos = connection.execute(
                select(PHOTOS.c.sample_id, PHOTOS.c.hash)
                .join(SAMPLES, SAMPLES.c.id == PHOTOS.c.sample_id)
                .where(SAMPLES.c.product_id == product_id)
                .order_by(PHOTOS.c.sample_id, PHOTOS.c.position, PHOTOS.c.id)
            ).all()
        gallery: dict[int, list[str]] = {}
        for sample_id, photo_hash in photos:
            gallery.setdefault(sample_id, []).append(photo_hash)
        summaries = []
        for sample in samples:
            hashes = gallery.get(sample.id or 0, [])
            name_zh, name_en = names[sample.supplier_id or 0]
            summaries.append(
                SampleSummary(sample, name_zh, name_en, len(hashes), hashes[0] if hashes else None)
            )
        return summaries

    def save_sample(
        self,
        sample: Sample,
        photos: Sequence[SamplePhoto] = (),
        *,
        status_by_hand: bool | None = None,
    ) -> SampleChange:
        """Store a new sample (id None) or replace one, with its scores (all of them).

        Its status follows its dates unless set by hand (app.domain.samples.status):
        `status_by_hand` says whether the user chose `sample.status` in this edit (None: it
        is chosen when it differs from the stored one). `photos` (hash, original name,
        caption, angle) join the end of its gallery in the same transaction: the photos given
        to a sample before its first save. A refusal stores none of it."""
        photo_errors = photo_problems(photos)
        with self.database.transaction() as session:
            connection = session.connection()
            criteria = BUILT_IN_CRITERIA
            product_id = sample.product_id
            if isinstance(product_id, int) and not isinstance(product_id, bool):
                criteria = _read_product(connection, product_id).all_criteria
            stored = None
            if isinstance(sample.id, int):
                stored = next(iter(read_samples(connection, SAMPLES.c.id == sample.id)), None)
            sample = replace(sample, status=status_on_save(stored, sample, status_by_hand))
            errors = {**sample_problems(sample, criteria, self.today()), **photo_errors}
            if errors:
                raise ValidationError(errors)
            assert product_id is not None  # sample_problems reports a sample without one
            _require(connection, _SUPPLIERS, sample.supplier_id, "Supplier")
            moved_from: tuple[int, ...] = ()
            if sample.id is not None:
                old = _require(connection, SAMPLES, sample.id, "Sample")
                moved_from = () if old.product_id == product_id else (old.product_id,)
            # Un-gold the previous one first: the partial unique index checks every statement.
            previous = _clear_golden(connection, product_id, sample.id) if sample.golden else ()
            values, now = sample_values(sample), utc_now()
            if sample.id is None:
                added = connection.execute(
                    insert(SAMPLES).values(**values, created_at=now, updated_at=now)
                )
                sample_id = inserted_id(added)
            else:
                sample_id = sample.id
                connection.execute(
                    update(SAMPLES)
                    .where(SAMPLES.c.id == sample_id)
                    .values(**values, updated_at=now)
                )
                connection.execute(delete(SCORES).where(SCORES.c.sample_id == sample_id))
            if sample.scores:
                connection.execute(
                    insert(SCORES),
                    [
                        {"sample_id": sample_id, "criterion": name, "value": encode_score(value)}
                        for name, value in sample.scores.items()
                    ],
                )
            added_photos, skipped = insert_photos(connection, sample_id, photos)
        new = sample.id is None
        return SampleChange(
            created=(sample_id,) if new else (),
            updated=(*(() if new else (sample_id,)), *previous),
            products=(product_id, *moved_from),
            added_photos=added_photos,
            skipped_photos=skipped,
        )

    def delete_sample(self, sample_id: int) -> SampleChange:
        """Delete a sample with its scores and photo metadata."""
        return self._delete(SAMPLES, sample_id, "Sample")

    def set_golden(self, sample_id: int) -> SampleChange:
        """Make this sample its product's golden sample (approving it); the previous golden
        sample of the product stops being golden in the same transaction."""
        with self.database.transaction() as session:
            connection = session.connection()
            row = _require(connection, SAMPLES, sample_id, "Sample")
            if row.status is SampleStatus.REJECTED:
                raise ValidationError({"golden": "A rejected sample cannot be the golden sample."})
            if row.status in _NOT_IN_HAND:
                raise ValidationError(
                    {
                        "golden": f"The sample is only {row.status.label.lower()}: the golden "
                        "sample is the reference in hand, so receive it first."
                    }
                )
            previous = _clear_golden(connection, row.product_id, sample_id)
            connection.execute(
                update(SAMPLES)
                .where(SAMPLES.c.id == sample_id)
                .values(golden=True, status=SampleStatus.APPROVED, updated_at=utc_now())
            )
        return SampleChange(updated=(sample_id, *previous), products=(row.product_id,))

    def clear_golden(self, product_id: int) -> SampleChange:
        """The product has no golden sample any more (statuses stay as they are)."""
        with self.database.transaction() as session:
            connection = session.connection()
            _read_product(connection, product_id)
            previous = _clear_golden(connection, product_id)
        return SampleChange(updated=previous, products=(product_id,))

    def compare(self, product_id: int, sample_ids: Sequence[int] | None = None) -> ComparisonTable:
        """The compare view's table for these samples of the product (None: all of them), in
        the order given."""
        with self.database.reading() as session:
            connection = session.connection()
            product = _read_product(connection, product_id)
            samples = read_samples(connection, SAMPLES.c.product_id == product_id)
        if sample_ids is None:
            return compare_samples(product, samples)
        by_id = {sample.id: sample for sample in samples}
        wanted = list(sample_ids)
        strangers = [sample_id for sample_id in wanted if sample_id not in by_id]
        if strangers or len(set(wanted)) != len(wanted):
            raise ValidationError(
                {"sample_ids": f"Choose samples of this product, each once (not {strangers})."}
            )
        return compare_samples(product, [by_id[sample_id] for sample_id in wanted])

    def export_comparison(
        self,
        product_id: int,
        sample_ids: Sequence[int],
        out: Path,
        *,
        store: PhotoSource | None = None,
        on_progress: Callable[[int, int], bool] | None = None,
    ) -> Path:
        """Write just these compared samples of the product to `out` (.xlsx or .pdf), in this
        order (app.services.samples.comparison_export)."""
        from app.services.samples.comparison_export import export_comparison

        return export_comparison(
            self, product_id, sample_ids, out, store=store, on_progress=on_progress
        )

    # --- delete and undo -----------------------------------------------------------------------
    def restore(self, change: Change) -> SampleChange:
        """Undo delete_product or delete_sample: every row back with its id, all or nothing."""
        rows = change.dependents
        with self.database.transaction() as session:
            connection = session.connection()
            rows = _without_golden_clash(connection, rows)
            dependent_rows.reinsert(connection, PRODUCTS, rows)
        taken = dict(rows)
        samples = taken.get(SAMPLES.name, ())
        product_ids = {row["id"] for row in taken.get(PRODUCTS.name, ())}
        product_ids.update(row["product_id"] for row in samples)
        return SampleChange(
            created=tuple(row["id"] for row in samples), products=tuple(sorted(product_ids))
        )

    def _delete(self, table: Any, row_id: int, label: str) -> SampleChange:
        with self.database.transaction() as session:
            connection = session.connection()
            root = _plain_rows(connection, table, table.c.id == row_id)
            if not root:
                raise NotFound(f"{label} {row_id} no longer exists.")
            cascaded = dependent_rows.snapshot(connection, table, [row_id])
            taken = ((table.name, tuple(root)), *cascaded)
            connection.execute(delete(table).where(table.c.id == row_id))
            rows = dict(taken)
            hashes = [row["hash"] for row in rows.get(PHOTOS.name, ())]
            unused = unreferenced(session, hashes)
        samples = rows.get(SAMPLES.name, ())
        product_ids = {row["product_id"] for row in samples} | (
            {row_id} if table is PRODUCTS else set()
        )
        return SampleChange(
            deleted=tuple(row["id"] for row in samples),
            products=tuple(sorted(product_ids)),
            dependents=taken,
            unreferenced_hashes=unused,
        )


# --- helpers ------------------------------------------------------------------------------------
def _read_product(connection: Connection, product_id: int) -> Product:
    row = connection.execute(select(PRODUCTS).where(PRODUCTS.c.id == product_id)).first()
    if row is None:
        raise NotFound(f"Product {product_id} no longer exists.")
    return product_from_row(row, read_criteria(connection, product_id))


def _require(connection: Connection, table: Any, row_id: object, label: str) -> Any:
    row = connection.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise NotFound(f"{label} {row_id} no longer exists.")
    return row


def _clear_golden(
    connection: Connection, product_id: int | None, keep: int | None = None
) -> tuple[int, ...]:
    """Un-gold the product's golden sample (but `keep`); returns the ids it changed."""
    condition = (SAMPLES.c.product_id == product_id) & SAMPLES.c.golden.is_(True)
    if keep is not None:
        condition &= SAMPLES.c.id != keep
    ids = tuple(connection.scalars(select(SAMPLES.c.id).where(condition)))
    if ids:
        connection.execute(
            update(SAMPLES).where(SAMPLES.c.id.in_(ids)).values(golden=False, updated_at=utc_now())
        )
    return ids


def _without_golden_clash(connection: Connection, rows: DependentRows) -> DependentRows:
    """Restored golden samples lose the flag where their product has a golden sample now."""
    samples = dict(rows).get(SAMPLES.name, ())
    products = {row["product_id"] for row in samples if row["golden"]}
    if not products:
        return rows
    taken = set(
        connection.scalars(
            select(SAMPLES.c.product_id).where(
                SAMPLES.c.product_id.in_(products), SAMPLES.c.golden.is_(True)
            )
        )
    )
    fixed = tuple(
        {**row, "golden": False} if row["golden"] and row["product_id"] in taken else row
        for row in samples
    )
    return tuple((name, fixed if name == SAMPLES.name else table) for name, table in rows)


def _plain_rows(connection: Connection, table: Any, condition: Any) -> list[dict[str, Any]]:
    """Rows as column dicts read through the column types, so reinsert() is exact."""
    query = select(table).where(condition).order_by(*table.primary_key.columns)
    return [dict(row._mapping) for row in connection.execute(query)]
