"""The built-in glossary and its search."""

from __future__ import annotations

import re

from app.domain.negotiation.phrasebook import GLOSSARY, PHRASES, WORDS, Category, Kind, search

CJK = re.compile(r"[\u4e00-\u9fff]")
DOMAIN_WORDS = {
    "价格": "price",
    "数量": "quantity",
    "运费": "shipping fee",
    "现货": "in stock",
    "定制": "custom-made",
    "批发": "wholesale",
    "起订量": "MOQ",
    "发货": "ship",
    "样品": "sample",
    "实拍图": "real photo",
    "包邮": "free shipping",
    "混批": "mixed batch",
    "一件代发": "dropshipping",
    "工厂": "factory",
    "报价": "quotation",
    "交期": "lead time",
    "质检": "quality inspection",
    "合箱/集运": "consolidation",
    "首重": "first weight",
    "续重": "additional weight",
}
DOMAIN_PHRASES = {
    "可以发实拍图吗？": "Can you send real photos?",
    "最低价是多少？": "What is your best price?",
    "可以小批量吗？": "Can you do a small quantity?",
    "生产需要多长时间？": "How long does production take?",
    "可以发货到这个地址吗？": "Can you ship to this address?",
    "有质检报告吗？": "Do you have an inspection report?",
}


def test_every_word_and_phrase_of_domain_md_is_in_the_glossary_in_order() -> None:
    words = {entry.chinese: entry.english for entry in WORDS}
    for chinese, english in DOMAIN_WORDS.items():
        assert words[chinese].startswith(english)
    assert [entry.chinese for entry in WORDS[: len(DOMAIN_WORDS)]] == list(DOMAIN_WORDS)
    phrases = {entry.chinese: entry.english for entry in PHRASES}
    for chinese, english in DOMAIN_PHRASES.items():
        assert phrases[chinese] == english


def test_there_are_20_to_30_more_phrases_across_the_negotiation_topics() -> None:
    extra = PHRASES[len(DOMAIN_PHRASES) :]
    assert 20 <= len(extra) <= 40
    covered = {entry.category for entry in extra}
    for category in (
        Category.PRICE,
        Category.QUANTITY,
        Category.SAMPLES,
        Category.PAYMENT,
        Category.SHIPPING,
        Category.QUALITY,
        Category.PACKAGING,
    ):
        assert category in covered


def test_every_entry_is_chinese_english_and_categorised() -> None:
    assert GLOSSARY == WORDS + PHRASES
    assert len({entry.chinese for entry in GLOSSARY}) == len(GLOSSARY)
    for entry in GLOSSARY:
        assert CJK.search(entry.chinese), entry
        assert not CJK.search(entry.english), entry
        assert isinstance(entry.category, Category)
    assert all(entry.kind is Kind.PHRASE for entry in PHRASES)
    assert Category.PAYMENT.label_zh == "付款"


def test_search_matches_chinese_english_or_category_ignoring_case() -> None:
    assert [e.chinese for e in search(GLOSSARY, "包邮")] == ["包邮", "可以包邮吗？"]
    assert search(GLOSSARY, "FREE SHIPPING")[0].chinese == "包邮"
    assert "起订量" in [e.chinese for e in search(GLOSSARY, "moq")]
    payment = search(GLOSSARY, "Payment")
    assert {e.chinese for e in payment} >= {"定金", "尾款", "担保交易", "可以走担保交易吗？"}
    assert [e.chinese for e in search(GLOSSARY, "payment deposit")] == [
        "定金",
        "可以先付30%定金，发货前付尾款吗？",
    ]
    assert search(GLOSSARY, "集运")[0].chinese == "合箱/集运"
    assert search(GLOSSARY, "付款") == payment  # the category's Chinese label
    assert search(GLOSSARY, "ｍｏｑ") == search(GLOSSARY, "moq")  # full-width typed
    assert search(GLOSSARY, "") == list(GLOSSARY)
    assert search(GLOSSARY, "   ") == list(GLOSSARY)
    assert search(GLOSSARY, "xyzzy") == []
    assert search(WORDS, "请") == []  # only the entries given are searched
