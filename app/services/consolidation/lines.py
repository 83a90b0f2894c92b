"""Agents (purchasing agents / forwarders) with their fees, and their shipping lines with the
rate card of each (domain AgentFees and RateCard, validated by the domain on construction).

Rules decided here:
- An agent's name is unique (ignoring case and surrounding spaces); so is a line's name within
  its agent. The stored fee and card documents are app.services.consolidation.cards'.
- A line is priced in its agent's currency: the planner adds the agent's fees to the freight
  and guesses no exchange rate, so a line in another currency could never be planned. For the
  same reason an agent's currency cannot change while it has lines in the old one.
- Deleting an agent deletes its lines; its parcels stay, with no agent (180 free storage days
  then count, domain.md's figure). Deleting a line keeps the shipments made on it: they hold
  its name and card as they were.
- An agent's packing rules (carton tare, packing and repack factors: domain PackingRules) are
  stored beside its fees; an agent that never set them (NULL) packs by the project defaults,
  and every line of the agent is planned with them.
- The default agent (a data setting, app_settings) is the agent a new parcel starts with; a
  deleted agent reads as none.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.planner import LineOption
from app.domain.consolidation.rate_card import RateCard
from app.errors import NotFound, ValidationError
from app.services.consolidation.base import NOTE_LIMIT, ServiceBase, require_row
from app.services.consolidation.cards import (
    StoredDocumentError,
    card_from_json,
    card_json,
    fees_from_json,
    fees_json,
)
from app.services.consolidation.records import (
    AGENTS,
    LINES,
    PARCELS,
    SHIPMENTS,
    AgentEntry,
    ConsolidationChange,
    LineEntry,
)
from app.services.sql import inserted_id
from app.store.models.matrix import SettingRow
from app.store.types import utc_now

NAME_LIMIT = 200
DEFAULT_AGENT_KEY = "consolidation.default_agent_id"
PACKING_COLUMNS = ("carton_tare_kg", "packing_factor", "repack_factor")


class LineService(ServiceBase):
    # --- agents --------------------------------------------------------------------------------
    def agents(self) -> list[AgentEntry]:
        """Every agent by name, with its fees and how many lines and parcels it has."""
        lines = select(LINES.c.agent_id, func.count().label("n")).group_by(LINES.c.agent_id)
        parcels = select(PARCELS.c.agent_id, func.count().label("n")).group_by(PARCELS.c.agent_id)
        with self.database.transaction() as session:
            connection = session.connection()
            line_counts = {row[0]: row[1] for row in connection.execute(lines)}
            parcel_counts = {row[0]: row[1] for row in connection.execute(parcels)}
            rows = connection.execute(select(AGENTS).order_by(AGENTS.c.name, AGENTS.c.id)).all()
        return [
            AgentEntry(
                row.id,
                row.name,
                fees_from_json(row.fees, row.name),
                row.note,
                line_counts.get(row.id, 0),
                parcel_counts.get(row.id, 0),
                agent_packing(row),
            )
            for row in rows
        ]

    def agent(self, agent_id: int) -> AgentEntry:
        for entry in self.agents():
            if entry.id == agent_id:
                return entry
        raise NotFound(f"Agent {agent_id} no longer exists.")

    def find_agent_id(self, name: str) -> int | None:
        with self.database.transaction() as session:
            return agent_id_named(session.connection(), name)

    def save_agent(
        self,
        fees: AgentFees,
        name: str | None = None,
        *,
        agent_id: int | None = None,
        note: str = "",
        packing: PackingRules | None = None,
    ) -> ConsolidationChange:
        """Store a new agent (agent_id None) or replace one's name and fees. `name` defaults to
        fees.name; the stored fees carry the agent's name. `packing`: how the agent packs
        (None keeps what is stored; a new agent then packs by the project defaults)."""
        chosen = (
            (fees.name if name is None else name).strip() if isinstance(fees, AgentFees) else ""
        )
        errors: dict[str, str] = {}
        if not isinstance(fees, AgentFees):
            errors["fees"] = "Give the agent's fees."
        if not chosen:
            errors["name"] = "Give the agent a name."
        elif len(chosen) > NAME_LIMIT:
            errors["name"] = f"Keep the name under {NAME_LIMIT} characters."
        if not isinstance(note, str) or len(note) > NOTE_LIMIT:
            errors["note"] = f"The note must be text under {NOTE_LIMIT:,} characters."
        if packing is not None and not isinstance(packing, PackingRules):
            errors["packing"] = "Give the agent's packing rules."
        if errors:
            raise ValidationError(errors)
        fees = dataclasses.replace(fees, name=chosen)
        now = utc_now()
        with self.database.transaction() as session:
            connection = session.connection()
            other = agent_id_named(connection, chosen)
            if other is not None and other != agent_id:
                raise ValidationError({"name": f"There is already an agent called {chosen}."})
            values: dict[str, Any] = {
                "name": chosen,
                "currency": fees.currency,
                "fees": fees_json(fees),
            }
            if packing is not None:
                values.update({name: getattr(packing, name) for name in PACKING_COLUMNS})
            if agent_id is None:
                added = connection.execute(
                    insert(AGENTS).values(
                        **values, note=note.strip(), created_at=now, updated_at=now
                    )
                )
                agent_id = inserted_id(added)
                created = True
            else:
                require_row(connection, AGENTS, agent_id, "Agent")
                _check_line_currencies(connection, agent_id, fees.currency)
                connection.execute(
                    update(AGENTS)
                    .where(AGENTS.c.id == agent_id)
                    .values(**values, note=note.strip(), updated_at=now)
                )
                created = False
        return ConsolidationChange(
            created=(agent_id,) if created else (),
            updated=() if created else (agent_id,),
            agents=(agent_id,),
        )

    def delete_agent(self, agent_id: int) -> ConsolidationChange:
        """Delete an agent and its lines; its parcels stay, with no agent."""
        with self.database.transaction() as session:
            connection = session.connection()
            require_row(connection, AGENTS, agent_id, "Agent")
            lines = tuple(
                connection.scalars(select(LINES.c.id).where(LINES.c.agent_id == agent_id))
            )
            parcels = tuple(
                connection.scalars(select(PARCELS.c.id).where(PARCELS.c.agent_id == agent_id))
            )
            connection.execute(delete(AGENTS).where(AGENTS.c.id == agent_id))
        return ConsolidationChange(
            deleted=(agent_id,), agents=(agent_id,), lines=lines, parcels=parcels
        )

    # --- the default agent ---------------------------------------------------------------------
    def default_agent_id(self) -> int | None:
        """The agent a new parcel starts with (None: not set, or the agent was deleted)."""
        with self.database.transaction() as session:
            stored = session.scalar(
                select(SettingRow.value).where(SettingRow.key == DEFAULT_AGENT_KEY)
            )
            try:
                agent_id = None if stored is None else json.loads(stored)
            except ValueError:
                return None  # a hand-edited file: no default
            if not isinstance(agent_id, int) or isinstance(agent_id, bool):
                return None
            found = session.scalar(select(AGENTS.c.id).where(AGENTS.c.id == agent_id))
        return None if found is None else int(found)

    def set_default_agent(self, agent_id: int | None) -> ConsolidationChange:
        """Make `agent_id` the default agent (None: no default)."""
        if agent_id is not None and (not isinstance(agent_id, int) or isinstance(agent_id, bool)):
            raise ValidationError({"default_agent": f"{agent_id!r} is not an agent."})
        with self.database.transaction() as session:
            if agent_id is not None:
                require_row(session.connection(), AGENTS, agent_id, "Agent")
            row = session.get(SettingRow, DEFAULT_AGENT_KEY)
            text = json.dumps(agent_id)
            if row is None:
                session.add(SettingRow(key=DEFAULT_AGENT_KEY, value=text))
            else:
                row.value = text
        return ConsolidationChange(agents=() if agent_id is None else (agent_id,))

    # --- lines ---------------------------------------------------------------------------------
    def lines(self, agent_id: int | None = None) -> list[LineEntry]:
        """The lines of an agent (or of every agent), by agent name then line name: the order
        the planner compares them in."""
        query = (
            select(LINES, AGENTS.c.name.label("agent_name"))
            .join(AGENTS, AGENTS.c.id == LINES.c.agent_id)
            .order_by(AGENTS.c.name, AGENTS.c.id, LINES.c.name, LINES.c.id)
        )
        if agent_id is not None:
            query = query.where(LINES.c.agent_id == agent_id)
        with self.database.transaction() as session:
            rows = session.execute(query).all()
        return [
            LineEntry(row.id, row.agent_id, row.agent_name, card_from_json(row.card))
            for row in rows
        ]

    def line(self, line_id: int) -> LineEntry:
        for entry in self.lines():
            if entry.id == line_id:
                return entry
        raise NotFound(f"Shipping line {line_id} no longer exists.")

    def save_line(
        self, agent_id: int, card: RateCard, *, line_id: int | None = None
    ) -> ConsolidationChange:
        """Store a new line of the agent (line_id None) or replace one's card (it may move to
        another agent). The card is the domain's, so it is valid; here: its name is free
        within the agent and its currency is the agent's."""
        if not isinstance(card, RateCard):
            raise ValidationError({"card": "Give the line's rate card."})
        name = card.name.strip()
        if len(name) > NAME_LIMIT:
            raise ValidationError({"name": f"Keep the name under {NAME_LIMIT} characters."})
        card = dataclasses.replace(card, name=name)
        with self.database.transaction() as session:
            connection = session.connection()
            agent = require_row(connection, AGENTS, agent_id, "Agent")
            if card.currency != agent.currency:
                raise ValidationError(
                    {
                        "currency": f"{agent.name} charges its fees in {agent.currency}: price "
                        f"the line in {agent.currency} too (the planner adds the fees to the "
                        "freight and guesses no exchange rate)."
                    }
                )
            other = line_id_named(connection, agent_id, name)
            if other is not None and other != line_id:
                raise ValidationError({"name": f"{agent.name} already has a line called {name}."})
            if line_id is not None:
                require_row(connection, LINES, line_id, "Shipping line")
            created = line_id is None
            line_id = write_line(connection, agent_id, card, line_id)
        return ConsolidationChange(
            created=(line_id,) if created else (),
            updated=() if created else (line_id,),
            lines=(line_id,),
            agents=(agent_id,),
        )

    def delete_line(self, line_id: int) -> ConsolidationChange:
        """Delete a line; the shipments made on it keep its name and card."""
        with self.database.transaction() as session:
            connection = session.connection()
            row = require_row(connection, LINES, line_id, "Shipping line")
            shipments = tuple(
                connection.scalars(select(SHIPMENTS.c.id).where(SHIPMENTS.c.line_id == line_id))
            )
            connection.execute(delete(LINES).where(LINES.c.id == line_id))
        return ConsolidationChange(
            deleted=(line_id,), lines=(line_id,), agents=(row.agent_id,), shipments=shipments
        )


