"""Import parcels at the agent's warehouse from .xlsx or .csv: preview first, then write all or
nothing (`python -m app import parcels FILE [--dry-run]`; README: Parcels file format).

Rules decided here:
- One row per parcel; its code (the tracking number, or the agent's parcel code) is the key: a
  row whose code is stored updates that parcel, any other row adds one. A code twice in one file
  is a mistake.
- On an update the cells the row gives replace the stored values and blank cells keep them (an
  import never erases); a new parcel needs its weight and three sides.
- Order numbers link the parcel to stored orders (a given order-number cell replaces the
  parcel's links). An order number not stored yet is created as an order of the row's supplier,
  status shipped, with no items (fill them in on the Orders list); without a supplier it is a
  problem. A supplier that does not match a stored order's supplier is a problem too.
- Suppliers are found by their exact Chinese or English name (case does not matter), agents by
  name; an unknown one is a problem (the import adds neither).
- Every row is checked with the same rules as the parcel editor (app.services.consolidation.
  parcels); any problem imports nothing and lists every one as 'row N, column K: why'.
- Applying re-checks in its transaction that nothing the preview relied on changed meanwhile.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert, select

from app.domain.consolidation.orders import OrderStatus
from app.domain.consolidation.parcels import Dimensions
from app.domain.consolidation.units import fmt
from app.domain.kit.money import DEFAULT_CURRENCY, Money
from app.errors import ImportRejected, WorkbenchError
from app.exports.suppliers.columns import parse_currency, parse_date
from app.services.consolidation.base import money_problem, supplier_name
from app.services.consolidation.parcels import (
    parcel_problems,
    read_parcels,
    stored_parcel_problems,
    write_parcel,
)
from app.services.consolidation.records import (
    AGENTS,
    ORDERS,
    PARCELS,
    SUPPLIERS,
    ConsolidationChange,
    ParcelInput,
)
from app.services.consolidation.sheets import (
    SheetColumn,
    SheetRows,
    parse_cm,
    parse_identifier,
    parse_identifiers,
    parse_kg,
    parse_name,
    parse_number,
    parse_tags,
    read_sheet,
)
from app.services.sql import inserted_id
from app.store.db import Database
from app.store.types import utc_now

SHEET_NAMES = ("Parcels", "包裹", "包裹列表", "入库")
_T = parse_identifier
# fmt: off
COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("code", "Tracking no. or parcel code", "运单号", ("快递单号", "物流单号", "包裹号", "包裹编号", "单号", "tracking number", "tracking no", "tracking", "parcel code", "waybill"), _T, 20, "The supplier's tracking number or the agent's parcel code: how a re-import finds the parcel. Required."),
    SheetColumn("label", "Contents", "品名", ("包裹名称", "内容", "货物名称", "description", "label"), parse_name, 20, "What is in it, in your words."),
    SheetColumn("agent", "Agent", "集运商", ("代理", "转运商", "仓库", "forwarder", "warehouse"), parse_name, 12, "The agent whose warehouse holds it, as named on the Consolidation tab."),
    SheetColumn("order_numbers", "Order no.", "订单号", ("订单编号", "1688订单号", "order number", "order numbers", "orders"), parse_identifiers, 22, "The 1688 order number(s) it carries, separated by ; or spaces. Format the column as text."),
    SheetColumn("supplier", "Supplier", "供应商", ("供应商名称", "商家", "厂家", "卖家", "supplier name"), parse_name, 24, "The supplier's name as stored: needed only for an order number not stored yet."),
    SheetColumn("weight_kg", "Weight (kg)", "重量", ("实重", "实际重量", "毛重", "weight", "actual weight"), parse_kg, 10, "As the agent weighed it: 3.2, 3.2kg or 3200g."),
    SheetColumn("length_cm", "Length (cm)", "长", ("长度", "length", "L"), parse_cm, 8, "Sides in cm, in any order (the longest becomes the length)."),
    SheetColumn("width_cm", "Width (cm)", "宽", ("宽度", "width", "W"), parse_cm, 8, ""),
    SheetColumn("height_cm", "Height (cm)", "高", ("高度", "height", "H"), parse_cm, 8, ""),
    SheetColumn("arrived_on", "Arrived on", "入库日期", ("到仓日期", "入仓日期", "到货日期", "arrival date", "arrived"), parse_date, 12, "The day it reached the warehouse (YYYY-MM-DD): free storage counts from it."),
    SheetColumn("tags", "Restricted goods", "敏感货", ("敏感", "特货", "敏感品", "属性", "tags", "restricted"), parse_tags, 14, "带电 battery, 液体 liquid, 带磁 magnet, 粉末 powder, 品牌 brand; several with ;"),
    SheetColumn("declared_value", "Declared value", "申报价值", ("申报金额", "货值", "declared"), parse_number, 12, "For insurance."),
    SheetColumn("declared_currency", "Currency", "币种", ("申报币种", "货币", "declared currency"), parse_currency, 8, "Of the declared value (default CNY)."),
    SheetColumn("note", "Note", "备注", ("说明", "notes", "remark"), parse_name, 24, ""),
)
# fmt: on
REQUIRED = ("code",)
_FIELDS = ("label", "weight_kg", "length_cm", "width_cm", "height_cm", "arrived_on", "tags", "note")


@dataclass(frozen=True)
class PlannedParcel:
    row: int
    parcel: ParcelInput  # id set for an update; order_ids: stored orders only
    new_orders: tuple[str, ...] = ()  # order numbers created by the import
    changes: tuple[str, ...] = ()  # what an update changes, in words


@dataclass(frozen=True)
class NewOrder:
    order_number: str
    supplier_id: int
    supplier_name: str


@dataclass(frozen=True)
class ParcelImportPlan:
    file_name: str
    new: tuple[PlannedParcel, ...]
    updated: tuple[PlannedParcel, ...]
    unchanged: tuple[PlannedParcel, ...]
    new_orders: tuple[NewOrder, ...] = field(default=())

    @property
    def writes_anything(self) -> bool:
        return bool(self.new or self.updated)

    def summary(self) -> str:
        parts = [
            f"{len(self.new)} new parcel{'s' * (len(self.new) != 1)}",
            f"{len(self.updated)} updated",
            f"{len(self.unchanged)} unchanged",
        ]
        if self.new_orders:
            parts.append(f"{len(self.new_orders)} new order{'s' * (len(self.new_orders) != 1)}")
        return ", ".join(parts)

    def details(self) -> list[str]:
        lines = [f"  new: {_describe(p.parcel)}" for p in self.new]
        lines += [f"  updated: {p.parcel.code}: {'; '.join(p.changes)}" for p in self.updated]
        lines += [
            f"  new order {o.order_number} of {o.supplier_name} (status shipped, no items yet)"
            for o in self.new_orders
        ]
        return lines


def preview_parcel_import(
    database: Database | None, path: Path, *, today: date | None = None
) -> ParcelImportPlan:
    """What importing the file would do; writes nothing. ImportRejected lists every problem.
    Without a database: as into an empty one."""
    day = today or date.today()
    sheet = read_sheet(Path(path), COLUMNS, REQUIRED, SHEET_NAMES, "parcel")
    if database is None:
        return _Planner(sheet, day, None).plan()
    with database.transaction() as session:
        return _Planner(sheet, day, session.connection()).plan()


def apply_parcel_import(database: Database, plan: ParcelImportPlan) -> ConsolidationChange:
    """Write the plan in one transaction; refused, writing nothing, if the database changed
    since the preview in a way that matters."""
    now = utc_now()
    with database.transaction() as session:
        connection = session.connection()
        created_orders: dict[str, int] = {}
        for order in plan.new_orders:
            if connection.scalar(
                select(ORDERS.c.id).where(ORDERS.c.order_number == order.order_number)
            ):
                raise _changed(f"order {order.order_number} was added")
            created_orders[order.order_number] = inserted_id(
                connection.execute(
                    insert(ORDERS).values(
                        supplier_id=order.supplier_id,
                        order_number=order.order_number,
                        status=OrderStatus.SHIPPED,
                        domestic_shipping_currency=DEFAULT_CURRENCY,
                        tracking_number="",
                        note="",
                        created_at=now,
                        updated_at=now,
                    )
                )
            )
        ids: list[int] = []
        for planned in (*plan.new, *plan.updated):
            linked = planned.parcel.order_ids + tuple(created_orders[n] for n in planned.new_orders)
            parcel = dataclasses.replace(planned.parcel, order_ids=linked)
            if parcel.id is None and connection.scalar(
                select(PARCELS.c.id).where(PARCELS.c.code == parcel.code)
            ):
                raise _changed(f"parcel {parcel.code} was added")
            problems = stored_parcel_problems(connection, parcel)
            if problems:
                raise _changed("; ".join(problems.values()))
            ids.append(write_parcel(connection, parcel)[0])
    return ConsolidationChange(
        created=tuple(ids[: len(plan.new)]),
        updated=tuple(ids[len(plan.new) :]),
        parcels=tuple(ids),
        orders=tuple(created_orders.values()),
    )


def _changed(what: str) -> WorkbenchError:
    return WorkbenchError(
        f"Nothing was imported: the database changed since the preview ({what}). Import again."
    )


class _Planner:
    """Matches the sheet's rows against the database and checks each as the editor would."""

    def __init__(self, sheet: SheetRows, today: date, connection: Connection | None) -> None:
        self.sheet = sheet
        self.today = today
        rows = read_parcels(connection, today) if connection is not None else []
        self.stored = {row.code: row for row in rows if row.code}
        self.orders: dict[str, tuple[int, int]] = {}  # number → (order id, supplier id)
        self.suppliers: dict[str, list[tuple[int, str]]] = {}
        self.agents: dict[str, int] = {}
        if connection is not None:
            for row in connection.execute(
                select(ORDERS.c.id, ORDERS.c.order_number, ORDERS.c.supplier_id)
            ):
                if row.order_number:
                    self.orders[row.order_number] = (row.id, row.supplier_id)
            for who in connection.execute(
                select(SUPPLIERS.c.id, SUPPLIERS.c.name_zh, SUPPLIERS.c.name_en)
            ):
                for name in (who.name_zh, who.name_en):
                    if name.strip():
                        self.suppliers.setdefault(_key(name), []).append(
                            (who.id, supplier_name(who.name_zh, who.name_en))
                        )
            for agent in connection.execute(select(AGENTS.c.id, AGENTS.c.name)):
                self.agents[_key(agent.name)] = agent.id
        self.new_orders: dict[str, NewOrder] = {}
        self.new_order_rows: dict[str, int] = {}

    def plan(self) -> ParcelImportPlan:
        seen: dict[str, int] = {}
        new, updated, unchanged = [], [], []
        for number, values in self.sheet.rows:
            code = values.get("code")
            if code is None:
                if not self.sheet.bad(number, "code"):
                    self.sheet.problem(
                        number, "code", "give the tracking number or the agent's parcel code"
                    )
                continue
            if code in seen:
                self.sheet.problem(number, "code", f"the same parcel as row {seen[code]}")
                continue
            seen[code] = number
            planned = self._row(number, code, values)
            if planned is None:
                continue
            if planned.parcel.id is None:
                new.append(planned)
            elif planned.changes:
                updated.append(planned)
            else:
                unchanged.append(planned)
        if self.sheet.problems:
            raise ImportRejected(self.sheet.sorted_problems())
        return ParcelImportPlan(
            self.sheet.file_name,
            tuple(new),
            tuple(updated),
            tuple(unchanged),
            tuple(self.new_orders.values()),
        )

    def _row(self, number: int, code: str, values: dict[str, Any]) -> PlannedParcel | None:
        stored = self.stored.get(code)
        base = stored.as_input() if stored is not None else ParcelInput(None, None, None, None)
        fields: dict[str, Any] = {"code": code}
        fields.update({key: values[key] for key in _FIELDS if key in values})
        if "agent" in values:
            agent_id = self.agents.get(_key(values["agent"]))
            if agent_id is None:
                self.sheet.problem(
                    number, "agent", f"no agent is called {values['agent']}: add it first"
                )
            fields["agent_id"] = agent_id
        if "declared_value" in values:
            currency = values.get("declared_currency", DEFAULT_CURRENCY)
            fields["declared_value"] = Money(values["declared_value"], currency)
            if found := money_problem(fields["declared_value"], "The declared value"):
                self.sheet.problem(number, "declared_value", found)
        new_orders: tuple[str, ...] = ()
        if "order_numbers" in values:
            fields["order_ids"], new_orders = self._orders(number, values)
        elif "supplier" in values:
            self._supplier(number, values["supplier"])  # unused, but a wrong name is a mistake
        parcel = dataclasses.replace(base, **fields)
        for key, message in parcel_problems(parcel, self.today).items():
            column = "order_numbers" if key == "order_ids" else key
            if not self.sheet.bad(number, column):
                self.sheet.problem(number, column, message)
        changes = () if stored is None else _changes(base, parcel, new_orders)
        return PlannedParcel(number, parcel, new_orders, changes)

    def _orders(
        self, number: int, values: dict[str, Any]
    ) -> tuple[tuple[int, ...], tuple[str, ...]]:
        supplier = self._supplier(number, values.get("supplier"))
        linked: list[int] = []
        created: list[str] = []
        for order_number in values["order_numbers"]:
            found = self.orders.get(order_number)
            if found is not None:
                order_id, owner = found
                if supplier is not None and supplier[0] != owner:
                    self.sheet.problem(
                        number,
                        "supplier",
                        f"order {order_number} is an order of another supplier, not {supplier[1]}",
                    )
                linked.append(order_id)
                continue
            if supplier is None:
                if not self.sheet.bad(number, "supplier"):
                    self.sheet.problem(
                        number,
                        "order_numbers",
                        f"order {order_number} is not stored: add it on the Orders list, or "
                        "give the supplier (供应商) so the import creates it",
                    )
                continue
            earlier = self.new_orders.get(order_number)
            if earlier is not None and earlier.supplier_id != supplier[0]:
                row = self.new_order_rows[order_number]
                self.sheet.problem(
                    number, "supplier", f"row {row} gives order {order_number} another supplier"
                )
                continue
            self.new_orders.setdefault(order_number, NewOrder(order_number, *supplier))
            self.new_order_rows.setdefault(order_number, number)
            created.append(order_number)
        return tuple(linked), tuple(created)

    def _supplier(self, number: int, name: str | None) -> tuple[int, str] | None:
        if name is None:
            return None
        found = self.suppliers.get(_key(name), [])
        if len({supplier_id for supplier_id, _ in found}) == 1:
            return found[0]
        if found:
            text = f"several suppliers are called {name}: rename one on the Suppliers tab"
        else:
            text = f"no supplier is called {name}: add it on the Suppliers tab first"
        self.sheet.problem(number, "supplier", text)
        self.sheet.bad_cells.add((number, "supplier"))
        return None


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _describe(parcel: ParcelInput) -> str:
    sides = ""
    if None not in (parcel.length_cm, parcel.width_cm, parcel.height_cm):
        sides = f", {Dimensions(parcel.length_cm, parcel.width_cm, parcel.height_cm)}"  # type: ignore[arg-type]
    label = f" ({parcel.label})" if parcel.label else ""
    weight = f" {fmt(parcel.weight_kg)} kg" if parcel.weight_kg is not None else ""
    return f"{parcel.code}{label}{weight}{sides}"


def _changes(old: ParcelInput, new: ParcelInput, new_orders: tuple[str, ...]) -> tuple[str, ...]:
    found = []
    if old.weight_kg != new.weight_kg:
        found.append(f"weight {fmt(old.weight_kg or 0)} → {fmt(new.weight_kg or 0)} kg")
    sides = ("length_cm", "width_cm", "height_cm")
    before = sorted((getattr(old, s) for s in sides), reverse=True)
    after = sorted((getattr(new, s) for s in sides), reverse=True)
    if before != after:
        found.append(f"size {' × '.join(map(fmt, before))} → {' × '.join(map(fmt, after))} cm")
    for name, label in (
        ("label", "contents"),
        ("agent_id", "agent"),
        ("arrived_on", "arrival date"),
        ("tags", "restricted goods"),
        ("declared_value", "declared value"),
        ("note", "note"),
    ):
        if getattr(old, name) != getattr(new, name):
            found.append(f"{label} changed")
    if set(old.order_ids) != set(new.order_ids) or new_orders:
        found.append("orders changed")
    return tuple(found)
