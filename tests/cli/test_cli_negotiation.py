"""`import quotes`, `template quotes` and `export negotiation` on the command line: results
printed in one line, problems on stderr in one line (an import lists its bad rows), and a dry
run that leaves the database file byte for byte as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main
from app.domain.samples.sample import Product
from app.services.samples.service import SampleService
from app.services.suppliers.service import SupplierService
from app.store.db import Database
from app.store.opening import open_database_file
from tests.factories import hengda

DEMO_PRODUCTS = ("帆布托特包", "磁吸手机支架", "硅胶解压玩具", "500毫升保温杯")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _quotes_in(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM quotes").fetchone()[0]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    """Hengda (the template's supplier) and one product; closed, so its file is settled."""
    path = tmp_path / "small.sqlite3"
    open_database_file(path)
    database = Database(path)
    try:
        SupplierService(database).save(hengda())
        SampleService(database).save_product(Product(name="Phone stand", name_zh="手机支架"))
    finally:
        database.close()
    return path


@pytest.fixture
def template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    out = tmp_path / "quotes-template.xlsx"
    assert main(["template", "quotes", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Wrote the quotes import template to {out}\n"
    return out


def test_template_then_dry_run_then_import_twice(
    small_db: Path, template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load_workbook(template).sheetnames[0] == "Quotes"
    before = _digest(small_db)
    args = ["import", "quotes", str(template), "--db", str(small_db)]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "Dry run, nothing written: 1 new quote, 0 updated, 0 unchanged; 1 new product: 硅胶解压玩具"
    )
    assert _digest(small_db) == before  # not one byte changed
    assert main(args) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"Imported {template} into {small_db}: 1 new quote, 0 updated, 0 unchanged; "
        "1 new product: 硅胶解压玩具"
    )
    assert _quotes_in(small_db) == 1
    assert main(args) == 0
    assert capsys.readouterr().out == (
        f"Imported {template} into {small_db}: 0 new quotes, 0 updated, 1 unchanged\n"
    )
    assert _quotes_in(small_db) == 1


def test_import_quotes_problems(
    small_db: Path, tmp_path: Path, template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("供应商,产品,币种,起批量,单价\n不存在的工厂,手机支架,CNY,2,3.20\n", "utf-8")
    assert main(["import", "quotes", str(bad), "--db", str(small_db)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "error: Nothing was imported. Fix these rows and try again:",
        "row 2, column 供应商: no supplier is called '不存在的工厂': add it on the Suppliers "
        "tab (or import suppliers) first",
    ]
    missing = tmp_path / "missing.sqlite3"
    assert main(["import", "quotes", str(template), "--db", str(missing)]) == 1
    err = capsys.readouterr().err
    assert err == f"error: {missing} does not exist: add or import the suppliers first.\n"
    assert not missing.exists()
    assert main(["import", "quotes", str(tmp_path / "nope.xlsx"), "--db", str(small_db)]) == 1
    assert capsys.readouterr().err == f"error: {tmp_path / 'nope.xlsx'} does not exist.\n"
    assert main(["template", "quotes", "--out", str(tmp_path / "t.csv")]) == 1
    assert capsys.readouterr().err == (
        "error: Cannot write the template to 't.csv': name the file .xlsx.\n"
    )
    assert _quotes_in(small_db) == 0


def test_export_negotiation_of_one_product_to_xlsx(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "stand.xlsx"
    args = ["export", "negotiation", "--db", str(demo_db), "--out", str(out)]
    assert main([*args, "--product", "磁吸手机支架"]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith(f"Exported negotiation to {out} (") and printed.endswith(" KB)")
    assert out.is_file()


def test_export_negotiation_of_every_product_to_pdf(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.pdf"
    assert main(["export", "negotiation", "--db", str(demo_db), "--out", str(out)]) == 0
    assert "Exported negotiation to" in capsys.readouterr().out
    assert out.read_bytes().startswith(b"%PDF")


def test_export_negotiation_errors_are_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", "negotiation", "--db", str(demo_db), "--out", str(tmp_path / "n.xlsx")]
    before = _digest(demo_db)
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: An .xlsx holds one product's quotes")
    assert all(name in err for name in DEMO_PRODUCTS) and "--product" in err
    assert main([*args, "--product", "no such thing"]) == 1
    assert capsys.readouterr().err == "error: No product is called 'no such thing'.\n"
    supplier_export = ["export", "suppliers", "--db", str(demo_db), "--product", "1"]
    assert main([*supplier_export, "--out", str(tmp_path / "s.xlsx")]) == 2
    assert capsys.readouterr().err == "error: --product applies to samples and negotiation\n"
    assert not (tmp_path / "n.xlsx").exists() and not (tmp_path / "s.xlsx").exists()
    assert _digest(demo_db) == before  # exports read only
