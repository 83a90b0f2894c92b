"""Negotiation use cases (the Negotiation tab): quotes and their comparison at a quantity, the
quantity advisor, worksheets with rounds and agreed terms, exchange rates and settings, the
glossary with the user's own phrases, and the export bundle. The pure rules are in
app.domain.negotiation; quotes, worksheets and settings in the modules this class builds on
(quoting.py, worksheets.py, settings.py).

Every write validates first (ValidationError with field keys, nothing written), runs in one
transaction and returns a NegotiationChange (topic NEGOTIATION): its `subject` says whether
created / updated / deleted hold quote, worksheet, rate or phrase ids, and `products` the
products concerned. Reads return plain dataclasses built from the domain types.

Decided here:
- The comparison and the advisor read the quotes, the rates, the home currency and the saved
  landed-cost settings; the date of import `on` is today unless given (rates on or before it,
  low-value relief, validity).
- The advisor gives landed totals when it can; when it cannot (no rate for the quote's
  currency, unknown domestic shipping) it falls back to goods totals in the quote's currency
  (`QuantityAdvice.landed` is False) rather than refusing.
- Freight measured by the Consolidation tab (a shipment's charge allocated to the product's
  order items) replaces the landed-cost settings' freight in the comparison and the advisor;
  the workbench wires `measured_freight` to the consolidation service (features do not import
  each other). Without a rate for its currency the settings' freight stays.
- The export's quantity is the one asked, else the planned quantity, else the largest MOQ among
  the quotes (so every quote is priceable at it), else 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select, true

from app.domain.kit.money import Money
from app.domain.negotiation.advisor import QuantityAdvice, quantity_advice
from app.domain.negotiation.amounts import MAX_QUANTITY
from app.domain.negotiation.comparison import (
    Comparison,
    compare_quotes,
    measured_freight_per_unit,
)
from app.domain.negotiation.phrasebook import GLOSSARY, Category
from app.domain.negotiation.quotes import TEXT_LENGTH, Quote
from app.errors import NotFound, ValidationError
from app.services.negotiation.records import (
    PHRASES,
    NegotiationChange,
    Phrase,
    Subject,
    read_quotes,
)
from app.services.negotiation.worksheets import NegotiationWorksheets
from app.services.sql import inserted_id
from app.store.db import Database
from app.store.types import utc_now

if TYPE_CHECKING:  # the exports load when an export is asked for
    from app.exports.negotiation.data import NegotiationExport


class NegotiationService(NegotiationWorksheets):
    """Everything the Negotiation tab reads and writes (see the module docstring)."""

    def __init__(
        self,
        database: Database,
        today: Callable[[], date] = date.today,
        measured_freight: Callable[[int], Money | None] | None = None,
    ) -> None:
        super().__init__(database, today)
        # A product's freight per unit from its latest shipment (None: not shipped yet).
        self.measured_freight = measured_freight or (lambda _product_id: None)

    # --- comparison and advice ---------------------------------------------------------------
    def comparison(
        self, product_id: int, quantity: int | None = None, on: date | None = None
    ) -> Comparison:
        """The product's quotes compared at `quantity` (None: the planned quantity), imported
        on `on` (None: today)."""
        quantity = self._quantity(product_id, quantity)
        quotes = [row.quote for row in self.quotes_of(product_id)]
        targets = self.selling_targets()
        try:
            return compare_quotes(
                quotes,
                quantity,
                self.landed_settings(),
                self.rates(),
                self.home_currency(),
                on or self.today(),
                self.too_good_pct(),
                target_margin_pct=targets.margin_pct,
                selling_fee_pct=targets.fee_pct,
                measured_freight=self.measured_freight(product_id),
            )
        except ValueError as error:  # only a quote changed outside the app can be broken
            raise ValidationError({"quotes": str(error)}) from None

    def advice(
        self,
        product_id: int,
        quote_id: int,
        start: int = 1,
        stop: int = 1000,
        on: date | None = None,
    ) -> QuantityAdvice:
        """Cost per unit from `start` to `stop` pieces under one quote, and where buying up to
        the next break pays: landed totals in home currency when they can be computed."""
        quote = self.quote(quote_id).quote
        if self.product_of_quote(quote_id) != product_id:
            raise ValidationError({"quote": "This quote belongs to another product."})
        day = on or self.today()
        rates, home = self.rates(), self.home_currency()
        freight = measured_freight_per_unit(self.measured_freight(product_id), rates, home, day)
        try:
            return quantity_advice(
                quote,
                start,
                stop,
                settings=self.landed_settings(),
                rates=rates,
                home=home,
                on=day,
                freight_per_unit=freight,
            )
        except ValueError:
            pass  # no rate or unknown shipping: goods totals (or the range's own problem)
        try:
            return quantity_advice(quote, start, stop)
        except ValueError as error:
            raise ValidationError({"range": str(error)}) from None

    def _quantity(self, product_id: int, quantity: int | None) -> int:
        if quantity is None:
            quantity = self.planned_qty(product_id)
            if quantity is None:
                raise ValidationError(
                    {"quantity": "Enter the quantity to compare (or the planned quantity)."}
                )
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise ValidationError({"quantity": "The quantity must be a whole number."})
        if not 1 <= quantity <= MAX_QUANTITY:
            raise ValidationError(
                {"quantity": f"The quantity must be from 1 to {MAX_QUANTITY:,} pieces."}
            )
        return quantity

    # --- phrases ------------------------------------------------------------------------------
    def phrases(self) -> list[Phrase]:
        """The built-in glossary (words and phrases, in its order), then the user's phrases in
        the order added."""
        built_in = [Phrase(e.chinese, e.english, e.category, e.kind) for e in GLOSSARY]
        with self.database.transaction() as session:
            rows = session.execute(select(PHRASES).order_by(PHRASES.c.id)).all()
        own = [Phrase(row.chinese, row.english, row.category, id=row.id) for row in rows]
        return built_in + own

    def add_phrase(
        self, chinese: str, english: str, category: Category = Category.PRICE
    ) -> NegotiationChange:
        """Add a phrase of the user's own to the glossary."""
        errors: dict[str, str] = {}
        for key, value, label in (("chinese", chinese, "Chinese"), ("english", english, "English")):
            if not isinstance(value, str) or not value.strip():
                errors[key] = f"Enter the {label}."
            elif len(value) > TEXT_LENGTH:
                errors[key] = f"Keep the {label} under {TEXT_LENGTH} characters."
        if not isinstance(category, Category):
            errors["category"] = "Choose a category."
        if errors:
            raise ValidationError(errors)
        with self.database.transaction() as session:
            added = session.execute(
                insert(PHRASES).values(
                    chinese=chinese.strip(),
                    english=english.strip(),
                    category=category,
                    created_at=utc_now(),
                )
            )
            phrase_id = inserted_id(added)
        return NegotiationChange(created=(phrase_id,), subject=Subject.PHRASES)

    def delete_phrase(self, phrase_id: int) -> NegotiationChange:
        """Delete a phrase of the user's (the built-in ones stay)."""
        with self.database.transaction() as session:
            gone = session.execute(delete(PHRASES).where(PHRASES.c.id == phrase_id))
            if not getattr(gone, "rowcount", 0):
                raise NotFound(f"Phrase {phrase_id} no longer exists.")
        return NegotiationChange(deleted=(phrase_id,), subject=Subject.PHRASES)

    # --- export -------------------------------------------------------------------------------
    def products_with_quotes(self) -> list[int]:
        """The ids of the products that have at least one quote, by name."""
        return [p.id for p in self.products() if p.quote_count]

    def export_data(
        self, product_id: int, quantity: int | None = None, on: date | None = None
    ) -> NegotiationExport:
        """The bundle the negotiation exports take (app.exports.negotiation.data)."""
        from app.exports.negotiation.data import NegotiationExport, QuoteEntry, WorksheetEntry

        product = next((p for p in self.products() if p.id == product_id), None)
        if product is None:
            raise NotFound(f"Product {product_id} no longer exists.")
        rows = self.quotes_of(product_id)
        planned = quantity if quantity is not None else product.planned_qty
        if planned is None:
            planned = max((_least_priceable(row.quote) for row in rows), default=1)
        planned = self._quantity(product_id, planned)
        sheet = None
        if product.chosen_supplier_id is not None:
            worksheet = self.worksheet(product_id, product.chosen_supplier_id)
            sheet = WorksheetEntry(
                product.chosen_supplier_name,
                worksheet.targets,
                worksheet.rounds,
                worksheet.agreed,
            )
        targets = self.selling_targets()
        day = on or self.today()
        rates, home = self.rates(), self.home_currency()
        freight = measured_freight_per_unit(self.measured_freight(product_id), rates, home, day)
        return NegotiationExport(
            product_name=product.display_name,
            planned_qty=planned,
            home=home,
            rates=tuple(rates),
            settings=self.landed_settings(),
            target_margin_pct=targets.margin_pct,
            selling_fee_pct=targets.fee_pct,
            quotes=tuple(QuoteEntry(row.supplier_name, row.quote) for row in rows),
            worksheet=sheet,
            today=day,
            freight_per_unit=freight,
        )

    def export_bundles(
        self, product_ids: Sequence[int], on: date | None = None
    ) -> list[NegotiationExport]:
        return [self.export_data(product_id, on=on) for product_id in product_ids]

    def all_quotes(self) -> list[tuple[int, Quote]]:
        """(product id, quote) for every stored quote, in the order entered."""
        with self.database.transaction() as session:
            return read_quotes(session.connection(), true())


def _least_priceable(quote: Quote) -> int:
    """The least quantity the quote prices at, rounded up to its order multiple."""
    multiple = quote.order_multiple
    return -(-quote.effective_moq // multiple) * multiple
