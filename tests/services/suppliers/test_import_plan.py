"""Importing into a database that already holds suppliers: match, preview, update, never double."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.suppliers.choices import CertificationKind, Status
from app.domain.suppliers.supplier import Certification, Contact
from app.errors import ImportRejected, WorkbenchError
from app.services.suppliers.importing import apply_import, import_suppliers, preview_import
from app.services.suppliers.service import SupplierService
from tests.conftest import TODAY
from tests.factories import hengda, minimal

LICENCE = "91330782MA28F3XQ4Q"


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str = "in.xlsx", **sheets) -> Path:
    workbook = Workbook()
    workbook.active.title = "Suppliers"
    for row in rows:
        workbook.active.append(row)
    for title, sheet_rows in sheets.items():
        sheet = workbook.create_sheet(title.replace("_", " "))
        for row in sheet_rows:
            sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def _csv(tmp_path: Path, text: str, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _only(service: SupplierService, name: str):
    [found] = [s for s in service.all_records() if name in (s.name_zh, s.name_en)]
    return found


HEADER = ["供应商名称", "城市", "店铺链接", "回头率", "状态"]


def test_importing_the_same_xlsx_twice_keeps_the_count_and_updates_a_changed_field(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    rows = [
        HEADER,
        ["义乌市恒达工艺品厂", "义乌", "https://hengda.1688.com", 45.5, "已联系"],
        ["深圳市华强通讯配件有限公司", "深圳", None, 30, None],
    ]
    first = import_suppliers(supplier_service, _xlsx(tmp_path, rows))
    assert len(first.created) == 2 and first.updated == ()
    again = preview_import(supplier_service, _xlsx(tmp_path, rows, "again.xlsx"))
    assert (len(again.new), len(again.updated), len(again.unchanged)) == (0, 0, 2)
    assert import_suppliers(supplier_service, _xlsx(tmp_path, rows, "again.xlsx")).touched == ()
    assert supplier_service.count() == 2

    rows[1][3] = 50
    changed = _xlsx(tmp_path, rows, "changed.xlsx")
    plan = preview_import(supplier_service, changed)
    [update] = plan.updated
    assert (update.row, update.reason) == (2, "same 1688 shop")
    assert [c.text for c in update.changes] == ["回头率: 45.5 → 50"]
    change = apply_import(supplier_service, plan)
    hengda_id = _only(supplier_service, "义乌市恒达工艺品厂").id
    assert (change.created, change.updated) == ((), (hengda_id,))
    assert supplier_service.count() == 2
    assert _only(supplier_service, "义乌市恒达工艺品厂").reorder_rate == Decimal(50)
    assert plan.summary() == "0 new, 1 updated, 1 unchanged"


def test_the_same_shop_written_another_way_with_another_name_updates(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    [stored_id] = supplier_service.insert_many([hengda()]).created
    text = "name_zh,shop_url,reorder_rate\n恒达工艺品有限公司,HTTP://WWW.Hengda.1688.com/,60\n"
    plan = preview_import(supplier_service, _csv(tmp_path, text))
    [update] = plan.updated
    assert (update.supplier_id, update.reason) == (stored_id, "same 1688 shop")
    assert [c.text for c in update.changes] == [
        "name_zh: 义乌市恒达工艺品厂 → 恒达工艺品有限公司",
        "reorder_rate: 45.5 → 60",
    ]
    apply_import(supplier_service, plan)
    stored = supplier_service.get(stored_id)
    assert stored.name_zh == "恒达工艺品有限公司"
    assert stored.shop_url == "https://hengda.1688.com"  # the same shop: the stored text stays
    assert supplier_service.count() == 1


def test_the_same_chinese_name_in_the_same_city_matches(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.insert_many([hengda(shop_url=""), minimal("宁波家居", city="宁波")])
    text = "供应商名称,城市,备注\n义乌市恒达工艺品厂,义乌市,新备注\n宁波家居,慈溪,另一家\n"
    plan = preview_import(supplier_service, _csv(tmp_path, text))
    [update] = plan.updated
    assert (update.name, update.reason) == ("义乌市恒达工艺品厂", "same Chinese name and city")
    assert [c.text for c in update.changes] == [
        "城市: 义乌 → 义乌市",
        "备注: Good English; samples in 5 days. → 新备注",
    ]
    [new] = plan.new  # the same name in another city is another supplier, reported as alike
    assert new.row == 3
    assert [(a.name, a.reason) for a in new.looks_like] == [("宁波家居", "very similar name")]


def test_a_row_without_a_city_matches_the_only_supplier_of_that_name(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.insert_many([minimal(name_en="Ningbo Homeware", city="宁波")])
    plan = preview_import(supplier_service, _csv(tmp_path, "name_en,notes\nningbo  HOMEWARE,x\n"))
    assert [u.reason for u in plan.updated] == ["same English name"]


def test_the_business_licence_number_matches(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    licence = Certification(CertificationKind.BUSINESS_LICENCE, LICENCE)
    supplier_service.insert_many([hengda(shop_url="", certifications=[licence])])
    path = _xlsx(
        tmp_path,
        [["Ref", "Chinese name", "City"], [1, "恒达工艺", "金华"]],
        Certifications=[["Ref", "Certification", "Number"], [1, "营业执照", LICENCE.lower()]],
    )
    plan = preview_import(supplier_service, path)
    [update] = plan.updated
    assert update.reason == "same business licence number"
    assert [c.text for c in update.changes] == [
        "Chinese name: 义乌市恒达工艺品厂 → 恒达工艺",
        "City: 义乌 → 金华",
    ]


def test_blank_cells_and_missing_columns_keep_stored_values_and_lists_are_merged(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    [stored_id] = supplier_service.insert_many([hengda()]).created
    text = (
        "name_zh,city,reorder_rate,tags,contact_person,phone\n"
        "义乌市恒达工艺品厂,,,礼品；HOME DECOR,王丽,+86 139 1111 2222\n"
    )
    plan = preview_import(supplier_service, _csv(tmp_path, text))
    [update] = plan.updated
    assert [c.text for c in update.changes] == [
        "tags: added 礼品",
        "Contacts: updated 王丽 (+86 139 1111 2222)",
    ]
    apply_import(supplier_service, plan)
    stored = supplier_service.get(stored_id)
    before = hengda()
    assert (stored.city, stored.reorder_rate, stored.status) == (
        "义乌",
        Decimal("45.5"),
        Status.SAMPLING,
    )
    assert stored.tags == ["工艺品", "home decor", "礼品"]
    assert stored.contacts == [
        Contact("王丽", "+86 139 1111 2222", "wangli_hd", "恒达工艺", "wangli@hengda.cn")
    ]
    assert stored.certifications == before.certifications
    assert stored.red_flags == before.red_flags


def test_the_preview_lists_look_alikes_and_writes_nothing(
    tmp_path: Path, supplier_service: SupplierService, db_path: Path
) -> None:
    supplier_service.insert_many([hengda()])
    supplier_service.database.close()
    before = _digest(db_path)
    text = "供应商名称,城市\n恒达工艺品有限公司,金华\n晋江市鸿星鞋业有限公司,晋江\n"
    plan = preview_import(supplier_service, _csv(tmp_path, text))
    assert [(row.row, row.name) for row in plan.look_alikes] == [(2, "恒达工艺品有限公司")]
    assert [(a.name, a.reason) for a in plan.look_alikes[0].looks_like] == [
        ("义乌市恒达工艺品厂", "very similar name")
    ]
    assert plan.summary() == (
        "2 new, 0 updated, 0 unchanged; 1 looks like an existing supplier:"
        " row 2 '恒达工艺品有限公司' ~ '义乌市恒达工艺品厂'"
    )
    assert plan.details() == [
        "Imported as new, but looks like an existing supplier:",
        "  row 2 '恒达工艺品有限公司' ~ '义乌市恒达工艺品厂' (very similar name)",
    ]
    supplier_service.database.close()
    assert _digest(db_path) == before
    assert supplier_service.count() == 1


def test_two_rows_that_match_one_supplier_are_refused_naming_both(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.insert_many([hengda()])
    text = (
        "供应商名称,城市,店铺链接\n"
        "义乌市恒达工艺品厂,义乌,\n"
        "恒达二厂,义乌,https://hengda.1688.com\n"
    )
    with pytest.raises(ImportRejected) as caught:
        preview_import(supplier_service, _csv(tmp_path, text))
    assert caught.value.problems == [
        "row 3, column shop_url (店铺链接): this row and row 2 both match the stored supplier"
        " '义乌市恒达工艺品厂' (this row by same 1688 shop); keep one of the two rows"
    ]
    assert supplier_service.count() == 1


def test_rows_of_one_file_with_the_same_shop_are_reported(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    text = "name_zh,shop_url\n甲厂,https://jia.1688.com\n乙厂,http://jia.1688.com/page/1\n丙厂,\n"
    plan = preview_import(supplier_service, _csv(tmp_path, text))
    assert plan.rows_alike == ("rows 2 and 3: same 1688 shop",)
    assert "  rows 2 and 3: same 1688 shop" in plan.details()
    assert len(plan.new) == 3


def test_a_supplier_edited_after_the_preview_refuses_the_whole_import(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    [stored_id] = supplier_service.insert_many([hengda()]).created
    text = "name_zh,city,notes\n义乌市恒达工艺品厂,义乌,from the file\n新工厂,杭州,\n"
    plan = preview_import(supplier_service, _csv(tmp_path, text))
    edited = supplier_service.get(stored_id)
    edited.notes = "typed in the window meanwhile"
    supplier_service.save(edited)
    with pytest.raises(WorkbenchError, match="changed or deleted after the file was read"):
        apply_import(supplier_service, plan)
    assert supplier_service.count() == 1
    assert supplier_service.get(stored_id).notes == "typed in the window meanwhile"


def test_a_value_where_the_supplier_had_none_and_the_years_column_as_written(
    tmp_path: Path, supplier_service: SupplierService
) -> None:
    supplier_service.insert_many([hengda(member_since=None, member_since_month=None, deposit=None)])
    path = _csv(tmp_path, "供应商名称,城市,诚信通年限,保证金\n义乌市恒达工艺品厂,义乌,5年,3000\n")
    plan = preview_import(supplier_service, path)
    assert [c.text for c in plan.updated[0].changes] == [  # "5年": joined 5 years ago this month
        f"诚信通年限: (blank) → {TODAY.year - 5}-{TODAY.month:02d}",
        "保证金: (blank) → 3,000.00 CNY",
    ]


def test_a_dry_run_without_a_database_previews_every_row_as_new(tmp_path: Path) -> None:
    plan = preview_import(None, _csv(tmp_path, "name_zh\n甲厂\n乙厂\n"), today=TODAY)
    assert plan.summary() == "2 new, 0 updated, 0 unchanged"
