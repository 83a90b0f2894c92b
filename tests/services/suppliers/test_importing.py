"""Importing suppliers from .xlsx and .csv: all rows checked first, nothing stored on a problem."""

import dataclasses
import os
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.kit.money import Money
from app.domain.suppliers.choices import (
    BusinessType,
    CertificationKind,
    Membership,
    RedFlagKind,
    Status,
)
from app.domain.suppliers.supplier import Certification, Contact, RedFlag, Supplier
from app.errors import ImportRejected, WorkbenchError
from app.exports.suppliers.xlsx import export_suppliers_xlsx
from app.services.suppliers.importing import (
    column_letter,
    decode_text,
    import_suppliers,
    read_suppliers_file,
)
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file
from tests.factories import hengda, minimal

TODAY = date(2026, 11, 29)
FORMULA_NAME = '=HYPERLINK("http://x","y")'
CHINESE_HEADER = (
    "供应商名称,英文名称,经营模式,省份,城市,会员等级,回头率,保证金,币种,标签,联系人,电话,微信,备注"
)
CHINESE_ROW = "义乌市恒达工艺品厂,Yiwu Hengda Crafts Factory,生产厂家,浙江,义乌,实力商家,45.5%,3000,人民币,工艺品；home decor,王丽,+86 138 0000 1234,wangli_hd,样品5天"


def _without_identity(supplier: Supplier) -> Supplier:
    return dataclasses.replace(supplier, id=None, created_at=None, updated_at=None)


def _count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as connection:
        return connection.execute("SELECT count(*) FROM suppliers").fetchone()[0]


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "suppliers.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _workbook(tmp_path: Path, sheets: dict[str, list[list[object]]], name: str = "in.xlsx") -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def _rejected(path: Path) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        read_suppliers_file(path, today=TODAY)
    return caught.value.problems


@pytest.fixture
def other_service(tmp_path: Path) -> Iterator[SupplierService]:
    """A second, empty database to import into."""
    path = tmp_path / "other.sqlite3"
    open_database_file(path)
    database = Database(path)
    yield SupplierService(database, today=lambda: TODAY)
    database.close()


def _variants() -> list[Supplier]:
    many = hengda(name_zh="广州市白云区皮具厂", name_en="", shop_url="https://piju.1688.com")
    many.contacts += [Contact("李强", "020-8888 0000"), Contact(email="sales@piju.cn")]
    many.red_flags.append(RedFlag(RedFlagKind.OTHER, None, ""))
    return [
        hengda(),
        many,
        minimal("深圳市华强通讯配件有限公司"),
        minimal(name_en="Quanzhou Sports Gear", status=Status.BLACKLISTED),
        hengda(
            name_zh=FORMULA_NAME,
            name_en="+Plus @at -minus",
            business_type=BusinessType.BOTH,
            membership=Membership.NONE,
            deposit=Money(Decimal("150.5"), "USD"),
            tags=["礼品"],
            notes="多行\n备注",
            contacts=[Contact(wechat="only_wechat")],
            certifications=[Certification(CertificationKind.OTHER)],
            red_flags=[],
        ),
    ]


# --- round trip ----------------------------------------------------------------------------
def test_export_then_import_gives_the_same_records(
    tmp_path: Path, supplier_service: SupplierService, other_service: SupplierService
) -> None:
    supplier_service.insert_many(_variants())
    before = supplier_service.all_records()
    out = export_suppliers_xlsx(before, tmp_path / "suppliers.xlsx", today=TODAY)

    change = import_suppliers(other_service, out)

    after = other_service.all_records()
    assert len(change.created) == len(before) == 5
    assert [_without_identity(s) for s in after] == [_without_identity(s) for s in before]
    assert after[0].deposit is None or isinstance(after[0].deposit.amount, Decimal)


