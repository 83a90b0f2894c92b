"""Turning the domain's sentences into {field key: message} for ValidationError: the domain
checks a whole quote (or settings, worksheet, agreed terms) and says what is wrong in words; the
UI needs to know which field to show each sentence beside. Each sentence goes to the first
field whose words it contains; two sentences for one field are joined."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Rules = Sequence[tuple[tuple[str, ...], str]]  # (words, any of which names the field), key

QUOTE_FIELDS: Rules = (
    (("choose the supplier",), "supplier_id"),
    (("shipping is included", "whether shipping"), "shipping_included"),
    (("price break",), "breaks"),
    (("the product",), "product"),
    (("currency code",), "currency"),
    (("moq",), "moq"),
    (("order multiple",), "order_multiple"),
    (("minimum pieces",), "seller_min_qty"),
    (("minimum amount",), "seller_min_amount"),
    (("lead time",), "lead_time_days"),
    (("domestic shipping",), "domestic_shipping"),
    (("valid from",), "valid_from"),
    (("valid until", "cannot end"), "valid_until"),
    (("trade term",), "trade_term"),
    (("payment terms",), "payment_terms"),
    (("note",), "note"),
)
SETTINGS_FIELDS: Rules = (
    (("home currency",), "home"),
    (("agent fee %",), "agent_fee_pct"),
    (("agent's minimum fee",), "agent_fee_min"),
    (("agent fee is charged on",), "agent_fee_basis"),
    (("for the agent",), "agent_currency"),
    (("payment fee",), "payment_fee_pct"),
    (("insurance cover",), "insurance_cover_pct"),
    (("insurance %",), "insurance_pct"),
    (("duty basis",), "duty_basis"),
    (("duty %",), "duty_pct"),
    (("vat is reclaimable",), "vat_reclaimable"),
    (("vat %",), "vat_pct"),
    (("after the border",), "post_border_transport"),
    (("freight",), "freight"),
    (("consignment's goods value",), "consignment_value"),
    (("destination",), "destination"),
    (("item categor",), "item_categories"),
)
WORKSHEET_FIELDS: Rules = (
    (("target price",), "target"),
    (("acceptable price",), "acceptable"),
    (("walk-away price",), "walk_away"),
    (("round ",), "rounds"),
    (("share", "shares"), "shares"),
)
AGREED_FIELDS: Rules = (
    (("unit price",), "unit_price"),
    (("quantity",), "quantity"),
    (("payment plan", "instalment"), "payment_plan"),
    (("trade term",), "trade_term"),
    (("lead time",), "lead_time_days"),
    (("valid until", "valid_until", "before it was agreed"), "valid_until"),
    (("agreed on",), "agreed_on"),
    (("quality standard",), "quality_standard"),
    (("packaging",), "packaging"),
    (("after-sales",), "after_sales"),
    (("currency code",), "currency"),
    (("note",), "note"),
)


def keyed(problems: Iterable[str], rules: Rules, default: str, prefix: str = "") -> dict[str, str]:
    """{prefix + field key: the sentences about it}; a sentence no rule names goes to
    `default`."""
    errors: dict[str, str] = {}
    for sentence in problems:
        lowered = sentence.casefold()
        key = next((k for words, k in rules if any(w in lowered for w in words)), default)
        key = prefix + key
        errors[key] = f"{errors[key]} {sentence}" if key in errors else sentence
    return errors
