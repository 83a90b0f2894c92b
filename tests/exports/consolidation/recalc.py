"""Workbooks as LibreOffice computes them: opened headless, formulas recalculated, saved as
.xlsx again, so the values it computed can be read back cell by cell (every sheet)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook import Workbook


def recalculated(files: list[Path], tmp_path: Path) -> dict[Path, Workbook]:
    """Each workbook as LibreOffice saved it after computing it (values, not formulas)."""
    converted = tmp_path / "recalculated"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(converted),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {path: load_workbook(converted / path.name, data_only=True) for path in files}
