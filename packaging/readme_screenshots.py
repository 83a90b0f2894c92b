"""Remake the README's screenshots from a fresh demo database, offscreen (the app draws them).

    .venv/bin/python packaging/readme_screenshots.py [--language zh_CN] [--out resources/screenshots]

Each tab at 1360 × 820 as a user first sees it, the Samples comparison of three samples and the
Consolidation planner after planning every waiting parcel. With `--language zh_CN` the same
pictures in the Chinese interface (named *-zh_CN.png).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QItemSelectionModel  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.demo import create_demo  # noqa: E402
from app.ui import i18n  # noqa: E402
from app.ui.app import application  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.session import open_session  # noqa: E402
from app.ui.settings import Settings  # noqa: E402

SIZE = (1360, 820)


def _settle(app: QApplication, window: MainWindow) -> None:
    for _ in range(8):
        app.processEvents()
    window.wait_until_loaded()
    for _ in range(8):
        app.processEvents()


def _compare_samples(window: MainWindow) -> None:
    tab = window.tab("samples")
    tab.products_view.selectRow(0)
    selection = tab.samples_view.selectionModel()
    for row in range(min(3, tab.samples_proxy.rowCount())):
        index = tab.samples_proxy.index(row, 0)
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    tab.compare_selected()


def _plan_parcels(window: MainWindow) -> None:
    tab = window.tab("consolidation")
    tab.pages.setCurrentWidget(tab.planner)
    tab.shipping.plan()


SHOTS: dict[str, tuple[str, Callable[[MainWindow], None] | None]] = {
    "suppliers": ("suppliers", None),
    "capacity": ("matrix", None),
    "samples-compare": ("samples", _compare_samples),
    "negotiation": ("negotiation", None),
    "consolidation": ("consolidation", _plan_parcels),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("en", "zh_CN"), default="en")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "screenshots")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["WORKBENCH_DATA_DIR"] = scratch
        database = Path(scratch) / "demo.sqlite3"
        create_demo(database)
        app = application()
        i18n.install(app, args.language)
        suffix = "" if args.language == "en" else f"-{args.language}"
        for name, (key, prepare) in SHOTS.items():
            window = MainWindow(
                open_session(database, create=False, exclusive=False),
                Settings(Path(scratch) / f"{name}.ini"),
            )
            window.resize(*SIZE)
            window.show()
            window.start()
            window.tabs.setCurrentWidget(window.host(key))
            _settle(app, window)
            if key == "suppliers":
                window.tab("suppliers").table.selectRow(0)
            if prepare is not None:
                prepare(window)
            _settle(app, window)
            out = args.out / f"{name}{suffix}.png"
            if not window.grab().save(str(out)):
                raise SystemExit(f"Cannot write {out}")
            print(f"Saved {out}")
            window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
