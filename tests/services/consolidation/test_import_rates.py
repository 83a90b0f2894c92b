"""Importing rate cards: one row per band, the line's settings once, the four price shapes, the
template round-trip (every example card comes back equal), re-import updates the line, and
every problem named by row and column with the domain's words."""

from __future__ import annotations

import csv
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.rate_card import BracketTable, RateCard
from app.errors import ImportRejected
from app.services.consolidation import import_rates
from app.services.consolidation.import_rates import apply_rate_import, preview_rate_import
from app.services.consolidation.service import ConsolidationService
from app.services.consolidation.templates import (
    AIR_SPECIAL,
    EMS,
    EXPRESS,
    SEA_LCL,
    card_rows,
    write_rates_template,
)
from app.store.db import Database
from tests.conftest import TODAY
from tests.db_rows import query

D = Decimal


@pytest.fixture
def service(database: Database) -> ConsolidationService:
    return ConsolidationService(database, today=lambda: TODAY)


def _csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _sheet(path: Path, agent: str, cards: list[RateCard]) -> Path:
    """The cards written as the import's rows, bilingual headers, as a CSV."""
    columns = import_rates.COLUMNS
    rows = [row for card in cards for row in card_rows(agent, card)]
    return _csv(
        path,
        [c.header for c in columns],
        [["" if row.get(c.key) is None else row[c.key] for c in columns] for row in rows],
    )


def _import(database: Database, path: Path):
    plan = preview_rate_import(database, path)
    return plan, apply_rate_import(database, plan)


def test_the_template_imports_back_to_its_example_cards(
    service: ConsolidationService, database: Database, tmp_path: Path
) -> None:
    out = write_rates_template(tmp_path / "rates.xlsx")
    plan, change = _import(database, out)
    assert plan.summary() == "2 new lines, 0 updated, 0 unchanged, 1 new agent"
    assert len(change.created) == 2
    cards = {line.name: line.card for line in service.lines()}
    assert cards == {"EMS": EMS, "DHL 快递 Express": EXPRESS}
    [agent] = service.agents()
    assert agent.name == "Superbuy" and agent.fees == AgentFees(name="Superbuy")
    again, _ = _import(database, out)
    assert again.summary() == "0 new lines, 0 updated, 2 unchanged"
    assert not again.writes_anything


@pytest.mark.parametrize("card", [AIR_SPECIAL, SEA_LCL, EXPRESS, EMS])
def test_every_example_card_round_trips_through_rows(
    service: ConsolidationService, database: Database, tmp_path: Path, card: RateCard
) -> None:
    _import(database, _sheet(tmp_path / "r.csv", "CSSBuy", [card]))
    assert [line.card for line in service.lines()] == [card]


def test_a_price_table_line_round_trips(
    service: ConsolidationService, database: Database, tmp_path: Path
) -> None:
    from app.domain.consolidation.rate_card import Bracket, RoundingBand

    card = replace(
        EMS,
        name="小包 table",
        pricing=BracketTable(
            (Bracket(D("0.5"), D(60)), Bracket(D(1), D(85)), Bracket(D(2), D(130)))
        ),
        rounding=(RoundingBand(D(2), D("0.1")), RoundingBand(None, D("0.5"))),
    )
    _import(database, _sheet(tmp_path / "r.csv", "CSSBuy", [card]))
    assert service.lines()[0].card == card


def test_reimporting_updates_the_line_matched_by_agent_and_name(
    service: ConsolidationService, database: Database, tmp_path: Path
) -> None:
    _import(database, _sheet(tmp_path / "a.csv", "Superbuy", [EMS]))
    cheaper = replace(EMS, pricing=replace(EMS.pricing, step_price=D(35)))  # type: ignore[type-var]
    plan, _ = _import(database, _sheet(tmp_path / "b.csv", " superbuy ", [cheaper]))
    assert plan.summary() == "0 new lines, 1 updated, 0 unchanged"
    assert plan.details() == ["  updated: Superbuy · EMS"]
    assert [line.card for line in service.lines()] == [cheaper]
    assert len(service.agents()) == 1


