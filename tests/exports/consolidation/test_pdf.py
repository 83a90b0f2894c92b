"""The packing list read back with poppler: Chinese names, items and totals per box and for
the shipment, bilingual headings, A4, the embedded font, "Page x of y", the signature block,
what it says when no line can go, a rendered page, progress, cancelling and write errors."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from app.domain.consolidation.parcels import Dimensions, Parcel
from app.domain.kit.money import Money
from app.errors import Cancelled, ExportFailed
from app.exports.consolidation.data import ConsolidationExport, ItemEntry, ParcelEntry
from app.exports.consolidation.pdf import export_consolidation_pdf
from tests.domain.consolidation.cards import ems
from tests.exports.consolidation.fixtures import (
    CABLE,
    FORMULA_TEXT,
    HENGDA,
    MUG,
    STAND,
    TITLE,
    TOTE,
    export_data,
)
from tests.exports.pdf_tools import flat, leftovers, page_count, pdf_fonts, pdf_info, pdf_text

D = Decimal


@pytest.fixture(scope="module")
def data() -> ConsolidationExport:
    return export_data()


@pytest.fixture
def report(tmp_path: Path, data: ConsolidationExport) -> Path:
    return export_consolidation_pdf(data, tmp_path / "packing.pdf")


def box_text(text: str, number: int) -> str:
    """The text of box `number`'s section (up to the next box or the shipment total)."""
    start = text.index(f"Box {number} of")
    ends = [i for i in (text.find(f"Box {number + 1} of"), text.find("Shipment total")) if i > 0]
    return text[start : min(ends)]


def test_title_date_line_and_bilingual_headings(report: Path) -> None:
    text = flat(pdf_text(report))
    assert text.startswith(f"Packing list · 装箱单 · {TITLE}")
    assert "Packing list and customs declaration · 装箱单及报关资料 · 2026-11-29" in text
    assert "Line 线路 YunExpress 特快" in text and "Agent 代理 Superbuy" in text
    assert "Packing 装箱方式 Consolidated and repacked · 合箱去包装" in text
    for heading in ("品名", "数量", "单价", "海关编码", "金额", "序号", "本箱合计", "总计", "毛重"):
        assert heading in text, heading
    assert "Page 1 of 1" in text


def test_each_box_lists_its_parcels_items_and_totals(report: Path) -> None:
    text = flat(pdf_text(report, layout=True))  # a table row stays on one line
    first = box_text(text, 1)
    assert (
        "Box 1 of 2 第 1 箱 / 共 2 箱 45 × 35 × 34 cm · gross 毛重 9 kg · chargeable 计费 9 kg"
        in first
    )
    assert f"Parcel 包裹 托特包 Totes · {HENGDA} · orders 订单 3312456789012 · 4.2 kg" in first
    assert f"1 {TOTE} 4202.92 50 8.50 CNY 425.00 CNY" in first
    assert f"2 {STAND} 8302.50 60 12.80 CNY 768.00 CNY" in first
    assert "Magnet (带磁)" in first  # restricted goods are named on the parcel's line
    # A unit value with a third decimal keeps it; the value is rounded half up to the fen.
    assert f"3 {FORMULA_TEXT} =4202 10 2.005 CNY 20.05 CNY" in first
    assert "Box 1 total 本箱合计 · gross 毛重 9 kg 120 1,213.05 CNY" in first
    second = box_text(text, 2)
    assert "gross 毛重 9.4 kg · chargeable 计费 10 kg · 2 parcels" in second
    assert f"1 {CABLE} 8544.42 100 3.20 CNY 320.00 CNY" in second
    assert f"3 {MUG} 6912.00 24 9.90 CNY 237.60 CNY" in second
    assert "Box 2 total 本箱合计 · gross 毛重 9.4 kg 164 603.60 CNY" in second


def test_the_shipment_totals_and_the_signature_block(report: Path) -> None:
    text = flat(pdf_text(report))
    total = text[text.index("Shipment total") :]
    assert "Boxes 箱数 2" in total and "Parcels 包裹数 5" in total
    assert "Pieces 件数 284" in total and "Gross weight 毛重 18.4 kg" in total
    assert "Declared value 申报价值 1,816.65 CNY" in total  # 1,213.05 + 603.60
    assert "本人申明本装箱单所列内容真实无误。" in total
    for line in ("Shipper's signature 发货人签名", "Date 日期", "Name 姓名"):
        assert line in total


def test_a4_with_every_font_embedded(report: Path) -> None:
    assert pdf_info(report)["Page size"].endswith("pts (A4)")
    fonts = pdf_fonts(report)
    assert fonts and all(f["emb"] == "yes" for f in fonts)
    assert all("WenQuanYi" in f["name"] or "WQY" in f["name"].upper() for f in fonts)


