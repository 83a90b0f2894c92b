"""Workbooks print well (issue 14: 37 suppliers printed on 21 pages, on Letter, 35 columns
squeezed unreadably): LibreOffice converts an export to PDF and the pages are what the content
needs, A4, with the title and "Page x of y" in the footer."""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl import load_workbook

from app.exports.suppliers.xlsx import export_suppliers_xlsx
from app.services.suppliers.service import SupplierService
from tests.conftest import TODAY
from tests.exports.libreoffice import needs_libreoffice
from tests.exports.pdf_tools import page_count, pdf_text
from tests.factories import hengda, minimal


def _to_pdf(workbook: Path, tmp_path: Path) -> Path:
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return tmp_path / "pdf" / f"{workbook.stem}.pdf"


def _suppliers(supplier_service: SupplierService, count: int) -> list:
    supplier_service.insert_many(
        [
            hengda(),
            *(
                minimal(f"义乌市第{n}工艺品厂", f"Yiwu Crafts {n}", city="义乌")
                for n in range(count - 1)
            ),
        ]
    )
    return supplier_service.all_records()


def test_every_sheet_has_a_page_setup(supplier_service: SupplierService, tmp_path: Path) -> None:
    out = export_suppliers_xlsx(_suppliers(supplier_service, 4), tmp_path / "s.xlsx", today=TODAY)
    for ws in load_workbook(out):
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
        assert "Page &P of &N" in ws.oddFooter.right.text
        assert ws.print_area


@needs_libreoffice
def test_37_suppliers_print_on_a_few_a4_pages(
    supplier_service: SupplierService, tmp_path: Path
) -> None:
    out = export_suppliers_xlsx(_suppliers(supplier_service, 37), tmp_path / "s.xlsx", today=TODAY)
    pdf = _to_pdf(out, tmp_path)
    # The Suppliers sheet: 28 columns readable across 3 landscape pages, 37 rows on one page
    # tall; then one page each for contacts, certifications and red flags (21 before).
    assert page_count(pdf) <= 6
    text = pdf_text(pdf)
    assert "Page 1 of" in text and "Sourcing Workbench · Suppliers" in text
    assert "义乌市恒达工艺品厂" in text