def write_line(connection: Connection, agent_id: int, card: RateCard, line_id: int | None) -> int:
    """Insert (line_id None) or replace a line, checked already; returns its id."""
    values = {
        "agent_id": agent_id,
        "name": card.name,
        "currency": card.currency,
        "transit_days_min": card.transit_days_min,
        "transit_days_max": card.transit_days_max,
        "card": card_json(card),
    }
    now = utc_now()
    if line_id is None:
        added = connection.execute(insert(LINES).values(**values, created_at=now, updated_at=now))
        return inserted_id(added)
    connection.execute(update(LINES).where(LINES.c.id == line_id).values(**values, updated_at=now))
    return line_id


def agent_id_named(connection: Connection, name: str) -> int | None:
    wanted = " ".join(name.split()).casefold()
    for row_id, stored in connection.execute(select(AGENTS.c.id, AGENTS.c.name)):
        if " ".join(stored.split()).casefold() == wanted:
            return int(row_id)
    return None


def line_id_named(connection: Connection, agent_id: int, name: str) -> int | None:
    wanted = " ".join(name.split()).casefold()
    query = select(LINES.c.id, LINES.c.name).where(LINES.c.agent_id == agent_id)
    for row_id, stored in connection.execute(query):
        if " ".join(stored.split()).casefold() == wanted:
            return int(row_id)
    return None


