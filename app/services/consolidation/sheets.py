"""Reading the parcels and rate-card sheets: columns with bilingual headers, cells read as people
type them, and every problem collected as 'row N, column K: why' (the supplier import's words).

Headers are matched like the supplier import's (case, spaces, _ - % and a trailing colon do not
matter), in English or Chinese, whole or by either half of a bilingual 'zh / en' header, with or
without a unit in brackets ('重量(kg)'). Cells: '12.5kg', '500g', '60cm', '7-12天', tags as
'带电;带磁' or 'battery, magnet', order numbers separated by ; , 、 or spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.domain.consolidation.parcels import RestrictedTag
from app.errors import WorkbenchError
from app.exports.suppliers.columns import header_key, parse_decimal_cell, parse_text
from app.services.importing_kit import HEADER_SEARCH_ROWS, column_letter, filled, read_table
from app.services.suppliers.import_rows import problem_text

_BRACKETS = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_SPLIT = re.compile(r"[;；,，、/\s]+")
_KG = re.compile(r"^(.*?)\s*(kg|kgs|公斤|千克)$", re.IGNORECASE)
_GRAMS = re.compile(r"^(.*?)\s*(g|克)$", re.IGNORECASE)
_CM = re.compile(r"^(.*?)\s*(cm|厘米|公分)$", re.IGNORECASE)
_DAYS = re.compile(r"^(\d+)(?:\s*[-~～至到]\s*(\d+))?\s*(?:天|日|个工作日|工作日|days?|d)?$", re.I)
_PERCENT = re.compile(r"^(.*?)\s*[%％]$")
_EXACT_DIGITS = 15  # a spreadsheet number keeps 15 significant digits; a longer id lost some
_NONE_WORDS = {"", "-", "无", "none", "no", "n/a", "否"}
TAG_WORDS: dict[str, RestrictedTag] = {
    **{tag.value: tag for tag in RestrictedTag},
    **{tag.label.casefold(): tag for tag in RestrictedTag},
    **{tag.label_zh: tag for tag in RestrictedTag},
    "batteries": RestrictedTag.BATTERY,
    "电池": RestrictedTag.BATTERY,
    "带电池": RestrictedTag.BATTERY,
    "内置电池": RestrictedTag.BATTERY,
    "liquids": RestrictedTag.LIQUID,
    "磁": RestrictedTag.MAGNET,
    "磁铁": RestrictedTag.MAGNET,
    "magnets": RestrictedTag.MAGNET,
    "magnetic": RestrictedTag.MAGNET,
    "powders": RestrictedTag.POWDER,
    "branded": RestrictedTag.BRAND,
    "仿牌": RestrictedTag.BRAND,
    "牌子": RestrictedTag.BRAND,
}


@dataclass(frozen=True, slots=True)
class SheetColumn:
    key: str
    label: str  # the English header
    label_zh: str  # the Chinese header
    aliases: tuple[str, ...]
    parse: Callable[[object], object]
    width: float = 14
    help: str = ""  # what the column holds, for the template's help sheet

    @property
    def header(self) -> str:
        """The template's bilingual header: '重量 / Weight (kg)'."""
        return f"{self.label_zh} / {self.label}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, self.label, self.label_zh, *self.aliases)


@dataclass
class SheetRows:
    """The non-blank rows of a sheet as {column key: parsed value}, and every problem."""

    file_name: str
    rows: list[tuple[int, dict[str, Any]]]
    headers: dict[str, str]  # key → the header as written
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (row, order, text)
    bad_cells: set[tuple[int, str]] = field(default_factory=set)

    def problem(self, row: int, key: str, message: str) -> None:
        """Note 'row N, column K (header): message'."""
        text = problem_text(f"row {row}", key, self.headers.get(key), message)
        self.problems.append((row, len(self.problems), text))

    def bad(self, row: int, key: str) -> bool:
        """Whether this cell did not read (so no rule is reported on it)."""
        return (row, key) in self.bad_cells

    def sorted_problems(self) -> list[str]:
        return [text for _, _, text in sorted(self.problems)]


def read_sheet(
    path: Path,
    columns: Sequence[SheetColumn],
    required: Sequence[str],
    sheet_names: Sequence[str],
    what: str,
) -> SheetRows:
    """The sheet's rows after its header row: the first of the first rows that names a column
    of `required` (all of `required` must be there). Cells that do not read are problems."""
    table = read_table(Path(path), sheet_names)
    name = Path(path).name
    by_name = {header_key(n): c.key for c in columns for n in c.names}
    header: tuple[int, Sequence[Any], list[str | None]] | None = None
    for number, cells in table.rows[:HEADER_SEARCH_ROWS]:
        keys = [column_of(cell, by_name) for cell in cells]
        if any(key in required for key in keys):
            header = (number, cells, keys)
            break
    if header is None:
        if not any(filled(cells) for _, cells in table.rows):
            raise WorkbenchError(f"Nothing was imported: '{name}' is empty.")
        wanted = ", ".join(c.header for c in columns if c.key in required)
        raise WorkbenchError(
            f"Nothing was imported: '{name}' has no header row for {what}. The first row must "
            f"name the columns, at least: {wanted}."
        )
    header_number, cells, keys = header
    first: dict[str, int] = {}
    sheet = SheetRows(name, [], {})
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in first:
            letters = f"{column_letter(first[key])} and {column_letter(index)}"
            sheet.problem(header_number, key, f"columns {letters} both hold it; keep one")
            continue
        first[key] = index
        sheet.headers[key] = str(cells[index]).strip()
    missing = [c for c in columns if c.key in required and c.key not in first]
    if missing:
        raise WorkbenchError(
            f"Nothing was imported: '{name}' has no column for "
            + ", ".join(c.header for c in missing)
            + "."
        )
    by_key = {column.key: column for column in columns}
    for number, row_cells in table.rows:
        if number <= header_number or not filled(row_cells):
            continue
        values: dict[str, Any] = {}
        for key, index in first.items():
            raw = row_cells[index] if index < len(row_cells) else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            try:
                values[key] = by_key[key].parse(raw)
            except ValueError as error:
                sheet.bad_cells.add((number, key))
                sheet.problem(number, key, str(error))
        sheet.rows.append((number, values))
    if not sheet.rows and not sheet.problems:
        raise WorkbenchError(f"Nothing was imported: '{name}' has no {what} rows.")
    return sheet


