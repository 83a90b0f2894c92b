"""Benchmark: consolidation planning and the exact box split (pure domain, no Qt, no database).

Run by hand:  python tests/benchmarks/bench_consolidation.py [--parcels 40] [--lines 12]
                                                             [--exact 12] [--rounds 3] [--small]
Targets: 40 parcels planned on 12 lines with splitting (each line split as the parcels are and
repacked, plus every parcel alone and everything in one box) in under 1 s; a 12-parcel split
proven optimal in under 2 s. `--small` runs a tiny size in a second or two (for CI). Figures are
printed, never asserted: the timings depend on the machine.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.parcels import Dimensions, Parcel, RestrictedTag
from app.domain.consolidation.planner import LineOption, WayCost, plan_shipment
from app.domain.consolidation.rate_card import (
    BoxLimits,
    Bracket,
    BracketTable,
    FirstAdditional,
    PerKg,
    PerKgBand,
    PerRevenueTon,
    RateCard,
    RoundingBand,
    VolumeTrigger,
)
from app.domain.consolidation.split import LineRefusal, best_split

D = Decimal
EXPRESS_STEPS = (RoundingBand(D("20.5"), D("0.5")), RoundingBand(None, D(1)))


def make_parcels(count: int, seed: int = 7) -> list[Parcel]:
    """Supplier parcels as an agent's warehouse sees them: 0.2-9 kg, 10-65 cm sides."""
    rnd = random.Random(seed)
    parcels = []
    for i in range(count):
        sides = (D(rnd.randint(10, 65)), D(rnd.randint(8, 45)), D(rnd.randint(4, 35)))
        kg = D(rnd.randint(2, 90)) / 10
        tags = frozenset({RestrictedTag.MAGNET}) if rnd.random() < 0.1 else frozenset()
        parcels.append(Parcel(i + 1, f"Order {1000 + i}", kg, Dimensions(*sides), tags))
    return parcels


def make_lines(count: int) -> list[LineOption]:
    """A dozen lines of the shapes agents publish, cycled to `count`."""
    magnet = frozenset({RestrictedTag.MAGNET})
    thirty = BoxLimits(max_kg=D(30), max_longest_cm=D(120), max_length_plus_girth_cm=D(300))
    cards = [
        RateCard(
            "EMS",
            FirstAdditional(D("0.5"), D(120), D("0.5"), D(35)),
            divisor=D(8000),
            volume_trigger=VolumeTrigger(D(60)),
            limits=thirty,
            accepted_tags=magnet,
            transit_days_min=7,
            transit_days_max=15,
        ),
        RateCard(
            "DHL",
            PerKg((PerKgBand(D("20.5"), D(95)), PerKgBand(None, D(78)))),
            divisor=D(5000),
            round_sides_to_cm=True,
            rounding=EXPRESS_STEPS,
            fuel_surcharge_percent=D("22.5"),
            limits=BoxLimits(max_kg=D(70)),
            accepted_tags=magnet,
            transit_days_min=3,
            transit_days_max=5,
        ),
        RateCard(
            "Air 6000",
            FirstAdditional(D("0.5"), D(80), D("0.5"), D(28)),
            divisor=D(6000),
            per_box_fee=D(15),
            limits=thirty,
            accepted_tags=magnet,
            transit_days_min=8,
            transit_days_max=14,
        ),
        RateCard(
            "Economy 分泡",
            PerKg((PerKgBand(None, D(52)),), base_price=D(20)),
            divisor=D(6000),
            half_volumetric_ratio=D("0.5"),
            limits=thirty,
            minimum_chargeable_kg=D(1),
            accepted_tags=magnet,
            transit_days_min=12,
            transit_days_max=25,
        ),
        RateCard(
            "Postal table",
            BracketTable(
                (
                    Bracket(D(2), D(90)),
                    Bracket(D(5), D(180)),
                    Bracket(D(10), D(320)),
                    Bracket(D(20), D(560)),
                    Bracket(D(30), D(780)),
                )
            ),
            divisor=None,
            limits=BoxLimits(max_kg=D(30), max_sum_of_sides_cm=D(200)),
            accepted_tags=magnet,
            transit_days_min=15,
            transit_days_max=30,
        ),
        RateCard(
            "Sea LCL",
            PerRevenueTon(D(1200), wm_step=D("0.01")),
            divisor=None,
            per_box_fee=D(25),
            limits=BoxLimits(max_kg=D(60)),
            accepted_tags=magnet,
            transit_days_min=35,
            transit_days_max=50,
        ),
        RateCard(
            "UPS",
            PerKg((PerKgBand(D("20.5"), D(88)), PerKgBand(None, D(72)))),
            divisor=D(5000),
            rounding=EXPRESS_STEPS,
            fuel_surcharge_percent=D(25),
            limits=BoxLimits(max_kg=D(70), max_length_plus_girth_cm=D(400)),
            accepted_tags=magnet,
            transit_days_min=4,
            transit_days_max=7,
        ),
        RateCard(
            "EMS 2022",
            FirstAdditional(D("0.5"), D(120), D("0.5"), D(35)),
            divisor=D(6000),
            volume_trigger=VolumeTrigger(D(40), inclusive=True),
            limits=thirty,
            accepted_tags=magnet,
            transit_days_min=7,
            transit_days_max=15,
        ),
        RateCard(
            "Air 7000",
            FirstAdditional(D(1), D(95), D(1), D(45)),
            divisor=D(7000),
            limits=thirty,
            per_box_fee=D(8),
            accepted_tags=magnet,
            transit_days_min=9,
            transit_days_max=16,
        ),
        RateCard(
            "Sea 500",
            PerRevenueTon(D(900), kg_per_m3=D(500), minimum_wm=D("0.5")),
            divisor=None,
            limits=BoxLimits(max_kg=D(80)),
            accepted_tags=magnet,
            transit_days_min=40,
            transit_days_max=60,
        ),
        RateCard(
            "FedEx",
            PerKg((PerKgBand(D("20.5"), D(92)), PerKgBand(None, D(75)))),
            divisor=D(5000),
            rounding=EXPRESS_STEPS,
            fuel_surcharge_percent=D(24),
            limits=BoxLimits(max_kg=D(68), max_longest_cm=D(274)),
            accepted_tags=magnet,
            transit_days_min=3,
            transit_days_max=6,
        ),
        RateCard(
            "Air 8000",
            FirstAdditional(D("0.5"), D(70), D("0.5"), D(24)),
            divisor=D(8000),
            limits=BoxLimits(max_kg=D(20), max_longest_cm=D(100)),
            accepted_tags=magnet,
            transit_days_min=10,
            transit_days_max=18,
        ),
    ]
    agent = AgentFees(
        name="Agent", handling_per_parcel=D(2), consolidation_per_box=D(5), repack_per_parcel=D(3)
    )
    return [LineOption(cards[i % len(cards)], agent) for i in range(count)]


