"""The negotiation report read back with poppler: Chinese names, the app's own figures, the
bilingual headings, every font embedded, a sensible page count, and one page rendered."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from app.errors import Cancelled, ExportFailed
from app.exports.negotiation.pdf import export_negotiation_pdf
from tests.exports.negotiation.factories import (
    FORMULA_NAME,
    HENGDA,
    HUAQIANG,
    PRODUCT,
    SMALL,
    negotiation,
)
from tests.exports.pdf_tools import flat, leftovers, page_count, pdf_fonts, pdf_text

TOTE = "帆布袋 · Canvas tote"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    tote = replace(negotiation(), product_name=TOTE, worksheet=None, planned_qty=1000)
    return export_negotiation_pdf([negotiation(), tote], tmp_path / "negotiation.pdf")


def test_chinese_names_and_bilingual_headings_print_as_text(report: Path) -> None:
    text = flat(pdf_text(report))
    for piece in (
        PRODUCT,
        TOTE,
        HENGDA,
        HUAQIANG,
        SMALL,
        FORMULA_NAME,  # printed literally
        "Quotes compared / 报价比较",
        "Market statistics / 市场统计",
        "Inputs used / 计算参数",
        "Rounds / 谈判轮次",
        "Agreed terms / 成交条件",
        "Payment plan / 付款计划",
        "Landed cost breakdown / 到岸成本明细",
        "Import VAT / 进口增值税",
    ):
        assert piece in text, piece


def test_the_figures_are_the_apps(report: Path) -> None:
    first = flat(pdf_text(report, 1))
    # Hengda at 500: €491.17 landed, €0.98234 per unit shown €0.9823, selling €1.97, rank 2.
    for piece in ("€491.17", "€0.9823", "€1.97", "$0.4125", "≥ 200 orders 504", "€508.14"):
        assert piece in first, piece
    assert "€413.14 €0.8263 €1.66" in first  # the agent minimum and the flat duty: rank 1
    assert "Below the MOQ of 1,000 pieces" in first
    assert "Below the shop's minimum order of $300.00 or 600 pieces" in first
    assert "★ cheapest" in first
    assert "Expired / 已过期" in first and "Expiring soon / 即将过期" in first
    whole = flat(pdf_text(report))
    assert "1 EUR = 7.80 CNY (2026-11-20); 1 EUR = 1.08 USD (2026-11-25)" in whole
    # Agreed: 500 x ¥2.70 = ¥1,350.00, plan A 30 % + 70 %.
    assert "¥1,350.00" in whole and "¥405.00" in whole and "¥945.00" in whole
    assert "Agreed terms: 500 pieces at the agreed price" in whole
    assert "€482.85" in whole and "€0.9657" in whole  # the agreed terms' landed cost
    assert "=not a formula" in whole


def test_each_product_starts_a_page_numbered_x_of_y(report: Path) -> None:
    pages = page_count(report)
    assert 2 <= pages <= 6
    texts = [pdf_text(report, n) for n in range(1, pages + 1)]
    assert all(f"Page {n} of {pages}" in t for n, t in enumerate(texts, start=1))
    tote_page = next(n for n, t in enumerate(texts, start=1) if TOTE in t)
    assert tote_page > 1 and PRODUCT not in texts[tote_page - 1]


def test_every_font_is_embedded(report: Path) -> None:
    fonts = pdf_fonts(report)
    assert fonts and all(font["emb"] == "yes" for font in fonts)


def test_a_page_renders(report: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(report), str(tmp_path / "p")],
        check=True,
    )
    [png] = list(tmp_path.glob("p*.png"))
    with Image.open(png) as image:
        assert image.width > image.height  # landscape A4 at 60 dpi: about 702 x 496
        assert abs(image.width - 702) <= 2
        assert (
            len(image.convert("L").getcolors(256) or []) > 20
        )  # text and tables, not a blank page


def test_no_products_and_no_worksheet(tmp_path: Path) -> None:
    empty = export_negotiation_pdf([], tmp_path / "empty.pdf")
    assert "No products to export." in pdf_text(empty)
    plain = export_negotiation_pdf([negotiation(worksheet=None)], tmp_path / "plain.pdf")
    assert "Rounds" not in pdf_text(plain)


def test_cancel_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"old")
    with pytest.raises(Cancelled):
        export_negotiation_pdf([negotiation()], out, on_progress=lambda done, total: False)
    assert out.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match="does not exist"):
        export_negotiation_pdf([negotiation()], tmp_path / "nowhere" / "n.pdf")


def test_progress_counts_quote_rows_and_products(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []

    def track(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    export_negotiation_pdf([negotiation(), negotiation()], tmp_path / "p.pdf", on_progress=track)
    assert seen[0] == (0, 14) and seen[-1] == (14, 14)  # 2 x (6 quotes + 1)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
