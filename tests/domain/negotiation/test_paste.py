"""Reading a 1688 price table pasted as text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.negotiation.paste import parse_price_table
from app.domain.negotiation.quotes import PriceBreak

D = Decimal
THREE = (PriceBreak(2, D("3.20")), PriceBreak(100, D("2.80")), PriceBreak(500, D("2.50")))


@pytest.mark.parametrize(
    "text",
    [
        "2-99件 ¥3.20 / 100-499件 ¥2.80 / ≥500件 ¥2.50",
        "2-99件 ¥3.20\n100-499件 ¥2.80\n≥500件 ¥2.50",
        "2-99件 ¥3.20\r\n100-499件 ¥2.80\r\n≥500件 ¥2.50\r\n",
        # the phone layout: each price above its range
        "¥3.20\n2-99件\n¥2.80\n100-499件\n¥2.50\n≥500件",
        # the table layout: a price row, then a 起批量 row
        "价格\n¥3.20\n¥2.80\n¥2.50\n起批量\n2-99件\n100-499件\n≥500件",
        "价格 ¥3.20 ¥2.80 ¥2.50\n起批量 2-99件 100-499件 ≥500件",
        "起批量(件)\t价格\n2-99\t¥3.20\n100-499\t¥2.80\n≥500\t¥2.50",
        # full-width characters as a Chinese keyboard types them
        "２－９９件 ￥３.２０\n１００～４９９件 ￥２.８０\n≥５００件 ￥２.５０",
        "2～99件：￥3.20；100～499件：￥2.80；500件以上：￥2.50",
        "2 - 99 个 ¥ 3.20 | 100 - 499 个 ¥ 2.80 | >=500 个 ¥ 2.50",
        "2-99套 3.20元/套\n100-499套 2.80元/套\n500套及以上 2.50元/套",
        "2至99条 ￥3.20\n100到499条 ￥2.80\n≥500条 ￥2.50",
        "2-99双 RMB 3.20, 100-499双 RMB 2.80, >=500双 RMB 2.50",
        "2-99 pcs CNY 3.2\n100-499 pcs CNY 2.8\n≥500 pcs CNY 2.5",
        "2—99把 ¥3.20 100–499把 ¥2.80 ≧500把 ¥2.50",
        "2-99只 ¥3.20/只 100-499只 ¥2.80/只 500只以上 ¥2.50/只",
        # a bare price after its range, as typed into a note
        "2-99 3.20\n100-499 2.80\n>=500 2.50",
        # stock, sales and shipping clauses copied along are skipped
        "2-99件 ¥3.20\n100-499件 ¥2.80\n≥500件 ¥2.50\n库存 12,000件\n已售 3,400件\n运费 ¥5.00起",
    ],
)
def test_real_looking_tables_read_the_same(text: str) -> None:
    table = parse_price_table(text)
    assert table.breaks == THREE
    assert table.moq == 2
    assert table.warnings == ()
    for item in table.breaks:
        assert type(item.unit_price) is Decimal


@pytest.mark.parametrize(
    ("text", "moq", "price"),
    [
        ("≥2件 3.20元", 2, "3.20"),
        ("2件起批 ¥3.20", 2, "3.20"),
        ("¥3.20 2件起批", 2, "3.20"),
        ("￥3.20\n1个起批", 1, "3.20"),
        ("起批量 ≥10件 价格 ¥15.00", 10, "15.00"),
        ("起订量：100 价格 ¥0.35", 100, "0.35"),
        ("MOQ: 50 pcs ¥1.2", 50, "1.2"),
        ("3件起 ¥128.00", 3, "128.00"),
        ("¥0.035 ≥1000个", 1000, "0.035"),
        ("¥9.90 1件", 1, "9.90"),
    ],
)
def test_one_price_tables_give_the_moq(text: str, moq: int, price: str) -> None:
    table = parse_price_table(text)
    assert table.breaks == (PriceBreak(moq, D(price)),)
    assert table.moq == moq


def test_thousands_and_the_unit_are_read() -> None:
    table = parse_price_table("1,000-4,999件 ¥2.10 ≥5,000件 ¥1.90")
    assert table.breaks == (PriceBreak(1000, D("2.10")), PriceBreak(5000, D("1.90")))
    assert table.moq == 1000
    assert table.unit == "件"
    assert parse_price_table("2-99 ¥3.20").unit == ""


def test_ranges_out_of_order_are_sorted_with_their_prices() -> None:
    table = parse_price_table("≥500件 ¥2.50\n100-499件 ¥2.80\n2-99件 ¥3.20")
    assert table.breaks == THREE


def test_more_than_means_strictly_more_and_a_gap_is_reported() -> None:
    table = parse_price_table("2-99件 ¥3.20 / 100-499件 ¥2.80 / >500件 ¥2.50")
    assert table.breaks[-1] == PriceBreak(501, D("2.50"))
    assert table.warnings == ("No price for 500 pieces: the '100-499件' price is used for them.",)
    assert parse_price_table("2-99件 ¥3.20 >99件 ¥2.80").breaks[-1].min_qty == 100


def test_overlaps_rising_prices_and_a_bounded_last_range_are_warned_about() -> None:
    warnings = parse_price_table("1-100件 ¥3.20 100-499件 ¥3.50 500-999件 ¥2.50").warnings
    assert "'1-100件' overlaps '100-499件': from 100 pieces the second price applies." in warnings
    assert "The price rises from ¥3.20 to ¥3.50 at 100 pieces: check the table." in warnings
    assert any("The last range '500-999件' ends at 999" in w for w in warnings)
    gap = parse_price_table("2-49件 ¥3.20 ≥100件 ¥2.80").warnings
    assert gap == ("No price for 50-99 pieces: the '2-49件' price is used for them.",)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "Paste the price table, for example '2-99件 ¥3.20"),
        ("   \n ", "Paste the price table"),
        ("hello world", "No prices or quantities found"),
        ("这款很好看，欢迎选购", "No prices or quantities found"),
        ("¥3.20", "Found 1 price (¥3.20) but no quantity"),
        ("2-99件 100-499件", "Found 2 quantity ranges ('2-99件', '100-499件') but no price"),
        ("2-99件 ¥3.20 100-499件", "Found 1 price (¥3.20) but 2 quantity ranges"),
        ("1 2 3", "Found 3 prices (¥1, ¥2, ¥3) but no quantity"),
        ("¥3.20-5.80 2件起批", "'¥3.20-5.80' is a price range"),
        ("3.20-5.80元 2件起批", "is a price range"),
        ("$3.20 ≥2件", "marked in dollars"),
        ("USD 3.20 ≥2件", "marked in dollars"),
        ("2-99件 ¥0", "The price '¥0' must be above 0"),
        ("2-99件 ¥0.00001", "more than 4 decimals"),
        ("99-2件 ¥3.20", "The range '99-2件' runs backwards"),
        ("0-99件 ¥3.20", "a quantity starts at 1 or more"),
        ("2-99件 ¥3.20 2件以上 ¥3.00", "Two prices start at 2 pieces"),
    ],
)
def test_garbage_is_refused_with_a_clear_message(text: str, words: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_price_table(text)
    assert words in str(caught.value)


def test_not_text_is_refused() -> None:
    with pytest.raises(ValueError, match="Paste the price table"):
        parse_price_table(None)  # type: ignore[arg-type]
