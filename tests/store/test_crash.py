"""Kill -9 at random moments (issue 10, part 5): a writer killed during import, export, backup or
demo leaves the database intact and all-or-nothing, the previous export or backup intact or the
new one complete, and no temporary file after the next start.

Bounded: KILLS per case at seeded random moments within one unkilled run's duration, about a
minute for all four cases on this 2-core machine.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from hashlib import sha256
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.services.suppliers.service import SupplierService
from app.store.backup_set import is_backup, verify_backup
from app.store.check import check_database
from app.store.db import Database
from app.store.opening import open_database_file
from app.temporaries import sweep
from tests.factories import minimal

KILLS = 6
SUPPLIERS = 1500


def _database(path: Path, count: int) -> Path:
    open_database_file(path)
    database = Database(path)
    try:
        SupplierService(database).insert_many(
            [minimal(f"供应商{n}", f"Supplier {n}", city="义乌") for n in range(count)]
        )
    finally:
        database.close()
    return path


def _count(path: Path) -> int:
    database = Database(path)
    try:
        return SupplierService(database).count()
    finally:
        database.close()


def _command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "app", *args]


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "WORKBENCH_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}


def _run_and_kill(command: list[str], env: dict[str, str], after: float) -> None:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(after)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait()


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def _leftovers(folder: Path) -> list[str]:
    """Temporary files and folders of ours left in `folder` (and the spool folder)."""
    marks = (".partial", "partial-", ".demo-partial", ".restoring", ".creating", "openpyxl.")
    return sorted(p.name for p in folder.rglob("*") if any(m in p.name for m in marks))


def _kill_repeatedly(
    command: list[str],
    env: dict[str, str],
    reset: Callable[[], None],
    verify: Callable[[], None],
    seed: int,
) -> None:
    duration = _timed(command, env)
    verify()
    chooser = random.Random(seed)
    for _ in range(KILLS):
        reset()
        _run_and_kill(command, env, chooser.uniform(0.05, duration))
        sweep()  # the next start
        verify()


def test_import_killed_is_all_or_nothing(tmp_path: Path, data_dir: Path) -> None:
    db = _database(tmp_path / "shop.sqlite3", 20)
    sheet = tmp_path / "new.csv"
    sheet.write_text(
        "Chinese name,City\n" + "".join(f"新厂{n},温州\n" for n in range(SUPPLIERS)),
        encoding="utf-8",
    )
    command = _command(data_dir, "import", "suppliers", str(sheet), "--db", str(db))
    env = _env(data_dir)
    fresh = db.read_bytes()

    def reset() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        db.write_bytes(fresh)

    def verify() -> None:
        assert check_database(db) == []
        assert _count(db) in (20, 20 + SUPPLIERS)
        assert _leftovers(tmp_path) == []

    _kill_repeatedly(command, env, reset, verify, seed=1)


def test_export_killed_keeps_the_previous_file_or_writes_a_whole_one(
    tmp_path: Path, data_dir: Path
) -> None:
    db = _database(tmp_path / "shop.sqlite3", SUPPLIERS)
    out = tmp_path / "suppliers.xlsx"
    command = _command(data_dir, "export", "suppliers", "--db", str(db), "--out", str(out))
    env = _env(data_dir)
    subprocess.run(command, env=env, check=True, capture_output=True)
    previous = sha256(out.read_bytes()).hexdigest()

    def verify() -> None:
        if sha256(out.read_bytes()).hexdigest() != previous:
            rows = load_workbook(out)["Suppliers"].max_row
            assert rows == SUPPLIERS + 1  # the new file is whole
        assert _leftovers(tmp_path) == []

    _kill_repeatedly(command, env, lambda: None, verify, seed=2)


def test_backup_killed_leaves_no_half_backup(tmp_path: Path, data_dir: Path) -> None:
    db = _database(tmp_path / "shop.sqlite3", SUPPLIERS)
    target = tmp_path / "nightly.backup"
    command = _command(data_dir, "backup", "--db", str(db), "--out", str(target), "--force")
    env = _env(data_dir)

    def verify() -> None:
        if target.exists():
            assert is_backup(target) and verify_backup(target) == []
        assert _leftovers(tmp_path) == []
        assert check_database(db) == []

    _kill_repeatedly(command, env, lambda: None, verify, seed=3)


def test_demo_killed_leaves_nothing_or_the_whole_demo(tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    command = _command(data_dir, "demo", "--db", str(db))
    env = _env(data_dir)

    def reset() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        import shutil

        shutil.rmtree(tmp_path / "demo.photos", ignore_errors=True)

    def verify() -> None:
        if db.exists():
            assert check_database(db) == [] and _count(db) >= 30
        assert _leftovers(tmp_path) == []

    reset_then_verify = verify
    _kill_repeatedly(command, env, reset, reset_then_verify, seed=4)


@pytest.fixture(autouse=True)
def _run_from_the_project(monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m app` in the subprocesses is this checkout's app."""
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