def test_reimporting_the_export_twice_is_stable(tmp_path: Path) -> None:
    suppliers = _variants()
    for number, supplier in enumerate(suppliers, 1):
        supplier.id = number
    first = export_suppliers_xlsx(suppliers, tmp_path / "a.xlsx", today=TODAY)
    again = read_suppliers_file(first, today=TODAY)
    assert again == [_without_identity(s) for s in suppliers]
    assert again[4].name_zh == FORMULA_NAME


# --- CSV -----------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_csv_with_chinese_headers_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = _csv(tmp_path, f"{CHINESE_HEADER}\r\n{CHINESE_ROW}\r\n", encoding)
    [supplier] = read_suppliers_file(path, today=TODAY)
    assert supplier.name_zh == "义乌市恒达工艺品厂"
    assert supplier.business_type is BusinessType.FACTORY
    assert supplier.membership is Membership.STRONG
    assert supplier.reorder_rate == Decimal("45.5")
    assert supplier.deposit == Money(Decimal("3000.00"), "CNY")
    assert supplier.tags == ["工艺品", "home decor"]
    assert supplier.contacts == [Contact("王丽", "+86 138 0000 1234", "wangli_hd")]
    assert supplier.notes == "样品5天"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_csv_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    text = f"name_zh{delimiter}city{delimiter}reorder_rate\n恒达{delimiter}义乌{delimiter}45,5\n"
    if delimiter == ",":
        text = 'name_zh,city,reorder_rate\n恒达,义乌,"45.5"\n'
    [supplier] = read_suppliers_file(_csv(tmp_path, text), today=TODAY)
    assert (supplier.name_zh, supplier.city) == ("恒达", "义乌")


def test_csv_apostrophe_protecting_a_formula_is_removed(tmp_path: Path) -> None:
    text = (
        "name_zh,name_en,phone,notes\n'=HYPERLINK(\"http://x\"),'+Plus,'+86 138 0000 1234,'plain\n"
    )
    [supplier] = read_suppliers_file(_csv(tmp_path, text), today=TODAY)
    assert supplier.name_zh == '=HYPERLINK("http://x")'
    assert supplier.name_en == "+Plus"
    assert supplier.contacts[0].phone == "+86 138 0000 1234"
    assert supplier.notes == "'plain"  # an apostrophe before ordinary text is the user's


def test_blank_rows_are_skipped_and_row_numbers_stay_as_seen(tmp_path: Path) -> None:
    text = "name_zh,reorder_rate\n甲厂,10\n\n,\n乙厂,abc\n"
    assert _rejected(_csv(tmp_path, text)) == ["row 5, column reorder_rate: 'abc' is not a number"]
    good = _csv(tmp_path, "name_zh,reorder_rate\n甲厂,10\n\n , \n乙厂,20\n", name="good.csv")
    assert [s.name_zh for s in read_suppliers_file(good, today=TODAY)] == ["甲厂", "乙厂"]


def test_a_title_line_above_the_header_is_allowed(tmp_path: Path) -> None:
    text = "供应商列表 2026,,\n供应商名称,城市,状态\n恒达,义乌,已联系\n"
    [supplier] = read_suppliers_file(_csv(tmp_path, text), today=TODAY)
    assert supplier.status is Status.CONTACTED


def test_bad_text_encoding_is_one_clear_message(tmp_path: Path) -> None:
    assert decode_text("名称".encode("gb18030"), "x.csv") == "名称"
    with pytest.raises(WorkbenchError, match="not a CSV text file"):
        decode_text(b"name\x00\x01", "x.csv")


