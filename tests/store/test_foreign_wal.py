"""A -wal beside a database that is not its own never destroys it (issue 10, reproduced there:
a 2.8 MB database with 3,036 suppliers became 336 KB of garbage on `export`).

The scene: two databases `a` and `b`; a writer of `a` killed after COMMIT with autocheckpoint
off leaves a committed `-wal`; the user copies `a`'s `-wal`/`-shm` beside `b` (what restoring a
backup by copying files over the live one after a crash does).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file
from app.store.sidecars import has_pending_wal
from tests.factories import minimal

KILLED_WRITER = """
import os, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint = 0")
connection.execute("BEGIN IMMEDIATE")
for number in range(400):
    connection.execute(
        "UPDATE suppliers SET notes = ? WHERE id = ?", ("x" * 200, number % 5 + 1)
    )
    connection.execute(
        "INSERT INTO supplier_tags (supplier_id, tag, position) VALUES (1, ?, ?)",
        (f"tag {number}", number),
    )
connection.execute("COMMIT")
os._exit(0)  # killed after COMMIT: no checkpoint, the -wal and -shm stay
"""


def _database(path: Path, suppliers: int) -> Path:
    open_database_file(path)
    database = Database(path)
    try:
        SupplierService(database).insert_many(
            [minimal(f"供应商{n}", f"Supplier {n}", city="义乌") for n in range(suppliers)]
        )
    finally:
        database.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def b_with_foreign_wal(tmp_path: Path) -> Path:
    a = _database(tmp_path / "a.sqlite3", 5)
    b = _database(tmp_path / "b.sqlite3", 3000)
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(a)], check=True)
    assert has_pending_wal(a)
    for suffix in ("-wal", "-shm"):
        shutil.copyfile(f"{a}{suffix}", f"{b}{suffix}")
    return b


def _count(db: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT count(*) FROM suppliers").fetchone()[0]
    finally:
        connection.close()


def test_export_never_changes_a_database_with_a_foreign_wal(
    b_with_foreign_wal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    b = b_with_foreign_wal
    before = _digest(b)
    code = main(["export", "suppliers", "--db", str(b), "--out", str(tmp_path / "b.xlsx")])
    assert _digest(b) == before, capsys.readouterr()
    err = capsys.readouterr().err
    if code != 0:  # refused: one line, and what it says about the file is true
        assert err.startswith("error: ") and err.count("\n") == 1, err
    assert not any(tmp_path.glob("b.before-open-*"))  # a read-only command copies nothing


@pytest.mark.parametrize("command", ["import", "window"])
def test_a_write_first_sets_the_file_and_its_wal_aside(
    b_with_foreign_wal: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    b = b_with_foreign_wal
    original, original_wal = b.read_bytes(), Path(f"{b}-wal").read_bytes()
    try:
        if command == "import":
            sheet = tmp_path / "more.csv"
            sheet.write_text("Chinese name,City\n温州新星鞋厂,温州\n", encoding="utf-8")
            main(["import", "suppliers", str(sheet), "--db", str(b)])
        else:
            opened = open_database_file(b)
            Database(b).close()
    except Exception as error:  # a refusal is fine; losing the file is not
        assert "not changed" not in str(error) or b.read_bytes() == original
    copies = sorted(tmp_path.glob("b.before-open-*.sqlite3"))
    if b.read_bytes() != original:
        # SQLite applied the -wal: whatever it did can be undone from the copy set aside first.
        assert len(copies) == 1
        assert copies[0].read_bytes() == original
        assert Path(f"{copies[0]}-wal").read_bytes() == original_wal
        said = capsys.readouterr().err if command == "import" else " ".join(opened.notices())
        assert copies[0].name in said


def test_a_foreign_wal_is_named_in_the_refusal(
    b_with_foreign_wal: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.xlsx"
    assert main(["export", "suppliers", "--db", str(b_with_foreign_wal), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and "not changed" in err
    assert "b.sqlite3-wal file lies beside it" in err and "restore BACKUP" in err


def test_a_crashed_writers_own_wal_is_kept_and_set_aside_first(tmp_path: Path) -> None:
    """The everyday case: the app was killed after a COMMIT. Opening applies the committed rows
    (they are the user's), after copying the file and its -wal aside."""
    a = _database(tmp_path / "a.sqlite3", 5)
    original = a.read_bytes()
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(a)], check=True)
    opened = open_database_file(a)
    assert opened.set_aside is not None and opened.set_aside.read_bytes() == original
    assert Path(f"{opened.set_aside}-wal").stat().st_size > 0
    assert opened.set_aside.name in " ".join(opened.notices())
    database = Database(a)
    try:
        tags = SupplierService(database).get(1).tags
    finally:
        database.close()
    assert len(tags) == 400  # the committed rows of the killed writer


def test_reading_leaves_no_pending_wal_and_needs_no_copy(tmp_path: Path) -> None:
    """A read-only look leaves an empty -wal: the next opening must not take it for a crash."""
    b = _database(tmp_path / "b.sqlite3", 3)
    assert main(["export", "suppliers", "--db", str(b), "--out", str(tmp_path / "b.xlsx")]) == 0
    assert not has_pending_wal(b)
    assert open_database_file(b).set_aside is None
    assert _count(b) == 3


def test_a_refusal_that_says_not_changed_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.errors import DatabaseCorrupt
    from app.store import opening

    b = _database(tmp_path / "b.sqlite3", 3)
    Path(f"{b}-wal").write_bytes(b"\0" * 64)  # a pending -wal: the fingerprint takes the hash

    def damaging_check(path: Path, **_options: object) -> None:
        with open(path, "r+b") as handle:  # as if SQLite had written while checking
            handle.seek(4096)
            handle.write(b"\xff" * 16)
        raise DatabaseCorrupt(f"{path} is damaged (x). Restore it; the file was not changed.")

    monkeypatch.setattr(opening, "inspect_file", damaging_check)
    with pytest.raises(DatabaseCorrupt) as refused:
        open_database_file(b)
    assert "not changed" not in str(refused.value)
    assert "changed while it was being checked" in str(refused.value)
