"""The shared export helper: user text is always stored as text, and table sheets are tidy."""

import os
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet import _writer

from app.exports.kit.xlsx_cells import (
    MAX_CELL_TEXT,
    TableColumn,
    add_table_sheet,
    clean_text,
    column_width,
    protect_row,
    safe_value,
    set_text,
    text_cell,
    write_only_workbook,
)

FORMULA = '=HYPERLINK("http://x","y")'


def test_plain_values_pass_through_unwrapped() -> None:
    ws = Workbook(write_only=True).create_sheet()
    for value in ("义乌市恒达工艺品厂", "+86 138 0000 1234", "-5", "@home", 3, None):
        assert safe_value(ws, value) is value


@pytest.mark.parametrize("text", [FORMULA, "=1+1", "#N/A", "#REF!", "a\x0bb"])
def test_risky_text_becomes_a_literal_text_cell(text: str) -> None:
    ws = Workbook(write_only=True).create_sheet()
    cell = safe_value(ws, text)
    assert cell.data_type == "s"
    assert cell.value == text.replace("\x0b", " ")


def test_clean_text_removes_control_characters_and_cuts_overlong_text() -> None:
    assert clean_text("a\x00b\x1fc\td\ne") == "a b c\td\ne"
    long = clean_text("长" * (MAX_CELL_TEXT + 10))
    assert len(long) == MAX_CELL_TEXT
    assert long.endswith("…")


def test_protect_row_wraps_only_what_needs_it() -> None:
    ws = Workbook(write_only=True).create_sheet()
    row = protect_row(ws, [1, "plain", FORMULA, None])
    assert row[:2] == [1, "plain"] and row[3] is None
    assert row[2].data_type == "s" and row[2].value == FORMULA


def test_a_saved_table_sheet_keeps_text_literal_with_frozen_header_and_filter(
    tmp_path: Path,
) -> None:
    out = tmp_path / "table.xlsx"
    with write_only_workbook() as workbook:
        columns = [TableColumn("Name", 30), TableColumn("供应商名称", 4), TableColumn("Count", 8)]
        ws = add_table_sheet(workbook, "Things", columns, row_count=2)
        ws.append(protect_row(ws, [FORMULA, "恒达", 3]))
        ws.append(protect_row(ws, ["#DIV/0!", "=A1", 4]))
        workbook.save(out)

    sheet = load_workbook(out)["Things"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C3"
    assert sheet["A1"].value == "Name" and sheet["A1"].font.b
    assert sheet.column_dimensions["A"].width == 30
    assert sheet.column_dimensions["B"].width == column_width("供应商名称", 4) == 13
    assert [(c.value, c.data_type) for c in sheet[2]] == [(FORMULA, "s"), ("恒达", "s"), (3, "n")]
    assert [(c.value, c.data_type) for c in sheet[3]] == [("#DIV/0!", "s"), ("=A1", "s"), (4, "n")]
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_set_text_on_a_normal_worksheet(tmp_path: Path) -> None:
    workbook = Workbook()
    ws = workbook.active
    set_text(ws["A1"], FORMULA)
    set_text(ws["A2"], "#N/A")
    set_text(ws["A3"], "plain")
    workbook.save(tmp_path / "normal.xlsx")
    sheet = load_workbook(tmp_path / "normal.xlsx").active
    assert [(c.value, c.data_type) for (c,) in sheet["A1:A3"]] == [
        (FORMULA, "s"),
        ("#N/A", "s"),
        ("plain", "s"),
    ]


def test_text_cell_is_text_even_for_a_header() -> None:
    cell = text_cell(Workbook(write_only=True).create_sheet(), "=SUM(1)")
    assert cell.data_type == "s"


def test_an_abandoned_workbook_leaves_no_temporary_files() -> None:
    before = set(_writer.ALL_TEMP_FILES)
    with pytest.raises(RuntimeError), write_only_workbook() as workbook:
        ws = add_table_sheet(workbook, "A", [TableColumn("x", 5)], row_count=1)
        ws.append([1])
        created = set(_writer.ALL_TEMP_FILES) - before
        assert created and all(os.path.exists(path) for path in created)
        raise RuntimeError("stop")
    assert not any(os.path.exists(path) for path in created)
