"""The user's paper (Settings: A4 or Letter) reaches every PDF page and workbook page setup."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.services.exporting import ExportRequest, export
from app.services.workbench import Workbench
from tests.exports.pdf_tools import pdf_info
from tests.factories import hengda


def test_letter_paper_reaches_the_pdf_and_the_workbook(db_path: Path, tmp_path: Path) -> None:
    workbench = Workbench(db_path)
    try:
        workbench.suppliers.save(hengda())
        request = ExportRequest("suppliers", paper="Letter")
        pdf = export(workbench, request, tmp_path / "s.pdf")
        xlsx = export(workbench, request, tmp_path / "s.xlsx")
        a4 = export(workbench, ExportRequest("suppliers"), tmp_path / "a4.pdf")
    finally:
        workbench.close()
    assert "612 x 792" in pdf_info(pdf)["Page size"] or "792 x 612" in pdf_info(pdf)["Page size"]
    assert "595" in pdf_info(a4)["Page size"]
    assert load_workbook(xlsx)["Suppliers"].page_setup.paperSize == 1  # Letter
