"""The quotes side of the negotiation service: the product list, each product's quotes with
their price breaks, and the planned quantity.

Rules decided here:
- One current quote per supplier and product (also a unique constraint): saving a quote for a
  pair that has one updates it (a re-quote), and its breaks are replaced by the new ones. A quote
  saved with its id may move to another supplier, unless that supplier has a quote already.
- A quote's `product` is the stored product's name, whatever the caller put there.
- Deleting a quote leaves the worksheet of the same supplier and product alone (offers and
  agreed terms are their own record); deleting a product or a supplier takes both.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from app.domain.kit.search_text import sort_key
from app.domain.negotiation.amounts import MAX_QUANTITY
from app.domain.negotiation.quotes import Quote, quote_problems
from app.errors import NotFound, ValidationError
from app.services.negotiation.records import (
    BREAKS,
    PLANS,
    PRODUCTS,
    QUOTES,
    SUPPLIERS,
    WORKSHEETS,
    NegotiationChange,
    ProductQuotes,
    QuoteRow,
    Subject,
    quote_values,
    read_quotes,
    require,
    stored_product_name,
    supplier_name,
)
from app.services.negotiation.settings import NegotiationSettings
from app.services.negotiation.validation import QUOTE_FIELDS, keyed
from app.services.sql import inserted_id
from app.store.types import utc_now


class NegotiationQuotes(NegotiationSettings):
    """Products, quotes and planned quantities (settings and rates below)."""

    # --- products ----------------------------------------------------------------------------
    def products(self) -> list[ProductQuotes]:
        """Every product (they are the Samples tab's) with its number of quotes, its chosen
        supplier and planned quantity, by (pinyin) name."""
        counts = (
            select(QUOTES.c.product_id, func.count().label("quotes"))
            .group_by(QUOTES.c.product_id)
            .subquery()
        )
        chosen = (
            select(
                WORKSHEETS.c.product_id,
                WORKSHEETS.c.supplier_id,
                SUPPLIERS.c.name_zh.label("s_zh"),
                SUPPLIERS.c.name_en.label("s_en"),
            )
            .join(SUPPLIERS, SUPPLIERS.c.id == WORKSHEETS.c.supplier_id)
            .where(WORKSHEETS.c.agreed.is_(True))
            .subquery()
        )
        query = (
            select(
                PRODUCTS.c.id,
                PRODUCTS.c.name,
                PRODUCTS.c.name_zh,
                func.coalesce(counts.c.quotes, 0).label("quotes"),
                chosen.c.supplier_id,
                chosen.c.s_zh,
                chosen.c.s_en,
                PLANS.c.planned_qty,
            )
            .outerjoin(counts, counts.c.product_id == PRODUCTS.c.id)
            .outerjoin(chosen, chosen.c.product_id == PRODUCTS.c.id)
            .outerjoin(PLANS, PLANS.c.product_id == PRODUCTS.c.id)
        )
        with self.database.transaction() as session:
            rows = session.execute(query).all()
        found = [
            ProductQuotes(
                row.id,
                row.name,
                row.name_zh,
                row.quotes,
                row.supplier_id,
                supplier_name(row.s_zh or "", row.s_en or "") if row.supplier_id else "",
                row.planned_qty,
            )
            for row in rows
        ]
        return sorted(found, key=lambda p: (sort_key(p.name or p.name_zh), p.id))

    def find_product(self, name_or_id: str) -> int:
        """What a user typed on the command line: a product's id, or its exact English or
        Chinese name (ignoring case and extra spaces)."""
        text = " ".join(name_or_id.split())
        wanted = text.casefold()
        with self.database.transaction() as session:
            rows = session.execute(select(PRODUCTS.c.id, PRODUCTS.c.name, PRODUCTS.c.name_zh))
            products = list(rows)
        if text.isdigit() and any(row.id == int(text) for row in products):
            return int(text)
        for row in products:
            names = (" ".join(row.name.split()).casefold(), " ".join(row.name_zh.split()))
            if wanted in names or text in names:
                return int(row.id)
        raise NotFound(f"No product is called '{text}'.")

    # --- quotes ------------------------------------------------------------------------------
    def quotes_of(self, product_id: int) -> list[QuoteRow]:
        """A product's quotes in the order they were entered, with their suppliers' names."""
        with self.database.transaction() as session:
            connection = session.connection()
            require(connection, PRODUCTS, product_id, "Product")
            quotes = [
                quote for _, quote in read_quotes(connection, QUOTES.c.product_id == product_id)
            ]
            names = _supplier_names(connection, {quote.supplier_id for quote in quotes})
        return [QuoteRow(quote, *names[quote.supplier_id]) for quote in quotes]

    def quote(self, quote_id: int) -> QuoteRow:
        with self.database.transaction() as session:
            connection = session.connection()
            found = read_quotes(connection, QUOTES.c.id == quote_id)
            if not found:
                raise NotFound(f"Quote {quote_id} no longer exists.")
            quote = found[0][1]
            names = _supplier_names(connection, {quote.supplier_id})
        return QuoteRow(quote, *names[quote.supplier_id])

    def product_of_quote(self, quote_id: int) -> int:
        with self.database.transaction() as session:
            row = require(session.connection(), QUOTES, quote_id, "Quote")
        return int(row.product_id)

    def save_quote(self, product_id: int, quote: Quote) -> NegotiationChange:
        """Store the supplier's quote for the product: a new one, or an update of the quote
        that supplier has for it (or of `quote.id`); the breaks are replaced (module rules)."""
        with self.database.transaction() as session:
            connection = session.connection()
            quote_id, created = save_quote_in(connection, product_id, quote)
        return NegotiationChange(
            created=(quote_id,) if created else (),
            updated=() if created else (quote_id,),
            subject=Subject.QUOTES,
            products=(product_id,),
        )

    def delete_quote(self, quote_id: int) -> NegotiationChange:
        """Delete a quote with its price breaks (its worksheet stays)."""
        with self.database.transaction() as session:
            connection = session.connection()
            row = require(connection, QUOTES, quote_id, "Quote")
            connection.execute(delete(QUOTES).where(QUOTES.c.id == quote_id))
        return NegotiationChange(
            deleted=(quote_id,), subject=Subject.QUOTES, products=(row.product_id,)
        )

    # --- planned quantity --------------------------------------------------------------------
    def planned_qty(self, product_id: int) -> int | None:
        with self.database.transaction() as session:
            return session.scalar(
                select(PLANS.c.planned_qty).where(PLANS.c.product_id == product_id)
            )

    def set_planned_qty(self, product_id: int, qty: int | None) -> NegotiationChange:
        """How many pieces the user plans to order (None: no plan)."""
        if qty is not None and (
            isinstance(qty, bool) or not isinstance(qty, int) or not 1 <= qty <= MAX_QUANTITY
        ):
            raise ValidationError(
                {
                    "planned_qty": f"The planned quantity must be a whole number from 1 to "
                    f"{MAX_QUANTITY:,}."
                }
            )
        with self.database.transaction() as session:
            connection = session.connection()
            require(connection, PRODUCTS, product_id, "Product")
            connection.execute(delete(PLANS).where(PLANS.c.product_id == product_id))
            if qty is not None:
                connection.execute(insert(PLANS).values(product_id=product_id, planned_qty=qty))
        return NegotiationChange(
            updated=(product_id,), subject=Subject.PLANS, products=(product_id,)
        )


# --- helpers shared with the import ------------------------------------------------------------
def checked_quote(connection: Connection, product_id: int, quote: Quote) -> Quote:
    """The quote with the stored product's name, or ValidationError by field."""
    if not isinstance(quote, Quote):
        raise ValidationError({"quote": "Give the quote."})
    quote = replace(quote, product=stored_product_name(connection, product_id))
    errors = keyed(quote_problems(quote), QUOTE_FIELDS, "quote")
    if errors:
        raise ValidationError(errors)
    return quote


def save_quote_in(connection: Connection, product_id: int, quote: Quote) -> tuple[int, bool]:
    """Insert or update the quote in an open transaction: (its id, whether it is new)."""
    quote = checked_quote(connection, product_id, quote)
    supplier = connection.execute(
        select(SUPPLIERS.c.id).where(SUPPLIERS.c.id == quote.supplier_id)
    ).first()
    if supplier is None:
        raise ValidationError({"supplier_id": "That supplier no longer exists: choose another."})
    pair = (QUOTES.c.product_id == product_id) & (QUOTES.c.supplier_id == quote.supplier_id)
    existing = connection.scalar(select(QUOTES.c.id).where(pair))
    target = existing
    if quote.id is not None:
        own = require(connection, QUOTES, quote.id, "Quote")
        if own.product_id != product_id:
            raise ValidationError({"quote": "This quote belongs to another product."})
        if existing is not None and existing != quote.id:
            name = _supplier_names(connection, {quote.supplier_id})[quote.supplier_id]
            raise ValidationError(
                {
                    "supplier_id": f"{supplier_name(*name)} already has a quote for this "
                    "product: edit that one instead."
                }
            )
        target = quote.id
    values, now = quote_values(quote), utc_now()
    if target is None:
        added = connection.execute(
            insert(QUOTES).values(product_id=product_id, **values, created_at=now, updated_at=now)
        )
        quote_id, created = inserted_id(added), True
    else:
        connection.execute(
            update(QUOTES).where(QUOTES.c.id == target).values(**values, updated_at=now)
        )
        connection.execute(delete(BREAKS).where(BREAKS.c.quote_id == target))
        quote_id, created = target, False
    connection.execute(
        insert(BREAKS),
        [
            {"quote_id": quote_id, "min_qty": b.min_qty, "unit_price": b.unit_price}
            for b in quote.breaks
        ],
    )
    return quote_id, created


def _supplier_names(connection: Connection, ids: set[int]) -> dict[int, tuple[str, str]]:
    rows: Any = connection.execute(
        select(SUPPLIERS.c.id, SUPPLIERS.c.name_zh, SUPPLIERS.c.name_en).where(
            SUPPLIERS.c.id.in_(sorted(ids))
        )
    )
    return {row.id: (row.name_zh, row.name_en) for row in rows}
