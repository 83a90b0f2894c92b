"""Reading one table of an import file, shared by the importers: a .csv (UTF-8 with or without
BOM, UTF-16, GB18030/GBK; comma, semicolon or tab), or one sheet of an .xlsx chosen by name.

The cell reading itself is the supplier importer's (app.services.suppliers.import_files), so
every importer sees a cell the same way: dates as dates, 45.5 % as '45.5%', apostrophes that
protect formulas in a CSV removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.errors import WorkbenchError
from app.exports.suppliers.columns import header_key
from app.services.suppliers.import_files import (
    HEADER_SEARCH_ROWS,
    SUFFIXES,
    Table,
    column_letter,
    filled,
    read_csv_table,
)
from app.services.suppliers.import_files import _xlsx_table as xlsx_table

__all__ = [
    "HEADER_SEARCH_ROWS",
    "SUFFIXES",
    "Table",
    "column_letter",
    "filled",
    "read_table",
]


def read_table(path: Path, sheet_names: Sequence[str] = ()) -> Table:
    """The table of a .csv file, or of the .xlsx sheet named one of `sheet_names` (compared
    like headers: case, spaces, _ and - do not matter), else of its first sheet."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise WorkbenchError(
            f"Cannot import '{path.name}': save it as an Excel workbook (.xlsx) or as CSV (.csv)."
        )
    if not path.is_file():
        raise WorkbenchError(f"{path} does not exist.")
    if suffix == ".csv":
        return read_csv_table(path)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            return xlsx_table(_sheet(workbook, sheet_names))
        finally:
            workbook.close()
    except WorkbenchError:
        raise
    except Exception as error:  # a damaged or foreign file fails in many ways inside openpyxl
        raise WorkbenchError(
            f"Cannot read '{path.name}': it is not an Excel workbook (.xlsx) or it is damaged"
            f" ({type(error).__name__})."
        ) from None


def _sheet(workbook: Any, names: Sequence[str]) -> Any:
    wanted = {header_key(name) for name in names}
    for ws in workbook.worksheets:
        if header_key(ws.title) in wanted:
            return ws
    return workbook.worksheets[0]