def column_of(header: object, by_name: dict[str, str]) -> str | None:
    """The column a header names: whole, by either half of 'zh / en', or without a unit."""
    if header is None:
        return None
    text = unicodedata.normalize("NFKC", parse_text(header))
    candidates = [text, _BRACKETS.sub("", text)]
    for part in re.split(r"\s*/\s*|\n", text):
        candidates += [part, _BRACKETS.sub("", part)]
    for candidate in candidates:
        key = by_name.get(header_key(candidate)) if candidate.strip() else None
        if key is not None:
            return key
    return None


# --- cells --------------------------------------------------------------------------------------
def _plain(value: object) -> str:
    return unicodedata.normalize("NFKC", parse_text(value)).strip()


def parse_number(value: object) -> Decimal:
    """A number of 0 or more: 12.5, '12.5', '1,200'."""
    number = parse_decimal_cell(value if not isinstance(value, str) else _plain(value))
    if number < 0:
        raise ValueError(f"'{value}' is below 0")
    return number


def parse_kg(value: object) -> Decimal:
    """Kilograms: 12.5, '12.5kg', '12.5公斤', '500g'."""
    if isinstance(value, str):
        text = _plain(value)
        grams = _GRAMS.match(text)
        if grams and not _KG.match(text):
            return parse_number(grams.group(1)) / 1000
        found = _KG.match(text)
        return parse_number(found.group(1) if found else text)
    return parse_number(value)


def parse_cm(value: object) -> Decimal:
    """Centimetres: 60, '60cm', '60厘米'."""
    if isinstance(value, str):
        found = _CM.match(_plain(value))
        return parse_number(found.group(1) if found else _plain(value))
    return parse_number(value)


def parse_percent(value: object) -> Decimal:
    """A percentage: 12.5, '12.5%' (Excel's 12.5 % cell reads as '12.5%')."""
    if isinstance(value, str):
        found = _PERCENT.match(_plain(value))
        return parse_number(found.group(1) if found else _plain(value))
    return parse_number(value)


def parse_tags(value: object) -> frozenset[RestrictedTag]:
    """Restricted goods: '带电;带磁', 'battery, magnet', '无' (none)."""
    text = _plain(value)
    if text.casefold() in _NONE_WORDS:
        return frozenset()
    found = set()
    for word in _SPLIT.split(text):
        if not word or word.casefold() in _NONE_WORDS:
            continue
        tag = TAG_WORDS.get(word.casefold()) or TAG_WORDS.get(word)
        if tag is None:
            raise ValueError(
                f"'{word}' is not a restricted good (带电 battery, 液体 liquid, 带磁 magnet, "
                "粉末 powder, 品牌 brand)"
            )
        found.add(tag)
    return frozenset(found)


def parse_identifier(value: object) -> str:
    """A tracking number or order number: text; a long number a spreadsheet turned into a
    float has lost digits, which is refused rather than stored wrong."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 10**_EXACT_DIGITS:
            return str(int(value))
        raise ValueError(
            f"'{value}' lost digits in the spreadsheet: format the column as text and type the "
            "number again"
        )
    return _plain(value)


def parse_identifiers(value: object) -> tuple[str, ...]:
    """One or more order numbers: '3301 3302', '3301;3302', '3301、3302'."""
    if not isinstance(value, str):
        return (parse_identifier(value),)
    return tuple(dict.fromkeys(word for word in _SPLIT.split(_plain(value)) if word))


def parse_transit(value: object) -> tuple[int, int]:
    """Transit days: '7-12', '7～12天', '10' (both ends 10)."""
    text = _plain(value) if isinstance(value, str) else parse_text(value)
    found = _DAYS.match(text)
    if not found:
        raise ValueError(f"'{value}' is not a number of days (write 7-12 or 10)")
    low = int(found.group(1))
    high = int(found.group(2) or low)
    if high < low:
        raise ValueError(f"'{value}': the longest transit is shorter than the shortest")
    return low, high


def parse_name(value: object) -> str:
    text = _plain(value)
    if not text:
        raise ValueError("the name is blank")
    return text
