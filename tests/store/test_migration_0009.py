"""Migration 0009 (issue 12): agents get their own packing rules (carton tare, packing and repack
factors). A filled 0008 database with agents, lines, parcels and a shipment keeps every row and
every value; the new columns start empty, so every agent packs by the project defaults and no
plan changes; going back to 0008 rebuilds `agents` without cascading its lines away."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.boxes import PackingRules
from app.domain.consolidation.planner import LineOption, ShipmentPlan, plan_shipment
from app.services.consolidation.service import ConsolidationService
from app.services.suppliers.service import SupplierService
from app.store import migrate
from app.store.db import Database
from app.store.models.base import Base
from app.store.opening import open_database_file
from app.store.schema_version import HEAD, REVISIONS
from tests.conftest import TODAY
from tests.db_rows import query
from tests.older_files import fill_older, kept_rows
from tests.services.consolidation.fixtures import make_world
from tests.store.test_migrations import (
    _alembic_config,
    _counts,
    _database_at,
    _revision,
    _schema_differences,
)

D = Decimal
TABLES = tuple(Base.metadata.tables)  # every table the models know (all exist at 0008)
FILLED = ("agents", "shipping_lines", "purchase_orders", "order_items", "parcels", "shipments")
NEW_COLUMNS = "carton_tare_kg, packing_factor, repack_factor"
TARE_2KG = PackingRules(D(2), D("1.2"), D("0.7"))


def _fill_0008(database: Database) -> None:
    """Two agents with two lines each, an order, three parcels (two in a shipment) and a third
    agent without lines, stored through today's services (the packing a 0008 build lacks is
    left behind by fill_older, as a 0008 build would have)."""
    suppliers = SupplierService(database, today=lambda: TODAY)
    world = make_world(database, suppliers)
    service = world.service
    service.save_agent(service.agent(world.cssbuy).fees, agent_id=world.cssbuy, packing=TARE_2KG)
    service.save_agent(AgentFees(name="Wegobuy"))
    order = world.add_order()
    parcels = [
        world.add_parcel(code=f"YT{n}", order_ids=(order,), agent_id=agent)
        for n, agent in enumerate((world.superbuy, world.superbuy, world.cssbuy))
    ]
    view = service.plan_view(parcels[:2])
    index, best = next((i, p.best) for i, p in enumerate(view.plan.lines) if p.best)
    service.create_shipment("December", parcels[:2], view.line_id(index), best.way)


@pytest.fixture
def upgraded(tmp_path: Path) -> tuple[Path, Path, dict[str, list[tuple]]]:
    """A filled 0008 file upgraded to the head: (path, its backup, rows before)."""
    path = tmp_path / "at-0008.sqlite3"
    _database_at(path, "0008_buyer_protection")
    fill_older(path, _fill_0008)
    before = kept_rows(path, TABLES)
    for table in FILLED:
        assert before[table], f"{table} holds rows before the upgrade"
    assert len(before["agents"]) == 3 and len(before["shipping_lines"]) == 4
    opened = open_database_file(path)
    assert opened.migrated_from == "0008_buyer_protection" and opened.backup is not None
    return path, opened.backup, before


def test_0009_is_the_head_right_after_0008() -> None:
    assert REVISIONS[-2:] == ("0008_buyer_protection", "0009_agent_packing")
    assert HEAD == "0009_agent_packing"


def test_every_row_of_every_table_is_kept(upgraded: tuple) -> None:
    path, backup, before = upgraded
    assert _revision(path) == HEAD
    assert kept_rows(path, TABLES, backup) == before  # every row, every value in place
    assert kept_rows(backup, TABLES) == before  # the backup is the 0008 file as it was
    assert _counts(backup) == _counts(path)
    assert query(path, "PRAGMA foreign_key_check") == []
    assert query(path, "PRAGMA integrity_check") == [("ok",)]
    assert _schema_differences(path, Base.metadata) == []


def test_the_new_columns_start_empty_and_agents_pack_by_the_defaults(upgraded: tuple) -> None:
    path = upgraded[0]
    assert query(path, f"SELECT DISTINCT {NEW_COLUMNS} FROM agents") == [(None, None, None)]
    database = Database(path)
    try:
        service = ConsolidationService(database, today=lambda: TODAY)
        agents = service.agents()
        assert [a.name for a in agents] == ["CSSBuy", "Superbuy", "Wegobuy"]
        assert {a.packing for a in agents} == {PackingRules()}
        assert [a.line_count for a in agents] == [2, 2, 0]
        waiting = [row.id for row in service.parcels(waiting_only=True)]
        assert len(waiting) == 1
        view = service.plan_view(waiting)
        parcels = [row.parcel for row in service.parcels(waiting_only=True)]
        options = [LineOption(p.line, p.option.agent) for p in view.plan.lines]  # no rules
        assert _results(view.plan) == _results(plan_shipment(parcels, options))  # as 0008 did
    finally:
        database.close()


def _results(plan: ShipmentPlan) -> list[tuple]:
    return [(p.consolidated, p.repacked, p.separate, p.one_box, p.cheapest) for p in plan.lines]


def test_back_to_0008_keeps_every_agent_line_and_parcel(upgraded: tuple) -> None:
    path, _backup, before = upgraded
    database = Database(path)
    try:
        with database.transaction() as session:  # a tare set after the upgrade
            session.execute(text("UPDATE agents SET carton_tare_kg = '2' WHERE name = 'Superbuy'"))
    finally:
        database.close()
    engine = migrate._migration_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            config = _alembic_config(migrate.MIGRATIONS_DIR, connection)
            command.downgrade(config, "0008_buyer_protection")
    finally:
        engine.dispose()
    assert _revision(path) == "0008_buyer_protection"
    columns = {row[1] for row in query(path, "PRAGMA table_info(agents)")}
    assert not columns & {"carton_tare_kg", "packing_factor", "repack_factor"}
    assert kept_rows(path, TABLES) == before  # the rebuild cascaded nothing away
    assert query(path, "PRAGMA foreign_key_check") == []
