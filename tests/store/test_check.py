"""`check_database`: finds what is wrong, refuses what it cannot check, never changes the file."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.kit.money import Money
from app.domain.suppliers.choices import (
    BusinessType,
    CertificationKind,
    Membership,
    RedFlagKind,
    Status,
)
from app.domain.suppliers.supplier import Certification, RedFlag
from app.errors import (
    DatabaseCorrupt,
    DatabaseError,
    DatabaseLocked,
    DatabaseTooNew,
    NotAWorkbenchDatabase,
)
from app.services.suppliers.service import SupplierService
from app.store.check import MAX_PROBLEMS_PER_RULE, RULES, check_database
from app.store.db import Database
from app.store.opening import open_database_file
from tests.factories import certificate_number, hengda, minimal

QUICK_MS = 150


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _execute(path: Path, *statements: str) -> None:
    """Raw writes as another program would make them: foreign keys off, no app rules."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            connection.execute(statement)
    finally:
        connection.close()


def _fill_like_the_demo(path: Path) -> None:
    """Suppliers using every code of every vocabulary, money in three currencies, names in both."""
    database = Database(path)
    service = SupplierService(database, today=lambda: date(2026, 11, 29))
    try:
        service.save(hengda())
        service.save(minimal(name_en="Ningbo Plastics Co.", deposit=Money(Decimal("5000"), "JPY")))
        for number, status in enumerate(Status):
            service.save(
                minimal(
                    f"测试{number}号工厂",
                    status=status,
                    membership=list(Membership)[number % len(Membership)],
                    business_type=list(BusinessType)[number % len(BusinessType)],
                    deposit=Money(Decimal("199.99"), "USD"),
                    reorder_rate=Decimal("33.3"),
                )
            )
        service.save(
            minimal(
                "证书齐全工厂",
                certifications=[
                    Certification(kind, certificate_number(kind)) for kind in CertificationKind
                ],
                red_flags=[RedFlag(kind, date(2026, 10, 1), "") for kind in RedFlagKind],
            )
        )
    finally:
        database.close()


@pytest.fixture
def healthy_db(db_path: Path) -> Path:
    _fill_like_the_demo(db_path)
    return db_path


