"""The supplier workbook: values and types read back, tidy sheets, literal text, cancellation."""

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.suppliers.choices import CertificationKind
from app.domain.suppliers.supplier import Certification, Contact, Supplier
from app.errors import Cancelled
from app.exports.suppliers.xlsx import attention_text, export_suppliers_xlsx
from app.services.suppliers.service import SupplierService
from tests.exports.libreoffice import convert_to_csv, csv_rows, needs_libreoffice
from tests.factories import hengda, minimal

TODAY = date(2026, 11, 29)
FORMULA_NAME = '=HYPERLINK("http://x","y")'


def _stored(service: SupplierService, *suppliers: Supplier) -> list[Supplier]:
    service.insert_many(list(suppliers))
    return service.all_records()


def _rows(sheet) -> list[dict[str, object]]:
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def workbook_path(tmp_path: Path, supplier_service: SupplierService) -> Path:
    full = hengda()
    full.contacts.append(Contact("李强", "+86 139 1111 2222", email="li@hengda.cn"))
    full.certifications.append(
        Certification(CertificationKind.ISO_9001, "ISO-7", "SGS", date(2026, 5, 1))
    )
    records = _stored(supplier_service, full, minimal("深圳市华强通讯配件有限公司"))
    return export_suppliers_xlsx(records, tmp_path / "suppliers.xlsx", today=TODAY)


