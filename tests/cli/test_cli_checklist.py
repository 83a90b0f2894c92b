"""`checklist` on the command line: blank, for a supplier, its latest audit's results, and the
same one-line errors as the other commands."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.cli import main
from app.domain.audits.checklist import Answer, Auditor, Verdict
from app.domain.matrix.capacity import Dimension, FactSource
from app.services.audits.service import AuditService
from app.services.matrix.service import MatrixService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from tests.conftest import TODAY
from tests.exports.pdf_tools import flat, page_count, pdf_info, pdf_text
from tests.factories import hengda, minimal

NAME_ZH = "义乌市恒达工艺品厂"


@pytest.fixture
def checklist_db(db_path: Path) -> Path:
    """Hengda with a capacity fact and no audit yet, and a second supplier; closed again."""
    database = Database(db_path)
    try:
        suppliers = SupplierService(database, today=lambda: TODAY)
        hengda_id = suppliers.save(hengda()).created[0]
        suppliers.save(minimal("广州美妆包装厂"))
        MatrixService(database, today=lambda: TODAY).record_capacity_fact(
            hengda_id,
            Dimension.MONTHLY_CAPACITY,
            Decimal("80000"),
            FactSource.SUPPLIER_WORD,
            observed_on=date(2026, 10, 2),
        )
    finally:
        database.close()
    return db_path


def add_audit(db_path: Path, name: str) -> None:
    database = Database(db_path)
    try:
        supplier_id = SupplierService(database, today=lambda: TODAY).find_id(name)
        audits = AuditService(database, today=lambda: TODAY)
        audit = audits.start_audit(
            supplier_id, audited_on=date(2026, 11, 20), auditor=Auditor.SGS, auditor_name="李伟"
        )
        assert audit.id is not None
        audits.save_answers(
            audit.id,
            [
                Answer("documents.business_licence", verdict=Verdict.PASS, remark="原件已核对"),
                Answer("capacity.employees", number=Decimal("85")),
            ],
        )
    finally:
        database.close()


def _checklist(db: Path, out: Path, *extra: str) -> int:
    return main(["checklist", "--db", str(db), "--out", str(out), *extra])


def _one_line_error(capsys: pytest.CaptureFixture[str], expected: str) -> None:
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("error: "), error
    assert expected in error, error


def test_blank_checklist(
    checklist_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "blank.pdf"
    assert _checklist(checklist_db, out) == 0
    assert capsys.readouterr().out.strip() == f"Exported the blank checklist to {out}"
    assert pdf_info(out)["Page size"] == "595.276 x 841.89 pts (A4)"
    text = flat(pdf_text(out))
    assert "Blank checklist" in text and "Chinese name 中文名称" in text
    assert "营业执照真实有效" in text  # the default template's first document item
    assert NAME_ZH not in text


def test_supplier_checklist_on_letter_paper(
    checklist_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "hengda.pdf"
    assert _checklist(checklist_db, out, "--supplier", NAME_ZH, "--paper", "letter") == 0
    assert f"Exported the checklist for {NAME_ZH}" in capsys.readouterr().out
    assert pdf_info(out)["Page size"] == "612 x 792 pts (letter)"
    for page in range(1, page_count(out) + 1):
        assert NAME_ZH in pdf_text(out, page)
    text = flat(pdf_text(out))
    assert "80,000 pieces" in text and "Supplier's word" in text and "2026-10-02" in text


def test_supplier_by_id(checklist_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "by-id.pdf"
    assert _checklist(checklist_db, out, "--supplier", "1") == 0
    assert NAME_ZH in pdf_text(out)


def test_results_of_the_latest_audit(
    checklist_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_audit(checklist_db, NAME_ZH)
    out = tmp_path / "results.pdf"
    assert _checklist(checklist_db, out, "--supplier", NAME_ZH, "--results") == 0
    assert "Exported the results of the 2026-11-20 audit" in capsys.readouterr().out
    text = flat(pdf_text(out))
    for value in [
        "Results of the audit on 2026-11-20",
        "SGS · 李伟",
        "100.0 % (1 of 1 pass/fail answers passed)",
        "Remark 备注: 原件已核对",
        "85 people",
    ]:
        assert value in text, value


def test_results_without_an_audit_is_a_one_line_error(
    checklist_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.pdf"
    assert _checklist(checklist_db, out, "--supplier", "广州美妆包装厂", "--results") == 1
    _one_line_error(capsys, "广州美妆包装厂 has no audit yet")
    assert not out.exists()


def test_an_unknown_supplier_is_a_one_line_error(
    checklist_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nobody.pdf"
    assert _checklist(checklist_db, out, "--supplier", "Nobody Ltd") == 1
    _one_line_error(capsys, "No supplier is called 'Nobody Ltd'")
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [("checklist.xlsx", "name the file .pdf"), ("no-such-folder/c.pdf", "does not exist")],
)
def test_a_bad_target_is_a_one_line_error(
    checklist_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    message: str,
) -> None:
    out = tmp_path / name
    assert _checklist(checklist_db, out, "--supplier", NAME_ZH) == 1
    _one_line_error(capsys, message)
    assert not out.exists()


def test_a_missing_database_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert _checklist(missing, tmp_path / "c.pdf", "--supplier", NAME_ZH) == 1
    _one_line_error(capsys, "does not exist")
    assert not missing.exists()


@pytest.mark.parametrize(
    "extra", [["--results"], ["--paper", "A5"], ["--supplier"]], ids=["results", "A5", "no-value"]
)
def test_usage_errors_exit_2(
    checklist_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str]
) -> None:
    try:
        code = _checklist(checklist_db, tmp_path / "c.pdf", *extra)
    except SystemExit as stop:  # argparse's own usage errors
        code = int(stop.code or 0)
    assert code == 2
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "c.pdf").exists()


def test_the_blank_checklist_needs_no_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite3"
    out = tmp_path / "blank.pdf"
    assert _checklist(missing, out) == 0
    assert "Blank checklist" in pdf_text(out)
    assert not missing.exists()


def test_results_of_a_planned_audit_say_so_instead_of_an_empty_sheet(
    checklist_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13: a visit planned ahead with nothing answered has no results to print."""
    from datetime import timedelta

    database = Database(checklist_db)
    try:
        supplier_id = SupplierService(database).find_id(NAME_ZH)
        AuditService(database).start_audit(supplier_id, audited_on=date.today() + timedelta(12))
    finally:
        database.close()
    out = tmp_path / "results.pdf"
    assert _checklist(checklist_db, out, "--supplier", NAME_ZH, "--results") == 1
    _one_line_error(capsys, "is planned (in 12 days) and nothing is answered yet")
    assert not out.exists()
    assert _checklist(checklist_db, out, "--supplier", NAME_ZH) == 0  # the checklist prints