def _supplier_id(path: Path, name_zh: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(
            "SELECT id FROM suppliers WHERE name_zh = ?", (name_zh,)
        ).fetchone()[0]
    finally:
        connection.close()


# --- healthy --------------------------------------------------------------------------------
def test_a_healthy_database_has_no_problems_and_is_not_changed(healthy_db: Path) -> None:
    before = _digest(healthy_db)
    assert check_database(healthy_db) == []
    assert _digest(healthy_db) == before
    wal = Path(f"{healthy_db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # a reader's empty WAL, nothing written


def test_a_healthy_database_in_an_awkward_folder(tmp_path: Path) -> None:
    path = tmp_path / "采购 #1 ?50%" / "供应商.sqlite3"
    open_database_file(path)
    _fill_like_the_demo(path)
    assert check_database(path) == []


def test_check_works_on_a_database_in_a_read_only_folder(
    healthy_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root, which writes anywhere: os.access stands in for a read-only folder.
    real_access = os.access

    def read_only(path: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
        return False if mode & os.W_OK else real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", read_only)
    assert check_database(healthy_db) == []


def test_check_sees_what_the_open_app_committed_to_the_wal(healthy_db: Path) -> None:
    database = Database(healthy_db)
    try:
        SupplierService(database).save(minimal("刚保存的工厂"))
        with database.engine.connect() as connection:  # the app still holds it open
            connection.exec_driver_sql("SELECT 1")
            seen: list[int] = []

            def count_suppliers(connection: sqlite3.Connection, _path: Path) -> Iterator[str]:
                seen.append(connection.execute("SELECT count(*) FROM suppliers").fetchone()[0])
                return iter(())

            assert check_database(healthy_db, rules=[*RULES, count_suppliers]) == []
    finally:
        database.close()
    assert seen == [len(Status) + 4]


def test_a_further_rule_adds_its_own_problems(healthy_db: Path) -> None:
    def photos(_connection: sqlite3.Connection, path: Path) -> list[str]:
        return [f"photo folder {path.parent / 'photos'}: 3f2a.jpg is missing"]

    assert check_database(healthy_db, rules=[*RULES, photos]) == [
        f"photo folder {healthy_db.parent / 'photos'}: 3f2a.jpg is missing"
    ]


# --- problems found ----------------------------------------------------------------------------
def test_money_stored_as_real_is_reported(healthy_db: Path) -> None:
    supplier_id = _supplier_id(healthy_db, "义乌市恒达工艺品厂")
    _execute(healthy_db, f"UPDATE suppliers SET deposit_minor = 3000.5 WHERE id = {supplier_id}")
    before = _digest(healthy_db)
    problems = check_database(healthy_db)
    assert problems == [
        f"suppliers row {supplier_id}: deposit_minor is stored as real (3000.5), "
        "not as whole minor units; amounts would no longer be exact"
    ]
    assert _digest(healthy_db) == before


def test_a_rate_stored_as_real_is_reported(healthy_db: Path) -> None:
    """A file whose rate column lost its text type (say, an old build used Numeric) holds REAL.

    With today's VARCHAR column SQLite itself turns a float into text (test_types), so the
    column is rebuilt the way such a build would have made it.
    """
    supplier_id = _supplier_id(healthy_db, "义乌市恒达工艺品厂")
    connection = sqlite3.connect(healthy_db, isolation_level=None)
    try:
        (create_sql,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'suppliers'"
        ).fetchone()
        numeric = create_sql.replace("reorder_rate VARCHAR(40)", "reorder_rate NUMERIC")
        # Quoted once a migration has rebuilt the table (0008 did): either way, renamed.
        numeric = re.sub(r'CREATE TABLE "?suppliers"?', "CREATE TABLE new_suppliers", numeric)
        assert "reorder_rate NUMERIC" in numeric
        # SQLite's own recipe for changing a column: new table, copy, drop, rename.
        connection.execute(f"UPDATE suppliers SET reorder_rate = NULL WHERE id != {supplier_id}")
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute("BEGIN")
        connection.execute(numeric)
        connection.execute("INSERT INTO new_suppliers SELECT * FROM suppliers")
        connection.execute("DROP TABLE suppliers")
        connection.execute("ALTER TABLE new_suppliers RENAME TO suppliers")
        connection.execute(f"UPDATE suppliers SET reorder_rate = 45.5 WHERE id = {supplier_id}")
        connection.execute("COMMIT")
        assert connection.execute(
            f"SELECT typeof(reorder_rate) FROM suppliers WHERE id = {supplier_id}"
        ).fetchone() == ("real",)
    finally:
        connection.close()
    problems = check_database(healthy_db)
    assert problems == [
        f"suppliers row {supplier_id}: reorder_rate is stored as real (45.5), "
        "not as exact text; amounts would no longer be exact"
    ]


def test_a_rate_that_is_not_a_number_is_reported(healthy_db: Path) -> None:
    supplier_id = _supplier_id(healthy_db, "义乌市恒达工艺品厂")
    _execute(healthy_db, f"UPDATE suppliers SET on_time_rate = '98,2 %' WHERE id = {supplier_id}")
    assert check_database(healthy_db) == [
        f"suppliers row {supplier_id}: on_time_rate '98,2 %' is not a number"
    ]


def test_a_dangling_child_row_is_reported_with_table_row_and_value(healthy_db: Path) -> None:
    _execute(
        healthy_db,
        "INSERT INTO supplier_contacts (id, supplier_id, person, phone, wechat, wangwang, email,"
        " position) VALUES (500, 9999, '张三', '', '', '', '', 0)",
    )
    before = _digest(healthy_db)
    assert check_database(healthy_db) == [
        "supplier_contacts row 500: supplier_id = 9999 points to a suppliers row that does not exist"
    ]
    assert _digest(healthy_db) == before


def test_children_orphaned_by_a_raw_delete_are_reported(healthy_db: Path) -> None:
    supplier_id = _supplier_id(healthy_db, "义乌市恒达工艺品厂")
    _execute(healthy_db, f"DELETE FROM suppliers WHERE id = {supplier_id}")
    problems = check_database(healthy_db)
    tables = {problem.split(" row ")[0] for problem in problems}
    assert tables == {
        "supplier_contacts",
        "supplier_certifications",
        "supplier_red_flags",
        "supplier_tags",
    }
    assert all(f"supplier_id = {supplier_id} points to a suppliers row" in p for p in problems)


def test_a_supplier_without_any_name_is_reported(healthy_db: Path) -> None:
    supplier_id = _supplier_id(healthy_db, "义乌市恒达工艺品厂")
    # A full-width space is no name either (the app's validation strips it too).
    _execute(
        healthy_db,
        f"UPDATE suppliers SET name_zh = '\u3000', name_en = ' ' WHERE id = {supplier_id}",
    )
    assert check_database(healthy_db) == [
        f"suppliers row {supplier_id}: has neither a Chinese nor an English name"
    ]


def test_unknown_codes_are_reported(healthy_db: Path) -> None:
    supplier_id = _supplier_id(healthy_db, "义乌市恒达工艺品厂")
    _execute(
        healthy_db,
        f"UPDATE suppliers SET status = 'sleeping' WHERE id = {supplier_id}",
        f"UPDATE supplier_certifications SET kind = 'UL' WHERE supplier_id = {supplier_id}"
        " AND position = 1",
    )
    certification_id = _single(
        healthy_db,
        f"SELECT id FROM supplier_certifications WHERE supplier_id = {supplier_id} AND position = 1",
    )
    problems = check_database(healthy_db)
    assert (
        f"suppliers row {supplier_id}: status 'sleeping' is not one of " + ", ".join(Status)
        in problems
    )
    assert any(
        p.startswith(f"supplier_certifications row {certification_id}: kind 'UL' is not one of")
        for p in problems
    )
    assert len(problems) == 2


def _single(path: Path, sql: str) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


def test_an_index_out_of_step_with_its_table_is_reported(healthy_db: Path) -> None:
    """Damage that quick_check (run at open) does not see, but the full integrity_check does."""
    _execute(
        healthy_db,
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = replace(sql, '(name_sort)', '(city)')"
        " WHERE name = 'ix_suppliers_name_sort'",
    )
    assert open_database_file(healthy_db).path == healthy_db  # the app would still open it
    problems = check_database(healthy_db)
    assert problems and all(p.startswith("damaged: ") for p in problems)
    assert any("ix_suppliers_name_sort" in p for p in problems)


def test_many_problems_of_one_kind_are_counted_on_one_line(healthy_db: Path) -> None:
    database = Database(healthy_db)
    try:
        service = SupplierService(database)
        for number in range(MAX_PROBLEMS_PER_RULE):
            service.save(minimal(f"追加{number}厂"))
    finally:
        database.close()
    _execute(healthy_db, "UPDATE suppliers SET reorder_rate = 'n/a'")
    total = int(_single(healthy_db, "SELECT count(*) FROM suppliers"))  # type: ignore[call-overload]
    assert total > MAX_PROBLEMS_PER_RULE + 1
    problems = check_database(healthy_db)
    assert len(problems) == MAX_PROBLEMS_PER_RULE + 1
    assert problems[:2] == [
        "suppliers row 1: reorder_rate 'n/a' is not a number",
        "suppliers row 2: reorder_rate 'n/a' is not a number",
    ]
    assert problems[-1] == (
        f"... and {total - MAX_PROBLEMS_PER_RULE} more problems like the ones above"
    )
    assert all("\n" not in problem for problem in problems)


# --- refused: cannot be checked at all ---------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [b"", b"shopping list\n", b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["zero-bytes", "text", "sqlite-header-then-nothing"],
)
def test_a_file_that_is_not_a_database_is_a_one_line_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(NotAWorkbenchDatabase) as caught:
        check_database(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "notes.sqlite3"]


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    _execute(path, "CREATE TABLE things (id INTEGER PRIMARY KEY)")
    before = _digest(path)
    with pytest.raises(NotAWorkbenchDatabase, match="not a Sourcing Workbench database"):
        check_database(path)
    assert _digest(path) == before


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        check_database(tmp_path / "missing.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists()
    with pytest.raises(NotAWorkbenchDatabase, match="folder"):
        check_database(tmp_path)


def test_a_corrupt_database_is_a_one_line_error_and_left_alone(healthy_db: Path) -> None:
    size = healthy_db.stat().st_size
    with open(healthy_db, "r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    before = _digest(healthy_db)
    with pytest.raises((DatabaseCorrupt, NotAWorkbenchDatabase)) as caught:
        check_database(healthy_db)
    assert str(healthy_db) in str(caught.value) and "\n" not in str(caught.value)
    assert _digest(healthy_db) == before


def test_a_database_from_a_newer_app_is_refused(healthy_db: Path) -> None:
    _execute(healthy_db, "UPDATE alembic_version SET version_num = '0099_future'")
    before = _digest(healthy_db)
    with pytest.raises(DatabaseTooNew):
        check_database(healthy_db)
    assert _digest(healthy_db) == before


def test_a_locked_database_is_reported_quickly(healthy_db: Path) -> None:
    holder = sqlite3.connect(healthy_db, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN IMMEDIATE")
        holder.execute("UPDATE suppliers SET notes = 'elsewhere'")
        started = time.monotonic()
        with pytest.raises(DatabaseLocked):
            check_database(healthy_db, timeout_ms=QUICK_MS)
        assert time.monotonic() - started < 3
        holder.execute("ROLLBACK")
    finally:
        holder.close()


def test_check_never_writes_even_if_a_rule_tries(healthy_db: Path) -> None:
    def vandal(connection: sqlite3.Connection, _path: Path) -> list[str]:
        connection.execute("DELETE FROM supplier_tags")
        return []

    before = _digest(healthy_db)
    with pytest.raises(DatabaseError):
        check_database(healthy_db, rules=[vandal])
    assert _digest(healthy_db) == before
    assert _single(healthy_db, "SELECT count(*) FROM supplier_tags") == 2


def test_values_the_app_cannot_read_are_named(healthy_db: Path) -> None:
    """issue 10: member_since '20x5' and a malformed timestamp passed check, then stopped
    exports and left the matrix tab loading forever."""
    supplier_id = _supplier_id(healthy_db, "义乌市恒达工艺品厂")
    _execute(healthy_db, f"UPDATE suppliers SET member_since = '20x5' WHERE id = {supplier_id}")
    _execute(healthy_db, f"UPDATE suppliers SET created_at = '2026-13-45' WHERE id = {supplier_id}")
    problems = check_database(healthy_db)
    assert (
        f"suppliers row {supplier_id}: member_since is stored as text ('20x5'), "
        "not as a whole number; it cannot be read"
    ) in problems
    assert f"suppliers row {supplier_id}: created_at '2026-13-45' is not a time" in problems
