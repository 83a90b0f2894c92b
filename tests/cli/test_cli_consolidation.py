"""The consolidation commands: `template parcels|rates`, `import parcels|rates` (with --dry-run),
and `export consolidation [--shipment]`; every problem one line on stderr, exit 1."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import TEMPLATES, main
from app.services.workbench import Workbench
from tests.db_rows import query
from tests.factories import hengda

SEA = "十月海运 October sea"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def _count(db: Path, table: str) -> int:
    return query(db, f"SELECT count(*) FROM {table}")[0][0]


def test_every_template_kind_is_registered_in_one_place() -> None:
    assert {"quotes", "parcels", "rates"} <= set(TEMPLATES)


def test_the_templates_have_bilingual_headers_and_examples(tmp_path: Path, capsys) -> None:
    for kind in ("parcels", "rates"):
        out = tmp_path / f"{kind}.xlsx"
        assert main(["template", kind, "--out", str(out)]) == 0
        assert capsys.readouterr().out.strip() == f"Wrote the {kind} import template to {out}"
        sheet = load_workbook(out).worksheets[0]
        headers = [cell.value for cell in sheet[1]]
        assert all(" / " in header for header in headers)
        assert sheet.max_row >= 3  # examples below the header
    rates = load_workbook(tmp_path / "rates.xlsx").worksheets[0]
    assert {row[1] for row in rates.iter_rows(min_row=2, values_only=True)} >= {"EMS"}


def test_a_template_must_be_xlsx(tmp_path: Path, capsys) -> None:
    assert main(["template", "rates", "--out", str(tmp_path / "rates.csv")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "name the file .xlsx" in error


def test_rates_then_parcels_import_and_reimport_without_duplicates(tmp_path: Path, capsys) -> None:
    db = tmp_path / "w.sqlite3"
    rates, parcels = tmp_path / "rates.xlsx", tmp_path / "parcels.xlsx"
    assert main(["template", "rates", "--out", str(rates)]) == 0
    assert main(["template", "parcels", "--out", str(parcels)]) == 0
    capsys.readouterr()
    assert main(["import", "rates", str(rates), "--db", str(db), "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("Dry run, nothing written: 2 new lines")
    assert not db.exists()  # a dry run creates no database
    assert main(["import", "rates", str(rates), "--db", str(db)]) == 0
    assert "2 new lines, 0 updated, 0 unchanged, 1 new agent" in capsys.readouterr().out
    workbench = Workbench(db)
    try:
        workbench.suppliers.save(hengda())
    finally:
        workbench.close()
    assert main(["import", "parcels", str(parcels), "--db", str(db), "--dry-run"]) == 0
    assert _count(db, "parcels") == 0
    assert main(["import", "parcels", str(parcels), "--db", str(db)]) == 0
    assert main(["import", "parcels", str(parcels), "--db", str(db)]) == 0
    assert main(["import", "rates", str(rates), "--db", str(db)]) == 0
    printed = capsys.readouterr().out
    assert "0 new parcels, 0 updated, 2 unchanged" in printed
    assert "0 new lines, 0 updated, 2 unchanged" in printed
    assert (_count(db, "parcels"), _count(db, "shipping_lines"), _count(db, "agents")) == (2, 2, 1)


def test_a_bad_parcel_file_imports_nothing_and_lists_its_rows(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    with open(bad, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["运单号", "重量", "长", "宽", "高"], ["YT1", "x", 1, 1, 1]])
    db = tmp_path / "w.sqlite3"
    assert main(["import", "parcels", str(bad), "--db", str(db)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: Nothing was imported. Fix these rows and try again:")
    assert "row 2, column weight_kg (重量): 'x' is not a number" in error
    assert _count(db, "parcels") == 0


def test_a_missing_import_file_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["import", "rates", str(tmp_path / "none.xlsx"), "--db", str(tmp_path / "w")]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "does not exist" in error


def test_export_the_waiting_parcels_and_a_shipment(demo_db: Path, tmp_path: Path, capsys) -> None:
    waiting, shipment = tmp_path / "waiting.xlsx", tmp_path / "sea.pdf"
    assert main(["export", "consolidation", "--db", str(demo_db), "--out", str(waiting)]) == 0
    assert capsys.readouterr().out.startswith(f"Exported consolidation to {waiting} (")
    assert (
        main(
            [
                "export",
                "consolidation",
                "--db",
                str(demo_db),
                "--out",
                str(shipment),
                "--shipment",
                SEA,
            ]
        )
        == 0
    )
    assert shipment.read_bytes().startswith(b"%PDF")
    by_id = tmp_path / "by-id.xlsx"
    assert (
        main(
            [
                "export",
                "consolidation",
                "--db",
                str(demo_db),
                "--out",
                str(by_id),
                "--shipment",
                "2",
            ]
        )
        == 0
    )


def test_export_errors_are_one_line(demo_db: Path, tmp_path: Path, capsys) -> None:
    out = str(tmp_path / "x.xlsx")
    assert (
        main(["export", "consolidation", "--db", str(demo_db), "--out", out, "--shipment", "Jan"])
        == 1
    )
    error = capsys.readouterr().err
    assert error == "error: No shipment is called 'Jan'.\n"
    assert main(["export", "suppliers", "--db", str(demo_db), "--out", out, "--shipment", "1"]) == 2
    assert "--shipment applies to consolidation" in capsys.readouterr().err
