"""Migration 0004 only creates the audit tables: a filled 0003 database keeps every row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import text

from app.domain.matrix.capacity import Dimension, FactSource
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.indicators import Indicator
from app.domain.matrix.scoring import Scores, Weights
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file
from app.store.schema_version import HEAD, REVISIONS
from tests.conftest import TODAY
from tests.db_rows import query
from tests.factories import hengda
from tests.older_files import fill_older, kept_rows
from tests.store.test_migrations import (
    CHILD_TABLES,
    _counts,
    _database_at,
    _revision,
    _schema_differences,
    _tables,
)

OLD_TABLES = (
    "suppliers",
    *CHILD_TABLES,
    "capacity_facts",
    "evaluations",
    "evaluation_indicators",
    "credit_inputs",
    "app_settings",
)
AUDIT_TABLES = ("checklist_templates", "audits", "audit_answers", "audit_capacity_facts")
NOW = "2026-11-29T08:00:00.000000+00:00"


def _fill_at_0003(path: Path) -> None:
    """Suppliers with every child row and every 0003 table filled, as a 0003 build would."""
    fill_older(path, _fill_0003_tables)


def _fill_0003_tables(database: Database) -> None:
    """What a 0003 build stored: six suppliers with facts, evaluations, credit and weights."""
    suppliers = SupplierService(database, today=lambda: TODAY)
    matrix = MatrixService(database, today=lambda: TODAY)
    ids = [
        suppliers.save(hengda(name_zh=f"恒达{n}厂", shop_url=f"https://hd{n}.1688.com")).created[0]
        for n in range(6)
    ]
    for n, supplier_id in enumerate(ids):
        for dimension in Dimension:
            matrix.record_capacity_fact(supplier_id, dimension, n + 1, FactSource.AUDIT, TODAY)
        matrix.save_evaluation(
            supplier_id,
            "2026-Q3",
            Scores(delivery=Decimal("90.5")),
            indicators={Indicator.PASS_RATE: Decimal("98.50")},
        )
        matrix.save_credit_inputs(
            supplier_id,
            CreditInputs(Trend.STABLE, Decimal("4.5"), n, None),
            CreditOverride(CreditRating.A, "slow") if n % 2 else None,
        )
    matrix.save_weights(Weights(Decimal(40), Decimal(30), Decimal(20), Decimal(10)))


def _all_rows(path: Path, older: Path | None = None) -> dict[str, list[tuple]]:
    return kept_rows(path, OLD_TABLES, older)


def _migrated(tmp_path: Path) -> Path:
    path = tmp_path / "at-0003.sqlite3"
    _database_at(path, "0003_evaluation_indicators")
    _fill_at_0003(path)
    open_database_file(path)
    return path


def test_0004_comes_right_after_0003() -> None:
    # Not the head any more since 0005 (samples): upgrades still pass through it.
    position = REVISIONS.index("0004_audit_checklists")
    assert REVISIONS[position - 1] == "0003_evaluation_indicators"


def test_a_filled_0003_database_migrates_to_0004_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "at-0003.sqlite3"
    _database_at(path, "0003_evaluation_indicators")
    _fill_at_0003(path)
    before = _all_rows(path)
    assert all(before[table] for table in before), "every table holds rows before the upgrade"
    assert len(before["capacity_facts"]) == 30 and len(before["evaluation_indicators"]) == 6
    assert _tables(path).isdisjoint(AUDIT_TABLES)

    opened = open_database_file(path)

    assert opened.migrated_from == "0003_evaluation_indicators" and opened.backup is not None
    assert _revision(path) == HEAD
    assert _all_rows(path, opened.backup) == before  # every row, every value, in place
    assert _counts(opened.backup) == _counts(path)
    for table in AUDIT_TABLES:
        assert query(path, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert _schema_differences(path, Base.metadata) == []


def test_the_new_tables_link_as_designed(tmp_path: Path) -> None:
    path = _migrated(tmp_path)

    def links(table: str) -> set[tuple]:
        rows = query(path, f"PRAGMA foreign_key_list({table})")
        return {(row[2], row[3], row[4], row[6]) for row in rows}

    assert links("audits") == {
        ("suppliers", "supplier_id", "id", "CASCADE"),
        ("checklist_templates", "template_id", "id", "SET NULL"),
    }
    assert links("audit_answers") == {("audits", "audit_id", "id", "CASCADE")}
    assert links("audit_capacity_facts") == {
        ("audit_answers", "answer_id", "id", "CASCADE"),
        ("capacity_facts", "capacity_fact_id", "id", "CASCADE"),
    }


def _insert_audit_with_a_linked_fact(database: Database) -> tuple[int, int]:
    """One template, one audit from it with one answer linked to an existing fact."""
    with database.transaction() as session:
        run = session.execute
        supplier_id, fact_id = run(
            text("SELECT supplier_id, id FROM capacity_facts ORDER BY id LIMIT 1")
        ).one()
        run(
            text(
                "INSERT INTO checklist_templates (id, name, category, sections, created_at, "
                "updated_at) VALUES (1, '毛绒玩具', 'toys', '[]', :now, :now)"
            ),
            {"now": NOW},
        )
        run(
            text(
                "INSERT INTO audits (id, supplier_id, template_id, template_name, "
                "template_category, template_sections, audited_on, auditor, auditor_name, "
                "override_reason, notes, created_at, updated_at) VALUES (1, :s, 1, '毛绒玩具', "
                "'toys', '[]', '2026-11-20', 'sgs', '', '', '', :now, :now)"
            ),
            {"s": supplier_id, "now": NOW},
        )
        run(
            text(
                "INSERT INTO audit_answers (id, audit_id, item_key, number, text, remark, "
                "photo_refs) VALUES (1, 1, 'capacity.employees', '85', '', '', '[]')"
            )
        )
        run(text("INSERT INTO audit_capacity_facts VALUES (1, :f)"), {"f": fact_id})
    return supplier_id, fact_id


def test_deleting_a_fact_or_a_template_keeps_the_audit(tmp_path: Path) -> None:
    path = _migrated(tmp_path)
    database = Database(path)
    try:
        _, fact_id = _insert_audit_with_a_linked_fact(database)
        with database.transaction() as session:
            session.execute(text("DELETE FROM capacity_facts WHERE id = :f"), {"f": fact_id})
            session.execute(text("DELETE FROM checklist_templates"))
    finally:
        database.close()
    assert query(path, "SELECT count(*) FROM audit_capacity_facts") == [(0,)]
    assert query(path, "SELECT item_key, number FROM audit_answers") == [
        ("capacity.employees", "85")
    ]
    assert query(path, "SELECT template_id, template_name FROM audits") == [(None, "毛绒玩具")]


def test_deleting_the_supplier_takes_its_audits_answers_and_links(tmp_path: Path) -> None:
    path = _migrated(tmp_path)
    database = Database(path)
    try:
        supplier_id, _ = _insert_audit_with_a_linked_fact(database)
        with database.transaction() as session:
            session.execute(text("DELETE FROM suppliers WHERE id = :s"), {"s": supplier_id})
    finally:
        database.close()
    for table in ("audits", "audit_answers", "audit_capacity_facts"):
        assert query(path, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert query(path, "SELECT count(*) FROM checklist_templates") == [(1,)]
    assert query(path, "PRAGMA foreign_key_check") == []
