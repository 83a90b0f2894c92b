"""Open workbooks in LibreOffice headless, as a partner's spreadsheet would, and read back
what it computed (formulas recalculated) as CSV rows."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed"
)


def convert_to_csv(files: list[Path], tmp_path: Path) -> dict[Path, Path]:
    """Each workbook's first sheet as a UTF-8 CSV file written by LibreOffice."""
    converted = tmp_path / "converted"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",  # comma, quote, UTF-8, first line
            "--outdir",
            str(converted),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return {path: converted / f"{path.stem}.csv" for path in files}


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def csv_dicts(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
