"""Importing parcels: Chinese or bilingual headers, re-import updates (no duplicates), orders
linked or created, all or nothing with every problem as 'row N, column K: why', and the
template importing as it is."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.consolidation.orders import OrderStatus
from app.domain.consolidation.parcels import Dimensions, RestrictedTag
from app.domain.kit.money import Money
from app.errors import ImportRejected, WorkbenchError
from app.services.consolidation.import_parcels import apply_parcel_import, preview_parcel_import
from app.services.consolidation.templates import write_parcels_template
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.consolidation.fixtures import World, make_world

D = Decimal
CHINESE = ["运单号", "订单号", "供应商", "重量", "长", "宽", "高", "入库日期", "敏感货", "备注"]


@pytest.fixture
def world(database: Database, supplier_service: SupplierService) -> World:
    return make_world(database, supplier_service)


def _csv(path: Path, rows: list[list[object]], header: list[str] = CHINESE) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _import(database: Database, path: Path):
    plan = preview_parcel_import(database, path, today=TODAY)
    return plan, apply_parcel_import(database, plan)


def _count(db_path: Path, table: str) -> int:
    return query(db_path, f"SELECT count(*) FROM {table}")[0][0]


def test_chinese_headers_import_parcels_linked_to_their_orders(
    world: World, database: Database, db_path: Path, tmp_path: Path
) -> None:
    order = world.add_order()
    path = _csv(
        tmp_path / "入库.csv",
        [
            ["YT001", "3421658712345678901", "", "6.4kg", "35", "45cm", "25", "2026-11-25", "带磁", "外箱压痕"],
            ["YT002", "3421658712345678901", "", "3200g", 30, 20, 10, "2026/11/26", "battery；magnet", ""],
        ],
    )  # fmt: skip
    plan, change = _import(database, path)
    assert plan.summary() == "2 new parcels, 0 updated, 0 unchanged"
    assert len(change.created) == 2
    rows = {row.code: row for row in world.service.parcels()}
    first, second = rows["YT001"], rows["YT002"]
    assert first.parcel.actual_kg == D("6.4") and second.parcel.actual_kg == D("3.2")
    assert first.parcel.dimensions == Dimensions(D(45), D(35), D(25))
    assert first.parcel.tags == {RestrictedTag.MAGNET} and first.note == "外箱压痕"
    assert second.parcel.tags == {RestrictedTag.BATTERY, RestrictedTag.MAGNET}
    assert second.parcel.arrived_on == date(2026, 11, 26)
    assert [ref.id for ref in first.orders] == [order]


def test_importing_twice_updates_and_never_duplicates(
    world: World, database: Database, db_path: Path, tmp_path: Path
) -> None:
    world.add_order()
    rows = [["YT001", "3421658712345678901", "", "6.4", 45, 35, 25, "2026-11-25", "", "first"]]
    _import(database, _csv(tmp_path / "a.csv", rows))
    again, change = _import(database, _csv(tmp_path / "a.csv", rows))
    assert again.summary() == "0 new parcels, 0 updated, 1 unchanged" and change.parcels == ()
    rows[0][3], rows[0][9] = "6.6", ""  # heavier; a blank note keeps the stored one
    updated, _ = _import(database, _csv(tmp_path / "b.csv", rows))
    assert updated.summary() == "0 new parcels, 1 updated, 0 unchanged"
    assert updated.details() == ["  updated: YT001: weight 6.4 → 6.6 kg"]
    assert _count(db_path, "parcels") == 1 and _count(db_path, "parcel_orders") == 1
    [row] = world.service.parcels()
    assert row.parcel.actual_kg == D("6.6") and row.note == "first"


def test_an_unknown_order_number_is_created_for_the_rows_supplier(
    world: World, database: Database, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "p.csv",
        [
            ["YT001", "3421658712345678955 3421658712345678956", "义乌市恒达工艺品厂", 6, 40, 30, 20, "", "", ""],
            ["YT002", "3421658712345678956", "Yiwu Hengda Crafts Factory", 3, 30, 20, 10, "", "", ""],
        ],
    )  # fmt: skip
    plan, change = _import(database, path)
    assert plan.summary() == "2 new parcels, 0 updated, 0 unchanged, 2 new orders"
    assert len(change.orders) == 2
    orders = {row.order.order_number: row for row in world.service.orders()}
    assert set(orders) == {"3421658712345678955", "3421658712345678956"}
    assert all(row.order.status is OrderStatus.SHIPPED for row in orders.values())
    assert all(row.order.supplier_id == world.hengda for row in orders.values())
    assert len(orders["3421658712345678956"].parcel_ids) == 2


def test_every_bad_row_is_listed_in_user_words_and_nothing_is_written(
    world: World, database: Database, db_path: Path, tmp_path: Path
) -> None:
    world.add_order()
    path = _csv(
        tmp_path / "bad.csv",
        [
            ["YT001", "3421658712345678901", "义乌市甲乙塑料制品厂", "6.4", 45, 35, 25, "", "", ""],
            ["YT002", "999", "", "heavy", 30, 20, 10, "", "锂电", ""],
            ["YT001", "", "", "1", 1, 1, 1, "", "", ""],
            ["", "", "", "1", 1, 1, 1, "", "", ""],
            ["YT003", "", "", "", 30, 20, 10, "2027-01-01", "", ""],
            ["YT004", "", "Nobody Ltd", "2", 30, 0, 10, "", "", ""],
        ],
    )  # fmt: skip
    with pytest.raises(ImportRejected) as refused:
        preview_parcel_import(database, path, today=TODAY)
    assert refused.value.problems == [
        "row 2, column supplier (供应商): order 3421658712345678901 is an order of another "
        "supplier, not 义乌市甲乙塑料制品厂",
        "row 3, column weight_kg (重量): 'heavy' is not a number",
        "row 3, column tags (敏感货): '锂电' is not a restricted good (带电 battery, 液体 liquid, "
        "带磁 magnet, 粉末 powder, 品牌 brand)",
        "row 3, column order_numbers (订单号): order 999 is not stored: add it on the Orders "
        "list, or give the supplier (供应商) so the import creates it",
        "row 4, column code (运单号): the same parcel as row 2",
        "row 5, column code (运单号): give the tracking number or the agent's parcel code",
        "row 6, column weight_kg (重量): Enter the weight the agent measured (kg).",
        "row 6, column arrived_on (入库日期): The arrival date 2027-01-01 is after today.",
        "row 7, column supplier (供应商): no supplier is called Nobody Ltd: add it on the "
        "Suppliers tab first",
        "row 7, column width_cm (宽): The width must be more than 0, not 0.",
    ]
    assert str(refused.value).startswith("Nothing was imported. Fix these rows and try again:")
    assert _count(db_path, "parcels") == 0


def test_a_long_order_number_turned_into_a_float_is_refused(
    world: World, database: Database, tmp_path: Path
) -> None:
    workbook = Workbook()
    ws = workbook.active
    ws.append(["运单号 / Tracking no.", "订单号", "重量(kg)", "长(cm)", "宽", "高"])
    ws.append(["YT001", 3421658712345678901.0, 6.4, 45, 35, 25])
    workbook.save(tmp_path / "p.xlsx")
    with pytest.raises(ImportRejected, match="lost digits in the spreadsheet"):
        preview_parcel_import(database, tmp_path / "p.xlsx", today=TODAY)


def test_a_dry_run_writes_nothing(
    world: World, database: Database, db_path: Path, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "p.csv", [["YT001", "", "", 6, 40, 30, 20, "", "", ""]])
    before = db_path.read_bytes()
    plan = preview_parcel_import(database, path, today=TODAY)
    assert plan.writes_anything and _count(db_path, "parcels") == 0
    assert preview_parcel_import(None, path, today=TODAY).summary() == plan.summary()
    assert db_path.read_bytes() == before


def test_a_file_without_the_key_column_says_so(
    world: World, database: Database, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "p.csv", [["6", "40"]], header=["重量", "长"])
    with pytest.raises(WorkbenchError, match="no header row for parcel"):
        preview_parcel_import(database, path, today=TODAY)


def test_the_template_imports_as_it_is_and_again_without_duplicates(
    world: World, database: Database, db_path: Path, tmp_path: Path
) -> None:
    out = write_parcels_template(tmp_path / "parcels.xlsx", TODAY)
    plan, _ = _import(database, out)
    assert plan.summary() == "2 new parcels, 0 updated, 0 unchanged, 3 new orders"
    rows = {row.code: row for row in world.service.parcels()}
    tote = rows["YT7538192046371"]
    assert tote.agent_name == "Superbuy" and tote.parcel.arrived_on == TODAY - timedelta(days=3)
    assert tote.parcel.declared_value == Money(D("360.00"), "CNY")
    assert [ref.order_number for ref in rows["SF1402938475612"].orders] == [
        "3301928374650123457",
        "3301928374650123458",
    ]
    again, _ = _import(database, out)
    assert again.summary() == "0 new parcels, 0 updated, 2 unchanged"
    assert _count(db_path, "parcels") == 2 and _count(db_path, "purchase_orders") == 3
