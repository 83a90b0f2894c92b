"""The supplier PDF, read back with poppler: names in both scripts, fonts, pages, safety."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.suppliers.choices import (
    BusinessType,
    CertificationKind,
    Membership,
    RedFlagKind,
    Status,
)
from app.domain.suppliers.supplier import Certification, Contact, RedFlag, Supplier
from app.errors import Cancelled, ExportFailed
from app.exports.suppliers.pdf import certification_notes, export_suppliers_pdf, format_rate
from app.services.exporting import export_suppliers
from app.services.suppliers.service import SupplierService
from tests.conftest import TODAY
from tests.exports.pdf_tools import (
    flat,
    leftovers,
    page_count,
    pdf_fonts,
    pdf_info,
    pdf_text,
)
from tests.factories import hengda, minimal

NAMES = (
    ("义乌市恒达工艺品厂", "Yiwu Hengda Crafts Factory"),
    ("深圳市华强电子", "Shenzhen Huaqiang Electronics"),
    ("泉州鞋业有限公司", "Quanzhou Shoes Co."),
    ("苏州纺织品贸易", "Suzhou Textile Trading"),
    ("广州美妆包装厂", ""),
    ("", "Ningbo Garden Tools"),
)


def variety(count: int) -> list[Supplier]:
    """Hengda-like suppliers with different names, statuses, memberships and gaps."""
    suppliers = []
    for index in range(count):
        name_zh, name_en = NAMES[index % len(NAMES)]
        supplier = hengda(
            name_zh=name_zh,
            name_en=name_en,
            status=list(Status)[index % len(Status)],
            business_type=list(BusinessType)[index % len(BusinessType)],
            membership=list(Membership)[index % len(Membership)],
        )
        if index % 4 == 1:
            supplier.contacts, supplier.tags, supplier.reorder_rate = [], [], None
        suppliers.append(supplier)
    return suppliers


def numbered(count: int) -> list[Supplier]:
    return [hengda(name_en=f"Supplier {n:04d}") for n in range(1, count + 1)]


# --- what prints ---------------------------------------------------------------------------


def test_chinese_and_english_names_print(tmp_path: Path) -> None:
    out = export_suppliers_pdf(variety(50), tmp_path / "suppliers.pdf", today=TODAY)
    text = pdf_text(out)
    for name_zh, name_en in NAMES:
        assert (name_zh or name_en) in text
        assert name_en in text
    assert "■" not in text


def test_the_only_font_is_the_embedded_cjk_one(tmp_path: Path) -> None:
    out = export_suppliers_pdf(variety(20), tmp_path / "suppliers.pdf", today=TODAY)
    embedded = pdf_fonts(out)
    assert len(embedded) == 1, embedded
    assert embedded[0]["name"].endswith("WenQuanYiMicroHei-0")
    assert (embedded[0]["emb"], embedded[0]["sub"], embedded[0]["uni"]) == ("yes", "yes", "yes")


def test_landscape_a4_with_title_subtitle_and_page_numbers(tmp_path: Path) -> None:
    out = export_suppliers_pdf(
        variety(50), tmp_path / "suppliers.pdf", today=TODAY, title="浙江 shortlist"
    )
    assert pdf_info(out)["Page size"] == "841.89 x 595.276 pts (A4)"
    assert pdf_info(out)["Title"] == "浙江 shortlist"
    pages = page_count(out)
    assert pages > 1
    first = pdf_text(out, 1)
    assert "浙江 shortlist" in first
    assert "exported 2026-11-29, 50 suppliers" in first
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in pdf_text(out, page)


def test_a_full_row_prints_every_column(tmp_path: Path) -> None:
    supplier = hengda()
    supplier.red_flags.append(RedFlag(RedFlagKind.EVASIVE, TODAY, ""))
    out = export_suppliers_pdf([supplier], tmp_path / "one.pdf", today=TODAY)
    text = flat(pdf_text(out))
    expected = [
        "exported 2026-11-29, 1 supplier",
        "义乌市恒达工艺品厂",
        "Yiwu Hengda Crafts Factory",
        "Factory",
        "生产厂家",
        "浙江 · 义乌",
        "Zhejiang",
        "Strong merchant",
        "since 2019-03 · 7 y",
        "protection: yes",
        "Sampling",
        "45.5 %",
        "98.2 %",
        "92 %",
        "工艺品, home decor",
        "王丽",
        "+86 138 0000 1234",
        "WeChat: wangli_hd",
        "CE expires in 42 d",
    ]
    for value in expected:
        assert value in text, value
    headings = ["Supplier", "Type", "Location", "Status", "Reorder", "On-time", "Response"]
    for heading in [*headings, "Tags", "Primary contact", "Certifications to check", "Red"]:
        assert heading in text, heading
    first_line = next(line for line in pdf_text(out, layout=True).splitlines() if "恒达" in line)
    assert first_line.split()[-1] == "2", "two red flags, in the last column"


def test_a_supplier_with_little_data_prints_dashes(tmp_path: Path) -> None:
    out = export_suppliers_pdf([minimal("只有中文名")], tmp_path / "bare.pdf", today=TODAY)
    text = pdf_text(out)
    assert "只有中文名" in text
    assert text.count("–") >= 8


def test_markup_in_supplier_data_prints_literally(tmp_path: Path) -> None:
    hostile = hengda(
        name_zh='<img src="/etc/passwd"/>',
        name_en="<b>x",
        city="<font size=40>big",
        tags=["</para>", "a & b"],
        contacts=[Contact('<a href="file:///etc/passwd">me</a>', "<br/>", "<i>")],
    )
    out = export_suppliers_pdf([hostile], tmp_path / "hostile.pdf", today=TODAY)
    text = flat(pdf_text(out))
    for literal in ['<img src="/etc/passwd"/>', "<b>x", "<font size=40>big", "</para>, a & b"]:
        assert literal in text
    assert '<a href="file:///etc/passwd"' in text
    assert ">me</a>" in text
    raw = out.read_bytes()
    assert b"/Subtype /Image" not in raw
    assert b"/URI" not in raw


def test_certification_attention_is_spelled_out(tmp_path: Path) -> None:
    certifications = [
        Certification(CertificationKind.BUSINESS_LICENCE, expires_on=TODAY - timedelta(days=3)),
        Certification(CertificationKind.ROHS, expires_on=TODAY),
        Certification(CertificationKind.CE, expires_on=TODAY + timedelta(days=42)),
        Certification(CertificationKind.FCC, expires_on=TODAY + timedelta(days=400)),
        Certification(CertificationKind.ISO_9001, expires_on=None),
        Certification(CertificationKind.OTHER, number="GOTS-77", expires_on=TODAY),
    ]
    notes = [text for text, _ in certification_notes(certifications, TODAY)]
    assert notes == [
        "Business licence expired",
        "RoHS expires today",
        "GOTS-77 expires today",
        "CE expires in 42 d",
    ]
    out = export_suppliers_pdf(
        [hengda(certifications=certifications)], tmp_path / "certs.pdf", today=TODAY
    )
    text = pdf_text(out)
    for note in notes:
        assert note in text
    assert "FCC" not in text


@pytest.mark.parametrize(
    ("value", "printed"),
    [
        (Decimal("45.5"), "45.5 %"),
        (Decimal("92"), "92 %"),
        (Decimal("98.20"), "98.2 %"),
        (Decimal("100"), "100 %"),
        (Decimal("0"), "0 %"),
        (None, "–"),
    ],
)
def test_rates_print_as_percentages(value: Decimal | None, printed: str) -> None:
    assert format_rate(value) == printed


def test_oversized_fields_still_fit_on_a_page(tmp_path: Path) -> None:
    """Validation allows 300-character names; tags and certifications have no count limit."""
    huge = hengda(
        name_zh="恒" * 300,
        name_en="Hengda " * 43,
        city="义" * 300,
        tags=[f"tag{n}" * 6 for n in range(100)],
        contacts=[Contact("王" * 300, "1" * 300, "w" * 300)],
        certifications=[
            Certification(CertificationKind.OTHER, number=f"C{n}", expires_on=TODAY)
            for n in range(40)
        ],
    )
    out = export_suppliers_pdf([huge, hengda()], tmp_path / "huge.pdf", today=TODAY)
    text = pdf_text(out)
    assert "+ 34 more" in text
    assert "Yiwu Hengda Crafts Factory" in text


def test_no_suppliers_makes_a_page_that_says_so(tmp_path: Path) -> None:
    out = export_suppliers_pdf([], tmp_path / "empty.pdf", today=TODAY)
    text = pdf_text(out)
    assert "exported 2026-11-29, 0 suppliers" in text
    assert "No suppliers to export." in text
    assert "Page 1 of 1" in text


# --- many suppliers ------------------------------------------------------------------------


def test_a_thousand_suppliers_make_many_pages_each_with_the_header(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    started = time.perf_counter()
    out = export_suppliers_pdf(
        numbered(1000),
        tmp_path / "many.pdf",
        today=TODAY,
        on_progress=lambda done, total: calls.append((done, total)) is None,
    )
    elapsed = time.perf_counter() - started
    assert elapsed < 60, f"1,000 suppliers took {elapsed:.1f} s: layout is no longer linear?"
    pages = page_count(out)
    assert pages >= 10
    for page in range(1, pages + 1):
        text = pdf_text(out, page, layout=True)
        header = text.index("Certifications to check")
        assert header < text.index("Supplier 0"), f"header not above the rows on page {page}"
        assert f"Page {page} of {pages}" in text
    found = re.findall(r"Supplier (\d{4})", flat(pdf_text(out)))
    assert found == [f"{n:04d}" for n in range(1, 1001)]
    assert calls[0] == (0, 1000) and calls[-1] == (1000, 1000)
    assert len(calls) >= pages
    assert out.stat().st_size < 2_000_000


# --- failures ------------------------------------------------------------------------------


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        export_suppliers_pdf(
            numbered(200), out, today=TODAY, on_progress=lambda done, total: done < 50
        )
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_unwritable_target_raises_export_failed(tmp_path: Path) -> None:
    out = tmp_path / "missing-folder" / "suppliers.pdf"
    with pytest.raises(ExportFailed, match="does not exist"):
        export_suppliers_pdf(variety(5), out, today=TODAY)
    assert not out.parent.exists()


def test_the_export_service_writes_the_pdf(
    supplier_service: SupplierService, tmp_path: Path
) -> None:
    supplier_service.save(hengda())
    supplier_service.save(minimal("广州美妆包装厂"))
    out = export_suppliers(supplier_service, tmp_path / "service.pdf")
    text = pdf_text(out)
    assert "义乌市恒达工艺品厂" in text
    assert "广州美妆包装厂" in text
    assert f"exported {TODAY.isoformat()}, 2 suppliers" in text


def test_today_is_a_date_parameter_not_the_clock(tmp_path: Path) -> None:
    out = export_suppliers_pdf(
        [hengda()], tmp_path / "dated.pdf", today=date(2027, 1, 1), title="Suppliers"
    )
    text = pdf_text(out)
    assert "exported 2027-01-01, 1 supplier" in text
    assert "CE expires in 9 d" in text
    assert "since 2019-03 · 7 y" in text  # 7 years and 9 months


def test_protection_years_red_flags_and_certificates_follow_issue_13(tmp_path: Path) -> None:
    ck = CertificationKind
    supplier = hengda(
        member_since=2025,
        member_since_month=12,
        buyer_protection=None,
        certifications=[
            Certification(ck.CE, "CE-1", expires_on=TODAY - timedelta(days=400)),
            Certification(ck.CE, "CE-2", expires_on=TODAY + timedelta(days=330)),
            Certification(ck.ORGANISATION_CODE, "12345678-9", expires_on=date(2017, 1, 1)),
        ],
        red_flags=[
            RedFlag(resolved_on=TODAY, resolution="checked"),
            RedFlag(),
        ],
    )
    out = export_suppliers_pdf([supplier], tmp_path / "s.pdf", today=TODAY)
    text = " ".join(pdf_text(out).split())
    assert "since 2025-12 · < 1 y" in text
    assert "protection: unknown" in text
    assert "expired" not in text  # the old CE is renewed, the organisation code merged
    assert re.search(r"Red flags 1 \+ ?1 resolved", text)  # one open, one resolved
