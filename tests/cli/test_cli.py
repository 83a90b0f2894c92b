import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli import main


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _suppliers_in(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM suppliers").fetchone()[0]


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def test_demo_fills_a_new_database_once(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _suppliers_in(demo_db) >= 30
    before = _suppliers_in(demo_db)
    assert main(["demo", "--db", str(demo_db)]) == 1
    assert "error:" in capsys.readouterr().err
    assert _suppliers_in(demo_db) == before


def test_db_option_also_works_before_the_command(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(demo_db), "check"]) == 0
    assert capsys.readouterr().out.startswith("ok:")


def test_export_both_formats(demo_db: Path, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "s.xlsx", tmp_path / "s.pdf"
    assert main(["export", "suppliers", "--db", str(demo_db), "--out", str(xlsx)]) == 0
    assert main(["export", "suppliers", "--db", str(demo_db), "--out", str(pdf)]) == 0
    sheet = load_workbook(xlsx)["Suppliers"]
    assert sheet.max_row == _suppliers_in(demo_db) + 1
    assert pdf.read_bytes().startswith(b"%PDF")


def test_export_to_an_unknown_format_is_a_user_error(demo_db: Path, tmp_path: Path, capsys) -> None:
    assert (
        main(["export", "suppliers", "--db", str(demo_db), "--out", str(tmp_path / "s.csv")]) == 1
    )
    assert ".xlsx or .pdf" in capsys.readouterr().err
    assert not (tmp_path / "s.csv").exists()


def test_export_from_a_missing_database_creates_nothing(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "missing.sqlite3"
    assert (
        main(["export", "suppliers", "--db", str(missing), "--out", str(tmp_path / "s.xlsx")]) == 1
    )
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()


def test_import_good_and_bad_files(tmp_path: Path, capsys) -> None:
    db = tmp_path / "import.sqlite3"
    good = tmp_path / "good.csv"
    good.write_text(
        "name_zh,name_en,province,city\n义乌市恒达工艺品厂,Hengda,浙江,义乌\n", encoding="utf-8"
    )
    assert main(["import", "suppliers", str(good), "--db", str(db)]) == 0
    assert _suppliers_in(db) == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("name_zh,reorder_rate\n好的工厂,50\n坏的工厂,abc\n", encoding="utf-8")
    assert main(["import", "suppliers", str(bad), "--db", str(db)]) == 1
    error = capsys.readouterr().err
    assert "row 3" in error and "abc" in error
    assert _suppliers_in(db) == 1


def test_backup_then_check_the_copy(demo_db: Path, tmp_path: Path, capsys) -> None:
    copy = tmp_path / "backups" / "copy.backup"
    assert main(["backup", "--db", str(demo_db), "--out", str(copy)]) == 0
    assert _suppliers_in(copy / "database.sqlite3") == _suppliers_in(demo_db)
    assert main(["check", "--db", str(copy)]) == 0


def test_check_refuses_a_file_that_is_not_a_database_and_leaves_it(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("shopping list\n", encoding="utf-8")
    digest = _digest(notes)
    assert main(["check", "--db", str(notes)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a Sourcing Workbench database" in err
    assert _digest(notes) == digest


def test_screenshot_writes_a_png(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "suppliers.png"
    assert main(["screenshot", "--db", str(demo_db), "--tab", "suppliers", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"\x89PNG")
    assert (
        main(["screenshot", "--db", str(demo_db), "--tab", "no-such-tab", "--out", str(out)]) == 1
    )


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "nonsense", "--out", "x.xlsx"])
    assert caught.value.code == 2


def test_a_real_process_prints_one_line_and_no_traceback(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    result = subprocess.run(
        [sys.executable, "-m", "app", "check", "--db", str(empty)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"error: {empty} is not a Sourcing Workbench database."
    ]
    assert empty.stat().st_size == 0


def test_screenshot_works_while_the_app_has_the_database_open(
    demo_db: Path, tmp_path: Path
) -> None:
    from app.ui.session import open_session

    session = open_session(demo_db, create=False)  # as an open window holds it
    try:
        out = tmp_path / "while-open.png"
        assert main(["screenshot", "--db", str(demo_db), "--out", str(out)]) == 0
        assert out.stat().st_size > 10_000
    finally:
        session.close()


def test_import_twice_updates_instead_of_doubling_and_says_what_changed(
    tmp_path: Path, capsys
) -> None:
    db = tmp_path / "import.sqlite3"
    source = tmp_path / "list.csv"
    source.write_text(
        "供应商名称,城市,店铺链接,回头率\n义乌市恒达工艺品厂,义乌,https://hengda.1688.com,41\n"
        "晋江市鸿星鞋业有限公司,晋江,,30\n",
        encoding="utf-8",
    )
    assert main(["import", "suppliers", str(source), "--db", str(db)]) == 0
    assert "2 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    source.write_text(
        "供应商名称,城市,店铺链接,回头率\n恒达工艺品厂,义乌,http://www.hengda.1688.com/,45\n"
        "晋江市鸿星鞋业有限公司,晋江,,30\n鸿星鞋业,泉州,,\n",
        encoding="utf-8",
    )
    assert main(["import", "suppliers", str(source), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert (
        "1 new, 1 updated, 1 unchanged; 1 looks like an existing supplier:"
        " row 4 '鸿星鞋业' ~ '晋江市鸿星鞋业有限公司'"
    ) in out
    assert "回头率: 41 → 45" in out
    assert _suppliers_in(db) == 3


def test_import_dry_run_writes_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "import.sqlite3"
    first = tmp_path / "first.csv"
    first.write_text("name_zh,city,reorder_rate\n恒达,义乌,41\n", encoding="utf-8")
    assert main(["import", "suppliers", str(first), "--db", str(db)]) == 0
    capsys.readouterr()
    before = _digest(db)
    second = tmp_path / "second.csv"
    second.write_text("name_zh,city,reorder_rate\n恒达,义乌,45\n华强,深圳,\n", encoding="utf-8")
    assert main(["import", "suppliers", str(second), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Dry run, nothing written: 1 new, 1 updated, 0 unchanged\n")
    assert "  row 2 '恒达' (same Chinese name and city): reorder_rate: 41 → 45" in out
    assert _digest(db) == before
    assert _suppliers_in(db) == 1


def test_import_dry_run_on_a_missing_database_creates_nothing(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "missing.sqlite3"
    source = tmp_path / "list.csv"
    source.write_text("name_zh\n恒达\n华强\n", encoding="utf-8")
    assert main(["import", "suppliers", str(source), "--db", str(missing), "--dry-run"]) == 0
    assert "2 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "list.csv"]


def test_a_demo_that_fails_midway_leaves_nothing_and_can_run_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from app.demo import samples

    real = samples.add_demo_photos
    calls: list[int] = []

    def photos_then_a_full_disk(*args, **kwargs) -> int:
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(samples, "add_demo_photos", photos_then_a_full_disk)
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(db)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert len(calls) == 3  # suppliers, matrix, audits and two samples' photos were written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]

    monkeypatch.setattr(samples, "add_demo_photos", real)
    assert main(["demo", "--db", str(db)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "demo.photos", "demo.sqlite3"]
    assert _suppliers_in(db) >= 30
    assert main(["check", "--db", str(db)]) == 0


def test_unknown_columns_are_named_and_kept_in_notes_when_asked(tmp_path: Path, capsys) -> None:
    db = tmp_path / "shop.sqlite3"
    sheet = tmp_path / "s.csv"
    sheet.write_text("Chinese name,City,采购员\n温州新星鞋厂,温州,张三\n", encoding="utf-8")
    assert main(["import", "suppliers", str(sheet), "--db", str(db), "--dry-run"]) == 0
    assert "ignored columns: 采购员" in capsys.readouterr().out
    args = ["import", "suppliers", str(sheet), "--db", str(db), "--keep-unknown-columns"]
    assert main(args) == 0
    import sqlite3

    with sqlite3.connect(db) as connection:
        (notes,) = connection.execute("SELECT notes FROM suppliers").fetchone()
    assert "采购员: 张三" in notes
