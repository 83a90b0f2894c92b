"""Benchmark: the Capacity & Credit matrix at scale.

Run by hand:  python tests/benchmarks/bench_matrix.py [--count 100000] [--view-count 10000]
Targets (issue 3): grading and ranking 100,000 suppliers after a weight change in < 1 s; the
matrix view with 10,000 suppliers sorts a column in < 200 ms median.

The database gets capacity facts, evaluations and credit inputs for most suppliers, written
with plain SQL in bulk (set-up only; the app writes through MatrixService).
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.large_db import large_database
from tests.benchmarks.small_mode import parse_with_small_mode

TODAY = date(2026, 11, 29)
NOW = "2026-11-29T00:00:00+00:00"
CAPACITY_VALUES = {
    "monthly_capacity": (5000, 20000, 80000, 100000, 250000),
    "production_lines": (0, 2, 3, 5, 9),
    "employees": (12, 35, 50, 100, 400),
    "factory_area": (300, 900, 2000, 5000, 12000),
    "response_time": ("0.5", "1", "4", "12", "30"),
}


def add_matrix_data(path: Path) -> None:
    """Facts, two evaluation periods and credit inputs for ~90 % of suppliers (once)."""
    from app.store.opening import open_database_file

    open_database_file(path, create=False)  # a cache built by an older app gets migrated
    with sqlite3.connect(path) as connection:
        if connection.execute("SELECT count(*) FROM evaluations").fetchone()[0]:
            return
        started = time.perf_counter()
        rnd = random.Random(7)
        ids = [row[0] for row in connection.execute("SELECT id FROM suppliers")]
        facts, evaluations, credit = [], [], []
        for sid in ids:
            for dimension, values in CAPACITY_VALUES.items():
                if rnd.random() < 0.9:
                    facts.append(
                        (sid, dimension, str(rnd.choice(values)), "supplier_word", None, "", NOW)
                    )
            for period in ("2026-Q2", "2026-Q3"):
                if rnd.random() < 0.85:
                    scores = [
                        str(rnd.randint(40, 100)) if rnd.random() < 0.95 else None for _ in range(4)
                    ]
                    evaluations.append((sid, period, *scores, "", NOW, NOW))
            if rnd.random() < 0.8:
                credit.append(
                    (
                        sid,
                        "stable",
                        "4.5",
                        rnd.randint(0, 4),
                        None,
                        "",
                        NOW,
                    )
                )
        connection.executemany(
            "INSERT INTO capacity_facts (supplier_id, dimension, value, source, observed_on,"
            " note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            facts,
        )
        connection.executemany(
            "INSERT INTO evaluations (supplier_id, period, quality, delivery, service, cost,"
            " note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            evaluations,
        )
        connection.executemany(
            "INSERT INTO credit_inputs (supplier_id, trend, review_score, disputes_12m,"
            " manual_rating, manual_reason, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            credit,
        )
        print(f"added matrix data to {path.name} in {time.perf_counter() - started:.1f} s")


def bench_rank(count: int) -> None:
    from app.domain.matrix.scoring import Criterion, Weights
    from app.domain.matrix.weight_balance import rebalance
    from app.services.matrix.rows import load_matrix
    from app.services.workbench import Workbench
    from app.ui.matrix.table_state import MatrixTable

    path = large_database(count)
    add_matrix_data(path)
    workbench = Workbench(path, today=lambda: TODAY)
    started = time.perf_counter()
    rows = load_matrix(workbench.matrix, TODAY)
    print(
        f"read and graded {len(rows):,} rows (capacity grades, credit) in "
        f"{time.perf_counter() - started:.2f} s (once per load, on a worker thread)"
    )
    table = MatrixTable()
    table.set_rows(rows)
    weights = Weights()
    timings = []
    for step in range(11):
        weights = rebalance(weights, Criterion.COST, 10 + 5 * step)
        started = time.perf_counter()
        table.set_weights(weights)  # re-rank every row, then the visible order by rank
        timings.append(time.perf_counter() - started)
    print(
        f"weight change -> re-rank {len(rows):,} suppliers: median "
        f"{statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms "
        f"over {len(timings)} changes (target < 1000 ms)"
    )
    workbench.close()


def bench_sort(count: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.services.matrix.rows import load_matrix
    from app.services.workbench import Workbench
    from app.ui.matrix.frozen_table import FrozenColumnTableView
    from app.ui.matrix.table_model import MatrixModel
    from app.ui.matrix.table_state import MATRIX_COLUMNS

    app = QApplication.instance() or QApplication(sys.argv)
    path = large_database(count)
    add_matrix_data(path)
    workbench = Workbench(path, today=lambda: TODAY)
    rows = load_matrix(workbench.matrix, TODAY)
    model = MatrixModel()
    view = FrozenColumnTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    model.set_rows(rows)
    app.processEvents()
    timings: dict[str, list[float]] = {}
    for _ in range(3):
        for section, column in enumerate(MATRIX_COLUMNS):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                started = time.perf_counter()
                view.sortByColumn(section, order)
                app.processEvents()  # the view repaints the first screen
                timings.setdefault(column.key, []).append(time.perf_counter() - started)
    everything = [t for values in timings.values() for t in values]
    slowest = max(timings, key=lambda k: statistics.median(timings[k]))
    print(
        f"sort a column of {len(rows):,} rows in the view: median "
        f"{statistics.median(everything) * 1000:.0f} ms over {len(everything)} sorts; "
        f"slowest column '{slowest}' median {statistics.median(timings[slowest]) * 1000:.0f} ms "
        "(target < 200 ms median)"
    )
    view.close()
    workbench.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--view-count", type=int, default=10_000)
    args = parse_with_small_mode(parser, count=500, view_count=200)
    bench_rank(args.count)
    bench_sort(args.view_count)


if __name__ == "__main__":
    main()
