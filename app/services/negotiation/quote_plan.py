"""The preview of a quote import, built without writing (quote_import.py), and writing it:
which quotes are new, which update a stored quote, which change nothing, and which products
the import creates."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert

from app.domain.negotiation.quotes import Quote
from app.domain.samples.sample import Product
from app.services.negotiation.quoting import save_quote_in
from app.services.negotiation.records import PRODUCTS, NegotiationChange, Subject, product_name
from app.services.samples.records import product_values
from app.services.sql import inserted_id
from app.store.db import Database
from app.store.types import utc_now


@dataclass(frozen=True)
class NewProduct:
    name: str
    name_zh: str

    @property
    def display_name(self) -> str:
        return product_name(self.name, self.name_zh)


@dataclass(frozen=True)
class PlannedQuote:
    rows: tuple[int, ...]  # the file's rows of this quote
    supplier_id: int
    supplier_name: str
    product_id: int | None  # None: a product this import creates (new_product)
    new_product: int | None  # its index in the plan's new_products
    product_name: str
    quote: Quote  # what will be stored (with the stored quote's id when it updates one)
    before: Quote | None  # the stored quote it updates

    @property
    def text(self) -> str:
        rows = (
            f"row {self.rows[0]}" if len(self.rows) == 1 else f"rows {self.rows[0]}-{self.rows[-1]}"
        )
        breaks = len(self.quote.breaks)
        return (
            f"{rows}: {self.supplier_name}, {self.product_name} "
            f"({breaks} price break{'' if breaks == 1 else 's'}, {self.quote.currency})"
        )


@dataclass(frozen=True)
class QuoteImportPlan:
    """What importing a file would do; apply it with apply_quote_import."""

    file_name: str
    new: tuple[PlannedQuote, ...] = ()
    updated: tuple[PlannedQuote, ...] = ()
    unchanged: tuple[PlannedQuote, ...] = ()
    new_products: tuple[NewProduct, ...] = ()

    @property
    def writes_anything(self) -> bool:
        return bool(self.new or self.updated)

    def summary(self) -> str:
        """'2 new quotes, 1 updated, 3 unchanged; 1 new product: 硅胶解压玩具'."""
        noun = "quote" if len(self.new) == 1 else "quotes"
        text = f"{len(self.new)} new {noun}, {len(self.updated)} updated, "
        text += f"{len(self.unchanged)} unchanged"
        if self.new_products:
            count = len(self.new_products)
            names = ", ".join(p.display_name for p in self.new_products)
            text += f"; {count} new product{'' if count == 1 else 's'}: {names}"
        return text

    def details(self) -> list[str]:
        lines: list[str] = []
        for title, items in (("New:", self.new), ("Updated:", self.updated)):
            if items:
                lines.append(title)
                lines += [f"  {item.text}" for item in items]
        return lines


def apply_quote_import(database: Database, plan: QuoteImportPlan) -> NegotiationChange:
    """Write a plan in one transaction: the new products first, then every new or updated
    quote. Returns the quote ids (created / updated) and the new products."""
    created: list[int] = []
    updated: list[int] = []
    products: set[int] = set()
    with database.transaction() as session:
        connection = session.connection()
        now = utc_now()
        new_ids = [
            inserted_id(
                connection.execute(
                    insert(PRODUCTS).values(
                        **product_values(Product(name=item.name, name_zh=item.name_zh)),
                        created_at=now,
                        updated_at=now,
                    )
                )
            )
            for item in plan.new_products
        ]
        for planned in (*plan.new, *plan.updated):
            product_id = planned.product_id
            if product_id is None:
                assert planned.new_product is not None
                product_id = new_ids[planned.new_product]
            quote_id, is_new = save_quote_in(connection, product_id, planned.quote)
            (created if is_new else updated).append(quote_id)
            products.add(product_id)
    return NegotiationChange(
        created=tuple(created),
        updated=tuple(updated),
        subject=Subject.QUOTES,
        products=tuple(sorted(products)),
        new_products=tuple(new_ids),
    )
