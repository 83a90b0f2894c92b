"""Shared PDF pieces: escaping, page furniture, long tables, progress, cancel, atomic writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from app.errors import Cancelled, ExportFailed
from app.exports.kit.pdf_layout import (
    TEXT_LIMIT,
    DocumentSpec,
    Span,
    build_pdf,
    escape_text,
    lines,
    paragraph,
    stacked,
    styles,
)
from app.exports.kit.pdf_table import CUT_MARK, Column, LongTable
from tests.exports.pdf_tools import leftovers, page_count, pdf_fonts, pdf_info, pdf_text

# --- fixtures ------------------------------------------------------------------------------


COLUMNS = (Column("No.", 1, "right"), Column("Name", 4), Column("Remark", 6))


def numbered_table(count: int, remark: str = "short") -> LongTable:
    s = styles()
    return LongTable(
        COLUMNS,
        list(range(1, count + 1)),
        lambda n: [f"{n}", paragraph(f"row-{n:05d}", s.cell), paragraph(remark, s.cell)],
    )


# --- escaping ------------------------------------------------------------------------------


def test_escape_text_makes_markup_literal() -> None:
    assert escape_text('<img src="/etc/passwd"/>') == '&lt;img src="/etc/passwd"/&gt;'
    assert escape_text("<b>x & y") == "&lt;b&gt;x &amp; y"
    assert escape_text("one\ntwo\r\nthree") == "one<br/>two<br/>three"
    assert escape_text(None) == ""
    assert escape_text(42) == "42"


def test_escape_text_shortens_very_long_text() -> None:
    """Beyond TEXT_LIMIT characters, text is cut: wrapping it would only slow the export."""
    shortened = escape_text("x" * 5000)
    assert len(shortened) == TEXT_LIMIT
    assert shortened.endswith("…")
    assert escape_text("abcdef", limit=4) == "abc…"


def test_lines_escape_every_part_and_skip_empty_ones() -> None:
    s = styles()
    cell = lines(["<b>bold?</b>", "", Span("<i>", "#ff0000", smaller=True)], s.cell)
    assert cell.text.count("<br/>") == 1
    assert "&lt;b&gt;bold?&lt;/b&gt;" in cell.text
    assert '<font color="#ff0000" size="6.5">&lt;i&gt;</font>' in cell.text
    assert "&lt;" in stacked("<a>", "<b>", s.cell).text


# --- the document --------------------------------------------------------------------------


def test_markup_in_user_text_prints_literally_and_embeds_nothing(tmp_path: Path) -> None:
    out = tmp_path / "escaped.pdf"
    body = styles().body
    hostile = ['<img src="/etc/passwd"/>', "<b>x", "a & b </para>", '<a href="file:///etc">y</a>']
    build_pdf(out, DocumentSpec("<b>Title"), [paragraph(text, body) for text in hostile])
    text = pdf_text(out)
    for line in [*hostile, "<b>Title"]:
        assert line in text
    assert b"/Subtype /Image" not in out.read_bytes()
    assert b"/URI" not in out.read_bytes()


def test_title_subtitle_page_numbers_on_every_page(tmp_path: Path) -> None:
    out = tmp_path / "numbered.pdf"
    spec = DocumentSpec("供应商名单 Title", "exported 2026-11-29, 300 rows", footer="My footer")
    build_pdf(out, spec, [numbered_table(300)], total=300)
    pages = page_count(out)
    assert pages >= 3
    first = pdf_text(out, 1)
    assert "供应商名单 Title" in first
    assert "exported 2026-11-29, 300 rows" in first
    for page in range(1, pages + 1):
        text = pdf_text(out, page)
        assert f"Page {page} of {pages}" in text
        assert "My footer" in text


def test_running_header_on_pages_after_the_first(tmp_path: Path) -> None:
    out = tmp_path / "header.pdf"
    build_pdf(out, DocumentSpec("T", running_header="Running 页眉"), [numbered_table(200)])
    assert "Running 页眉" not in pdf_text(out, 1)
    assert "Running 页眉" in pdf_text(out, 2)


@pytest.mark.parametrize(
    ("landscape", "size"), [(False, "595.276 x 841.89"), (True, "841.89 x 595.276")]
)
def test_page_orientation(tmp_path: Path, landscape: bool, size: str) -> None:
    out = tmp_path / "page.pdf"
    build_pdf(out, DocumentSpec("T", landscape=landscape), [paragraph("x", styles().body)])
    assert pdf_info(out)["Page size"] == f"{size} pts (A4)"


def test_every_font_is_embedded(tmp_path: Path) -> None:
    out = tmp_path / "fonts.pdf"
    build_pdf(out, DocumentSpec("中文 English"), [numbered_table(20)])
    fonts = pdf_fonts(out)
    assert fonts, "no fonts listed"
    assert all(font["emb"] == "yes" for font in fonts), fonts
    assert not any("Helvetica" in font["name"] for font in fonts)


# --- long tables ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "remark"),
    [
        (0, "x"),
        (1, "x"),
        (500, "tiny"),  # many rows per page: the laid-out batch has to grow
        (120, "tall " * 60),  # few rows per page
    ],
)
def test_long_table_prints_every_row_once_in_order(tmp_path: Path, count: int, remark: str) -> None:
    out = tmp_path / "rows.pdf"
    build_pdf(out, DocumentSpec("Rows", landscape=True), [numbered_table(count, remark)])
    text = pdf_text(out)
    found = [int(word[4:]) for word in text.split() if word.startswith("row-")]
    assert found == list(range(1, count + 1))


def test_long_table_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    out = tmp_path / "header-rows.pdf"
    build_pdf(out, DocumentSpec("Rows"), [numbered_table(400)])
    pages = page_count(out)
    assert pages >= 5
    for page in range(1, pages + 1):
        text = pdf_text(out, page)
        assert "Remark" in text.split("row-")[0], f"no header above the rows on page {page}"


def test_a_cell_taller_than_a_page_is_cut_and_marked(tmp_path: Path) -> None:
    out = tmp_path / "long-cell.pdf"
    remark = "".join(f"第{line}行 line {line}\n" for line in range(1, 201))
    build_pdf(out, DocumentSpec("Rows"), [numbered_table(3, remark)])
    assert page_count(out) == 2  # each row cut to MAX_CELL_HEIGHT: two fit on a page
    text = pdf_text(out)
    assert "row-00003" in text
    assert text.count(CUT_MARK) == 3


def test_plain_string_cells_are_not_markup(tmp_path: Path) -> None:
    out = tmp_path / "plain.pdf"
    table = LongTable(COLUMNS, ["<b>x</b>"], lambda v: [v, v, Paragraph("ok", styles().cell)])
    build_pdf(out, DocumentSpec("Plain"), [table])
    assert "<b>x</b>" in pdf_text(out)


# --- progress, cancel, failures ------------------------------------------------------------


def test_progress_rises_to_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    build_pdf(
        tmp_path / "progress.pdf",
        DocumentSpec("Rows"),
        [numbered_table(300)],
        total=300,
        on_progress=lambda done, total: calls.append((done, total)) is None,
    )
    done = [d for d, _ in calls]
    assert calls[0] == (0, 300)
    assert calls[-1] == (300, 300)
    assert done == sorted(done)
    assert len(set(done)) > 3, "progress should move page by page"
    assert {t for _, t in calls} == {300}


def test_progress_adds_up_over_several_tables(tmp_path: Path) -> None:
    """Later tabs put several tables in one document (an audit checklist's sections)."""
    out = tmp_path / "two-tables.pdf"
    calls: list[int] = []
    story = [numbered_table(120), paragraph("Section two", styles().body), numbered_table(80)]
    build_pdf(
        out,
        DocumentSpec("Two"),
        story,
        total=200,
        on_progress=lambda done, total: calls.append(done) is None,
    )
    assert calls[-1] == 200
    assert calls == sorted(calls)
    assert 120 in calls, "the first table finished at 120"
    text = pdf_text(out, layout=True)
    second = text.index("Section two")
    assert "Remark" in text[second:].split("row-00001")[0], "the second table has its header"


@pytest.mark.parametrize("stop_after", [1, 3])
def test_cancel_leaves_no_file(tmp_path: Path, stop_after: int) -> None:
    out = tmp_path / "cancelled.pdf"
    calls = []

    def progress(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < stop_after

    with pytest.raises(Cancelled):
        build_pdf(out, DocumentSpec("Rows"), [numbered_table(300)], total=300, on_progress=progress)
    assert not out.exists()
    assert leftovers(tmp_path) == []


def test_cancel_keeps_the_previous_file(tmp_path: Path) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"%PDF- the old good file")
    with pytest.raises(Cancelled):
        build_pdf(
            out, DocumentSpec("T"), [numbered_table(50)], total=50, on_progress=lambda d, t: d == 0
        )
    assert out.read_bytes() == b"%PDF- the old good file"
    assert leftovers(tmp_path) == []


def test_missing_folder_raises_export_failed(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match="does not exist"):
        build_pdf(tmp_path / "nowhere" / "x.pdf", DocumentSpec("T"), [])


def test_target_that_is_a_folder_raises_export_failed(tmp_path: Path) -> None:
    target = tmp_path / "taken.pdf"
    target.mkdir()
    with pytest.raises(ExportFailed, match=r"taken\.pdf"):
        build_pdf(target, DocumentSpec("T"), [numbered_table(5)])
    assert target.is_dir()
    assert leftovers(tmp_path) == []


def test_locked_target_raises_export_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file another program holds open."""

    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("app.exports.kit.atomic.os.replace", refuse)
    with pytest.raises(ExportFailed, match="open elsewhere"):
        build_pdf(tmp_path / "locked.pdf", DocumentSpec("T"), [numbered_table(5)])
    assert not (tmp_path / "locked.pdf").exists()
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(getattr(os, "geteuid", lambda: 1)() == 0, reason="root writes anywhere")
def test_read_only_folder_raises_export_failed(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportFailed, match="read-only"):
            build_pdf(folder / "x.pdf", DocumentSpec("T"), [])
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
