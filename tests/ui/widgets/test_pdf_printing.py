"""Printing a PDF the app made: every page reaches the printer, upright and filled."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from app.errors import WorkbenchError
from app.exports.suppliers.pdf import export_suppliers_pdf
from app.ui.widgets.pdf_printing import _printer_for, page_count, paint_pdf
from tests.conftest import TODAY
from tests.factories import hengda, minimal


@pytest.fixture
def report(tmp_path: Path) -> Path:
    suppliers = [hengda(id=1)] + [
        minimal(f"供应商{i}", f"Supplier {i}", id=i) for i in range(2, 90)
    ]
    return export_suppliers_pdf(suppliers, tmp_path / "suppliers.pdf", today=TODAY)


def test_every_page_is_printed_in_the_pdfs_orientation(qtbot, report: Path, tmp_path: Path) -> None:
    printer = _printer_for(report)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = paint_pdf(report, printer)
    assert pages == page_count(report) > 1
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True).stdout
    assert int(info.split("Pages:")[1].split()[0]) == pages
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # the supplier report is landscape A4, and so is the print
    assert abs(width - 842) < 2 and abs(height - 595) < 2


def test_a_file_that_is_not_a_pdf_gives_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "not.pdf"
    bogus.write_text("hello")
    with pytest.raises(WorkbenchError, match=r"Cannot open .*not\.pdf for printing"):
        page_count(bogus)
