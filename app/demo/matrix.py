"""The Capacity & Credit part of the demo: capacity facts, evaluations and credit inputs for the
demo suppliers, written through MatrixService like a user would (so every rule applies).

Dates follow `today`: facts are observed some days before it, and the evaluation periods are
the quarters up to today's own (2025-Q3 .. 2026-Q4 on 2026-11-29), so none is ever in the
future; today's quarter ends today.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from app.demo.matrix_data import CAPACITY, CREDIT, EVALUATIONS, OVERRIDES
from app.domain.matrix.credit import CreditInputs, CreditRating, Trend
from app.domain.matrix.credit_decision import CreditOverride
from app.domain.matrix.indicators import Indicator, indicators_of
from app.domain.matrix.scoring import Criterion, Scores
from app.domain.suppliers.supplier import Supplier
from app.services.matrix.service import MatrixService

QUARTER_MONTHS = 3
UNKNOWN = "-"


def fill_demo_matrix(matrix: MatrixService, suppliers: Iterable[Supplier], today: date) -> None:
    """Add the matrix demo for the stored demo suppliers, matched by their 1688 shop address;
    demo entries whose supplier is not given are left out."""
    ids = {shop_slug(s.shop_url): s.id for s in suppliers if s.id is not None}
    for slug, facts in CAPACITY.items():
        for fact in facts if slug in ids else ():
            observed = None if fact.days_ago is None else today - timedelta(days=fact.days_ago)
            matrix.record_capacity_fact(
                ids[slug], fact.dimension, Decimal(fact.value), fact.source, observed, fact.note
            )
    for slug, plan in EVALUATIONS.items():
        for position, text in enumerate(plan.periods if slug in ids else ()):
            back = plan.last_back + len(plan.periods) - 1 - position  # oldest first
            period, starts_on, ends_on = quarter(today, back)
            scores, raw = parse_period(text)
            matrix.save_evaluation(
                ids[slug],
                period,
                scores,
                starts_on,
                ends_on,
                plan.note if back == plan.last_back else "",
                indicators=raw,
            )
    for slug, text in CREDIT.items():
        if slug not in ids:
            continue
        override = OVERRIDES.get(slug)
        matrix.save_credit_inputs(
            ids[slug],
            parse_credit(text),
            None if override is None else CreditOverride(CreditRating(override[0]), override[1]),
        )


def shop_slug(shop_url: str) -> str:
    """https://hqtxpj.1688.com -> hqtxpj (the demo's shop addresses all look like this)."""
    return shop_url.removeprefix("https://").split(".", 1)[0]


def quarter(today: date, back: int) -> tuple[str, date, date]:
    """The quarter `back` quarters before today's: its name, first day and last day (at most
    today, so today's own quarter runs to date)."""
    index = today.year * 4 + (today.month - 1) // QUARTER_MONTHS - back
    year, number = divmod(index, 4)
    starts_on = date(year, number * QUARTER_MONTHS + 1, 1)
    after = date(year + 1, 1, 1) if number == 3 else date(year, starts_on.month + 3, 1)
    return f"{year}-Q{number + 1}", starts_on, min(today, after - timedelta(days=1))


def parse_period(text: str) -> tuple[Scores, dict[Indicator, Decimal]]:
    """ "96.0 2.0 3 | 97 | - | 4 1" -> direct scores and raw sub-indicators (see DemoEvaluations)."""
    groups = [group.split() for group in text.split("|")]
    if len(groups) != len(Criterion):
        raise ValueError(f"A demo period needs {len(Criterion)} groups: {text!r}")
    scores: dict[str, Decimal | None] = {}
    raw: dict[Indicator, Decimal] = {}
    for criterion, values in zip(Criterion, groups, strict=True):
        if len(values) == 1:  # the score itself, or "-": not evaluated
            scores[criterion.value] = None if values[0] == UNKNOWN else Decimal(values[0])
            continue
        indicators = indicators_of(criterion)
        if len(values) != len(indicators):
            raise ValueError(f"{criterion.label} needs {len(indicators)} values: {text!r}")
        raw |= {i: Decimal(v) for i, v in zip(indicators, values, strict=True) if v != UNKNOWN}
    return Scores(**scores), raw


def parse_credit(text: str) -> CreditInputs:
    """ "rising 4.7 0" -> trend, review score, disputes ("-": not known); the repeat-purchase
    rate is the supplier record's 回头率."""
    trend, review, disputes = (None if v == UNKNOWN else v for v in text.split())
    return CreditInputs(
        volume_trend=None if trend is None else Trend(trend),
        review_score=None if review is None else Decimal(review),
        disputes_last_12_months=None if disputes is None else int(disputes),
    )