def test_four_sheets_each_with_frozen_header_filter_and_widths(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == ["Suppliers", "Contacts", "Certifications", "Red flags"]
    for sheet in workbook:
        assert sheet.freeze_panes == "A2"
        last = sheet.cell(1, sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert sheet["A1"].font.b
        assert all(sheet.column_dimensions[c.column_letter].width >= 6 for c in sheet[1])
    assert workbook["Suppliers"].column_dimensions["B"].width == 30  # Chinese name


def test_supplier_row_values_and_types(workbook_path: Path) -> None:
    sheet = load_workbook(workbook_path)["Suppliers"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Ref", "Chinese name", "English name"]
    assert {"Deposit", "Deposit currency", "Reorder rate %", "Contact person", "WeChat"} <= set(
        headers
    )
    rows = _rows(sheet)
    hengda_row = next(row for row in rows if row["Chinese name"] == "义乌市恒达工艺品厂")
    assert isinstance(hengda_row["Ref"], int)
    assert hengda_row["Business type"] == "Factory"
    assert hengda_row["1688 membership"] == "Strong merchant"
    assert hengda_row["Member since"] == "2019-03"
    assert hengda_row["Buyer protection"] == "yes"
    assert hengda_row["Deposit"] == 3000 and hengda_row["Deposit currency"] == "CNY"
    assert hengda_row["Reorder rate %"] == 45.5
    assert hengda_row["Quality score"] == 4.6
    assert hengda_row["Status"] == "Sampling"
    assert hengda_row["Tags"] == "工艺品; home decor"
    assert hengda_row["Contact person"] == "王丽"
    assert hengda_row["Wangwang"] == "恒达工艺"
    assert isinstance(hengda_row["Created (UTC)"], datetime)
    assert hengda_row["Created (UTC)"].tzinfo is None
    bare = next(row for row in rows if row["Chinese name"] == "深圳市华强通讯配件有限公司")
    assert (
        bare["Deposit"] is None
        and bare["Status"] == "Prospect"
        and bare["Buyer protection"] == "unknown"
    )


def test_numbers_and_dates_are_typed_cells(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    suppliers = workbook["Suppliers"]
    columns = {cell.value: cell.column for cell in suppliers[1]}
    for header in ("Ref", "Deposit", "Reorder rate %", "On-time shipment %"):
        assert suppliers.cell(2, columns[header]).data_type == "n", header
    created = suppliers.cell(2, columns["Created (UTC)"])
    assert created.is_date
    expiry = workbook["Certifications"]["F3"]
    assert expiry.value == datetime(2027, 1, 10) and expiry.number_format == "yyyy-mm-dd"
    noted = workbook["Red flags"]["D2"]
    assert noted.value == datetime(2026, 10, 2) and noted.number_format == "yyyy-mm-dd"


def test_child_sheets_carry_ref_name_and_attention(workbook_path: Path) -> None:
    workbook = load_workbook(workbook_path)
    ref = next(row["Ref"] for row in _rows(workbook["Suppliers"]) if row["English name"])
    contacts = _rows(workbook["Contacts"])
    assert contacts == [
        {
            "Ref": ref,
            "Supplier": "义乌市恒达工艺品厂",
            "Contact person": "李强",
            "Phone": "+86 139 1111 2222",
            "WeChat": None,
            "Wangwang": None,
            "E-mail": "li@hengda.cn",
        }
    ]
    certifications = _rows(workbook["Certifications"])
    assert [(c["Ref"], c["Certification"], c["Attention"]) for c in certifications] == [
        (ref, "Business licence", None),
        (ref, "CE", "expires in 42 days"),
        (ref, "ISO 9001", "expired"),
    ]
    assert certifications[0]["Issued by"] == "义乌市市场监督管理局"
    flags = _rows(workbook["Red flags"])
    assert flags == [
        {
            "Ref": ref,
            "Supplier": "义乌市恒达工艺品厂",
            "Red flag": "Price far below market",
            "Date noted": datetime(2026, 10, 2),
            "Remark": "30 % under market",
            "Resolved on": None,
            "Resolution": None,
        }
    ]


@pytest.mark.parametrize(
    ("expires", "text"),
    [
        (None, None),
        (date(2026, 11, 28), "expired"),
        (date(2026, 11, 29), "expires today"),
        (date(2026, 11, 30), "expires in 1 day"),
        (date(2027, 1, 28), "expires in 60 days"),
        (date(2027, 1, 29), None),
    ],
)
def test_attention_text(expires: date | None, text: str | None) -> None:
    assert attention_text(Certification(expires_on=expires), TODAY) == text


def test_formula_looking_text_stays_literal(tmp_path: Path) -> None:
    supplier = hengda(id=1, name_zh=FORMULA_NAME, notes="=1+1", city="#N/A")
    out = export_suppliers_xlsx([supplier], tmp_path / "x.xlsx", today=TODAY)
    sheet = load_workbook(out)["Suppliers"]
    cells = {cell.value: cell for cell in sheet[2]}
    for text in (FORMULA_NAME, "=1+1", "#N/A"):
        assert cells[text].data_type == "s"
    certification_sheet = load_workbook(out)["Certifications"]
    assert certification_sheet["B2"].value == FORMULA_NAME
    assert certification_sheet["B2"].data_type == "s"


def test_no_suppliers_gives_headers_only(tmp_path: Path) -> None:
    out = export_suppliers_xlsx([], tmp_path / "empty.xlsx", today=TODAY)
    sheet = load_workbook(out)["Suppliers"]
    assert sheet.max_row == 1 and sheet["B1"].value == "Chinese name"


def test_progress_reaches_the_total(tmp_path: Path) -> None:
    suppliers = [hengda(id=i, name_zh=f"厂{i}") for i in range(1, 1201)]
    seen: list[tuple[int, int]] = []
    export_suppliers_xlsx(
        suppliers,
        tmp_path / "x.xlsx",
        today=TODAY,
        on_progress=lambda d, t: seen.append((d, t)) or True,
    )
    total = 1200 + 1200 * 2 + 1200  # suppliers, certifications, red flags
    assert seen[-1] == (total, total)
    assert len(seen) >= total // 500
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_cancelling_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    suppliers = [hengda(id=i, name_zh=f"厂{i}") for i in range(1, 1201)]
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Cancelled):
        export_suppliers_xlsx(
            suppliers, folder / "new.xlsx", today=TODAY, on_progress=lambda d, t: d < 1000
        )
    assert list(folder.iterdir()) == []

    out = folder / "suppliers.xlsx"
    out.write_bytes(b"the previous good export")
    with pytest.raises(Cancelled):
        export_suppliers_xlsx(suppliers, out, today=TODAY, on_progress=lambda d, t: False)
    assert out.read_bytes() == b"the previous good export"
    assert list(folder.iterdir()) == [out]


@needs_libreoffice
def test_libreoffice_shows_the_formula_looking_name_as_text(tmp_path: Path) -> None:
    suppliers = [hengda(id=1, name_zh=FORMULA_NAME), hengda(id=2), minimal(name_en="=1+1", id=3)]
    out = export_suppliers_xlsx(suppliers, tmp_path / "suppliers.xlsx", today=TODAY)
    rows = csv_rows(convert_to_csv([out], tmp_path)[out])
    assert rows[0][:3] == ["Ref", "Chinese name", "English name"]
    assert rows[1][1] == FORMULA_NAME  # a formula would show "y"
    assert rows[2][1] == "义乌市恒达工艺品厂"
    assert rows[3][2] == "=1+1"  # a formula would show 2


def test_attention_says_why_a_certificate_needs_no_action(tmp_path: Path) -> None:
    """Issue 13: a renewed CE, a merged tax registration and an FCC ID are not 'expired'."""
    from app.domain.suppliers.choices import CertificationKind as CK

    old_ce = Certification(CK.CE, "CE-1", expires_on=date(2025, 10, 25))
    new_ce = Certification(CK.CE, "CE-2", expires_on=date(2027, 10, 25))
    tax = Certification(CK.TAX_REGISTRATION, "330782123456789", expires_on=date(2017, 6, 30))
    fcc = Certification(CK.FCC, "2AB12-0001", expires_on=date(2026, 1, 1))
    supplier = hengda(id=1, certifications=[old_ce, new_ce, tax, fcc])
    out = export_suppliers_xlsx([supplier], tmp_path / "c.xlsx", today=TODAY)
    rows = _rows(load_workbook(out)["Certifications"])
    assert [row["Attention"] for row in rows] == [
        "renewed (the newer one is valid to 2027-10-25)",
        None,
        "merged into the business licence (三证合一)",
        None,  # an FCC ID does not expire: nothing to say
    ]
