"""A product's own criteria, saved with the product and matched by id (issue 4): a renamed
criterion keeps its scores, a removed one takes its scores with it, and a criterion's kind
cannot change while any sample is scored on it. Scores are stored under the criterion's name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from app.domain.samples.sample import Criterion
from app.errors import ValidationError
from app.services.samples.records import CRITERIA, SAMPLES, SCORES


def save_criteria(
    connection: Connection, product_id: int, wanted: Sequence[Criterion], stored: list[Any]
) -> None:
    """Make the product's own criteria `wanted` (module docstring: matched by id)."""
    by_id = {row.id: row for row in stored}
    scored_samples = select(SAMPLES.c.id).where(SAMPLES.c.product_id == product_id)
    errors: dict[str, str] = {}
    for index, criterion in enumerate(wanted):
        row = by_id.get(criterion.id) if criterion.id is not None else None
        if criterion.id is not None and row is None:
            errors[f"criteria[{index}]"] = "This criterion no longer exists; reload the product."
        elif row is not None and row.kind != criterion.kind and _is_scored(connection, row):
            errors[f"criteria[{index}]"] = (
                f"Samples are scored on '{row.name}' already: remove it and add it again "
                "to score it another way."
            )
    if errors:
        raise ValidationError(errors)

    def rename(criterion_id: int, old: str, new: str) -> None:
        connection.execute(update(CRITERIA).where(CRITERIA.c.id == criterion_id).values(name=new))
        connection.execute(
            update(SCORES)
            .where(SCORES.c.criterion == old, SCORES.c.sample_id.in_(scored_samples))
            .values(criterion=new)
        )

    kept = {criterion.id for criterion in wanted}
    for row in stored:
        if row.id not in kept:  # removed: its scores go with it
            connection.execute(
                delete(SCORES).where(
                    SCORES.c.criterion == row.name, SCORES.c.sample_id.in_(scored_samples)
                )
            )
            connection.execute(delete(CRITERIA).where(CRITERIA.c.id == row.id))
    # Renames pass through a temporary name, so swapping two names never meets a unique index.
    renamed = [
        (c.id, by_id[c.id].name, c.name.strip())
        for c in wanted
        if c.id is not None and by_id[c.id].name != c.name.strip()
    ]
    for criterion_id, old, _ in renamed:
        rename(criterion_id, old, f"\x00{criterion_id}")
    for criterion_id, _, new in renamed:
        rename(criterion_id, f"\x00{criterion_id}", new)
    for position, criterion in enumerate(wanted):
        values = {"kind": criterion.kind, "position": position}
        if criterion.id is None:
            connection.execute(
                insert(CRITERIA).values(
                    product_id=product_id, name=criterion.name.strip(), **values
                )
            )
        else:
            connection.execute(
                update(CRITERIA).where(CRITERIA.c.id == criterion.id).values(**values)
            )


def _is_scored(connection: Connection, criterion: Any) -> bool:
    query = (
        select(SCORES.c.id)
        .join(SAMPLES, SAMPLES.c.id == SCORES.c.sample_id)
        .where(SAMPLES.c.product_id == criterion.product_id, SCORES.c.criterion == criterion.name)
        .limit(1)
    )
    return connection.execute(query).first() is not None
