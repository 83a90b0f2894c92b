"""The checklist as paper: export to PDF (then offer to open it), print preview and print.

One function writes the PDF (blank, for the supplier, or with an audit's results); preview and
print show that same file, so what is previewed is exactly what is exported.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.audits.checklist import Audit, ChecklistTemplate
from app.errors import WorkbenchError
from app.services.audits.checklist import write_checklist
from app.services.workbench import Workbench
from app.ui.widgets.open_file import offer_to_open


def export_and_offer_to_open(
    parent: QWidget,
    workbench: Workbench,
    suggested_name: str,
    template: ChecklistTemplate,
    supplier_id: int | None,
    audit: Audit | None = None,
    paper: str = "A4",
) -> Path | None:
    suggested = workbench.path.parent / suggested_name
    title = QCoreApplication.translate("ChecklistOutput", "Export checklist")
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF (*.pdf)")
    if not name:
        return None
    out = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    try:
        write_checklist(
            out, template, workbench=workbench, supplier_id=supplier_id, audit=audit, paper=paper
        )
    except WorkbenchError as error:
        QMessageBox.warning(parent, title, str(error))
        return None
    saved = QCoreApplication.translate("ChecklistOutput", "Saved the checklist to {file}.")
    offer_to_open(parent, out, saved.format(file=out.name))
    return out


def print_checklist(
    parent: QWidget,
    workbench: Workbench,
    template: ChecklistTemplate,
    supplier_id: int | None,
    audit: Audit | None = None,
    *,
    preview: bool = True,
    paper: str = "A4",
) -> None:
    from app.ui.widgets import pdf_printing

    with tempfile.TemporaryDirectory(prefix="workbench-checklist-") as folder:
        out = Path(folder) / "checklist.pdf"
        try:
            write_checklist(
                out,
                template,
                workbench=workbench,
                supplier_id=supplier_id,
                audit=audit,
                paper=paper,
            )
            if preview:
                pdf_printing.preview_pdf(out, parent)
            else:
                pdf_printing.print_pdf(out, parent)
        except WorkbenchError as error:
            title = QCoreApplication.translate("ChecklistOutput", "Print checklist")
            QMessageBox.warning(parent, title, str(error))
