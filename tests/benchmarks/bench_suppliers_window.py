"""Benchmark: window start-up with 100,000 suppliers, and quick-filter keystrokes.

Run by hand:  python tests/benchmarks/bench_suppliers_window.py [--count 100000]
Targets (issue 2): ready with rows visible in < 4x a bare PySide6 window's start in the same
run; each keystroke in the quick filter updates the view in < 100 ms median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.large_db import large_database
from tests.benchmarks.small_mode import parse_with_small_mode

BARE_WINDOW = """
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QTableView, QWidget
app = QApplication(sys.argv)
window = QMainWindow()
tabs = QTabWidget()
tabs.addTab(QTableView(), "Suppliers")
for name in ("Capacity & Credit", "Samples", "Negotiation", "Consolidation"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1360, 820)
window.show()
app.processEvents()
window.grab()
print("READY", flush=True)
"""

APP_WINDOW = """
import sys
from pathlib import Path
from app.ui.app import application, show_main_window
from app.ui.settings import Settings
app = application()
window = show_main_window(Path(sys.argv[1]), Settings(Path(sys.argv[2])), create=False)
app.processEvents()
window.grab()
rows = window.suppliers_tab.model.rowCount()
assert rows > 0, "no rows visible"
print("READY", rows, flush=True)
window.close()
"""


def time_to_ready(script: str, *args: str) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    process.wait()
    if not line.startswith("READY"):
        raise SystemExit(f"the window did not start: {line!r}")
    return elapsed


def bench_startup(db: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        settings = str(Path(scratch) / "settings.ini")
        bare = [time_to_ready(BARE_WINDOW) for _ in range(runs)]
        ours = [time_to_ready(APP_WINDOW, str(db), settings) for _ in range(runs)]
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window ready:      median {bare_median * 1000:7.0f} ms  ({runs} runs)")
    print(f"workbench ready, rows visible:  median {ours_median * 1000:7.0f} ms")
    print(f"ratio: {ours_median / bare_median:.2f}  (target < 4)")


def bench_filter(db: Path) -> None:
    from PySide6.QtTest import QTest

    from app.services.suppliers.listing import load_supplier_list
    from app.ui.app import application
    from app.ui.main_window import MainWindow
    from app.ui.session import open_session
    from app.ui.settings import Settings

    app = application()
    with tempfile.TemporaryDirectory() as scratch:
        window = MainWindow(open_session(db, create=False), Settings(Path(scratch) / "s.ini"))
        window.show()
        tab = window.suppliers_tab
        started = time.perf_counter()
        tab.model.set_items(load_supplier_list(db))
        print(
            f"loading {tab.model.total:,} rows into the model: {(time.perf_counter() - started) * 1000:.0f} ms"
        )
        app.processEvents()
        box = tab.filter_bar.text_box
        timings: list[float] = []
        for query in ("yiwu", "shenzhen huaqiang", "深圳", "ningbo home", "zzzz"):
            box.clear()
            app.processEvents()
            for character in query:
                started = time.perf_counter()
                if character.isascii():
                    QTest.keyClicks(box, character)
                else:  # QTest types ASCII only; Chinese arrives from an input method like this
                    box.insert(character)
                app.processEvents()
                tab.table.viewport().repaint()
                timings.append(time.perf_counter() - started)
            print(f"  '{query}': {tab.model.rowCount():,} rows shown")
        started = time.perf_counter()
        tab.table.sortByColumn(1, tab.table.horizontalHeader().sortIndicatorOrder())
        app.processEvents()
        print(f"sort by English name: {(time.perf_counter() - started) * 1000:.0f} ms")
        ordered = sorted(timings)
        print(
            f"filter keystroke: median {statistics.median(timings) * 1000:.1f} ms, "
            f"90th pct {ordered[int(len(ordered) * 0.9)] * 1000:.1f} ms, "
            f"max {ordered[-1] * 1000:.1f} ms over {len(timings)} keystrokes (target median < 100 ms)"
        )
        window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--db", type=Path, help="an existing database to use instead of building one"
    )
    args = parse_with_small_mode(parser, count=500, runs=1)
    db = args.db or large_database(args.count)
    bench_startup(db, args.runs)
    bench_filter(db)


if __name__ == "__main__":
    main()
