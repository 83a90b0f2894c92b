"""Benchmark: exporting every supplier to .xlsx against openpyxl write-only writing the same cells.

Run by hand:  python tests/benchmarks/bench_suppliers_export.py [--count 100000]
Target (issue 3): reading the records plus writing the workbook takes under 1.5x what
openpyxl's write-only mode needs to write the same cell values, measured in the same run.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from openpyxl import Workbook

from app.domain.kit.money import Money
from app.domain.suppliers.choices import PROVINCES, BusinessType, Membership, Status
from app.domain.suppliers.supplier import Contact, Supplier
from app.exports.suppliers.xlsx import export_suppliers_xlsx, sheet_plan
from app.services.workbench import Workbench
from tests.benchmarks.large_db import cached_database
from tests.benchmarks.small_mode import parse_with_small_mode
from tests.factories import hengda

TODAY = date(2026, 11, 29)
TARGET_RATIO = 1.5


def generated_suppliers(count: int) -> Iterator[Supplier]:
    """Varied records from a few templates: every field filled, some with two contacts."""
    statuses, types, levels = list(Status), list(BusinessType), list(Membership)
    for number in range(count):
        province, province_en = PROVINCES[number % len(PROVINCES)]
        supplier = replace(
            hengda(),
            name_zh=f"{province}第{number}号工艺品厂",
            name_en=f"{province_en} Crafts Factory No. {number}",
            business_type=types[number % len(types)],
            province=province,
            membership=levels[number % len(levels)],
            member_since=2005 + number % 20,
            deposit=Money(Decimal(1000 + number % 5000), "CNY" if number % 7 else "USD"),
            reorder_rate=Decimal(number % 1000) / 10,
            status=statuses[number % len(statuses)],
            shop_url=f"https://shop{number}.1688.com",
            notes="=formula-looking note" if number % 997 == 0 else f"Note {number}",
        )
        supplier.contacts = [Contact(f"联系人{number}", f"+86 138 {number:08d}", f"wx{number}")]
        if number % 3 == 0:
            supplier.contacts.append(Contact("李四", "+86 139 0000 0000", email=f"li{number}@x.cn"))
        yield supplier


def bench_database(count: int) -> Path:
    """A database of `count` fully filled suppliers, built once and reused from the cache."""
    return cached_database("export", count, generated_suppliers, today=lambda: TODAY)


def timed(action: Callable[[], object]) -> float:
    gc.collect()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def app_export(db_path: Path, out: Path) -> float:
    """(a) What the export button does: read every record, then write the workbook."""
    workbench = Workbench(db_path, today=lambda: TODAY)
    workbench.warm_up()

    def run() -> None:
        records = workbench.suppliers.all_records()
        export_suppliers_xlsx(records, out, today=TODAY)

    try:
        return timed(run)
    finally:
        workbench.close()


def plain_write(db_path: Path, out: Path) -> tuple[float, int]:
    """(b) openpyxl write-only mode writing the same cell values, prepared beforehand."""
    workbench = Workbench(db_path, today=lambda: TODAY)
    records = workbench.suppliers.all_records()
    workbench.close()
    sheets = [
        (plan.title, [column.label for column in plan.columns], list(plan.rows()))
        for plan in sheet_plan(records, TODAY)
    ]
    del records
    cells = sum(len(headers) * (len(rows) + 1) for _, headers, rows in sheets)

    def run() -> None:
        workbook = Workbook(write_only=True)
        for title, headers, rows in sheets:
            ws = workbook.create_sheet(title)
            ws.append(headers)
            for row in rows:
                ws.append(row)
        workbook.save(out)

    return timed(run), cells


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=1, help="alternate runs, best of each")
    args = parse_with_small_mode(parser, argv, count=500, rounds=1)
    db_path = bench_database(args.count)
    with tempfile.TemporaryDirectory() as folder:
        app_times, plain_times = [], []
        for _ in range(args.rounds):
            plain_seconds, cells = plain_write(db_path, Path(folder) / "plain.xlsx")
            plain_times.append(plain_seconds)
            app_times.append(app_export(db_path, Path(folder) / "suppliers.xlsx"))
        sizes = {
            name: (Path(folder) / name).stat().st_size for name in ("plain.xlsx", "suppliers.xlsx")
        }
    app_seconds, plain_seconds = min(app_times), min(plain_times)
    ratio = app_seconds / plain_seconds
    print(f"suppliers: {args.count:,}; cells: {cells:,}")
    print(
        f"(a) app export, all_records + export_suppliers_xlsx: {app_seconds:.2f} s ({sizes['suppliers.xlsx'] / 1e6:.1f} MB)"
    )
    print(
        f"(b) openpyxl write-only, same cells:                 {plain_seconds:.2f} s ({sizes['plain.xlsx'] / 1e6:.1f} MB)"
    )
    print(f"ratio a/b: {ratio:.2f} (target < {TARGET_RATIO})")
    return 0 if ratio < TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
