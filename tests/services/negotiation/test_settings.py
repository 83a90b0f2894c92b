"""Negotiation settings and rates: defaults until set, stored exactly, unreadable ones read as
defaults, and every rule refused by field."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.negotiation.cost_settings import FeeBasis, LandedCostSettings
from app.domain.negotiation.destinations import EU, UK, DutyBasis
from app.domain.negotiation.fx import ExchangeRate
from app.domain.negotiation.market import TOO_GOOD_PCT
from app.domain.negotiation.phrasebook import GLOSSARY, Category
from app.errors import NotFound, ValidationError
from app.services.negotiation.records import SellingTargets, Subject
from app.store.db import Database
from tests.db_rows import query
from tests.services.negotiation.fixtures import World

D = Decimal
EU_SETTINGS = LandedCostSettings(
    agent_fee_pct=D(5),
    agent_fee_min=D("30.00"),
    agent_fee_basis=FeeBasis.GOODS_AND_DOMESTIC,
    payment_fee_pct=D("2.5"),
    freight=D("60.00"),
    insurance_pct=D(2),
    insurance_cover_pct=D(110),
    duty_pct=D("4.7"),
    duty_basis=DutyBasis.CIF,
    vat_pct=D(19),
    vat_reclaimable=True,
    post_border_transport=D(12),
    destination=EU,
    item_categories=2,
    consignment_value=D("140.00"),
)


def test_defaults_until_set(world: World) -> None:
    n = world.negotiation
    assert n.home_currency() == "CNY"
    assert n.rates() == []
    assert n.landed_settings() == LandedCostSettings()
    assert n.too_good_pct() == TOO_GOOD_PCT
    assert n.selling_targets() == SellingTargets(D(30), D(0))


def test_settings_are_stored_exactly(world: World, db_path: Path) -> None:
    n = world.negotiation
    assert n.set_home_currency("eur").subject is Subject.SETTINGS
    n.save_landed_settings(EU_SETTINGS)
    n.set_too_good_pct(D("25.5"))
    n.save_selling_targets(D(35), D(15))
    assert n.home_currency() == "EUR"
    assert n.landed_settings() == EU_SETTINGS
    assert n.too_good_pct() == D("25.5")
    assert n.selling_targets() == SellingTargets(D(35), D(15))
    [(stored,)] = query(
        db_path, "SELECT value FROM app_settings WHERE key = 'negotiation.landed_cost'"
    )
    assert '"duty_pct": "4.7"' in stored and '"destination": "EU"' in stored  # text, not floats


def test_unreadable_settings_read_as_defaults(world: World, database: Database) -> None:
    with database.transaction() as session:
        for key, value in (
            ("negotiation.home_currency", '"euro"'),
            ("negotiation.landed_cost", '{"duty_pct": "-4"}'),
            ("negotiation.too_good_pct", '"lots"'),
            ("negotiation.selling_targets", "{not json"),
        ):
            session.execute(
                text("INSERT INTO app_settings (key, value) VALUES (:key, :value)"),
                {"key": key, "value": value},
            )
    n = world.negotiation
    assert n.home_currency() == "CNY" and n.landed_settings() == LandedCostSettings()
    assert n.too_good_pct() == TOO_GOOD_PCT and n.selling_targets() == SellingTargets(D(30), D(0))


def test_broken_settings_are_refused_by_field(world: World) -> None:
    n = world.negotiation
    with pytest.raises(ValidationError) as refused:
        n.save_landed_settings(
            LandedCostSettings(duty_pct=D(-1), freight=D("1.005"), destination=UK)
        )
    assert refused.value.field_errors == {
        "duty_pct": "The duty % must be 0 or more, not -1.",
        "freight": "Freight has more than 2 decimals for CNY: 1.005.",
    }
    with pytest.raises(ValidationError, match="100 % or more"):
        n.save_selling_targets(D(90), D(15))
    with pytest.raises(ValidationError, match="threshold"):
        n.set_too_good_pct(D(101))
    with pytest.raises(ValidationError, match="'euro' is not a currency code"):
        n.set_home_currency("euro")
    assert n.landed_settings() == LandedCostSettings()


def test_rates_are_upserted_by_currency_and_date_and_deleted(world: World) -> None:
    n = world.negotiation
    n.set_home_currency("EUR")
    first = n.save_rate(ExchangeRate("CNY", D("7.72"), date(2026, 10, 20)))
    assert first.subject is Subject.RATES and len(first.created) == 1
    n.save_rate(ExchangeRate("USD", D("1.08"), date(2026, 11, 26)))
    n.save_rate(ExchangeRate("CNY", D("7.80"), date(2026, 11, 26)))
    again = n.save_rate(ExchangeRate("CNY", D("7.81"), date(2026, 11, 26)))
    assert again.updated and not again.created
    assert n.rates() == [
        ExchangeRate("CNY", D("7.81"), date(2026, 11, 26)),
        ExchangeRate("CNY", D("7.72"), date(2026, 10, 20)),
        ExchangeRate("USD", D("1.08"), date(2026, 11, 26)),
    ]
    n.delete_rate("CNY", date(2026, 10, 20))
    assert len(n.rates()) == 2
    with pytest.raises(NotFound):
        n.delete_rate("CNY", date(2026, 10, 20))


def test_broken_rates_are_refused(world: World) -> None:
    n = world.negotiation
    n.set_home_currency("EUR")
    with pytest.raises(ValidationError) as refused:
        n.save_rate(ExchangeRate("EUR", D(1), date(2026, 11, 26)))
    assert refused.value.field_errors == {
        "currency": "EUR is your home currency: its rate is always 1."
    }
    with pytest.raises(ValidationError) as refused:
        n.save_rate(ExchangeRate("CNY", D(0), date(2026, 11, 26)))
    assert refused.value.field_errors == {"per_home": "The CNY rate must be above 0."}
    with pytest.raises(ValidationError) as refused:
        n.save_rate(ExchangeRate("CNY", 7.8, date(2026, 11, 26)))  # type: ignore[arg-type]
    assert refused.value.field_errors == {
        "per_home": "The CNY rate must be an exact number, not a float (inexact)."
    }


def test_the_home_currency_cannot_change_under_stored_rates(world: World) -> None:
    n = world.negotiation
    n.set_home_currency("EUR")
    n.save_rate(ExchangeRate("CNY", D("7.80"), date(2026, 11, 26)))
    n.set_home_currency("EUR")  # the same: fine
    with pytest.raises(ValidationError) as refused:
        n.set_home_currency("USD")
    assert refused.value.field_errors == {
        "home": "1 rate is written as 1 EUR = x …: delete it first, then change the home "
        "currency and enter the rates again as 1 USD = x …."
    }
    n.delete_rate("CNY", date(2026, 11, 26))
    n.set_home_currency("USD")
    assert n.home_currency() == "USD"


def test_phrases_are_the_glossary_then_the_users_own(world: World) -> None:
    n = world.negotiation
    change = n.add_phrase(" 请按FOB宁波报价。 ", "Please quote FOB Ningbo.", Category.PRICE)
    assert change.subject is Subject.PHRASES
    [phrase_id] = change.created
    phrases = n.phrases()
    assert len(phrases) == len(GLOSSARY) + 1
    assert all(p.built_in for p in phrases[:-1])
    own = phrases[-1]
    assert (own.chinese, own.english, own.category, own.id) == (
        "请按FOB宁波报价。",
        "Please quote FOB Ningbo.",
        Category.PRICE,
        phrase_id,
    )
    with pytest.raises(ValidationError) as refused:
        n.add_phrase("", "x", Category.PRICE)
    assert refused.value.field_errors == {"chinese": "Enter the Chinese."}
    n.delete_phrase(phrase_id)
    assert len(n.phrases()) == len(GLOSSARY)
    with pytest.raises(NotFound):
        n.delete_phrase(phrase_id)
