"""Alembic migrations: they build exactly the models' schema, keep every row, fail atomically."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    URL,
    Column,
    Engine,
    Index,
    MetaData,
    Numeric,
    String,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import TypeDecorator, TypeEngine

from app.errors import DatabaseError
from app.services.suppliers.service import SupplierService
from app.store import connection as store_connection
from app.store import migrate, schema_version
from app.store.connection import inspect_file
from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file
from app.store.schema_version import APPLICATION_ID, HEAD, REVISIONS
from app.store.types import ChoiceCode, DecimalText, UTCDateTime
from tests.db_rows import query
from tests.factories import hengda, minimal
from tests.older_files import fill_older

CHILD_TABLES = (
    "supplier_contacts",
    "supplier_certifications",
    "supplier_red_flags",
    "supplier_tags",
)
NEXT_REVISION = "0002_test_only"

# A later migration as a developer would write it: SQLite cannot add a column in place with
# every option, so Alembic's batch mode copies `suppliers` into a new table and drops the old.
REBUILD_SUPPLIERS = """
    with op.batch_alter_table("suppliers", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("wechat_shop", sa.String(300), nullable=True))
"""
# The same rebuild going wrong half-way: the copy fails after _alembic_tmp_suppliers exists.
FAILING_REBUILD = """
    with op.batch_alter_table("suppliers", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("must_have", sa.String(10), nullable=False))
