"""Cached benchmark databases: built once per (name, size) under /tmp, reused by later runs."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from app.domain.suppliers.supplier import Supplier
from app.services.workbench import Workbench
from app.store.opening import open_database_file
from app.store.schema_version import HEAD

CACHE = Path("/tmp/workbench-bench")


def cached_database(
    name: str,
    count: int,
    make_suppliers: Callable[[int], Iterable[Supplier]],
    today: Callable[[], date] = date.today,
) -> Path:
    """A database of `count` suppliers from `make_suppliers`, rebuilt only when missing; named
    with the schema revision, so a newer schema never reads an older cache."""
    path = CACHE / f"{name}-{count}-{HEAD}.sqlite3"
    if path.exists():
        with sqlite3.connect(path) as connection:
            if connection.execute("SELECT count(*) FROM suppliers").fetchone()[0] == count:
                return path
        path.unlink()
    CACHE.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    open_database_file(path)
    workbench = Workbench(path, today=today)
    workbench.suppliers.insert_many(list(make_suppliers(count)))
    workbench.close()
    print(f"built {path} with {count:,} suppliers in {time.perf_counter() - started:.1f} s")
    return path


def large_database(count: int) -> Path:
    """Varied synthetic suppliers (the demo generator): realistic names for filtering."""
    from app.demo import synthetic_suppliers

    return cached_database("suppliers", count, synthetic_suppliers)
