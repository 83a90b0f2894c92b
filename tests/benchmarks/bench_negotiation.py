"""Benchmark: the Negotiation tab's comparison and quantity advisor, through the service.

Run by hand:  python tests/benchmarks/bench_negotiation.py [--products 200] [--quotes 10]
                                                           [--breaks 5] [--rounds 20] [--small]
Targets (issue 11): with 200 products x 10 quotes x 5 breaks stored, the comparison of one
product at a new quantity (the quotes read from the database, priced, landed in the home
currency, ranked, market statistics) in under 50 ms; the quantity advisor over 1-10,000 pieces
under 200 ms. What the tab calls when the quantity changes or a quote is chosen. `--small` runs a
tiny size for CI. Figures are printed, never asserted: the timings depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.negotiation.cost_settings import LandedCostSettings
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.quotes import PriceBreak, Quote
from app.domain.samples.sample import Product
from app.domain.suppliers.supplier import Supplier
from app.services.workbench import Workbench
from app.store.opening import open_database_file
from tests.benchmarks.small_mode import parse_with_small_mode

D = Decimal
TODAY = date(2026, 12, 7)


def fill(workbench: Workbench, products: int, quotes: int, breaks: int) -> list[int]:
    """`products` products, each quoted by `quotes` suppliers with `breaks` price breaks."""
    rnd = random.Random(11)
    supplier_ids = [
        workbench.suppliers.save(
            Supplier(name_zh=f"义乌市第{i}工厂", name_en=f"Yiwu Factory {i}")
        ).created[0]
        for i in range(quotes)
    ]
    negotiation = workbench.negotiation
    negotiation.set_home_currency("EUR")
    negotiation.save_rate(ExchangeRate("CNY", D("7.80"), TODAY - timedelta(days=2)))
    negotiation.save_rate(ExchangeRate("USD", D("1.08"), TODAY - timedelta(days=2)))
    negotiation.save_landed_settings(LandedCostSettings(freight=D("120.00")))
    product_ids = []
    for p in range(products):
        [product_id] = workbench.samples.save_product(
            Product(name=f"Product {p}", name_zh=f"产品{p}")
        ).products
        product_ids.append(product_id)
        for supplier_id in supplier_ids:
            price = D(rnd.randint(200, 2000)) / 100
            steps = []
            qty = rnd.choice((2, 10, 50))
            for _ in range(breaks):
                steps.append(PriceBreak(qty, price))
                qty *= rnd.choice((3, 5, 10))
                price = (price * D("0.9")).quantize(D("0.01"))
            negotiation.save_quote(
                product_id,
                Quote(
                    supplier_id=supplier_id,
                    product=f"Product {p}",
                    currency="USD" if rnd.random() < 0.1 else "CNY",
                    breaks=tuple(steps),
                    valid_until=TODAY + timedelta(days=rnd.randint(-10, 60)),
                    domestic_shipping=D(rnd.randint(0, 30)),
                    lead_time_days=rnd.randint(3, 30),
                ),
            )
    return product_ids


def timed(call: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=200)
    parser.add_argument("--quotes", type=int, default=10)
    parser.add_argument("--breaks", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=20)
    args = parse_with_small_mode(parser, products=4, quotes=3, breaks=3, rounds=2)
    with tempfile.TemporaryDirectory(prefix="bench-negotiation-") as folder:
        path = Path(folder) / "bench.sqlite3"
        open_database_file(path, create=True)
        workbench = Workbench(path, today=lambda: TODAY)
        try:
            started = time.perf_counter()
            product_ids = fill(workbench, args.products, args.quotes, args.breaks)
            stored = args.products * args.quotes
            print(
                f"stored {args.products:,} products x {args.quotes} quotes x {args.breaks} breaks"
                f" ({stored:,} quotes) in {time.perf_counter() - started:.1f} s"
            )
            service = workbench.negotiation
            rnd = random.Random(3)
            target = product_ids[len(product_ids) // 2]
            comparison = timed(
                lambda: service.comparison(target, rnd.randint(1, 5000)), args.rounds
            )
            result = service.comparison(target, 300)
            ranked = sum(1 for row in result.rows if row.rank is not None)
            print(
                f"comparison of one product's {len(result.rows)} quotes at a new quantity:"
                f" median {statistics.median(comparison):.1f} ms, worst {max(comparison):.1f} ms"
                f" over {args.rounds} quantities (target < 50 ms); {ranked} ranked at 300 pcs"
            )
            quote_id = next(row.quote.id for row in result.rows if row.quote.id is not None)
            advice = timed(lambda: service.advice(target, quote_id, 1, 10_000), args.rounds)
            shown = service.advice(target, quote_id, 1, 10_000)
            print(
                f"quantity advisor over 1-10,000 pieces: median {statistics.median(advice):.0f} ms,"
                f" worst {max(advice):.0f} ms (target < 200 ms); landed: {shown.landed},"
                f" {len(shown.savings)} breaks that pay"
            )
        finally:
            workbench.close()


if __name__ == "__main__":
    main()