"""
REVISION_FILE = '''"""Test-only migration written by tests/store/test_migrations.py."""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down_revision}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}

def downgrade() -> None:
    raise NotImplementedError
'''


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _engine_for(path: Path) -> Engine:
    """A plain SQLAlchemy engine (pysqlite's own transaction handling, foreign keys off)."""
    return create_engine(URL.create("sqlite", database=str(path)))


def _alembic_config(script_location: Path, connection: Any = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.attributes["connection"] = connection
    return config


def _counts(path: Path) -> dict[str, int]:
    return {
        table: query(path, f"SELECT count(*) FROM {table}")[0][0]
        for table in ("suppliers", *CHILD_TABLES)
    }


def _revision(path: Path) -> str:
    return query(path, "SELECT version_num FROM alembic_version")[0][0]


def _tables(path: Path) -> set[str]:
    return {row[0] for row in query(path, "SELECT name FROM sqlite_master WHERE type='table'")}


# --- the revision list the app reads without Alembic ---------------------------------------
def test_revisions_are_the_alembic_history_oldest_first() -> None:
    scripts = ScriptDirectory.from_config(_alembic_config(migrate.MIGRATIONS_DIR))
    history = [script.revision for script in reversed(list(scripts.walk_revisions()))]
    assert tuple(history) == REVISIONS
    assert scripts.get_heads() == [HEAD]
    assert scripts.get_base() == REVISIONS[0]
    for older, newer in pairwise(REVISIONS):
        assert scripts.get_revision(newer).down_revision == older  # one straight line


# --- the schema ------------------------------------------------------------------------------
def _stored_type(type_: TypeEngine[Any]) -> tuple[type, bool, int | None]:
    """What SQLite is told to store: a TypeDecorator by its impl, texts apart, with length."""
    if isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    return (type_._type_affinity, isinstance(type_, Text), getattr(type_, "length", None))


def compare_stored_type(
    _context: MigrationContext,
    _inspected_column: Column[Any],
    _metadata_column: Column[Any],
    inspected_type: TypeEngine[Any],
    metadata_type: TypeEngine[Any],
) -> bool | None:
    """Differs when the stored types differ; otherwise Alembic's own comparison also runs.

    DecimalText, ChoiceCode and UTCDateTime are all VARCHAR in the file: the schema can only
    prove the impl and its length. What kind of text is inside is app.store.check's job.
    """
    if _stored_type(inspected_type) != _stored_type(metadata_type):
        return True
    return None


def _schema_differences(path: Path, metadata: MetaData) -> list[Any]:
    engine = _engine_for(path)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": compare_stored_type}
            )
            return compare_metadata(context, metadata)
    finally:
        engine.dispose()


def test_a_new_database_has_exactly_the_models_schema(db_path: Path) -> None:
    assert _schema_differences(db_path, Base.metadata) == []


def test_the_custom_types_are_among_the_compared_columns() -> None:
    """So the test above really compares DecimalText, ChoiceCode and UTCDateTime columns."""
    kinds = {type(column.type) for table in Base.metadata.tables.values() for column in table.c}
    assert {DecimalText, ChoiceCode, UTCDateTime} <= kinds


def _mutated(change: Callable[[MetaData], None]) -> MetaData:
    copy = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.sorted_tables:
        table.to_metadata(copy)
    change(copy)
    return copy


def _numeric_rate(metadata: MetaData) -> None:
    metadata.tables["suppliers"].c.reorder_rate.type = Numeric(10, 2)


def _longer_decimal_text(metadata: MetaData) -> None:
    class WiderDecimalText(DecimalText):
        impl = String(60)

    metadata.tables["suppliers"].c.on_time_rate.type = WiderDecimalText()


def _timestamp_as_text(metadata: MetaData) -> None:
    metadata.tables["suppliers"].c.created_at.type = Text()


def _new_column(metadata: MetaData) -> None:
    metadata.tables["suppliers"].append_column(Column("wechat_shop", String(300)))


def _nullable_name(metadata: MetaData) -> None:
    metadata.tables["suppliers"].c.name_zh.nullable = True


def _new_index(metadata: MetaData) -> None:
    suppliers = metadata.tables["suppliers"]
    Index("ix_suppliers_city", suppliers.c.city)


@pytest.mark.parametrize(
    "change",
    [
        _numeric_rate,
        _longer_decimal_text,
        _timestamp_as_text,
        _new_column,
        _nullable_name,
        _new_index,
    ],
)
def test_the_schema_comparison_notices_a_model_that_drifted(
    db_path: Path, change: Callable[[MetaData], None]
) -> None:
    """The comparison above can fail: a model changed without a migration is reported."""
    assert _schema_differences(db_path, _mutated(change)) != []


def test_a_new_database_is_wal_marked_ours_and_at_head(db_path: Path) -> None:
    assert query(db_path, "PRAGMA journal_mode") == [("wal",)]
    assert query(db_path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert _revision(db_path) == HEAD
    assert inspect_file(db_path).needs_migration is False


def test_children_are_linked_to_suppliers_with_cascading_deletes(db_path: Path) -> None:
    for table in CHILD_TABLES:
        links = query(db_path, f"PRAGMA foreign_key_list({table})")
        assert [(link[2], link[3], link[4], link[6]) for link in links] == [
            ("suppliers", "supplier_id", "id", "CASCADE")
        ]


def test_sessions_enforce_foreign_keys(database: Database, db_path: Path) -> None:
    with pytest.raises(DatabaseError, match="FOREIGN KEY") as caught, database.transaction() as s:
        s.execute(
            text("INSERT INTO supplier_tags (supplier_id, tag, position) VALUES (999, 'x', 0)")
        )
    assert str(db_path) in str(caught.value)
    assert _counts(db_path)["supplier_tags"] == 0


def test_sessions_cascade_deletes_in_sql(
    supplier_service: SupplierService, database: Database, db_path: Path
) -> None:
    kept = supplier_service.save(minimal("留下的工厂", tags=["留"])).created[0]
    gone = supplier_service.save(hengda()).created[0]
    with database.transaction() as session:  # plain SQL: no ORM cascade, only the database's
        session.execute(text("DELETE FROM suppliers WHERE id = :id"), {"id": gone})
    assert _counts(db_path) == {
        "suppliers": 1,
        "supplier_contacts": 0,
        "supplier_certifications": 0,
        "supplier_red_flags": 0,
        "supplier_tags": 1,
    }
    assert query(db_path, "SELECT supplier_id FROM supplier_tags") == [(kept,)]


# --- a later migration, simulated honestly: one more real Alembic script -----------------------
@pytest.fixture
def add_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Make this build know one more revision after HEAD, whose upgrade() runs `body`.

    The real scripts are copied beside the test revision, and every module that holds the
    revision list sees the longer one, as a build with a new migration would.
    """

    def install(body: str) -> Path:
        folder = tmp_path / "migrations"
        shutil.copytree(
            migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__")
        )
        (folder / "versions" / f"{NEXT_REVISION}.py").write_text(
            REVISION_FILE.format(revision=NEXT_REVISION, down_revision=HEAD, body=body)
        )
        revisions = (*REVISIONS, NEXT_REVISION)
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
        for module in (schema_version, store_connection, migrate):
            monkeypatch.setattr(module, "HEAD", NEXT_REVISION)
        for module in (schema_version, store_connection):
            monkeypatch.setattr(module, "REVISIONS", revisions)
        return folder

    return install


@pytest.fixture
def old_db(db_path: Path) -> Path:
    """A database at today's HEAD holding whole suppliers: every child table has rows."""
    database = Database(db_path)
    service = SupplierService(database)
    for number in range(25):
        service.save(hengda(name_zh=f"恒达{number}厂", shop_url=f"https://hd{number}.1688.com"))
    service.save(minimal(name_en="Ningbo Plastics"))
    database.close()
    counts = _counts(db_path)
    assert counts["suppliers"] == 26 and all(counts[table] >= 25 for table in CHILD_TABLES)
    return db_path


def _engine_with_foreign_keys_on(path: Path) -> Engine:
    """The pitfall's engine: one IMMEDIATE transaction as the app's, but foreign keys ON."""
    engine = _engine_for(path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _upgrade_with(engine: Engine, folder: Path) -> None:
    try:
        with engine.connect() as connection, connection.begin():
            command.upgrade(_alembic_config(folder, connection), "head")
    finally:
        engine.dispose()


def test_a_batch_rebuild_of_suppliers_keeps_every_child_row(
    old_db: Path, add_migration: Callable[[str], Path]
) -> None:
    before = _counts(old_db)
    add_migration(REBUILD_SUPPLIERS)
    migrate.upgrade_to_head(old_db)
    assert _revision(old_db) == NEXT_REVISION
    assert "wechat_shop" in {row[1] for row in query(old_db, "PRAGMA table_info(suppliers)")}
    assert _counts(old_db) == before
    assert query(old_db, "PRAGMA foreign_key_check") == []
    assert not {name for name in _tables(old_db) if name.startswith("_alembic_tmp")}
    # The rebuilt table is still the parent, and deleting from it still cascades.
    database = Database(old_db)
    try:
        with database.transaction() as session:
            session.execute(text("DELETE FROM suppliers WHERE name_en = 'Ningbo Plastics'"))
            session.execute(text("DELETE FROM suppliers WHERE name_zh = '恒达0厂'"))
    finally:
        database.close()
    after = _counts(old_db)
    assert after["suppliers"] == before["suppliers"] - 2
    assert after["supplier_tags"] == before["supplier_tags"] - 2  # hengda has two tags


def test_the_same_rebuild_with_foreign_keys_on_would_empty_the_children(
    old_db: Path, add_migration: Callable[[str], Path]
) -> None:
    """The contrast that makes the test above meaningful (README: Pitfalls)."""
    before = _counts(old_db)
    folder = add_migration(REBUILD_SUPPLIERS)
    _upgrade_with(_engine_with_foreign_keys_on(old_db), folder)
    after = _counts(old_db)
    assert after["suppliers"] == before["suppliers"]
    assert all(after[table] == 0 for table in CHILD_TABLES)  # DROP TABLE cascaded
    assert query(old_db, "PRAGMA integrity_check") == [("ok",)]  # and nothing says so


def test_a_failing_migration_leaves_the_file_as_it_was(
    old_db: Path, add_migration: Callable[[str], Path]
) -> None:
    add_migration(FAILING_REBUILD)
    before = _digest(old_db)
    with pytest.raises(DatabaseError, match="NOT NULL") as caught:
        migrate.upgrade_to_head(old_db)
    assert str(old_db) in str(caught.value)
    assert _digest(old_db) == before
    assert _revision(old_db) == HEAD
    assert not {name for name in _tables(old_db) if name.startswith("_alembic_tmp")}


def test_without_the_immediate_transaction_a_failed_rebuild_leaves_debris(
    old_db: Path, add_migration: Callable[[str], Path]
) -> None:
    """The contrast: pysqlite's default transaction handling auto-commits the DDL."""
    folder = add_migration(FAILING_REBUILD)
    with pytest.raises(IntegrityError, match="NOT NULL"):
        _upgrade_with(_engine_for(old_db), folder)
    assert "_alembic_tmp_suppliers" in _tables(old_db)


def test_opening_an_older_database_backs_it_up_then_migrates(
    old_db: Path, add_migration: Callable[[str], Path]
) -> None:
    before_counts = _counts(old_db)
    add_migration(REBUILD_SUPPLIERS)
    assert inspect_file(old_db).needs_migration

    opened = open_database_file(old_db)

    assert opened.migrated_from == HEAD and opened.backup is not None
    backup = opened.backup
    assert backup.parent == old_db.parent
    assert backup.name.startswith(f"{old_db.stem}.before-{NEXT_REVISION}-from-{HEAD}-")
    # The backup is the file as it was before the upgrade, verified and standalone.
    assert _revision(backup) == HEAD
    assert "wechat_shop" not in {row[1] for row in query(backup, "PRAGMA table_info(suppliers)")}
    assert _counts(backup) == before_counts
    assert query(backup, "PRAGMA quick_check") == [("ok",)]
    assert query(backup, "PRAGMA journal_mode") == [("delete",)]
    # The database itself moved on, with every row.
    assert _revision(old_db) == NEXT_REVISION
    assert _counts(old_db) == before_counts
    assert open_database_file(old_db).migrated_from is None  # nothing left to do


def test_no_upgrade_happens_when_the_backup_fails(
    old_db: Path, add_migration: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    add_migration(REBUILD_SUPPLIERS)
    before = _digest(old_db)

    def backup_fails(source: Path, target: Path) -> Path:
        raise DatabaseError(f"Cannot write the backup to {target}: No space left on device.")

    monkeypatch.setattr(migrate, "backup_database", backup_fails)
    with pytest.raises(DatabaseError, match="No space left"):
        open_database_file(old_db)
    assert _digest(old_db) == before
    assert _revision(old_db) == HEAD


# --- every past schema version is opened and migrated ------------------------------------------
def _database_at(path: Path, revision: str) -> None:
    """A workbench file built by an older build, stopped at `revision`."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute("PRAGMA journal_mode = WAL")
    raw.close()
    engine = migrate._migration_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            command.upgrade(_alembic_config(migrate.MIGRATIONS_DIR, connection), revision)
    finally:
        engine.dispose()


@pytest.fixture(params=REVISIONS)
def database_at_each_revision(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / f"at-{request.param}.sqlite3"
    _database_at(path, request.param)
    assert _revision(path) == request.param
    yield path


def test_every_past_schema_version_opens_and_reaches_the_models_schema(
    database_at_each_revision: Path,
) -> None:
    path = database_at_each_revision
    started_at = _revision(path)
    opened = open_database_file(path)
    assert _revision(path) == HEAD
    if started_at == HEAD:
        assert opened.migrated_from is None and opened.backup is None
    else:
        assert opened.migrated_from == started_at and opened.backup is not None
        assert _revision(opened.backup) == started_at
    assert _schema_differences(path, Base.metadata) == []


MATRIX_TABLES = ("capacity_facts", "evaluations", "credit_inputs", "app_settings")


def _ten_suppliers(database: Database) -> None:
    service = SupplierService(database)
    for number in range(10):
        service.save(hengda(name_zh=f"恒达{number}厂", shop_url=f"https://hd{number}.1688.com"))


def test_a_filled_0001_database_migrates_to_head_keeping_every_row(tmp_path: Path) -> None:
    """0002 and 0003 only add the Capacity & Credit tables: every supplier and child row stays."""
    path = tmp_path / "at-0001.sqlite3"
    _database_at(path, "0001_initial")
    fill_older(path, _ten_suppliers)
    before = _counts(path)
    assert all(before[table] >= 10 for table in CHILD_TABLES)
    assert not set(MATRIX_TABLES) & _tables(path)

    opened = open_database_file(path)

    assert opened.migrated_from == "0001_initial"
    assert _revision(path) == HEAD
    assert _counts(path) == before
    assert query(path, "PRAGMA foreign_key_check") == []
    for table in MATRIX_TABLES:
        assert query(path, f"SELECT count(*) FROM {table}") == [(0,)]
    for table in ("capacity_facts", "evaluations", "credit_inputs"):
        links = query(path, f"PRAGMA foreign_key_list({table})")
        assert [(link[2], link[3], link[4], link[6]) for link in links] == [
            ("suppliers", "supplier_id", "id", "CASCADE")
        ]
    assert _schema_differences(path, Base.metadata) == []
