"""Import shipping-line rate cards from .xlsx or .csv (`python -m app import rates FILE
[--dry-run]`; README: Rate card file format), and write a card back as rows (the template).

Rules decided here:
- One row per weight band; the rows of one agent and line make one card. A blank agent or line
  cell means the same as the row above (merged cells read that way). The line's settings may
  stand on any of its rows, usually the first; a setting given twice with different values is a
  problem.
- Each band row gives its upper weight (blank: any heavier weight) and what applies up to it:
  a rounding step (计费进位) and/or a price per kg. 'Band from' is optional and must follow the
  band above. Price-table rows give their own 'up to' and price.
- The price shape follows the columns filled: first weight + additional step (首重/续重), price
  per kg (+ a base price), a price table, or a price per W/M (sea); one shape per line. Without
  a rounding step the line rounds to its additional step (首重/续重 lines), else 0.5 kg.
- A blank divisor means the line charges actual weight only; write 6000, 5000, 8000 (抛比).
- The card is built by the domain (app.domain.consolidation.rate_card), whose messages name
  every broken rule; they are reported on the line's first row.
- A line is matched by agent and line name (case and spaces do not matter): a stored one is
  updated, any other added. An unknown agent is added with default fees in the line's currency
  (set its real fees on the Consolidation tab); a line must be in its agent's currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from app.domain.consolidation.agent_fees import AgentFees
from app.domain.consolidation.rate_card import (
    DEFAULT_STEP_KG,
    SEA_KG_PER_M3,
    SEA_MINIMUM_WM,
    BoxLimits,
    Bracket,
    BracketTable,
    FirstAdditional,
    PerKg,
    PerKgBand,
    PerRevenueTon,
    Pricing,
    RateCard,
    RateCardError,
    RoundingBand,
    VolumeTrigger,
)
from app.domain.consolidation.units import fmt
from app.errors import ImportRejected, WorkbenchError
from app.exports.suppliers.columns import parse_bool, parse_currency, parse_date
from app.services.consolidation.cards import card_from_json, fees_json
from app.services.consolidation.lines import write_line
from app.services.consolidation.records import AGENTS, LINES, ConsolidationChange
from app.services.consolidation.sheets import (
    SheetColumn,
    SheetRows,
    parse_cm,
    parse_kg,
    parse_name,
    parse_number,
    parse_percent,
    parse_tags,
    parse_transit,
    read_sheet,
)
from app.services.sql import inserted_id
from app.store.db import Database
from app.store.types import utc_now

SHEET_NAMES = ("Rates", "Rate card", "运价", "运费", "价格表")
NONE_WORDS = {"none", "无", "实重", "actual", "actual weight", "-"}


def parse_divisor(value: object) -> Decimal | str:
    """6000, or 'none' / '无' / '实重' for a line that charges actual weight only."""
    if isinstance(value, str) and value.strip().casefold() in NONE_WORDS:
        return "none"
    return parse_number(value)


def _yes(value: object) -> bool:
    return parse_bool(value)


_N, _K, _C, _P = parse_number, parse_kg, parse_cm, parse_percent
# fmt: off
COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("agent", "Agent", "集运商", ("代理", "转运商", "forwarder"), parse_name, 12, "The agent, as named on the Consolidation tab (a new one is added)."),
    SheetColumn("line", "Line", "线路", ("渠道", "运输方式", "line name", "channel"), parse_name, 18, "The shipping line's name."),
    SheetColumn("currency", "Currency", "币种", ("货币",), parse_currency, 8, "The agent's currency (CNY)."),
    SheetColumn("divisor", "Divisor", "抛比", ("体积除数", "材积除数", "泡比", "volumetric divisor"), parse_divisor, 9, "L×W×H/divisor: 5000 express, 6000 air, 8000 EMS; blank: actual weight only."),
    SheetColumn("first_kg", "First weight (kg)", "首重", ("首重重量",), _K, 9, "首重/续重 lines: the first weight."),
    SheetColumn("first_price", "First price", "首重价格", ("首重费用", "首重运费"), _N, 9, "The price of the first weight."),
    SheetColumn("step_kg", "Additional step (kg)", "续重", ("续重单位", "续重重量"), _K, 9, "Each further step of weight."),
    SheetColumn("step_price", "Additional price", "续重价格", ("续重费用", "续重运费"), _N, 9, "The price of each further step."),
    SheetColumn("base_price", "Base price", "挂号费", ("基础费", "操作费", "base"), _N, 9, "Per-kg lines: a fixed part per box (registration)."),
    SheetColumn("band_from", "Band from (kg)", "起始重量", ("重量从", "from kg"), _K, 9, "Optional: the band above's upper weight."),
    SheetColumn("band_to", "Band to (kg)", "截止重量", ("重量至", "重量段", "to kg", "up to kg"), _K, 9, "The band's upper weight, inclusive; blank: any heavier weight."),
    SheetColumn("step", "Rounding step (kg)", "计费进位", ("进位", "计费单位", "rounding"), _K, 9, "Chargeable weight is rounded up to this step in the band."),
    SheetColumn("per_kg", "Price per kg", "每公斤单价", ("公斤单价", "单价", "per kg"), _N, 9, "Per-kg lines: the price per kg in the band."),
    SheetColumn("bracket_up_to", "Table up to (kg)", "价格表重量", ("表重量", "bracket up to"), _K, 9, "Price-table lines: a row's weight, inclusive."),
    SheetColumn("bracket_price", "Table price", "价格表价格", ("表价格", "bracket price"), _N, 9, "The price of a box up to that weight."),
    SheetColumn("min_chargeable", "Min chargeable (kg)", "最低计费重", ("最低计费", "起重"), _K, 9, "The least chargeable weight."),
    SheetColumn("per_box_fee", "Per-box fee", "每箱费用", ("单件操作费", "每件费用", "box fee"), _N, 9, "Added for each box."),
    SheetColumn("fuel", "Fuel %", "燃油附加费", ("燃油", "燃油费", "fuel surcharge"), _P, 8, "A % of the freight."),
    SheetColumn("max_kg", "Max kg per box", "单箱限重", ("限重", "最大重量"), _K, 9, "Per box, inclusive (the scale's weight)."),
    SheetColumn("max_side", "Max side (cm)", "最长边", ("单边限长", "限长"), _C, 9, "The longest side allowed."),
    SheetColumn("max_girth", "Max L+girth (cm)", "长+周长", ("围长", "长加周长", "length plus girth"), _C, 9, "L + 2W + 2H."),
    SheetColumn("max_sum", "Max sum of sides (cm)", "三边和", ("三边之和", "sum of sides"), _C, 9, "L + W + H."),
    SheetColumn("trigger", "Volume trigger (cm)", "计泡边长", ("单边超过", "volume trigger"), _C, 9, "Volume counts only when a side is over this (EMS: 60)."),
    SheetColumn("trigger_inclusive", "Trigger inclusive", "含等于", ("trigger at", "inclusive"), _yes, 8, "yes: at the trigger side itself too."),
    SheetColumn("half_ratio", "分泡 ratio", "分泡", ("分泡比例", "half volumetric"), _N, 8, "actual + r × (volumetric − actual); 0.5 usual."),
    SheetColumn("round_sides", "Round sides to cm", "边长取整", ("round sides",), _yes, 8, "yes: each side to the nearest cm first (DHL)."),
    SheetColumn("restricted", "Restricted accepted", "可寄敏感货", ("接受敏感货", "可走", "accepted"), parse_tags, 14, "带电 battery, 液体 liquid, 带磁 magnet, 粉末 powder, 品牌 brand."),
    SheetColumn("transit", "Transit days", "时效", ("时效天数", "运输时间", "transit"), parse_transit, 8, "7-12 or 10."),
    SheetColumn("price_per_wm", "Price per W/M", "每方单价", ("立方单价", "W/M price"), _N, 9, "Sea lines: per revenue ton, max(m³, tonnes)."),
    SheetColumn("kg_per_m3", "kg per m³", "每方公斤", ("kg per cbm",), _K, 8, "Sea: 1000 on most lines."),
    SheetColumn("min_wm", "Min W/M", "最低方数", ("起运方", "minimum W/M"), _N, 8, "Sea: 1 on most lines."),
    SheetColumn("wm_step", "W/M step", "方数进位", ("W/M rounding",), _N, 8, "Sea: W/M rounded up to it (e.g. 0.01)."),
    SheetColumn("rules_as_of", "Rules as of", "规则日期", ("更新日期", "价格日期"), parse_date, 11, "When you read the card off the agent's site."),
)
# fmt: on
REQUIRED = ("agent", "line")
BAND_KEYS = ("band_from", "band_to", "step", "per_kg", "bracket_up_to", "bracket_price")
SETTING_KEYS = tuple(c.key for c in COLUMNS if c.key not in (*BAND_KEYS, "agent", "line"))
LIMIT_FIELDS = {
    "max_kg": "max_kg",
    "max_side": "max_longest_cm",
    "max_girth": "max_length_plus_girth_cm",
    "max_sum": "max_sum_of_sides_cm",
}


@dataclass(frozen=True)
class PlannedLine:
    row: int
    agent: str
    card: RateCard
    agent_id: int | None  # None: the agent is new
    line_id: int | None  # None: the line is new
    changed: bool = True


@dataclass(frozen=True)
class RateImportPlan:
    file_name: str
    lines: tuple[PlannedLine, ...]
    new_agents: tuple[tuple[str, str], ...]  # (name, currency)

    @property
    def writes_anything(self) -> bool:
        return any(line.changed for line in self.lines) or bool(self.new_agents)

    def summary(self) -> str:
        new = sum(line.line_id is None for line in self.lines)
        updated = sum(line.line_id is not None and line.changed for line in self.lines)
        same = len(self.lines) - new - updated
        text = f"{new} new line{'s' * (new != 1)}, {updated} updated, {same} unchanged"
        if self.new_agents:
            text += f", {len(self.new_agents)} new agent{'s' * (len(self.new_agents) != 1)}"
        return text

    def details(self) -> list[str]:
        lines = []
        for line in self.lines:
            state = "new" if line.line_id is None else "updated" if line.changed else "unchanged"
            lines.append(f"  {state}: {line.agent} · {line.card.name}")
        lines += [
            f"  new agent {name} with default fees in {currency}: set its fees on the "
            "Consolidation tab"
            for name, currency in self.new_agents
        ]
        return lines


def preview_rate_import(database: Database | None, path: Path) -> RateImportPlan:
    """What importing the rate file would do; writes nothing. ImportRejected lists every
    problem. Without a database: as into an empty one."""
    sheet = read_sheet(Path(path), COLUMNS, REQUIRED, SHEET_NAMES, "rate")
    groups = _group(sheet)
    cards = [(row, agent, _card(sheet, rows)) for row, agent, rows in groups]
    stored_agents: dict[str, tuple[int, str, str]] = {}
    stored_lines: dict[tuple[int, str], tuple[int, RateCard]] = {}
    if database is not None:
        with database.transaction() as session:
            connection = session.connection()
            for who in connection.execute(select(AGENTS.c.id, AGENTS.c.name, AGENTS.c.currency)):
                stored_agents[_key(who.name)] = (who.id, who.name, who.currency)
            for line in connection.execute(
                select(LINES.c.id, LINES.c.agent_id, LINES.c.name, LINES.c.card)
            ):
                stored_lines[(line.agent_id, _key(line.name))] = (
                    line.id,
                    card_from_json(line.card),
                )
    planned: list[PlannedLine] = []
    new_agents: dict[str, tuple[str, str]] = {}
    for row, agent, card in cards:
        if card is None:
            continue
        found = stored_agents.get(_key(agent))
        currency = (
            found[2] if found else new_agents.setdefault(_key(agent), (agent, card.currency))[1]
        )
        if card.currency != currency:
            sheet.problem(
                row,
                "currency",
                f"{agent} charges in {currency}: price its lines in {currency} too",
            )
            continue
        if found is None:
            planned.append(PlannedLine(row, agent, card, None, None))
            continue
        stored = stored_lines.get((found[0], _key(card.name)))
        line_id = None if stored is None else stored[0]
        changed = stored is None or stored[1] != card
        planned.append(PlannedLine(row, found[1], card, found[0], line_id, changed))
    if sheet.problems:
        raise ImportRejected(sheet.sorted_problems())
    return RateImportPlan(sheet.file_name, tuple(planned), tuple(new_agents.values()))


def apply_rate_import(database: Database, plan: RateImportPlan) -> ConsolidationChange:
    """Write the plan in one transaction (new agents, then the lines)."""
    now = utc_now()
    created: list[int] = []
    updated: list[int] = []
    with database.transaction() as session:
        connection = session.connection()
        agent_ids: dict[str, int] = {}
        for name, currency in plan.new_agents:
            if connection.scalar(select(AGENTS.c.id).where(AGENTS.c.name == name)) is not None:
                raise WorkbenchError(
                    f"Nothing was imported: agent {name} was added since the preview. Import again."
                )
            fees = AgentFees(name=name, currency=currency)
            agent_ids[_key(name)] = inserted_id(
                connection.execute(
                    insert(AGENTS).values(
                        name=name,
                        currency=currency,
                        fees=fees_json(fees),
                        note="",
                        created_at=now,
                        updated_at=now,
                    )
                )
            )
        for line in plan.lines:
            if not line.changed:
                continue
            agent_id = line.agent_id if line.agent_id is not None else agent_ids[_key(line.agent)]
            line_id = write_line(connection, agent_id, line.card, line.line_id)
            (created if line.line_id is None else updated).append(line_id)
    return ConsolidationChange(
        created=tuple(created),
        updated=tuple(updated),
        lines=tuple(created + updated),
        agents=tuple(agent_ids.values()),
    )


# --- rows to cards ------------------------------------------------------------------------------
def _group(sheet: SheetRows) -> list[tuple[int, str, list[tuple[int, dict[str, Any]]]]]:
    """(first row, agent, rows) per line, in file order; blank agent/line = the row above.
    Rows of one line apart from each other still make one line, in file order."""
    groups: dict[tuple[str, str], tuple[int, str, list[tuple[int, dict[str, Any]]]]] = {}
    agent = line = None
    for number, values in sheet.rows:
        if "agent" in values:
            agent, line = values["agent"], values.get("line")
        elif "line" in values:
            line = values["line"]
        if agent is None or line is None:
            if not sheet.bad(number, "agent") and not sheet.bad(number, "line"):
                missing = "agent" if agent is None else "line"
                sheet.problem(number, missing, f"give the {missing} this row belongs to")
            continue
        group = groups.setdefault((_key(agent), _key(line)), (number, agent, []))
        group[2].append((number, {**values, "line": line}))
    return list(groups.values())


def _card(sheet: SheetRows, rows: list[tuple[int, dict[str, Any]]]) -> RateCard | None:
    first = rows[0][0]
    settings: dict[str, Any] = {}
    where: dict[str, int] = {}
    for number, values in rows:
        for key in SETTING_KEYS:
            if key not in values:
                continue
            if key in settings and settings[key] != values[key]:
                sheet.problem(number, key, f"differs from row {where[key]} of the same line")
                continue
            settings.setdefault(key, values[key])
            where.setdefault(key, number)
    pricing = _pricing(sheet, rows, settings)
    if pricing is None:
        return None
    if any(problem[0] in {n for n, _ in rows} for problem in sheet.problems):
        return None  # a cell of this line did not read: its card would only add noise
    divisor = settings.get("divisor")
    transit = settings.get("transit")
    trigger = settings.get("trigger")
    try:
        return RateCard(
            name=rows[0][1]["line"],
            pricing=pricing,
            currency=settings.get("currency", "CNY"),
            divisor=None if divisor in (None, "none") else divisor,
            volume_trigger=None
            if trigger is None
            else VolumeTrigger(trigger, bool(settings.get("trigger_inclusive", False))),
            half_volumetric_ratio=settings.get("half_ratio"),
            round_sides_to_cm=bool(settings.get("round_sides", False)),
            rounding=_rounding(rows, pricing),
            minimum_chargeable_kg=settings.get("min_chargeable", Decimal(0)),
            per_box_fee=settings.get("per_box_fee", Decimal(0)),
            fuel_surcharge_percent=settings.get("fuel", Decimal(0)),
            limits=BoxLimits(**{field: settings.get(key) for key, field in LIMIT_FIELDS.items()}),
            accepted_tags=settings.get("restricted", frozenset()),
            transit_days_min=None if transit is None else transit[0],
            transit_days_max=None if transit is None else transit[1],
            rules_as_of=settings.get("rules_as_of"),
        )
    except RateCardError as error:
        for text in error.problems:
            sheet.problem(first, "line", text)
        return None


def _pricing(
    sheet: SheetRows, rows: list[tuple[int, dict[str, Any]]], settings: dict[str, Any]
) -> Pricing | None:
    first = rows[0][0]
    first_keys = ("first_kg", "first_price", "step_kg", "step_price")
    shapes = {
        "first weight and additional step (首重/续重)": any(k in settings for k in first_keys),
        "a price per kg": any("per_kg" in v for _, v in rows),
        "a price table": any("bracket_price" in v for _, v in rows),
        "a price per W/M": "price_per_wm" in settings,
    }
    chosen = [name for name, used in shapes.items() if used]
    if len(chosen) != 1:
        text = (
            "give the line's prices: first weight and additional step (首重/续重), a price per "
            "kg, a price table, or a price per W/M"
            if not chosen
            else f"a line has one way to price: this one gives {' and '.join(chosen)}"
        )
        sheet.problem(first, "line", text)
        return None
    if shapes["a price per W/M"]:
        return PerRevenueTon(
            settings["price_per_wm"],
            settings.get("kg_per_m3", SEA_KG_PER_M3),
            settings.get("min_wm", SEA_MINIMUM_WM),
            settings.get("wm_step"),
        )
    if shapes["first weight and additional step (首重/续重)"]:
        missing = [k for k in first_keys if k not in settings]
        for key in missing:
            sheet.problem(
                first,
                key,
                "首重/续重 lines need the first weight, its price, the step and its price",
            )
        if missing:
            return None
        return FirstAdditional(*(settings[k] for k in first_keys))
    if shapes["a price per kg"]:
        _check_from(sheet, rows)
        bands = tuple(PerKgBand(v.get("band_to"), v["per_kg"]) for _, v in rows if "per_kg" in v)
        return PerKg(bands, settings.get("base_price", Decimal(0)))
    brackets = []
    for number, values in rows:
        if "bracket_price" not in values:
            continue
        if "bracket_up_to" not in values:
            sheet.problem(number, "bracket_up_to", "give the weight this price goes up to")
            return None
        brackets.append(Bracket(values["bracket_up_to"], values["bracket_price"]))
    return BracketTable(tuple(brackets))


def _rounding(rows: list[tuple[int, dict[str, Any]]], pricing: Pricing) -> tuple[RoundingBand, ...]:
    bands = tuple(RoundingBand(v.get("band_to"), v["step"]) for _, v in rows if "step" in v)
    if bands:
        return bands
    step = pricing.step_kg if isinstance(pricing, FirstAdditional) else DEFAULT_STEP_KG
    return (RoundingBand(None, step),)


def _check_from(sheet: SheetRows, rows: list[tuple[int, dict[str, Any]]]) -> None:
    previous: Decimal | None = Decimal(0)
    for number, values in rows:
        if "step" not in values and "per_kg" not in values:
            continue
        given = values.get("band_from")
        if given is not None and previous is not None and given != previous:
            sheet.problem(number, "band_from", f"the band above ends at {fmt(previous)} kg")
        previous = values.get("band_to")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
