"""The printable factory-audit checklist, gathered once for the CLI and the window: blank, filled
in with one supplier's record and current capacity, or with one of its audits' results.

An audit with nothing answered (a visit planned ahead) has no results: asking for them is
refused with the reason (WorkbenchError), so `checklist --results` and the window say so
instead of printing an empty result sheet; the checklist itself prints for it as always."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.audits.checklist import Audit, ChecklistTemplate, no_results_reason
from app.errors import WorkbenchError

if TYPE_CHECKING:
    from app.services.workbench import Workbench


def write_checklist(
    out: Path,
    template: ChecklistTemplate,
    *,
    workbench: Workbench | None = None,
    supplier_id: int | None = None,
    audit: Audit | None = None,
    paper: str = "A4",
) -> Path:
    """Write the checklist PDF to `out`; without a workbench (or supplier), the blank sheet."""
    from app.exports.audits.checklist_pdf import export_checklist_pdf  # reportlab: on use

    today = workbench.today() if workbench is not None else date.today()
    if audit is not None:
        reason = no_results_reason(audit, today)
        if reason is not None:
            raise WorkbenchError(
                f"{reason} Print the checklist to take to the visit instead (without results)."
            )
    supplier = capacity = None
    if workbench is not None and supplier_id is not None:
        supplier = workbench.suppliers.get(supplier_id)
        capacity = workbench.matrix.current_capacity([supplier_id]).get(supplier_id, {})
    return export_checklist_pdf(
        template,
        out,
        supplier=supplier,
        capacity=capacity,
        audit=audit,
        paper=paper,
        today=today,
    )
