"""The worksheet side of the negotiation service: targets, the cost-structure estimate, the
rounds of offers and the agreed terms of each (product, supplier) pair.

Rules decided here:
- A pair without a stored worksheet reads as a blank one (id None) in the currency of the
  supplier's quote for the product (CNY without one); saving it creates it.
- `save_worksheet` replaces the whole record: targets, shares, rounds (in the order given) and
  the agreed terms (None: not agreed). The targets are in the worksheet's currency.
- Cost-structure shares are all four or none (None: the defaults 50/20/15/15), each 0-100 %,
  adding up to exactly 100 %.
- Agreeing makes that supplier the product's chosen supplier: marking a worksheet agreed
  clears any other agreed worksheet of the same product in the same transaction (the partial
  unique index enforces it too). The agreed terms' supplier and product are the worksheet's.
- Clearing the agreement clears the agreed terms with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from app.domain.kit.numbers import number_problem
from app.domain.negotiation.amounts import HUNDRED, ZERO
from app.domain.negotiation.payment import AgreedTerms, agreed_terms_problems
from app.domain.negotiation.worksheet import (
    CostPart,
    NegotiationRound,
    Targets,
    round_problems,
    target_problems,
)
from app.errors import NotFound, ValidationError
from app.services.negotiation.quoting import NegotiationQuotes
from app.services.negotiation.records import (
    PRODUCTS,
    QUOTES,
    ROUNDS,
    SUPPLIERS,
    WORKSHEETS,
    NegotiationChange,
    Subject,
    Worksheet,
    agreed_values,
    read_rounds,
    require,
    round_values,
    stored_product_name,
    worksheet_from_row,
    worksheet_values,
)
from app.services.negotiation.validation import AGREED_FIELDS, WORKSHEET_FIELDS, keyed
from app.services.sql import inserted_id
from app.store.types import utc_now


class NegotiationWorksheets(NegotiationQuotes):
    """Worksheets, rounds and the agreed terms (quotes, settings and rates below)."""

    def worksheet(self, product_id: int, supplier_id: int) -> Worksheet:
        """The pair's worksheet, or a blank one (id None) when there is none yet."""
        with self.database.transaction() as session:
            return read_worksheet(session.connection(), product_id, supplier_id)

    def save_worksheet(
        self, product_id: int, supplier_id: int, worksheet: Worksheet
    ) -> NegotiationChange:
        """Store the whole worksheet (module rules); returns the worksheet ids changed."""
        with self.database.transaction() as session:
            connection = session.connection()
            product = _check_pair(connection, product_id, supplier_id)
            sheet = _checked(worksheet, product_id, supplier_id, product)
            return _store(connection, sheet)

    def add_round(
        self, product_id: int, supplier_id: int, item: NegotiationRound
    ) -> NegotiationChange:
        """Add a round after the others (creating the worksheet if need be)."""
        with self.database.transaction() as session:
            connection = session.connection()
            product = _check_pair(connection, product_id, supplier_id)
            sheet = read_worksheet(connection, product_id, supplier_id)
            sheet = replace(sheet, rounds=(*sheet.rounds, item))
            return _store(connection, _checked(sheet, product_id, supplier_id, product))

    def delete_round(self, product_id: int, supplier_id: int, number: int) -> NegotiationChange:
        """Remove round `number` (1 = the first) of the pair's worksheet."""
        with self.database.transaction() as session:
            connection = session.connection()
            sheet = read_worksheet(connection, product_id, supplier_id)
            if sheet.id is None or not 1 <= number <= len(sheet.rounds):
                raise NotFound(f"Round {number} no longer exists.")
            rounds = sheet.rounds[: number - 1] + sheet.rounds[number:]
            return _store(connection, replace(sheet, rounds=rounds))

    def mark_agreed(
        self, product_id: int, supplier_id: int, terms: AgreedTerms
    ) -> NegotiationChange:
        """Agree on these terms: the supplier becomes the product's chosen supplier, and any
        other agreed worksheet of the product stops being agreed (same transaction). Terms
        without a date are dated today."""
        with self.database.transaction() as session:
            connection = session.connection()
            product = _check_pair(connection, product_id, supplier_id)
            sheet = read_worksheet(connection, product_id, supplier_id)
            if isinstance(terms, AgreedTerms):
                terms = agreed_on_default(terms, self.today())
            sheet = replace(sheet, agreed=terms)
            return _store(connection, _checked(sheet, product_id, supplier_id, product))

    def clear_agreed(self, product_id: int) -> NegotiationChange:
        """The product has no chosen supplier any more (the agreed terms are cleared)."""
        with self.database.transaction() as session:
            connection = session.connection()
            require(connection, PRODUCTS, product_id, "Product")
            cleared = _clear_agreed(connection, product_id)
        return NegotiationChange(
            updated=cleared, subject=Subject.WORKSHEETS, products=(product_id,)
        )

    def chosen_supplier(self, product_id: int) -> int | None:
        """The supplier of the product's agreed worksheet (None: none chosen yet)."""
        with self.database.transaction() as session:
            return session.scalar(
                select(WORKSHEETS.c.supplier_id).where(
                    (WORKSHEETS.c.product_id == product_id) & WORKSHEETS.c.agreed.is_(True)
                )
            )


