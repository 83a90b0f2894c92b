"""Issue 13: a planned audit (ahead, nothing answered) has no results to print; asking for them
says so instead of writing an empty result sheet. The CLI's `checklist --results` and the
window both print through write_checklist."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.audits.checklist import Answer, Verdict
from app.domain.audits.checklist_default import default_template
from app.errors import WorkbenchError
from app.services.audits.checklist import write_checklist
from app.services.suppliers.service import SupplierService
from app.services.workbench import Workbench
from tests.conftest import TODAY
from tests.exports.pdf_tools import pdf_text
from tests.factories import hengda


@pytest.fixture
def workbench(db_path: Path, supplier_service: SupplierService) -> Iterator[Workbench]:
    supplier_service.insert_many([hengda()])
    supplier_service.database.close()
    opened = Workbench(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


def test_a_planned_audit_is_not_printed_as_results(workbench: Workbench, tmp_path: Path) -> None:
    audit = workbench.audits.start_audit(1, None, TODAY + timedelta(days=12))
    out = tmp_path / "results.pdf"
    with pytest.raises(WorkbenchError) as caught:
        write_checklist(out, default_template(), workbench=workbench, supplier_id=1, audit=audit)
    assert str(caught.value).startswith(
        f"The audit of {audit.audited_on} is planned (in 12 days) and nothing is answered yet: "
        "there are no results to print."
    )
    assert not out.exists()
    write_checklist(out, audit.template, workbench=workbench, supplier_id=1)  # the plan prints
    assert "Factory audit checklist" in pdf_text(out)


def test_once_an_audited_item_is_answered_the_results_print(
    workbench: Workbench, tmp_path: Path
) -> None:
    audit = workbench.audits.start_audit(1, None, TODAY)
    assert audit.id is not None
    key = "documents.business_licence"
    workbench.audits.save_answers(audit.id, [Answer(key, Verdict.PASS)])
    out = tmp_path / "results.pdf"
    answered = workbench.audits.audit(audit.id)
    write_checklist(out, default_template(), workbench=workbench, supplier_id=1, audit=answered)
    assert f"Results of the audit on {TODAY}" in " ".join(pdf_text(out).split())
