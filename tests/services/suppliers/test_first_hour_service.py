"""Issue 14 in the supplier service: what a delete would take with it, counted; one edit of
many suppliers and its undo; a shop URL stored as the address it means."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.suppliers.bulk_edit import BulkEdit
from app.domain.suppliers.choices import Membership, Status
from app.errors import ValidationError
from app.services.suppliers.dependent_counts import DependentCounts
from app.services.workbench import Workbench
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda, minimal
from tests.services.suppliers.dependent_work import add_work


@pytest.fixture
def workbench(db_path: Path) -> Iterator[Workbench]:
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


def test_dependent_counts_are_per_supplier_and_add_up(workbench: Workbench) -> None:
    jiahe = workbench.suppliers.save(minimal("白沟新城佳禾箱包厂")).created[0]
    hengda_id = workbench.suppliers.save(hengda()).created[0]
    idle = workbench.suppliers.save(minimal("义乌市甲乙塑料制品厂")).created[0]
    add_work(workbench, jiahe, samples=3, photos=4, audits=1)
    add_work(workbench, hengda_id, samples=1, photos=2, audits=2)

    counts = workbench.suppliers.dependent_counts([jiahe, hengda_id, idle])
    assert counts[jiahe] == DependentCounts(samples=3, photos=12, audits=1)
    assert counts[jiahe].nonzero() == [("samples", 3), ("photos", 12), ("audits", 1)]
    assert counts[idle] == DependentCounts() and counts[idle].nonzero() == []
    assert sum(counts.values(), DependentCounts()) == DependentCounts(
        samples=4, photos=14, audits=3
    )
    # What the counts promise is what the delete takes.
    change = workbench.suppliers.delete([jiahe])
    taken = {name: len(rows) for name, rows in change.dependents}
    assert (taken["samples"], taken["sample_photos"], taken["audits"]) == (3, 12, 1)


def test_a_bulk_edit_is_stored_for_all_and_undone_whole(
    workbench: Workbench, db_path: Path
) -> None:
    first = workbench.suppliers.save(hengda()).created[0]  # sampling, strong, 工艺品; home decor
    second = workbench.suppliers.save(minimal("白沟新城佳禾箱包厂", tags=["箱包"])).created[0]
    third = workbench.suppliers.save(minimal("义乌市甲乙塑料制品厂")).created[0]
    edit = BulkEdit(status=Status.APPROVED, membership=Membership.BASIC, add_tags=("箱包",))

    change, before = workbench.suppliers.bulk_edit([first, second], edit)

    assert set(change.updated) == {first, second} and {f.supplier_id for f in before} == {
        first,
        second,
    }
    rows = query(
        db_path, f"SELECT id, status, membership FROM suppliers WHERE id IN ({first}, {second})"
    )
    assert sorted(rows) == [(first, "approved", "basic"), (second, "approved", "basic")]
    tags = query(
        db_path, "SELECT supplier_id, tag FROM supplier_tags ORDER BY supplier_id, position"
    )
    assert tags == [(first, "工艺品"), (first, "home decor"), (first, "箱包"), (second, "箱包")]
    assert query(db_path, f"SELECT status FROM suppliers WHERE id = {third}") == [("prospect",)]
    # The quick filter finds the new tag: the derived search text was rewritten too.
    assert "箱包" in query(db_path, f"SELECT search_text FROM suppliers WHERE id = {first}")[0][0]

    edited_later = workbench.suppliers.get(first)
    edited_later.notes = "Visited the showroom."
    workbench.suppliers.save(edited_later)
    undone = workbench.suppliers.undo_bulk_edit(before)

    assert set(undone.updated) == {first, second}
    rows = query(
        db_path,
        f"SELECT id, status, membership, notes FROM suppliers WHERE id IN ({first}, {second})",
    )
    assert sorted(rows) == [
        (first, "sampling", "strong", "Visited the showroom."),  # the later edit stays
        (second, "prospect", None, ""),
    ]
    tags = query(
        db_path, "SELECT supplier_id, tag FROM supplier_tags ORDER BY supplier_id, position"
    )
    assert tags == [(first, "工艺品"), (first, "home decor"), (second, "箱包")]


def test_a_bulk_edit_leaves_suppliers_already_so_out(workbench: Workbench) -> None:
    done = workbench.suppliers.save(minimal("甲厂", status=Status.APPROVED)).created[0]
    todo = workbench.suppliers.save(minimal("乙厂")).created[0]
    change, before = workbench.suppliers.bulk_edit([done, todo], BulkEdit(status=Status.APPROVED))
    assert change.updated == (todo,) and [f.supplier_id for f in before] == [todo]


def test_a_tag_too_long_refuses_the_whole_bulk_edit(workbench: Workbench, db_path: Path) -> None:
    first = workbench.suppliers.save(minimal("甲厂")).created[0]
    second = workbench.suppliers.save(minimal("乙厂")).created[0]
    edit = BulkEdit(status=Status.REJECTED, add_tags=("x" * 61,))
    with pytest.raises(ValidationError, match="under 60 characters"):
        workbench.suppliers.bulk_edit([first, second], edit)
    assert query(db_path, "SELECT DISTINCT status FROM suppliers") == [("prospect",)]
    assert query(db_path, "SELECT count(*) FROM supplier_tags") == [(0,)]


def test_a_shop_url_typed_without_https_is_stored_with_it(
    workbench: Workbench, db_path: Path
) -> None:
    supplier_id = workbench.suppliers.save(hengda(shop_url=" shop123.1688.com ")).created[0]
    assert query(db_path, f"SELECT shop_url, shop_key FROM suppliers WHERE id = {supplier_id}") == [
        ("https://shop123.1688.com", "shop123.1688.com")
    ]
    # The same shop typed with its scheme is seen as the same shop.
    look_alikes = workbench.suppliers.look_alikes(
        minimal("另一家", shop_url="https://shop123.1688.com")
    )
    assert [found.id for found in look_alikes] == [supplier_id]
