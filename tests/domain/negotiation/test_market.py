"""Market statistics over several suppliers' quotes at one quantity."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from app.domain.negotiation.market import market_stats
from app.domain.negotiation.quotes import PriceBreak, Quote

D = Decimal


def quote(supplier: int, price: str, currency: str = "CNY", **extra: Any) -> Quote:
    breaks = (PriceBreak(1, D(price)),)
    return Quote(supplier, "Phone stand", currency=currency, breaks=breaks, **extra)


def test_range_mean_median_and_weighted_mean() -> None:
    quotes = [
        quote(1, "2.80"),
        quote(2, "3.00"),
        quote(3, "3.20"),
        quote(4, "1.50"),
        quote(5, "2.90"),
    ]
    stats = market_stats(quotes, 100)
    assert stats.count == 5
    assert (stats.minimum, stats.maximum) == (D("1.50"), D("3.20"))
    assert stats.mean == D("2.6800")
    assert stats.median == D("2.90")
    assert stats.weighted_mean == D("2.6800")  # the same quantity everywhere
    assert stats.currency == "CNY"
    for value in (stats.minimum, stats.maximum, stats.mean, stats.median, stats.weighted_mean):
        assert type(value) is Decimal
    cheapest = [e.quote.supplier_id for e in stats.entries if e.cheapest]
    too_good = [e.quote.supplier_id for e in stats.entries if e.too_good]
    assert cheapest == [4] and too_good == [4]
    assert stats.entries[3].below_median_pct == D("48.3")


def test_an_even_count_has_the_mean_of_the_middle_two_as_median() -> None:
    stats = market_stats(
        [quote(1, "1.00"), quote(2, "2.00"), quote(3, "3.00"), quote(4, "10.00")], 1
    )
    assert stats.median == D("2.50")
    assert stats.mean == D("4.0000")


def test_the_weighted_mean_is_total_goods_over_total_units() -> None:
    # Supplier 1 sells in dozens: 100 asked orders 108 pieces.
    stats = market_stats([quote(1, "2.00", order_multiple=12), quote(2, "3.00")], 100)
    assert stats.weighted_mean == D("2.4808")  # (216 + 300) / 208 = 2.48077
    assert stats.mean == D("2.5000")


def test_too_good_means_more_than_the_threshold_below_the_median() -> None:
    exactly = market_stats([quote(1, "7.00"), quote(2, "10.00"), quote(3, "12.00")], 1)
    assert not any(e.too_good for e in exactly.entries)  # exactly 30 % below
    assert exactly.entries[0].below_median_pct == D("30.0")
    below = market_stats([quote(1, "6.99"), quote(2, "10.00"), quote(3, "12.00")], 1)
    assert [e.too_good for e in below.entries] == [True, False, False]
    editable = market_stats([quote(1, "6.99"), quote(2, "10.00"), quote(3, "12.00")], 1, D(40))
    assert not any(e.too_good for e in editable.entries)
    assert editable.threshold_pct == D(40)


def test_with_fewer_than_three_quotes_nothing_is_flagged() -> None:
    stats = market_stats([quote(1, "1.00"), quote(2, "10.00")], 1)
    assert not any(e.too_good for e in stats.entries)
    assert "Fewer than 3 priceable quotes" in stats.note
    assert stats.entries[0].cheapest


def test_ties_for_cheapest_are_all_marked() -> None:
    stats = market_stats([quote(1, "2.00"), quote(2, "2.00"), quote(3, "3.00")], 1)
    assert [e.cheapest for e in stats.entries] == [True, True, False]


def test_unpriceable_quotes_are_listed_with_the_reason_not_counted() -> None:
    high_moq = quote(2, "0.50", moq=500)
    stats = market_stats([quote(1, "2.00"), high_moq, quote(3, "3.00")], 100)
    assert stats.count == 2
    assert stats.minimum == D("2.00")
    entry = stats.entries[1]
    assert entry.priced is None and entry.reason.startswith("Below the MOQ of 500 pieces")
    nothing = market_stats([high_moq], 100)
    assert (nothing.count, nothing.mean, nothing.currency) == (0, None, None)
    assert nothing.note == "No quote can be priced at this quantity."
    assert market_stats([], 10).count == 0


def test_mixed_currencies_and_a_bad_threshold_are_refused() -> None:
    with pytest.raises(ValueError, match="The quotes are in CNY and USD: compare quotes in one"):
        market_stats([quote(1, "2.00"), quote(2, "0.30", "USD")], 1)
    with pytest.raises(ValueError, match="threshold must be 100 or less"):
        market_stats([quote(1, "2.00")], 1, D(150))