# --- bad rows ------------------------------------------------------------------------------
def test_every_bad_row_is_listed_and_nothing_is_imported(
    tmp_path: Path, supplier_service: SupplierService, db_path: Path
) -> None:
    supplier_service.save(minimal("已有供应商"))
    text = (
        "供应商名称,回头率,入驻年份,状态,邮箱,到期,保证金\n"
        "甲厂,45,2019,已联系,a@b.cn,,100\n"
        "乙厂,abc,2019,,,,\n"
        "丙厂,150,2040,Pending,not-an-email,,3000.555\n"
        ",,,,,,\n"
        "甲厂,,,,,,\n"
        ",12,,,,,\n"
    )
    path = _csv(tmp_path, text)
    with pytest.raises(ImportRejected) as caught:
        import_suppliers(supplier_service, path)
    assert caught.value.problems == [
        "row 3, column reorder_rate (回头率): 'abc' is not a number",
        "row 4, column status (状态): 'Pending' is not one of: Prospect, Contacted, Sampling,"
        " Approved, On hold, Rejected, Blacklisted",
        "row 4, column deposit (保证金): '3000.555' has more decimal places than CNY has",
        "row 4, column member_since (入驻年份): The year cannot be in the future (after 2026).",
        "row 4, column reorder_rate (回头率): A rate must be between 0 and 100 %.",
        "row 4, column email (邮箱): Enter an e-mail address like name@example.com.",
        "row 6, column name_zh (供应商名称): the same name as row 2",
        "row 7, column name_zh (供应商名称): Enter a Chinese or an English name.",
    ]
    assert str(caught.value).startswith("Nothing was imported.")
    assert _count(db_path) == 1


def test_record_rules_point_at_the_right_cells(tmp_path: Path) -> None:
    text = "name_zh,reorder_rate,member_since,email,deposit,shop_url\n丙厂,150,2040,not-an-email,-5,www\n"
    problems = _rejected(_csv(tmp_path, text))
    assert problems == [
        "row 2, column shop_url: Enter the shop's web address, e.g. shop123.1688.com or"
        " https://shop123.1688.com.",
        "row 2, column member_since: The year cannot be in the future (after 2026).",
        "row 2, column reorder_rate: A rate must be between 0 and 100 %.",
        "row 2, column deposit: A deposit cannot be negative.",
        "row 2, column email: Enter an e-mail address like name@example.com.",
    ]


def test_too_many_decimals_for_the_currency(tmp_path: Path) -> None:
    problems = _rejected(_csv(tmp_path, "name_zh,保证金,币种\n甲厂,3000.555,CNY\n乙厂,10.5,JPY\n"))
    assert problems == [
        "row 2, column deposit (保证金): '3000.555' has more decimal places than CNY has",
        "row 3, column deposit (保证金): '10.5' has more decimal places than JPY has",
    ]


def test_two_columns_meaning_the_same_field(tmp_path: Path) -> None:
    problems = _rejected(_csv(tmp_path, "供应商名称,电话,手机\n甲厂,020-8888 0000,138 0000 0000\n"))
    assert problems == ["row 1, column phone (电话): columns B and C both hold it; keep one"]


# --- files that are not what they claim ----------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("suppliers.txt", b"name_zh\nx\n", "save it as an Excel workbook"),
        ("suppliers.xls", b"\xd0\xcf\x11\xe0", "save it as an Excel workbook"),
        ("random.xlsx", os.urandom(2000), "not an Excel workbook"),
        ("empty.csv", b"", "is empty"),
        ("header-only.csv", b"name_zh,city\n", "has no supplier rows"),
        ("no-name.csv", b"city,province\n\xe4\xb9\x89\xe4\xb9\x8c,\n", "has no name column"),
        ("blank.csv", b"\n\n,,\n", "is empty"),
    ],
)
def test_unusable_files_give_one_clear_message_and_import_nothing(
    tmp_path: Path,
    supplier_service: SupplierService,
    db_path: Path,
    name: str,
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WorkbenchError, match=message) as caught:
        import_suppliers(supplier_service, path)
    assert not isinstance(caught.value, ImportRejected)
    assert "\n" not in str(caught.value)
    assert _count(db_path) == 0


def test_a_field_too_long_for_csv(tmp_path: Path) -> None:
    path = _csv(tmp_path, 'name_zh,notes\n甲,"' + "x" * 200_000 + '"\n')
    with pytest.raises(WorkbenchError, match=r"Cannot read 'suppliers\.csv' as CSV"):
        read_suppliers_file(path, today=TODAY)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match="does not exist"):
        read_suppliers_file(tmp_path / "gone.csv", today=TODAY)


