"""Importing quotes: one row per break, Chinese or English headers, all rows or none, importing
twice updates instead of doubling, and the template's example imports."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.negotiation.quotes import PriceBreak, TradeTerm
from app.errors import ImportRejected, WorkbenchError
from app.services.negotiation.quote_columns import COLUMNS
from app.services.negotiation.quote_import import apply_quote_import, plan_quote_import
from app.services.negotiation.quote_template import EXAMPLE_BREAKS, write_quote_template
from tests.conftest import TODAY
from tests.db_rows import query
from tests.services.negotiation.fixtures import World

D = Decimal
ZH_HEADER = (
    "供应商;商品名称;币种;数量区间;单价;起订量;有效期至;交期(天);运费;付款方式;贸易术语;备注"
)
ZH_ROWS = (
    "义乌市乐途玩具有限公司;手机支架;¥;2-99件;¥3.20;2;2026-12-31;7天;包邮;支付宝担保交易;EXW;混批",
    "义乌市乐途玩具有限公司;手机支架;;100-499件;2.80元/件;;;;;;;",
    "义乌市乐途玩具有限公司;手机支架;;≥500;2.50;;;;;;;",
    "Yiwu Hengda Crafts Factory;手机支架;USD;50;0.45;;;10-15天;12;T/T;FOB Ningbo;",
)


def _csv(path: Path, lines: tuple[str, ...], encoding: str = "gb18030") -> Path:
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def _xlsx(path: Path, rows: list[list[object]], title: str = "Quotes", first: str = "") -> Path:
    workbook = Workbook()
    if first:
        workbook.active.title = first
        workbook.active.append(["nothing here"])
        ws = workbook.create_sheet(title)
    else:
        ws = workbook.active
        ws.title = title
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_chinese_csv_creates_the_product_and_its_quotes(
    world: World, tmp_path: Path, db_path: Path
) -> None:
    path = _csv(tmp_path / "报价.csv", (ZH_HEADER, *ZH_ROWS))
    before = _digest(db_path)
    plan = plan_quote_import(world.negotiation.database, path)
    assert _digest(db_path) == before  # the preview writes nothing
    assert plan.summary() == "2 new quotes, 0 updated, 0 unchanged; 1 new product: 手机支架"
    change = apply_quote_import(world.negotiation.database, plan)
    assert len(change.created) == 2 and len(change.new_products) == 1
    [product_id] = change.new_products
    rows = {r.quote.supplier_id: r.quote for r in world.negotiation.quotes_of(product_id)}
    letu, hengda = rows[world.letu], rows[world.hengda]
    assert letu.breaks == (
        PriceBreak(2, D("3.20")),
        PriceBreak(100, D("2.80")),
        PriceBreak(500, D("2.50")),
    )
    assert (letu.currency, letu.moq, letu.valid_until, letu.lead_time_days) == (
        "CNY",
        2,
        date(2026, 12, 31),
        7,
    )
    assert letu.shipping_included and letu.domestic_shipping is None
    assert (letu.payment_terms, letu.trade_term, letu.note) == (
        "支付宝担保交易",
        TradeTerm.EXW,
        "混批",
    )
    assert (hengda.currency, hengda.lead_time_days, hengda.domestic_shipping) == ("USD", 15, D(12))
    assert hengda.trade_term is TradeTerm.FOB and not hengda.shipping_included
    assert query(db_path, f"SELECT name, name_zh FROM products WHERE id = {product_id}") == [
        ("", "手机支架")
    ]


def test_importing_the_same_file_twice_updates_nothing_and_a_change_updates(
    world: World, tmp_path: Path, db_path: Path
) -> None:
    path = _csv(tmp_path / "quotes.csv", (ZH_HEADER, *ZH_ROWS), "utf-8-sig")
    database = world.negotiation.database
    apply_quote_import(database, plan_quote_import(database, path))
    again = plan_quote_import(database, path)
    assert again.summary() == "0 new quotes, 0 updated, 2 unchanged" and not again.writes_anything
    counts = (
        query(db_path, "SELECT count(*) FROM quotes"),
        query(db_path, "SELECT count(*) FROM products"),
    )
    assert counts == ([(2,)], [(2,)])
    changed = (*ZH_ROWS[:3], "Yiwu Hengda Crafts Factory;手机支架;USD;50;0.42;;;;;;;")
    plan = plan_quote_import(database, _csv(tmp_path / "q2.csv", (ZH_HEADER, *changed)))
    assert plan.summary() == "0 new quotes, 1 updated, 1 unchanged"
    apply_quote_import(database, plan)
    [hengda] = [
        r.quote for r in world.negotiation.quotes_of(2) if r.quote.supplier_id == world.hengda
    ]
    assert hengda.breaks == (PriceBreak(50, D("0.42")),)
    assert hengda.trade_term is TradeTerm.FOB and hengda.lead_time_days == 15  # blank: kept


def test_every_bad_row_is_listed_and_nothing_is_imported(
    world: World, tmp_path: Path, db_path: Path
) -> None:
    rows = [
        ["供应商", "产品", "币种", "起批量", "单价 / Unit price", "交期"],
        ["义乌市乐途玩具有限公司", "硅胶解压玩具", "CNY", 2, 3.2, 7],
        ["义乌市乐途玩具有限公司", "硅胶解压玩具", "USD", 100, 0, 7],
        ["义乌市乐途玩具有限公司", "硅胶解压玩具", None, 100, 2.5, None],
        ["不存在的工厂", "硅胶解压玩具", "CNY", 2, 3.0, None],
        ["宁波市海曙康洁日用品有限公司", "硅胶解压玩具", None, 10, 3.0, None],
        ["宁波市海曙康洁日用品有限公司", "硅胶解压玩具", "CNY", "很多", 3.0, "soon"],
    ]
    path = _xlsx(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportRejected) as rejected:
        plan_quote_import(world.negotiation.database, path)
    assert rejected.value.problems == [
        "row 3, column 单价 / Unit price: '0' is not a price above 0",
        "row 3, column 币种: 'USD' differs from 'CNY' on row 2 of the same quote; give it "
        "once, or the same on every row",
        "row 4, column 起批量: a break from 100 is also on row 3 of the same quote",
        "row 5, column 供应商: no supplier is called '不存在的工厂': add it on the Suppliers "
        "tab (or import suppliers) first",
        "row 7, column 起批量: '很多' is not a quantity (write 100, 100-499 or ≥500)",
        "row 7, column 交期: 'soon' is not a number of days",
    ]
    assert str(rejected.value).startswith("Nothing was imported. Fix these rows and try again:")
    assert query(db_path, "SELECT count(*) FROM quotes") == [(0,)]


def test_a_new_quote_needs_its_currency_and_quote_rules_name_the_column(
    world: World, tmp_path: Path
) -> None:
    rows = [
        [
            "Supplier",
            "Product",
            "Currency",
            "From quantity",
            "Unit price",
            "MOQ",
            "Valid from",
            "Valid until",
        ],
        ["义乌市乐途玩具有限公司", "硅胶解压玩具", None, 2, 3.2, None, None, None],
        [
            "义乌市恒达工艺品厂",
            "硅胶解压玩具",
            "CNY",
            2,
            3.2,
            None,
            date(2026, 12, 1),
            date(2026, 11, 1),
        ],
    ]
    with pytest.raises(ImportRejected) as rejected:
        plan_quote_import(world.negotiation.database, _xlsx(tmp_path / "q.xlsx", rows))
    assert rejected.value.problems == [
        "row 2, column Currency: enter the currency of this quote (CNY for 1688)",
        "row 3, column Valid until: the quote cannot end (2026-11-01) before it starts "
        "(2026-12-01)",
    ]


def test_unreadable_files_and_missing_columns_are_one_line(world: World, tmp_path: Path) -> None:
    database = world.negotiation.database
    missing = _xlsx(tmp_path / "m.xlsx", [["供应商", "产品", "单价"], ["x", "y", 1]])
    with pytest.raises(WorkbenchError) as refused:
        plan_quote_import(database, missing)
    assert str(refused.value) == (
        "Nothing was imported: 'm.xlsx' has no column for Currency (币种), From quantity (起批量)."
    )
    (tmp_path / "q.txt").write_text("x")
    with pytest.raises(WorkbenchError, match="save it as an Excel workbook"):
        plan_quote_import(database, tmp_path / "q.txt")
    empty = _xlsx(tmp_path / "e.xlsx", [])
    with pytest.raises(WorkbenchError, match="is empty"):
        plan_quote_import(database, empty)
    (tmp_path / "broken.xlsx").write_bytes(b"PK not really")
    with pytest.raises(WorkbenchError, match="damaged"):
        plan_quote_import(database, tmp_path / "broken.xlsx")


def test_the_quotes_sheet_is_found_by_name(world: World, tmp_path: Path) -> None:
    rows = [
        ["供应商", "产品", "币种", "起批量", "单价"],
        [str(world.letu), str(world.product_id), "CNY", 10, "3.00"],
    ]
    path = _xlsx(tmp_path / "book.xlsx", rows, title="报价", first="封面")
    plan = plan_quote_import(world.negotiation.database, path)
    assert plan.summary() == "1 new quote, 0 updated, 0 unchanged"
    assert plan.new[0].supplier_id == world.letu and plan.new[0].product_id == world.product_id


def test_the_template_has_every_column_and_its_example_imports(
    world: World, tmp_path: Path
) -> None:
    out = write_quote_template(tmp_path / "template.xlsx", TODAY)
    workbook = load_workbook(out)
    ws = workbook["Quotes"]
    header = [cell.value for cell in ws[1]]
    assert header == [column.header for column in COLUMNS]
    assert header[:2] == ["供应商 / Supplier", "产品 / Product"]
    assert ws.max_row == 4  # three breaks, three rows
    database = world.negotiation.database
    plan = plan_quote_import(database, out)
    assert plan.summary() == "1 new quote, 0 updated, 0 unchanged"  # the product exists
    apply_quote_import(database, plan)
    [row] = world.negotiation.quotes_of(world.product_id)
    assert row.supplier_name_zh == "义乌市恒达工艺品厂"
    assert [(b.min_qty, b.unit_price) for b in row.quote.breaks] == list(EXAMPLE_BREAKS)
    assert row.quote.valid_until == TODAY + timedelta(days=30)
    assert row.quote.domestic_shipping == D("8.00") and row.quote.lead_time_days == 7
    assert plan_quote_import(database, out).summary() == "0 new quotes, 0 updated, 1 unchanged"


def test_the_template_keeps_text_as_text(tmp_path: Path) -> None:
    """Formula-safe: every header and example text is a string cell, never a formula."""
    out = write_quote_template(tmp_path / "template.xlsx", TODAY)
    for ws in load_workbook(out).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
    with pytest.raises(WorkbenchError, match=r"name the file \.xlsx"):
        write_quote_template(tmp_path / "template.csv", TODAY)
