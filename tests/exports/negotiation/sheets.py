"""Every sheet of workbooks as LibreOffice headless computes them (formulas recalculated),
read back as CSV rows by header (the header's first line, without its Chinese second line)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.exports.libreoffice import csv_rows

# comma, double quote, UTF-8, first line 1, ..., cell contents NOT as shown (full precision),
# ..., sheet -1: every sheet to its own FILE-SHEET.csv (LibreOffice 7.2 and later).
SHEETS = ("Comparison", "Inputs", "Breaks", "Notes")
ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def recalculated(files: list[Path], tmp_path: Path) -> dict[Path, dict[str, list[list[str]]]]:
    """{workbook: {sheet name: rows}} for each workbook, all converted in one LibreOffice run."""
    out = tmp_path / "recalculated"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            ALL_SHEETS,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return {
        path: {name: csv_rows(out / f"{path.stem}-{name}.csv") for name in SHEETS} for path in files
    }


def table(rows: list[list[str]]) -> list[dict[str, str]]:
    """Rows under the header row as dicts keyed by each header's first line; stops at the
    first row whose first cell is empty (the notes below the table)."""
    header = [cell.split("\n")[0] for cell in rows[0]]
    found = []
    for row in rows[1:]:
        if not row or not row[0]:
            break
        found.append(dict(zip(header, row, strict=False)))
    return found