# --- reading and writing -------------------------------------------------------------------
def read_worksheet(connection: Connection, product_id: int, supplier_id: int) -> Worksheet:
    product = stored_product_name(connection, product_id)
    pair = (WORKSHEETS.c.product_id == product_id) & (WORKSHEETS.c.supplier_id == supplier_id)
    row = connection.execute(select(WORKSHEETS).where(pair)).first()
    if row is not None:
        return worksheet_from_row(row, read_rounds(connection, row.id), product)
    currency = connection.scalar(
        select(QUOTES.c.currency).where(
            (QUOTES.c.product_id == product_id) & (QUOTES.c.supplier_id == supplier_id)
        )
    )
    return Worksheet(product_id, supplier_id, currency or "CNY")


def _check_pair(connection: Connection, product_id: int, supplier_id: int) -> str:
    """The stored product's name; NotFound when the product or the supplier is gone."""
    product = stored_product_name(connection, product_id)
    require(connection, SUPPLIERS, supplier_id, "Supplier")
    return product


def _checked(sheet: Worksheet, product_id: int, supplier_id: int, product: str) -> Worksheet:
    """The worksheet for this pair with its agreed terms filled in, or ValidationError."""
    if not isinstance(sheet, Worksheet):
        raise ValidationError({"worksheet": "Give the worksheet."})
    agreed = sheet.agreed
    if isinstance(agreed, AgreedTerms):
        agreed = replace(agreed, supplier_id=supplier_id, product=product)
    sheet = replace(sheet, product_id=product_id, supplier_id=supplier_id, agreed=agreed)
    errors = worksheet_problems(sheet)
    if errors:
        raise ValidationError(errors)
    return sheet


def worksheet_problems(sheet: Worksheet) -> dict[str, str]:
    """{field: message} for every broken rule of a worksheet (module rules)."""
    errors: dict[str, str] = {}
    currency = sheet.currency
    if not isinstance(currency, str) or len(currency) != 3 or not currency.isupper():
        errors["currency"] = f"{currency!r} is not a currency code like CNY or USD."
    if sheet.targets is not None:
        if not isinstance(sheet.targets, Targets):
            errors["targets"] = "Give the target, acceptable and walk-away prices."
        else:
            errors |= keyed(target_problems(sheet.targets), WORKSHEET_FIELDS, "targets")
            if "currency" not in errors and sheet.targets.currency != currency:
                errors["targets"] = (
                    f"The target prices are in {sheet.targets.currency}, the worksheet in "
                    f"{currency}: use one currency."
                )
    shares = _share_problem(sheet.shares)
    if shares:
        errors["shares"] = shares
    if not isinstance(sheet.rounds, tuple) or not all(
        isinstance(item, NegotiationRound) for item in sheet.rounds
    ):
        errors["rounds"] = "Give each round's date, our offer and their counter."
    else:
        problems = round_problems(sheet.rounds)
        if problems:
            errors["rounds"] = " ".join(problems)
    if sheet.agreed is not None:
        if not isinstance(sheet.agreed, AgreedTerms):
            errors["agreed"] = "Give the agreed terms."
        else:
            errors |= keyed(agreed_terms_problems(sheet.agreed), AGREED_FIELDS, "terms", "agreed.")
    if not isinstance(sheet.note, str):
        errors["note"] = "Enter the note as text."
    return errors


