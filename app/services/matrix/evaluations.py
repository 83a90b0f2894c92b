"""Evaluations with sub-indicators: which scores to store (given directly or computed from the
raw sub-indicator values), and the sub-indicator rows written and read with their evaluation.

Rules (issue 3): a criterion with at least one sub-indicator value (None counts as not
recorded) gets its score from them (app.domain.matrix.indicators.criterion_scores); giving that
criterion's score as well is refused, so a stored score never disagrees with the values it
came from. The others keep the score given.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select

from app.domain.kit.numbers import number_problem
from app.domain.matrix.indicators import Indicator, criterion_scores, raw_value_problem
from app.domain.matrix.scoring import Criterion, Scores
from app.services.sql import table_of
from app.store.models.matrix import EvaluationIndicatorRow, EvaluationRow

_INDICATORS = table_of(EvaluationIndicatorRow)
_EVALUATIONS = table_of(EvaluationRow)
_ORDER = {indicator: position for position, indicator in enumerate(Indicator)}


def evaluation_scores(
    scores: object, indicators: object, errors: dict[str, str]
) -> tuple[Scores, dict[Indicator, Decimal]]:
    """The scores to store and the checked raw values, in Indicator order.

    Every problem goes into `errors` (keys: "scores", a criterion, "indicators" or an indicator
    code); when there is one, the returned scores mean nothing and must not be stored.
    """
    given = _checked_scores(scores, errors)
    raw = _checked_indicators(indicators, errors)
    computed_for = {indicator.criterion for indicator in raw}
    for criterion in Criterion:
        if criterion in computed_for and getattr(given, criterion.value) is not None:
            errors[criterion.value] = (
                f"Give the {criterion.label} score or its sub-indicators ({criterion.covers}), "
                "not both: with sub-indicators the score is computed from them."
            )
    if errors:
        return given, raw
    computed = criterion_scores(raw)
    merged = {
        c.value: getattr(computed if c in computed_for else given, c.value) for c in Criterion
    }
    return Scores(**merged), raw


def _checked_scores(scores: object, errors: dict[str, str]) -> Scores:
    if scores is None:
        return Scores()
    if not isinstance(scores, Scores):
        errors["scores"] = "Give the scores as Scores (quality, delivery, service, cost)."
        return Scores()
    for criterion in Criterion:
        score = getattr(scores, criterion.value)
        problem = score is not None and number_problem(
            score, f"The {criterion.label} score", Decimal(0), Decimal(100)
        )
        if problem:
            errors[criterion.value] = problem
    return scores


def _checked_indicators(indicators: object, errors: dict[str, str]) -> dict[Indicator, Decimal]:
    if indicators is None:
        return {}
    if not isinstance(indicators, Mapping):
        errors["indicators"] = "Give the sub-indicators as a mapping of indicator to value."
        return {}
    raw: dict[Indicator, Decimal] = {}
    for key, value in indicators.items():
        if value is None:  # an empty field: not recorded, like a missing key
            continue
        try:
            indicator = Indicator(key)
        except ValueError:
            choices = ", ".join(member.value for member in Indicator)
            errors["indicators"] = f"{key!r} is not a sub-indicator; use one of: {choices}."
            continue
        # number_problem also refuses more digits than the column holds
        problem = number_problem(value, indicator.label) or raw_value_problem(indicator, value)
        if problem:
            errors[indicator.value] = problem
        else:
            raw[indicator] = Decimal(value)
    return dict(sorted(raw.items(), key=lambda item: _ORDER[item[0]]))


def replace_indicators(session: Any, evaluation_id: int, raw: Mapping[Indicator, Decimal]) -> None:
    """The evaluation's sub-indicators become exactly `raw` (none when it is empty)."""
    session.execute(delete(_INDICATORS).where(_INDICATORS.c.evaluation_id == evaluation_id))
    if raw:
        session.execute(
            insert(_INDICATORS),
            [
                {"evaluation_id": evaluation_id, "indicator": indicator, "value": value}
                for indicator, value in raw.items()
            ],
        )


def indicators_by_evaluation(
    connection: Any, supplier_id: int
) -> dict[int, dict[Indicator, Decimal]]:
    """Every sub-indicator of a supplier's evaluations in one query, by evaluation id."""
    i, e = _INDICATORS.c, _EVALUATIONS.c
    query = (
        select(i.evaluation_id, i.indicator, i.value)
        .join(_EVALUATIONS, e.id == i.evaluation_id)
        .where(e.supplier_id == supplier_id)
    )
    found: dict[int, dict[Indicator, Decimal]] = {}
    for evaluation_id, indicator, value in connection.execute(query):
        found.setdefault(evaluation_id, {})[indicator] = value
    return {
        evaluation_id: dict(sorted(values.items(), key=lambda item: _ORDER[item[0]]))
        for evaluation_id, values in found.items()
    }