def test_declared_values_are_totalled_per_currency(tmp_path: Path) -> None:
    entries = list(export_data().parcels)
    mugs = entries[3]
    entries[3] = dataclasses.replace(
        mugs,
        items=(*mugs.items, ItemEntry("杯垫 · Coaster", 12, Money(D("0.55"), "USD"), "4602.19")),
    )
    out = export_consolidation_pdf(export_data(entries), tmp_path / "usd.pdf")
    text = flat(pdf_text(out, layout=True))
    assert "1,816.65 CNY + 6.60 USD" in text
    assert "Box 2 total 本箱合计 · gross 毛重 9.4 kg 176 603.60 CNY 6.60 USD" in text


def test_no_line_can_go_says_so_with_each_reason(tmp_path: Path) -> None:
    data = export_data(options=[(ems(), "Superbuy"), (ems(name="EMS 经济"), "CSSBuy")])
    out = export_consolidation_pdf(data, tmp_path / "none.pdf")
    text = flat(pdf_text(out, layout=True))
    assert "No line can take these parcels · 没有可走的线路" in text
    reason = "Parcel 'Phone stands': Magnet (带磁) not accepted on this line"
    assert f"EMS Superbuy {reason}" in text and f"EMS 经济 CSSBuy {reason}" in text
    assert "Box 1" not in text and "Line 线路 EMS" not in text
    contents = text[text.index("Contents by parcel 包裹内容") :]
    assert f"1 {TOTE}" in contents and f"{MUG}" in contents
    assert "Total 合计 · gross 毛重 17.4 kg 284 1,816.65 CNY" in contents


def test_no_lines_at_all(tmp_path: Path) -> None:
    out = export_consolidation_pdf(export_data(options=[]), tmp_path / "empty.pdf")
    assert "No shipping lines to compare" in flat(pdf_text(out))


def many_parcels() -> list[ParcelEntry]:
    """Ten parcels of six items each, with long bilingual names: several pages."""
    name = "加厚纯棉帆布托特包 大容量 可定制logo · Heavy cotton canvas tote bag, large, custom logo"
    return [
        ParcelEntry(
            Parcel(
                n,
                f"第{n}包 Parcel {n}",
                D("1.5"),
                Dimensions(D(30), D(20), D(10)),
                arrived_on=date(2026, 11, 1),
            ),
            f"供应商 {n} · Supplier {n}",
            (f"33124567890{n:02d}",),
            tuple(
                ItemEntry(f"{name} #{n}-{i}", 10 + i, Money(D("6.80"), "CNY"), "4202.92")
                for i in range(6)
            ),
        )
        for n in range(1, 11)
    ]


def test_long_lists_run_over_pages_numbered_with_the_title(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    out = export_consolidation_pdf(
        export_data(many_parcels()), tmp_path / "long.pdf",
        on_progress=lambda done, total: calls.append((done, total)) or True,
    )  # fmt: skip
    pages = page_count(out)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = flat(pdf_text(out, page))
        assert f"Page {page} of {pages}" in text and TITLE in text
    text = flat(pdf_text(out))
    assert "#10-5" in text and "Pieces 件数 750" in text  # 10 × (10 + ... + 15)
    assert calls[-1][0] == calls[-1][1] and calls[0][0] == 0


def test_a_page_renders(report: Path, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm is missing: install poppler-utils (see README)")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(report), str(tmp_path / "page")],
        check=True,
    )
    [png] = list(tmp_path.glob("page*.png"))
    with Image.open(png) as page:
        assert page.size in ((496, 702), (497, 702))  # A4 at 60 dpi
        ink = sum(1 for pixel in page.convert("L").tobytes() if pixel < 128)
    assert ink > 5000  # text and tables, not a blank page


def test_cancel_keeps_the_old_file(tmp_path: Path, data: ConsolidationExport) -> None:
    out = tmp_path / "packing.pdf"
    export_consolidation_pdf(data, out)
    before = out.read_bytes()
    with pytest.raises(Cancelled):
        export_consolidation_pdf(data, out, on_progress=lambda done, total: done < 1)
    assert out.read_bytes() == before and leftovers(tmp_path) == []


def test_write_errors_are_one_clear_line(tmp_path: Path, data: ConsolidationExport) -> None:
    with pytest.raises(ExportFailed) as missing:
        export_consolidation_pdf(data, tmp_path / "nowhere" / "packing.pdf")
    assert "does not exist" in str(missing.value) and "\n" not in str(missing.value)
    folder = tmp_path / "packing.pdf"
    folder.mkdir()
    with pytest.raises(ExportFailed) as taken:
        export_consolidation_pdf(data, folder)
    assert "\n" not in str(taken.value) and str(folder) in str(taken.value)
    assert leftovers(tmp_path) == []