def _share_problem(shares: Mapping[CostPart, Decimal] | None) -> str:
    if shares is None:
        return ""
    if not isinstance(shares, Mapping) or set(shares) != set(CostPart):
        return "Give a share for each of raw material, labour, overhead and profit."
    for part in CostPart:
        problem = number_problem(shares[part], f"The {part.label.lower()} share", ZERO, HUNDRED)
        if problem:
            return problem
    total = sum((shares[part] for part in CostPart), ZERO)
    if total != HUNDRED:
        return f"The shares must add up to exactly 100 %; they add up to {total} %."
    return ""


def _store(connection: Connection, sheet: Worksheet) -> NegotiationChange:
    """Write a checked worksheet, its rounds and agreement; the change names every worksheet
    it touched (another one un-agreed included)."""
    values: dict[str, Any] = {**worksheet_values(sheet), **agreed_values(sheet.agreed)}
    now = utc_now()
    pair = (WORKSHEETS.c.product_id == sheet.product_id) & (
        WORKSHEETS.c.supplier_id == sheet.supplier_id
    )
    stored = connection.scalar(select(WORKSHEETS.c.id).where(pair))
    # Un-agree the other one first: the partial unique index checks every statement.
    others = _clear_agreed(connection, sheet.product_id, keep=stored) if sheet.agreed else ()
    if stored is None:
        added = connection.execute(
            insert(WORKSHEETS).values(
                product_id=sheet.product_id,
                supplier_id=sheet.supplier_id,
                **values,
                created_at=now,
                updated_at=now,
            )
        )
        sheet_id, created = inserted_id(added), True
    else:
        connection.execute(
            update(WORKSHEETS).where(WORKSHEETS.c.id == stored).values(**values, updated_at=now)
        )
        connection.execute(delete(ROUNDS).where(ROUNDS.c.worksheet_id == stored))
        sheet_id, created = stored, False
    if sheet.rounds:
        connection.execute(
            insert(ROUNDS),
            [round_values(sheet_id, n, item) for n, item in enumerate(sheet.rounds)],
        )
    return NegotiationChange(
        created=(sheet_id,) if created else (),
        updated=(*(() if created else (sheet_id,)), *others),
        subject=Subject.WORKSHEETS,
        products=(sheet.product_id,),
    )


def _clear_agreed(
    connection: Connection, product_id: int, keep: int | None = None
) -> tuple[int, ...]:
    """Un-agree the product's agreed worksheet (but `keep`); returns the ids it changed."""
    condition = (WORKSHEETS.c.product_id == product_id) & WORKSHEETS.c.agreed.is_(True)
    if keep is not None:
        condition &= WORKSHEETS.c.id != keep
    ids = tuple(connection.scalars(select(WORKSHEETS.c.id).where(condition)))
    if ids:
        connection.execute(
            update(WORKSHEETS)
            .where(WORKSHEETS.c.id.in_(ids))
            .values(**agreed_values(None), updated_at=utc_now())
        )
    return ids


def agreed_on_default(terms: AgreedTerms, today: date) -> AgreedTerms:
    """The terms dated today when the caller left the date out."""
    return terms if terms.agreed_on is not None else replace(terms, agreed_on=today)
