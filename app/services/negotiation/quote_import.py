"""Import quotes from .xlsx or .csv (`python -m app import quotes FILE`): preview first, then
write all or nothing. The columns and how cells are read: quote_columns.py.

Rules decided here:
- One row per price break. The rows of one supplier and product form one quote; the columns
  other than supplier, product, quantity and price describe the whole quote, so they may be
  given on any of its rows (usually the first), but never two different values.
- The supplier must be stored already (by its id, or its Chinese or English name, ignoring
  case and extra spaces): the import never creates one, as a supplier record has much more to
  it than a name. A product not found by id or name is created (the buyer often gets the
  quote before anything else about the product): the summary names every product it creates.
  A name with Chinese characters becomes the product's Chinese name, another its English one.
- A quote for a supplier and product that has one already updates it: the file's breaks
  replace the stored ones; a column the file gives replaces the stored value, a blank cell or a
  missing column keeps it (an import never erases). The currency is required for a new quote.
  Importing the same file twice changes nothing the second time ("unchanged").
- Every row is checked first; any problem imports nothing (ImportRejected lists each as
  'row N, column HEADER: why', the header as the file writes it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, true

from app.domain.negotiation.quotes import PriceBreak, Quote, quote_problems
from app.domain.samples.validation import NAME_LENGTH
from app.errors import ImportRejected, WorkbenchError
from app.services.importing_kit import HEADER_SEARCH_ROWS, Table, column_letter, filled, read_table
from app.services.negotiation.quote_columns import (
    BY_KEY,
    REQUIRED,
    ROW_KEYS,
    SHEET_NAMES,
    columns_of,
)
from app.services.negotiation.quote_plan import (
    NewProduct,
    PlannedQuote,
    QuoteImportPlan,
    apply_quote_import,
)
from app.services.negotiation.records import (
    PRODUCTS,
    SUPPLIERS,
    product_name,
    read_quotes,
    supplier_name,
)
from app.services.negotiation.validation import QUOTE_FIELDS, keyed
from app.store.db import Database

__all__ = ["QuoteImportPlan", "apply_quote_import", "plan_quote_import"]
_CJK = re.compile(r"[\u3400-\u9fff]")
_DOMAIN_COLUMNS = {"breaks": "unit_price", "supplier_id": "supplier"}
_QUOTE_KEYS = tuple(column.key for column in BY_KEY.values() if column.key not in ROW_KEYS)


# --- planning ------------------------------------------------------------------------------
def plan_quote_import(database: Database, path: Path) -> QuoteImportPlan:
    """What importing the file would do; writes nothing. Raises ImportRejected (every bad
    row) or WorkbenchError (a file that cannot be read)."""
    path = Path(path)
    table = read_table(path, SHEET_NAMES)
    with database.transaction() as session:
        connection = session.connection()
        return _Planner(path.name, connection).plan(table)


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class _Group:
    supplier_id: int
    supplier_name: str
    product_id: int | None
    product_text: str  # as the file writes it (a new product's name)
    rows: list[tuple[int, dict[str, Any]]]


class _Planner:
    def __init__(self, file_name: str, connection: Connection) -> None:
        self.file_name = file_name
        self.problems: list[tuple[int, int, str]] = []
        self.headers: dict[str, str] = {}
        self.suppliers = list(
            connection.execute(select(SUPPLIERS.c.id, SUPPLIERS.c.name_zh, SUPPLIERS.c.name_en))
        )
        self.products = list(
            connection.execute(select(PRODUCTS.c.id, PRODUCTS.c.name, PRODUCTS.c.name_zh))
        )
        self.stored = {
            (product_id, quote.supplier_id): quote
            for product_id, quote in read_quotes(connection, true())
        }

    # --- rows ----------------------------------------------------------------------------
    def plan(self, table: Table) -> QuoteImportPlan:
        rows = self._rows(table)
        groups = self._groups(rows)
        if not groups and not self.problems:
            raise WorkbenchError(f"Nothing was imported: '{self.file_name}' has no quote rows.")
        new_products: list[NewProduct] = []
        product_index: dict[str, int] = {}
        planned: list[PlannedQuote] = []
        for group in groups:
            index = None
            name = self._product_name(group.product_id)
            if group.product_id is None:
                key = _normal(group.product_text)
                if key not in product_index:
                    product_index[key] = len(new_products)
                    new_products.append(_new_product(group.product_text))
                index = product_index[key]
                name = new_products[index].display_name
            item = self._quote(group, index, name)
            if item is not None:
                planned.append(item)
        if self.problems:
            raise ImportRejected([text for *_, text in sorted(self.problems)])
        return QuoteImportPlan(
            self.file_name,
            tuple(p for p in planned if p.before is None),
            tuple(p for p in planned if p.before is not None and p.quote != p.before),
            tuple(p for p in planned if p.before is not None and p.quote == p.before),
            tuple(new_products),
        )

    def _rows(self, table: Table) -> list[tuple[int, dict[str, Any]]]:
        header = self._header(table)
        number, cells, keys = header
        first: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key is None:
                continue
            if key in first:
                letters = f"{column_letter(first[key])} and {column_letter(index)}"
                self._problem(number, key, f"columns {letters} both hold it; keep one")
            else:
                first[key] = index
                self.headers[key] = str(cells[index]).strip()
        rows = []
        for row_number, row_cells in table.rows:
            if row_number <= number or not filled(row_cells):
                continue
            values: dict[str, Any] = {}
            for key, index in first.items():
                raw = row_cells[index] if index < len(row_cells) else None
                if raw is None or (isinstance(raw, str) and not raw.strip()):
                    continue
                try:
                    values[key] = BY_KEY[key].parse(raw)
                except ValueError as error:
                    values[key] = _BAD
                    self._problem(row_number, key, str(error))
            for key in ROW_KEYS:
                if key not in values:
                    self._problem(row_number, key, f"enter the {BY_KEY[key].label.lower()}")
            rows.append((row_number, values))
        return rows

    def _header(self, table: Table) -> tuple[int, list[Any], list[str | None]]:
        if not any(filled(cells) for _, cells in table.rows):
            raise WorkbenchError(f"Nothing was imported: '{self.file_name}' is empty.")
        for number, cells in table.rows[:HEADER_SEARCH_ROWS]:
            keys = columns_of(cells)
            if any(key in REQUIRED for key in keys):
                missing = [BY_KEY[key] for key in REQUIRED if key not in keys]
                if missing:
                    named = ", ".join(f"{c.label} ({c.label_zh})" for c in missing)
                    raise WorkbenchError(
                        f"Nothing was imported: '{self.file_name}' has no column for {named}."
                    )
                return number, list(cells), keys
        named = ", ".join(f"{BY_KEY[key].label} ({BY_KEY[key].label_zh})" for key in REQUIRED)
        raise WorkbenchError(
            f"Nothing was imported: '{self.file_name}' has no header row; the first row must "
            f"name the columns: {named}."
        )

    # --- suppliers and products ----------------------------------------------------------
    def _groups(self, rows: list[tuple[int, dict[str, Any]]]) -> list[_Group]:
        groups: dict[tuple[int, str], _Group] = {}
        for number, values in rows:
            supplier, product = values.get("supplier"), values.get("product")
            if not isinstance(supplier, str) or not isinstance(product, str):
                continue
            found = self._supplier(number, supplier)
            product_id = self._product(number, product)
            if found is None or product_id is False:
                continue
            key = (found[0], f"#{product_id}" if product_id is not None else _normal(product))
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Group(found[0], found[1], product_id, product, [])
            group.rows.append((number, values))
        return list(groups.values())

    def _supplier(self, number: int, text: str) -> tuple[int, str] | None:
        wanted = _normal(text)
        if text.isdigit():
            for row in self.suppliers:
                if row.id == int(text):
                    return row.id, supplier_name(row.name_zh, row.name_en)
        found = [
            row for row in self.suppliers if wanted in (_normal(row.name_zh), _normal(row.name_en))
        ]
        if len(found) == 1:
            return found[0].id, supplier_name(found[0].name_zh, found[0].name_en)
        if found:
            ids = ", ".join(str(row.id) for row in found)
            self._problem(
                number,
                "supplier",
                f"{len(found)} suppliers are called '{text}': write the id instead ({ids})",
            )
        else:
            self._problem(
                number,
                "supplier",
                f"no supplier is called '{text}': add it on the Suppliers tab (or import "
                "suppliers) first",
            )
        return None

    def _product(self, number: int, text: str) -> int | bool | None:
        """The stored product's id; None: a new product; False: a problem was noted."""
        if text.isdigit():
            for row in self.products:
                if row.id == int(text):
                    return int(row.id)
        if len(text) > NAME_LENGTH:
            self._problem(number, "product", f"keep the name under {NAME_LENGTH} characters")
            return False
        wanted = _normal(text)
        found = [
            row for row in self.products if wanted in (_normal(row.name), _normal(row.name_zh))
        ]
        if len(found) == 1:
            return int(found[0].id)
        if found:
            ids = ", ".join(str(row.id) for row in found)
            self._problem(
                number,
                "product",
                f"{len(found)} products are called '{text}': write the id instead ({ids})",
            )
            return False
        return None

    def _product_name(self, product_id: int | None) -> str:
        for row in self.products:
            if row.id == product_id:
                return product_name(row.name, row.name_zh)
        return ""

    # --- one quote -----------------------------------------------------------------------
    def _quote(self, group: _Group, new_product: int | None, name: str) -> PlannedQuote | None:
        numbers = tuple(number for number, _ in group.rows)
        given = self._quote_fields(group)
        breaks = self._breaks(group)
        if given is None or breaks is None:
            return None
        before = (
            None
            if group.product_id is None
            else self.stored.get((group.product_id, group.supplier_id))
        )
        if before is None and "currency" not in given:
            self._problem(numbers[0], "currency", "enter the currency of this quote (CNY for 1688)")
            return None
        base = before or Quote(group.supplier_id, name)
        quote = replace(base, **_with_shipping(given), breaks=breaks)
        for key, message in keyed(quote_problems(quote), QUOTE_FIELDS, "unit_price").items():
            column = _DOMAIN_COLUMNS.get(key, key if key in BY_KEY else "unit_price")
            self._problem(numbers[0], column, _sentence(message))
        return PlannedQuote(
            numbers,
            group.supplier_id,
            group.supplier_name,
            group.product_id,
            new_product,
            name,
            quote,
            before,
        )

    def _quote_fields(self, group: _Group) -> dict[str, Any] | None:
        given: dict[str, tuple[int, Any]] = {}
        fine = True
        for number, values in group.rows:
            for key in _QUOTE_KEYS:
                if key not in values:
                    continue
                value = values[key]
                if value is _BAD:
                    fine = False
                elif key not in given:
                    given[key] = (number, value)
                elif given[key][1] != value:
                    earlier, first = given[key]
                    self._problem(
                        number,
                        key,
                        f"'{_shown(value)}' differs from '{_shown(first)}' on row {earlier} of the "
                        "same quote; give it once, or the same on every row",
                    )
                    fine = False
        return {key: value for key, (_, value) in given.items()} if fine else None

    def _breaks(self, group: _Group) -> tuple[PriceBreak, ...] | None:
        seen: dict[int, int] = {}
        breaks: list[PriceBreak] = []
        fine = True
        for number, values in group.rows:
            qty, price = values.get("min_qty"), values.get("unit_price")
            if not isinstance(qty, int):
                fine = False
                continue
            if qty in seen:
                message = f"a break from {qty:,} is also on row {seen[qty]} of the same quote"
                self._problem(number, "min_qty", message)
                fine = False
                continue
            seen[qty] = number
            if not isinstance(price, Decimal):
                fine = False
                continue
            breaks.append(PriceBreak(qty, price))
        return tuple(sorted(breaks, key=lambda b: b.min_qty)) if fine else None

    def _problem(self, number: int, key: str, message: str) -> None:
        column = key
        if key in BY_KEY:
            column = self.headers.get(key) or BY_KEY[key].label
        self.problems.append(
            (number, len(self.problems), f"row {number}, column {column}: {message}")
        )


class _Bad:
    """A cell that did not parse (already reported)."""


_BAD: Any = _Bad()


def _with_shipping(given: dict[str, Any]) -> dict[str, Any]:
    """'包邮' in the shipping column, or 'shipping included' yes without an amount: included,
    no amount (a stored one is dropped); an amount without the included column: not included."""
    values = dict(given)
    shipping = values.get("domestic_shipping")
    if shipping == "included":
        values["domestic_shipping"] = None
        values["shipping_included"] = True
    elif values.get("shipping_included") is True and "domestic_shipping" not in values:
        values["domestic_shipping"] = None
    elif shipping is not None and "shipping_included" not in values:
        values["shipping_included"] = False
    return values


def _new_product(text: str) -> NewProduct:
    name = " ".join(text.split())
    return NewProduct("", name) if _CJK.search(name) else NewProduct(name, "")


def _shown(value: object) -> str:
    return value.value if hasattr(value, "value") else str(value)


def _sentence(message: str) -> str:
    """A domain sentence as the tail of 'row N, column K: …'."""
    message = message.rstrip(".")
    return message[:1].lower() + message[1:] if message[1:2].islower() else message