def test_chinese_headers_and_merged_cells(
    service: ConsolidationService, database: Database, tmp_path: Path
) -> None:
    """The agent and line only on the first row (merged cells); 首重/续重 without a rounding step
    rounds to the additional step; a blank divisor charges actual weight only."""
    path = _csv(
        tmp_path / "运价.csv",
        [
            "集运商",
            "线路",
            "首重",
            "首重价格",
            "续重",
            "续重价格",
            "单箱限重",
            "时效",
            "可寄敏感货",
        ],
        [["CSSBuy", "E邮宝", "0.1", "25", "0.1", "8", "2kg", "7～12天", "带磁"]],
    )
    _import(database, path)
    card = service.lines()[0].card
    assert card.divisor is None and card.rounding[0].step_kg == D("0.1")
    assert card.limits.max_kg == D(2)
    assert (card.transit_days_min, card.transit_days_max) == (7, 12)
    assert {tag.value for tag in card.accepted_tags} == {"magnet"}


def test_every_problem_is_named_by_row_and_column_and_nothing_is_written(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    header = [
        "集运商",
        "线路",
        "抛比",
        "首重",
        "首重价格",
        "续重",
        "续重价格",
        "截止重量",
        "每公斤单价",
        "币种",
    ]
    path = _csv(
        tmp_path / "bad.csv",
        header,
        [
            ["Superbuy", "EMS", "8000", "0.5", "125", "", "38", "", "", "CNY"],
            ["", "", "6000", "", "", "", "", "", "", ""],
            ["Superbuy", "Air", "six", "", "", "", "", "10", "78", ""],
            ["", "", "", "", "", "", "", "21", "72", ""],
            ["", "Sea", "", "", "", "", "", "", "", "USD"],
            ["", "Both", "", "0.5", "10", "0.5", "5", "", "3", ""],
        ],
    )
    with pytest.raises(ImportRejected) as refused:
        preview_rate_import(database, path)
    assert refused.value.problems == [
        "row 2, column step_kg (续重): 首重/续重 lines need the first weight, its price, the "
        "step and its price",
        "row 3, column divisor (抛比): differs from row 2 of the same line",
        "row 4, column divisor (抛比): 'six' is not a number",
        "row 6, column line (线路): give the line's prices: first weight and additional step "
        "(首重/续重), a price per kg, a price table, or a price per W/M",
        "row 7, column line (线路): a line has one way to price: this one gives first weight "
        "and additional step (首重/续重) and a price per kg",
    ]
    assert query(db_path, "SELECT count(*) FROM shipping_lines") == [(0,)]


def test_the_domains_own_words_name_a_broken_card(database: Database, tmp_path: Path) -> None:
    path = _csv(
        tmp_path / "bad.csv",
        ["集运商", "线路", "截止重量", "每公斤单价", "燃油附加费", "币种"],
        [["CSSBuy", "Air", "10", "78", "150%", "CNY"], ["", "", "5", "72", "", ""]],
    )
    with pytest.raises(ImportRejected) as refused:
        preview_rate_import(database, path)
    assert refused.value.problems == [
        "row 2, column line (线路): The fuel surcharge must be 100 % or less, not 150 %.",
        "row 2, column line (线路): Price bands must end with a band for any heavier weight "
        "(no upper limit).",
    ]


def test_a_line_in_another_currency_than_its_agent_is_refused(
    service: ConsolidationService, database: Database, tmp_path: Path
) -> None:
    service.save_agent(AgentFees(name="Superbuy"))
    with pytest.raises(ImportRejected, match="Superbuy charges in CNY"):
        preview_rate_import(
            database, _sheet(tmp_path / "r.csv", "Superbuy", [replace(EMS, currency="USD")])
        )


def test_a_dry_run_writes_nothing(database: Database, db_path: Path, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "r.csv", "Superbuy", [EMS, EXPRESS])
    before = db_path.read_bytes()
    plan = preview_rate_import(database, path)
    assert preview_rate_import(None, path).summary() == plan.summary()
    assert db_path.read_bytes() == before
    assert query(db_path, "SELECT count(*) FROM agents") == [(0,)]