def _check_line_currencies(connection: Connection, agent_id: int, currency: str) -> None:
    others = sorted(
        set(
            connection.scalars(
                select(LINES.c.currency).where(
                    LINES.c.agent_id == agent_id, LINES.c.currency != currency
                )
            )
        )
    )
    if others:
        raise ValidationError(
            {
                "currency": f"The agent's lines are priced in {', '.join(others)}: change them "
                f"first, or keep the agent's fees in {', '.join(others)}."
            }
        )


def load_lines(connection: Connection) -> tuple[list[LineEntry], list[LineOption]]:
    """Every line with its agent's fees, by agent name then line name."""
    query = (
        select(
            LINES,
            AGENTS.c.name.label("agent_name"),
            AGENTS.c.fees.label("agent_fees"),
            *(AGENTS.c[name] for name in PACKING_COLUMNS),
        )
        .join(AGENTS, AGENTS.c.id == LINES.c.agent_id)
        .order_by(AGENTS.c.name, AGENTS.c.id, LINES.c.name, LINES.c.id)
    )
    entries: list[LineEntry] = []
    options: list[LineOption] = []
    agents: dict[int, tuple[AgentFees, PackingRules]] = {}
    for row in connection.execute(query):
        card = card_from_json(row.card)
        if row.agent_id not in agents:
            fees = fees_from_json(row.agent_fees, row.agent_name)
            agents[row.agent_id] = (fees, agent_packing(row, row.agent_name))
        entries.append(LineEntry(row.id, row.agent_id, row.agent_name, card))
        options.append(LineOption(card, *agents[row.agent_id]))
    return entries, options


def agent_packing(row: Any, name: str | None = None) -> PackingRules:
    """The packing rules of a stored agent row: each NULL column is the project default."""
    stored = {key: getattr(row, key) for key in PACKING_COLUMNS}
    try:
        return PackingRules(**{key: value for key, value in stored.items() if value is not None})
    except ValueError as error:  # a hand-edited file: reported, not half-read
        who = row.name if name is None else name
        raise StoredDocumentError(
            f"The stored packing rules of {who} are damaged ({error})"
        ) from None
