"""`export samples` and the photo side of `check` on the command line, over the demo database
(its samples all have photos)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image

from app.cli import main
from app.store.photos.store import PhotoStore, photos_folder
from tests.exports.pdf_tools import flat, page_count, pdf_text

DEMO_PRODUCTS = ("帆布托特包", "磁吸手机支架", "硅胶解压玩具", "500毫升保温杯")  # by English name


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["demo", "--db", str(path)]) == 0
    return path


@pytest.fixture
def copy_db(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo database and its photos (backed up, then restored), to damage."""
    backup, copy = tmp_path / "demo.backup", tmp_path / "copy.sqlite3"
    assert main(["backup", "--db", str(demo_db), "--out", str(backup)]) == 0
    assert main(["restore", str(backup), "--db", str(copy)]) == 0
    assert photos_folder(copy).is_dir()
    return copy


def _export(db: Path, out: Path) -> int:
    return main(["export", "samples", "--db", str(db), "--out", str(out)])


def test_export_samples_to_xlsx_with_a_thumbnail_per_sample(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "samples.xlsx"
    assert _export(demo_db, out) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith(f"Exported samples to {out} (") and printed.endswith(" KB)")
    workbook = load_workbook(out)
    assert [name.split(" · ")[0] for name in workbook.sheetnames] == list(DEMO_PRODUCTS)
    with zipfile.ZipFile(out) as archive:
        media = [n for n in archive.namelist() if n.startswith("xl/media/")]
    assert len(media) == 15  # every demo sample has a cover photo


def test_export_samples_to_pdf_a_page_per_product(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "samples.pdf"
    assert _export(demo_db, out) == 0
    assert "Exported samples to" in capsys.readouterr().out
    assert page_count(out) == 4
    text = flat(pdf_text(out))
    for name in (*DEMO_PRODUCTS, "东莞市恒通五金塑胶制品有限公司", "★ GOLDEN SAMPLE"):
        assert name in text
    assert "Not the product in the listing photos: rejected." in text


def test_export_samples_errors_are_one_line(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(demo_db, tmp_path / "samples.csv") == 1
    assert capsys.readouterr().err == (
        "error: Cannot export to 'samples.csv': name the file .xlsx or .pdf.\n"
    )
    assert _export(tmp_path / "missing.sqlite3", tmp_path / "s.pdf") == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert not (tmp_path / "s.pdf").exists() and not (tmp_path / "missing.sqlite3").exists()


def test_check_of_the_demo_with_its_photos_is_clean(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--db", str(demo_db)]) == 0
    assert capsys.readouterr().out.strip() == f"ok: {demo_db}"


def test_check_lists_an_orphan_and_a_missing_photo(
    copy_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = PhotoStore(copy_db)
    stray_photo = tmp_path / "not-attached.jpg"
    Image.new("RGB", (64, 48), (10, 200, 10)).save(stray_photo)
    orphan = store.import_file(stray_photo)  # in the store, but no record shows it
    gone = sorted(store.all_hashes() - {orphan.hash})[0]
    store.path_of(gone).unlink()
    assert main(["check", "--db", str(copy_db)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"problem: photo not used by any record: {orphan.stored_path}" in err
    [missing] = [line for line in err if "photo missing" in line]
    assert missing.startswith(f"problem: photo missing from {store.folder}: {gone} (")
    assert " on sample " in missing
    assert err[-1].startswith(f"error: {copy_db} has ") and err[-1].endswith(" problem(s)")


def test_check_of_a_database_without_its_photo_folder_says_so_once(
    copy_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(photos_folder(copy_db))
    assert main(["check", "--db", str(copy_db)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert err[0] == (
        f"problem: the photo folder {photos_folder(copy_db)} does not exist: 45 photo(s) that "
        "records refer to are missing (was the database copied or moved without it?)"
    )
