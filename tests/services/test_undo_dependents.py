"""Undo of a supplier delete brings back the rows other tables held for it (matrix data, and
any table added later that refers to suppliers), exactly and all at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    event,
    select,
)

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.indicators import Indicator
from app.domain.matrix.scoring import Scores
from app.errors import DatabaseError
from app.services.dependents import dependent_tables, reinsert, snapshot
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.models.base import Base
from app.store.models.suppliers import (
    CertificationRow,
    ContactRow,
    RedFlagRow,
    SupplierRow,
    TagRow,
)
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda, minimal

SUPPLIERS = SupplierRow.__table__
CHILD_TABLES = tuple(t.__table__ for t in (ContactRow, CertificationRow, RedFlagRow, TagRow))
MATRIX_TABLES = ("capacity_facts", "evaluations", "credit_inputs")  # rows with a supplier_id
UNDER_EVALUATIONS = "evaluation_indicators"  # two links away: evaluation -> supplier


@pytest.fixture
def matrix(database: Database) -> MatrixService:
    return MatrixService(database, today=lambda: TODAY)


def _stored(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of the supplier and matrix tables as SQLite holds them (text, not Python)."""
    tables = ("suppliers", "supplier_contacts", "supplier_tags", *MATRIX_TABLES, UNDER_EVALUATIONS)
    return {t: query(db_path, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}


def _with_matrix_data(matrix: MatrixService, supplier_id: int, score: int) -> None:
    matrix.record_capacity_fact(
        supplier_id,
        Dimension.MONTHLY_CAPACITY,
        Decimal("120000.50"),
        FactSource.LISTING_1688,
        date(2026, 9, 1),
        "page says",
    )
    matrix.record_capacity_fact(supplier_id, Dimension.PRODUCTION_LINES, 4, FactSource.AUDIT)
    matrix.save_evaluation(
        supplier_id,
        "2026-Q3",
        Scores(Decimal(score), Decimal("80.5"), None, Decimal(70)),
        date(2026, 7, 1),
        date(2026, 9, 30),
        "quarterly review",
    )
    matrix.save_evaluation(
        supplier_id,
        "2026-Q2",
        Scores(delivery=Decimal(score)),
        indicators={Indicator.PASS_RATE: Decimal("98.50"), Indicator.RESPONSE_SPEED: Decimal(2)},
    )
    matrix.save_credit_inputs(
        supplier_id,
        CreditInputs(Trend.RISING, Decimal("4.60"), 1, Decimal("32.5")),
        CreditOverride(CreditRating.AA, "visited the factory"),
    )


def _matrix_count(db_path: Path, supplier_id: int) -> int:
    return sum(
        query(db_path, f"SELECT count(*) FROM {t} WHERE supplier_id = {supplier_id}")[0][0]
        for t in MATRIX_TABLES
    )


# --- the walk ----------------------------------------------------------------------------------
def test_the_walk_finds_every_matrix_table_from_the_metadata() -> None:
    found = {t.name for t in dependent_tables(SUPPLIERS, skip=CHILD_TABLES)}
    assert {*MATRIX_TABLES, UNDER_EVALUATIONS} <= found
    assert found.isdisjoint({"suppliers", "app_settings", *(t.name for t in CHILD_TABLES)})


def test_every_link_to_deleted_rows_cascades_and_nothing_refers_to_supplier_lists() -> None:
    """Guard for tables added later: undo re-inserts only what the delete cascaded away, and a
    supplier's lists come back with new ids, so a row pointing at one could not be restored."""
    walked = {SUPPLIERS, *dependent_tables(SUPPLIERS, skip=CHILD_TABLES)}
    for table in Base.metadata.sorted_tables:
        for constraint in table.foreign_key_constraints:
            assert constraint.referred_table not in CHILD_TABLES, (table.name, "refers to a list")
            if constraint.referred_table in walked:
                assert (constraint.ondelete or "").upper() == "CASCADE", table.name


def test_the_walk_is_transitive_and_follows_only_cascades() -> None:
    """A test-only schema shaped like what is coming: indicators under evaluations, replies to
    notes, a SET NULL link (rows stay), and a supplier list restored with the record itself."""
    metadata = MetaData()
    root = Table("root", metadata, Column("id", Integer, primary_key=True))
    own_list = Table("own_list", metadata, *_child_of("root"))
    under_list = Table("under_list", metadata, *_child_of("own_list"))
    evaluations = Table("evaluations", metadata, *_child_of("root"))
    indicators = Table("indicators", metadata, *_child_of("evaluations"))
    notes = Table(
        "notes",
        metadata,
        *_child_of("root"),
        Column("reply_to", ForeignKey("notes.id", ondelete="CASCADE")),
    )
    Table("loose", metadata, *_child_of("root", ondelete="SET NULL"))
    found = dependent_tables(root, skip=[own_list])
    assert {t.name for t in found} == {"evaluations", "indicators", "notes"}
    assert found.index(evaluations) < found.index(indicators)
    assert under_list not in found

    engine = create_engine("sqlite://")
    event.listen(engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA foreign_keys = ON"))
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(root.insert(), [{"id": 1}, {"id": 2}])
        connection.execute(evaluations.insert(), [{"id": 10, "parent_id": 1, "label": "q3"}])
        connection.execute(indicators.insert(), [{"id": 20, "parent_id": 10, "label": "a"}])
        connection.execute(
            notes.insert(),
            [
                {"id": 30, "parent_id": 1, "label": "note", "reply_to": None},
                # A reply filed under another root row still goes with the note it answers.
                {"id": 31, "parent_id": 2, "label": "reply", "reply_to": 30},
                {"id": 32, "parent_id": 2, "label": "reply", "reply_to": 31},
                {"id": 33, "parent_id": 2, "label": "other", "reply_to": None},
            ],
        )
        before = {t.name: connection.execute(select(t)).all() for t in found}
        taken = snapshot(connection, root, [1], skip=[own_list])
        assert [name for name, _ in taken] == [t.name for t in found]  # parents first
        assert {name: len(rows) for name, rows in taken} == {
            "evaluations": 1,
            "indicators": 1,
            "notes": 3,
        }
        connection.execute(delete(root).where(root.c.id == 1))
        assert connection.execute(select(notes.c.id)).scalars().all() == [33]
        connection.execute(root.insert(), [{"id": 1}])
        reinsert(connection, root, taken)
        assert {t.name: connection.execute(select(t)).all() for t in found} == before
    engine.dispose()


def _child_of(parent: str, ondelete: str = "CASCADE") -> tuple[Column, ...]:
    return (
        Column("id", Integer, primary_key=True),
        Column("parent_id", ForeignKey(f"{parent}.id", ondelete=ondelete)),
        Column("label", String(20), default=""),
    )


# --- delete and undo ---------------------------------------------------------------------------
def test_undo_brings_back_every_matrix_row_exactly(
    supplier_service: SupplierService, matrix: MatrixService, db_path: Path
) -> None:
    keep = supplier_service.save(minimal("深圳市华强通讯配件有限公司")).created[0]
    gone = supplier_service.save(hengda()).created[0]
    _with_matrix_data(matrix, keep, 60)
    _with_matrix_data(matrix, gone, 90)
    before = _stored(db_path)
    record = supplier_service.get(gone)

    change = supplier_service.delete([gone])
    assert _matrix_count(db_path, gone) == 0
    assert _matrix_count(db_path, keep) == 5
    assert query(db_path, f"SELECT count(*) FROM {UNDER_EVALUATIONS}") == [(2,)]  # keep's
    assert {name: len(rows) for name, rows in change.dependents} == {
        "capacity_facts": 2,
        "credit_inputs": 1,
        "evaluations": 2,
        UNDER_EVALUATIONS: 2,
    }

    assert supplier_service.restore(change.removed, change.dependents).created == (gone,)
    # Same ids, same text ("120000.50", "98.50"), dates and enum codes; indicators included.
    assert _stored(db_path) == before
    assert supplier_service.get(gone) == record
    assert matrix.credit_inputs([gone])[gone].override == CreditOverride(
        CreditRating.AA, "visited the factory"
    )


def test_undo_of_two_suppliers_with_data(
    supplier_service: SupplierService, matrix: MatrixService, db_path: Path
) -> None:
    ids = supplier_service.insert_many([hengda(), minimal("义乌甲"), minimal("安徽乙")]).created
    for score, supplier_id in enumerate(ids):
        _with_matrix_data(matrix, supplier_id, 50 + score)
    before = _stored(db_path)
    change = supplier_service.delete([ids[0], ids[2]])
    assert sorted(change.deleted) == [ids[0], ids[2]]
    assert query(db_path, "SELECT DISTINCT supplier_id FROM evaluations") == [(ids[1],)]
    supplier_service.restore(change.removed, change.dependents)
    assert _stored(db_path) == before


def test_a_failed_undo_puts_nothing_back(
    supplier_service: SupplierService, matrix: MatrixService, db_path: Path
) -> None:
    keep, gone = supplier_service.insert_many([minimal("义乌甲"), hengda()]).created
    _with_matrix_data(matrix, keep, 60)
    _with_matrix_data(matrix, gone, 90)
    change = supplier_service.delete([gone])
    # SQLite hands the freed highest fact id to the next fact: the undo's fact now clashes,
    # after the supplier and its contacts were already inserted again.
    matrix.record_capacity_fact(keep, Dimension.FACTORY_AREA, 800, FactSource.AUDIT)
    after_delete = _stored(db_path)
    with pytest.raises(DatabaseError, match="capacity_facts"):
        supplier_service.restore(change.removed, change.dependents)
    assert _stored(db_path) == after_delete


def test_undo_fails_whole_when_the_supplier_id_was_taken_again(
    supplier_service: SupplierService, matrix: MatrixService, db_path: Path
) -> None:
    gone = supplier_service.save(hengda()).created[0]
    _with_matrix_data(matrix, gone, 90)
    change = supplier_service.delete([gone])
    assert supplier_service.save(minimal("义乌甲")).created == (gone,)
    after = _stored(db_path)
    with pytest.raises(DatabaseError, match=r"suppliers\.id"):
        supplier_service.restore(change.removed, change.dependents)
    assert _stored(db_path) == after
    assert _matrix_count(db_path, gone) == 0


def test_restore_without_dependents_still_works(supplier_service: SupplierService) -> None:
    gone = supplier_service.save(hengda()).created[0]
    change = supplier_service.delete([gone])
    assert change.dependents == ()
    assert supplier_service.restore(change.removed).created == (gone,)
