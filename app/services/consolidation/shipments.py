"""Planning a selection of parcels on every line, and the shipments made of a chosen plan: their
status, the estimated charge (the agent's freight deposit) and the actual one after weighing.

Rules decided here:
- The planner (app.domain.consolidation.planner) prices the parcels on every line of every
  agent, each line with its own agent's fees and packing rules (carton tare, packing and repack
  factors; the project defaults where the agent set none), in the order `lines()` lists them.
- A shipment is made of parcels in no shipment yet, on one line, one way (consolidated,
  repacked, separate or one box). Its estimate is that way's total worked out again here (the
  caller's figures are not trusted), unless the agent asked for another deposit, which may be
  given. It keeps the line's name, agent and card as they were, and the boxes of the split.
- Statuses run planned → paid → shipped → delivered, forward only (skipping is allowed); each
  stamps its date when empty. Deleting a shipment puts its parcels back to waiting.
- The actual charge is in the estimate's currency (the domain's estimate check guesses no
  rate); the history lists every shipment with an actual charge, oldest first, per line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from app.domain.consolidation.estimate import compare_estimate
from app.domain.consolidation.planner import LineOption, ShipmentPlan, Way, WayCost, plan_shipment
from app.domain.consolidation.units import fmt
from app.domain.kit.money import Money
from app.errors import NotFound, ValidationError
from app.services.consolidation.base import (
    NOTE_LIMIT,
    ServiceBase,
    money_problem,
    require_row,
    text_problem,
)
from app.services.consolidation.cards import card_from_json, card_json, fees_from_json
from app.services.consolidation.lines import agent_packing, load_lines
from app.services.consolidation.parcels import domain_parcel
from app.services.consolidation.records import (
    AGENTS,
    LINES,
    PARCELS,
    SHIPMENT_DATES,
    SHIPMENT_FLOW,
    SHIPMENTS,
    ConsolidationChange,
    EstimateRecord,
    PlanView,
    ShipmentEntry,
    ShipmentStatus,
)
from app.services.sql import inserted_id
from app.store.types import utc_now

NAME_LIMIT = 200


class ShipmentService(ServiceBase):
    # --- planning ------------------------------------------------------------------------------
    def plan(
        self,
        parcel_ids: Sequence[int],
        *,
        repack: bool = True,
        insure: bool = False,
        ship_on: date | None = None,
    ) -> ShipmentPlan:
        """The parcels priced on every line of every agent (the domain planner)."""
        return self.plan_view(parcel_ids, repack=repack, insure=insure, ship_on=ship_on).plan

    def plan_view(
        self,
        parcel_ids: Sequence[int],
        *,
        repack: bool = True,
        insure: bool = False,
        ship_on: date | None = None,
    ) -> PlanView:
        """`plan` with the stored line of each planned line (same order), for create_shipment."""
        with self.database.transaction() as session:
            connection = session.connection()
            parcels = load_parcels(connection, parcel_ids)
            entries, options = load_lines(connection)
        plan = plan_shipment(
            parcels, options, insure=insure, ship_on=ship_on, compare_repack=repack
        )
        return PlanView(plan, tuple(entries))

    # --- shipments -----------------------------------------------------------------------------
    def create_shipment(
        self,
        name: str,
        parcel_ids: Sequence[int],
        line_id: int,
        way: Way,
        plan_summary: str = "",
        *,
        insure: bool = False,
        ship_on: date | None = None,
        estimate: Money | None = None,
        note: str = "",
    ) -> ConsolidationChange:
        """Make a shipment of waiting parcels on a line, one way (see the module's rules)."""
        errors = _shipment_text_problems(name, plan_summary, note)
        if not isinstance(way, Way):
            errors["way"] = f"{way!r} is not a way of shipping."
        if estimate is not None and (found := money_problem(estimate, "The estimate")):
            errors["estimate"] = found
        if not parcel_ids:
            errors["parcel_ids"] = "Choose at least one parcel to ship."
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            connection = session.connection()
            _check_name(connection, name.strip(), None)
            parcels = load_parcels(connection, parcel_ids)
            taken = [
                row.id
                for row in connection.execute(
                    select(PARCELS.c.id, PARCELS.c.shipment_id).where(
                        PARCELS.c.id.in_(list(parcel_ids))
                    )
                )
                if row.shipment_id is not None
            ]
            if taken:
                raise ValidationError(
                    {"parcel_ids": f"Parcel {taken[0]} is already in a shipment."}
                )
            line = require_row(connection, LINES, line_id, "Shipping line")
            agent = require_row(connection, AGENTS, line.agent_id, "Agent")
            card = card_from_json(line.card)
            option = LineOption(card, fees_from_json(agent.fees, agent.name), agent_packing(agent))
            plan = plan_shipment(
                parcels,
                [option],
                insure=insure,
                ship_on=ship_on,
                compare_repack=way is Way.REPACKED,
            )
            chosen = way_result(plan, way)
            if not isinstance(chosen, WayCost):
                raise ValidationError({"line_id": f"{card.name}: {chosen.message}"})
            deposit = estimate or chosen.total
            if deposit.currency != card.currency:
                raise ValidationError(
                    {"estimate": f"The line charges in {card.currency}: give the estimate in it."}
                )
            boxes = [[int(p.id) for p in priced.box.parcels] for priced in chosen.split.boxes]
            summary = plan_summary.strip() or way_summary(chosen)
            now = utc_now()
            shipment_id = inserted_id(
                connection.execute(
                    insert(SHIPMENTS).values(
                        name=name.strip(),
                        line_id=line_id,
                        line_name=card.name,
                        agent_name=agent.name,
                        card=card_json(card),
                        way=way,
                        status=ShipmentStatus.PLANNED.value,
                        planned_on=self.today(),
                        boxes=len(boxes),
                        actual_kg=chosen.actual_kg,
                        chargeable_kg=chosen.chargeable_kg,
                        box_parcels=json.dumps(boxes),
                        estimate_minor=deposit.to_minor(),
                        currency=deposit.currency,
                        summary=summary,
                        tracking_number="",
                        note=note.strip(),
                        created_at=now,
                        updated_at=now,
                    )
                )
            )
            connection.execute(
                update(PARCELS)
                .where(PARCELS.c.id.in_(list(parcel_ids)))
                .values(shipment_id=shipment_id, updated_at=now)
            )
        return ConsolidationChange(
            created=(shipment_id,),
            shipments=(shipment_id,),
            parcels=tuple(parcel_ids),
            lines=(line_id,),
        )

    def shipments(self) -> list[ShipmentEntry]:
        """Every shipment, the latest first."""
        with self.database.transaction() as session:
            found = read_shipments(session.connection())
        return sorted(found, key=lambda s: (s.dated or date.min, s.id), reverse=True)

    def shipment(self, shipment_id: int) -> ShipmentEntry:
        with self.database.transaction() as session:
            found = read_shipments(session.connection(), SHIPMENTS.c.id == shipment_id)
        if not found:
            raise NotFound(f"Shipment {shipment_id} no longer exists.")
        return found[0]

    def find_shipment_id(self, name_or_id: str) -> int:
        """What a user typed on the command line: a shipment's id or its exact name."""
        typed = name_or_id.strip()
        with self.database.transaction() as session:
            by_name = session.scalar(select(SHIPMENTS.c.id).where(SHIPMENTS.c.name == typed))
            if by_name is None and typed.isdigit():
                by_name = session.scalar(select(SHIPMENTS.c.id).where(SHIPMENTS.c.id == int(typed)))
        if by_name is None:
            raise NotFound(f"No shipment is called '{typed}'.")
        return int(by_name)

    def set_shipment_status(
        self, shipment_id: int, status: ShipmentStatus, on: date | None = None
    ) -> ConsolidationChange:
        """Move forward (planned → paid → shipped → delivered); stamps the date (`on`, else
        today) when that status's date is empty."""
        if not isinstance(status, ShipmentStatus):
            raise ValidationError({"status": f"{status!r} is not a shipment status."})
        if on is not None and (not isinstance(on, date) or on > self.today()):
            raise ValidationError({"on": f"The date {on} is after today."})
        with self.database.transaction() as session:
            connection = session.connection()
            row = require_row(connection, SHIPMENTS, shipment_id, "Shipment")
            old = ShipmentStatus(row.status)
            if SHIPMENT_FLOW.index(status) < SHIPMENT_FLOW.index(old):
                raise ValidationError(
                    {
                        "status": f"A shipment does not go back from {old.label.lower()} to "
                        f"{status.label.lower()}."
                    }
                )
            values: dict[str, Any] = {"status": status.value, "updated_at": utc_now()}
            stamp = SHIPMENT_DATES[status]
            if getattr(row, stamp) is None or on is not None:
                values[stamp] = on or self.today()
            connection.execute(
                update(SHIPMENTS).where(SHIPMENTS.c.id == shipment_id).values(**values)
            )
            parcels = _parcels_of(connection, shipment_id)
        return ConsolidationChange(
            updated=(shipment_id,), shipments=(shipment_id,), parcels=parcels
        )

    def record_actual_charge(self, shipment_id: int, amount: Money | None) -> ConsolidationChange:
        """The charge after the agent weighed the boxes (None: not known after all)."""
        return self._set_money(shipment_id, "actual_minor", amount, "The actual charge")

    def set_estimate(self, shipment_id: int, amount: Money) -> ConsolidationChange:
        """The deposit the agent asked for, when it differs from the app's estimate."""
        return self._set_money(shipment_id, "estimate_minor", amount, "The estimate")

    def edit_shipment(
        self, shipment_id: int, *, name: str, tracking_number: str = "", note: str = ""
    ) -> ConsolidationChange:
        errors = _shipment_text_problems(name, "", note)
        if found := text_problem(tracking_number, "The tracking number", 100):
            errors["tracking_number"] = found
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            connection = session.connection()
            require_row(connection, SHIPMENTS, shipment_id, "Shipment")
            _check_name(connection, name.strip(), shipment_id)
            connection.execute(
                update(SHIPMENTS)
                .where(SHIPMENTS.c.id == shipment_id)
                .values(
                    name=name.strip(),
                    tracking_number=tracking_number.strip(),
                    note=note.strip(),
                    updated_at=utc_now(),
                )
            )
        return ConsolidationChange(updated=(shipment_id,), shipments=(shipment_id,))

    def delete_shipment(self, shipment_id: int) -> ConsolidationChange:
        """Delete a shipment; its parcels go back to waiting."""
        with self.database.transaction() as session:
            connection = session.connection()
            require_row(connection, SHIPMENTS, shipment_id, "Shipment")
            parcels = _parcels_of(connection, shipment_id)
            connection.execute(delete(SHIPMENTS).where(SHIPMENTS.c.id == shipment_id))
        return ConsolidationChange(
            deleted=(shipment_id,), shipments=(shipment_id,), parcels=parcels
        )

    def estimate_history(self, line_id: int | None = None) -> list[EstimateRecord]:
        """Estimate against actual of every shipment with an actual charge (of one line, or all),
        oldest first: how far a line's estimates run from what the agent charges."""
        condition: Any = SHIPMENTS.c.actual_minor.is_not(None)
        if line_id is not None:
            condition &= SHIPMENTS.c.line_id == line_id
        with self.database.transaction() as session:
            found = read_shipments(session.connection(), condition)
        records = [
            EstimateRecord(s.id, s.name, s.line_id, s.line_name, s.agent_name, s.dated, check)
            for s in found
            if (check := s.check) is not None
        ]
        return sorted(records, key=lambda r: (r.on or date.min, r.shipment_id))

    def _set_money(
        self, shipment_id: int, column: str, amount: Money | None, label: str
    ) -> ConsolidationChange:
        if amount is not None and (found := money_problem(amount, label)):
            raise ValidationError({column.removesuffix("_minor"): found})
        with self.database.transaction() as session:
            connection = session.connection()
            row = require_row(connection, SHIPMENTS, shipment_id, "Shipment")
            if amount is not None and amount.currency != row.currency:
                try:
                    compare_estimate(Money.from_minor(row.estimate_minor, row.currency), amount)
                except ValueError as error:
                    raise ValidationError({column.removesuffix("_minor"): str(error)}) from None
            connection.execute(
                update(SHIPMENTS)
                .where(SHIPMENTS.c.id == shipment_id)
                .values(
                    {column: None if amount is None else amount.to_minor(), "updated_at": utc_now()}
                )
            )
        return ConsolidationChange(updated=(shipment_id,), shipments=(shipment_id,))


# --- helpers ------------------------------------------------------------------------------------
def load_parcels(connection: Connection, parcel_ids: Sequence[int]) -> list[Any]:
    """The domain parcels of these ids, in the order given; NotFound for one that is gone."""
    wanted = list(parcel_ids)
    if len(set(wanted)) != len(wanted):
        raise ValidationError({"parcel_ids": "Choose each parcel once."})
    rows = {
        row.id: row for row in connection.execute(select(PARCELS).where(PARCELS.c.id.in_(wanted)))
    }
    missing = [parcel_id for parcel_id in wanted if parcel_id not in rows]
    if missing:
        raise NotFound(f"Parcel {missing[0]} no longer exists.")
    return [domain_parcel(rows[parcel_id]) for parcel_id in wanted]


def way_result(plan: ShipmentPlan, way: Way) -> Any:
    line_plan = plan.lines[0]
    chosen = {
        Way.CONSOLIDATED: line_plan.consolidated,
        Way.REPACKED: line_plan.repacked,
        Way.SEPARATE: line_plan.separate,
        Way.ONE_BOX: line_plan.one_box,
    }[way]
    assert chosen is not None  # repacked is compared when that way is asked for
    return chosen


def way_summary(cost: WayCost) -> str:
    """ "2 boxes · 12.5 kg chargeable (10.2 kg actual) · Consolidated and repacked"."""
    boxes = f"{cost.boxes} box" + ("es" if cost.boxes != 1 else "")
    return (
        f"{boxes} · {fmt(cost.chargeable_kg)} kg chargeable ({fmt(cost.actual_kg)} kg actual)"
        f" · {cost.way.label}"
    )


def read_shipments(connection: Connection, condition: Any = None) -> list[ShipmentEntry]:
    query = select(SHIPMENTS).order_by(SHIPMENTS.c.id)
    if condition is not None:
        query = query.where(condition)
    rows = connection.execute(query).all()
    parcels: dict[int, list[int]] = {}
    for parcel_id, shipment_id in connection.execute(
        select(PARCELS.c.id, PARCELS.c.shipment_id)
        .where(PARCELS.c.shipment_id.is_not(None))
        .order_by(PARCELS.c.id)
    ):
        parcels.setdefault(shipment_id, []).append(parcel_id)
    return [
        ShipmentEntry(
            id=row.id,
            name=row.name,
            status=ShipmentStatus(row.status),
            line_id=row.line_id,
            line_name=row.line_name,
            agent_name=row.agent_name,
            card=card_from_json(row.card),
            way=row.way,
            parcel_ids=tuple(parcels.get(row.id, ())),
            box_parcels=tuple(tuple(box) for box in json.loads(row.box_parcels)),
            boxes=row.boxes,
            actual_kg=row.actual_kg,
            chargeable_kg=row.chargeable_kg,
            estimate=Money.from_minor(row.estimate_minor, row.currency),
            actual=None
            if row.actual_minor is None
            else Money.from_minor(row.actual_minor, row.currency),
            planned_on=row.planned_on,
            paid_on=row.paid_on,
            shipped_on=row.shipped_on,
            delivered_on=row.delivered_on,
            summary=row.summary,
            tracking_number=row.tracking_number,
            note=row.note,
        )
        for row in rows
    ]


def _shipment_text_problems(name: object, summary: object, note: object) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not isinstance(name, str) or not name.strip():
        errors["name"] = "Give the shipment a name (for example 'December air')."
    elif found := text_problem(name, "The name", NAME_LIMIT):
        errors["name"] = found
    if found := text_problem(summary, "The summary", NOTE_LIMIT):
        errors["plan_summary"] = found
    if found := text_problem(note, "The note", NOTE_LIMIT):
        errors["note"] = found
    return errors


def _check_name(connection: Connection, name: str, shipment_id: int | None) -> None:
    other = connection.scalar(select(SHIPMENTS.c.id).where(SHIPMENTS.c.name == name))
    if other is not None and other != shipment_id:
        raise ValidationError({"name": f"There is already a shipment called {name}."})


def _parcels_of(connection: Connection, shipment_id: int) -> tuple[int, ...]:
    return tuple(
        connection.scalars(
            select(PARCELS.c.id).where(PARCELS.c.shipment_id == shipment_id).order_by(PARCELS.c.id)
        )
    )
