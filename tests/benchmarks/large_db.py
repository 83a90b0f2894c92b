"""A cached database of N synthetic suppliers for benchmarks (built once, reused by path)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from app.services.demo import synthetic_suppliers
from app.services.workbench import Workbench
from app.store.opening import open_database_file

CACHE = Path("/tmp/workbench-bench")


def large_database(count: int) -> Path:
    path = CACHE / f"suppliers-{count}.sqlite3"
    if path.exists():
        with sqlite3.connect(path) as connection:
            if connection.execute("SELECT count(*) FROM suppliers").fetchone()[0] == count:
                return path
        path.unlink()
    CACHE.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    open_database_file(path)
    workbench = Workbench(path)
    workbench.suppliers.insert_many(synthetic_suppliers(count))
    workbench.close()
    print(f"built {path} with {count:,} suppliers in {time.perf_counter() - started:.1f} s")
    return path
