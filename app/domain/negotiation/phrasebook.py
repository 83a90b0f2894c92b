"""The built-in glossary: words and phrases a buyer needs on 1688 (domain.md: Words a buyer
needs), plus the phrases of a real negotiation about price, quantity, samples, payment,
shipping, quality and packaging. Chinese is mainland simplified Chinese, without pinyin.

Rules, decided once:
- Each entry has its Chinese, its English, a category and whether it is a word or a phrase;
  domain.md's words and phrases come first, in its order.
- `search` matches the Chinese, the English or the category (its code or its label), ignoring
  case and full-width/half-width differences. Several words separated by spaces must each match
  somewhere in the entry ("free shipping" finds 包邮; "payment deposit" finds 定金). Empty text
  finds everything. Results keep the glossary's order.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    PRICE = "price"
    QUANTITY = "quantity"
    SAMPLES = "samples"
    PAYMENT = "payment"
    SHIPPING = "shipping"
    QUALITY = "quality"
    PACKAGING = "packaging"
    PRODUCT = "product"
    SUPPLIER = "supplier"

    @property
    def label(self) -> str:
        return _CATEGORY_LABELS[self][0]

    @property
    def label_zh(self) -> str:
        return _CATEGORY_LABELS[self][1]


_CATEGORY_LABELS = {
    Category.PRICE: ("Price", "价格"),
    Category.QUANTITY: ("Quantity and MOQ", "数量和起订量"),
    Category.SAMPLES: ("Samples", "样品"),
    Category.PAYMENT: ("Payment", "付款"),
    Category.SHIPPING: ("Shipping and lead time", "物流和交期"),
    Category.QUALITY: ("Quality", "质量"),
    Category.PACKAGING: ("Packaging and labels", "包装和标签"),
    Category.PRODUCT: ("Product", "产品"),
    Category.SUPPLIER: ("Supplier", "供应商"),
}


class Kind(StrEnum):
    WORD = "word"
    PHRASE = "phrase"


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    chinese: str
    english: str
    category: Category
    kind: Kind = Kind.WORD


_P, _Q, _S, _PAY = Category.PRICE, Category.QUANTITY, Category.SAMPLES, Category.PAYMENT
_SH, _QC, _PK = Category.SHIPPING, Category.QUALITY, Category.PACKAGING
_PR, _SU = Category.PRODUCT, Category.SUPPLIER

_WORDS = (
    # domain.md: Words a buyer needs, in its order
    ("价格", "price", _P),
    ("数量", "quantity", _Q),
    ("运费", "shipping fee", _SH),
    ("现货", "in stock", _PR),
    ("定制", "custom-made", _PR),
    ("批发", "wholesale", _P),
    ("起订量", "MOQ (minimum order quantity)", _Q),
    ("发货", "ship (dispatch the goods)", _SH),
    ("样品", "sample", _S),
    ("实拍图", "real photo (not a catalogue picture)", _PR),
    ("包邮", "free shipping", _SH),
    ("混批", "mixed batch (styles or colours mixed toward the MOQ)", _Q),
    ("一件代发", "dropshipping", _SH),
    ("工厂", "factory", _SU),
    ("报价", "quotation", _P),
    ("交期", "lead time", _SH),
    ("质检", "quality inspection", _QC),
    ("合箱/集运", "consolidation (parcels combined into one shipment)", _SH),
    ("首重", "first weight (the first weight step of a rate card)", _SH),
    ("续重", "additional weight (each further step)", _SH),
    # more a buyer meets when negotiating
    ("单价", "unit price", _P),
    ("阶梯价", "tiered price (price breaks by quantity)", _P),
    ("含税", "tax included (with a VAT invoice)", _P),
    ("起批量", "minimum batch quantity (the table's quantity column)", _Q),
    ("试单", "trial order", _Q),
    ("打样", "sample making", _S),
    ("样品费", "sample fee", _S),
    ("定金", "deposit", _PAY),
    ("尾款", "balance payment", _PAY),
    ("担保交易", "escrow payment (paid out when you confirm receipt)", _PAY),
    ("发票", "invoice", _PAY),
    ("快递单号", "tracking number", _SH),
    ("仓库", "warehouse", _SH),
    ("大货", "bulk goods (the main production run)", _QC),
    ("次品", "defective item", _QC),
    ("验货", "inspection of the goods", _QC),
    ("退换货", "returns and exchanges", _QC),
    ("中性包装", "neutral packaging (no brand, no Chinese text)", _PK),
    ("外箱", "outer carton", _PK),
    ("箱规", "carton specification (pieces, size and weight per carton)", _PK),
    ("贴标", "labelling", _PK),
    ("开模", "mould making (tooling for a custom product)", _PR),
    ("材质", "material", _PR),
    ("规格", "specification", _PR),
    ("源头工厂", "source factory (the manufacturer itself)", _SU),
    ("贸易公司", "trading company", _SU),
)
_PHRASES = (
    # domain.md: Phrases, in its order
    ("可以发实拍图吗？", "Can you send real photos?", _PR),
    ("最低价是多少？", "What is your best price?", _P),
    ("可以小批量吗？", "Can you do a small quantity?", _Q),
    ("生产需要多长时间？", "How long does production take?", _SH),
    ("可以发货到这个地址吗？", "Can you ship to this address?", _SH),
    ("有质检报告吗？", "Do you have an inspection report?", _QC),
    # price
    ("这个价格还能再优惠一点吗？", "Can you make the price a little better?", _P),
    ("如果订500件，单价是多少？", "What is the unit price if I order 500 pieces?", _P),
    (
        "长期合作的话，价格能再低一点吗？",
        "Can the price be lower if we work together long term?",
        _P,
    ),
    ("这个报价含运费吗？", "Does this quote include shipping?", _P),
    ("价格含税吗？", "Does the price include tax?", _P),
    ("能给个阶梯报价吗？", "Can you give me prices for different quantities?", _P),
    ("别家的报价比你们低。", "Other suppliers quoted lower than you.", _P),
    ("报价有效期到什么时候？", "Until when is the quote valid?", _P),
    # quantity
    ("起订量能降低一点吗？", "Can you lower the MOQ?", _Q),
    ("不同颜色可以混批吗？", "Can different colours be mixed toward the MOQ?", _Q),
    (
        "第一次合作，可以先下个试单吗？",
        "As it is our first order, can we start with a trial order?",
        _Q,
    ),
    # samples
    ("可以先寄样品吗？", "Can you send a sample first?", _S),
    (
        "样品费多少？下大货可以退吗？",
        "How much is the sample? Is it refunded with the bulk order?",
        _S,
    ),
    ("大货能保证和样品一致吗？", "Can you guarantee the bulk goods will match the sample?", _S),
    # payment
    ("可以走担保交易吗？", "Can we pay through escrow?", _PAY),
    (
        "可以先付30%定金，发货前付尾款吗？",
        "Can I pay a 30% deposit and the balance before shipment?",
        _PAY,
    ),
    ("尾款可以收货后再付吗？", "Can I pay the balance after I receive the goods?", _PAY),
    ("可以开发票吗？", "Can you issue an invoice?", _PAY),
    # shipping and lead time
    ("有现货吗？多久能发货？", "Is it in stock? How soon can you ship?", _SH),
    (
        "请发到这个仓库地址，发货后告诉我快递单号。",
        "Please ship to this warehouse address and send me the tracking number.",
        _SH,
    ),
    ("发什么快递？运费多少？", "Which courier do you use, and how much is shipping?", _SH),
    ("可以包邮吗？", "Can you ship it free?", _SH),
    ("如果延期交货怎么处理？", "What happens if delivery is late?", _SH),
    # quality
    ("发货前可以拍个视频给我看看吗？", "Can you send me a video before shipping?", _QC),
    ("有质量问题怎么处理？", "How do you handle quality problems?", _QC),
    ("次品可以退换吗？", "Can defective items be returned or exchanged?", _QC),
    (
        "有哪些认证？可以提供证书吗？",
        "Which certifications do you have? Can you send the certificates?",
        _QC,
    ),
    # packaging
    ("可以用中性包装吗？", "Can you use neutral packaging?", _PK),
    (
        "可以印我们的logo吗？起订量是多少？",
        "Can you print our logo? What is the MOQ for that?",
        _PK,
    ),
    (
        "一箱装多少件？外箱尺寸和重量是多少？",
        "How many pieces per carton? What are the carton's size and weight?",
        _PK,
    ),
    (
        "包裹里请不要放价格单和发票。",
        "Please do not put price lists or invoices in the parcel.",
        _PK,
    ),
    ("可以帮忙贴条码标签吗？", "Can you put our barcode labels on?", _PK),
    # product and supplier
    ("这款是什么材质的？", "What material is this made of?", _PR),
    ("你们是工厂还是贸易公司？", "Are you a factory or a trading company?", _SU),
    (
        "我们是长期采购，希望能长期合作。",
        "We buy regularly and hope to work with you long term.",
        _SU,
    ),
)
WORDS = tuple(GlossaryEntry(zh, en, cat, Kind.WORD) for zh, en, cat in _WORDS)
PHRASES = tuple(GlossaryEntry(zh, en, cat, Kind.PHRASE) for zh, en, cat in _PHRASES)
GLOSSARY = WORDS + PHRASES


def search(entries: Iterable[GlossaryEntry], text: str) -> list[GlossaryEntry]:
    """The entries matching every space-separated word of `text` (module rules)."""
    terms = _fold(text).split()
    return [entry for entry in entries if all(term in _haystack(entry) for term in terms)]


def _haystack(entry: GlossaryEntry) -> str:
    parts = (entry.chinese, entry.english, entry.category.value, entry.category.label)
    return _fold(" ".join((*parts, entry.category.label_zh)))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()