def timed(rounds: int, action):  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times), result


def bench_plan(parcels: int, lines: int, rounds: int) -> None:
    chosen = make_parcels(parcels)
    options = make_lines(lines)
    median, best, plan = timed(rounds, lambda: plan_shipment(chosen, options, PackingRules()))
    print(f"Plan: {parcels} parcels x {lines} lines (as is + repacked + alone + one box)")
    print(f"  median {median * 1000:.0f} ms, best {best * 1000:.0f} ms (target < 1000 ms)")
    for line in plan.lines:
        marks = ("cheapest " if line.cheapest else "") + ("fastest" if line.fastest else "")
        best_way = line.best
        if best_way is None:
            print(f"  {line.line.name:<14} refused: {line.refusal}")
            continue
        alone = line.separate.total if isinstance(line.separate, WayCost) else "-"
        print(
            f"  {line.line.name:<14} {best_way.way.value:<12} {best_way.boxes:>2} boxes "
            f"{best_way.total!s:>14}  alone {alone!s:>14}  "
            f"proven optimal: {best_way.split.proven_optimal}  {marks}"
        )


def bench_exact(parcels: int, rounds: int) -> None:
    chosen = make_parcels(parcels, seed=11)
    option = make_lines(3)[2]  # Air 6000: per-box fee, 30 kg and 120 cm limits
    agent = option.agent
    median, best, split = timed(rounds, lambda: best_split(chosen, option.line, agent))
    assert not isinstance(split, LineRefusal), split.message
    print(f"Exact split: {parcels} parcels on {option.line.name}")
    print(f"  median {median * 1000:.0f} ms, best {best * 1000:.0f} ms (target < 2000 ms)")
    print(
        f"  {len(split.boxes)} boxes, total {split.total}, proven optimal: {split.proven_optimal}"
    )
    started = time.perf_counter()
    fast = best_split(chosen, option.line, agent, exact_limit=0)
    took = time.perf_counter() - started
    assert not isinstance(fast, LineRefusal)
    gap = (fast.total.amount - split.total.amount) * 100 / split.total.amount
    print(
        f"  heuristic on the same parcels: {took * 1000:.0f} ms, total {fast.total} "
        f"({gap:.2f} % above the optimum), proven optimal: {fast.proven_optimal}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parcels", type=int, default=40)
    parser.add_argument("--lines", type=int, default=12)
    parser.add_argument("--exact", type=int, default=12, help="parcels of the exact split")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--small", action="store_true", help="a tiny size, for CI")
    args = parser.parse_args()
    if args.small:
        args.parcels, args.lines, args.exact, args.rounds = 8, 4, 8, 1
    bench_plan(args.parcels, args.lines, args.rounds)
    bench_exact(args.exact, args.rounds)


if __name__ == "__main__":
    main()