# --- workbooks made by hand ----------------------------------------------------------------
def test_hand_made_workbook_with_chinese_headers_percent_cells_and_dates(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path,
        {
            "供应商": [
                ["供应商名称", "回头率", "诚信通年限", "买家保障", "电话", "保证金"],
                ["恒达", 0.455, "5年", "是", 13800001234, 3000],
                [None, None, None, None, None, None],
                ["华强", "", None, "否", "", None],
            ]
        },
    )
    workbook = __import__("openpyxl").load_workbook(path)
    workbook["供应商"]["B2"].number_format = "0.0%"
    workbook.save(path)
    first, second = read_suppliers_file(path, today=TODAY)
    assert first.reorder_rate == Decimal("45.5")
    assert str(first.reorder_rate) == "45.5"
    assert first.member_since == 2021
    assert first.buyer_protection is True
    assert first.contacts == [Contact(phone="13800001234")]
    assert first.deposit == Money(Decimal("3000.00"))
    assert second.name_zh == "华强" and second.buyer_protection is False
    assert second.contacts == []


def test_child_sheets_link_by_ref_and_problems_name_the_sheet(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path,
        {
            "Suppliers": [["Ref", "Chinese name"], [7, "恒达"], [8, "华强"]],
            "Contacts": [
                ["Ref", "Supplier", "Contact person", "E-mail"],
                [7, "恒达", "王丽", "bad-email"],
                [9, "?", "张三", ""],
                [None, None, "李四", None],
            ],
            "Certifications": [
                ["Ref", "Certification", "Expires on"],
                [8, "营业执照", datetime(2027, 1, 10)],
                [8, None, "2027-13-01"],
            ],
            "Red flags": [["ref", "Red flag", "Date noted"], [7, "差评", date(2030, 1, 1)]],
        },
    )
    assert _rejected(path) == [
        "Contacts row 2, column email: Enter an e-mail address like name@example.com.",
        "Contacts row 3, column ref: no supplier on the first sheet has ref 9",
        "Contacts row 4, column ref: say which supplier this row belongs to (its ref)",
        "Certifications row 3, column expires_on: '2027-13-01' is not a valid date",
        "Certifications row 3, column kind (Certification): Say which certification this is"
        " (e.g. Business licence).",
        "Red flags row 2, column noted_on (Date noted): A red flag cannot be dated in the future.",
    ]


def test_child_sheets_attach_in_order(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path,
        {
            "Suppliers": [
                ["Ref", "Chinese name", "Phone"],
                [7, "恒达", "+86 1"],
                [8, "华强", None],
            ],
            "联系人": [
                ["编号", "联系人", "电话"],
                [7, "王丽", "+86 2"],
                [8, "李四", None],
                [8, None, None],
            ],
            "资质证书": [["编号", "证书类型", "有效期至"], [8, "营业执照", datetime(2027, 1, 10)]],
        },
    )
    hengda_record, huaqiang = read_suppliers_file(path, today=TODAY)
    assert [c.person for c in hengda_record.contacts] == ["", "王丽"]
    assert huaqiang.contacts == [Contact("李四")]
    assert huaqiang.certifications == [
        Certification(CertificationKind.BUSINESS_LICENCE, expires_on=date(2027, 1, 10))
    ]


def test_duplicate_refs_are_refused(tmp_path: Path) -> None:
    path = _workbook(tmp_path, {"Sheet1": [["ref", "name_zh"], [1, "甲"], [1, "乙"]]})
    assert _rejected(path) == ["row 3, column ref: ref 1 is also on row 2"]


def test_first_sheet_is_used_when_none_is_called_suppliers(tmp_path: Path) -> None:
    path = _workbook(tmp_path, {"我的表": [["中文名称"], ["恒达"]], "Other": [["x"], [1]]})
    assert [s.name_zh for s in read_suppliers_file(path, today=TODAY)] == ["恒达"]


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]
