"""The supplier workbook's columns, defined once for export and import: headers, kinds, values."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from operator import attrgetter
from typing import Any, Generic, TypeVar

from app.domain.kit.money import DEFAULT_CURRENCY, Money, exponent, parse_decimal
from app.domain.suppliers.choices import (
    PROVINCES,
    BusinessType,
    CertificationKind,
    Choice,
    Membership,
    RedFlagKind,
    Status,
)
from app.domain.suppliers.membership import member_since_text
from app.domain.suppliers.membership import parse_member_since as parse_member_since_text
from app.domain.suppliers.supplier import Certification, Contact, RedFlag, Supplier

Row = TypeVar("Row")
TAG_SEPARATOR = "; "
MAX_DEPOSIT = Decimal(10) ** 12  # far above any 1688 deposit; keeps minor units in 64 bits
_TAG_SPLIT = re.compile(r"[;；]")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d{1,2}\s*[%％]?\s*$")  # 45,5 (not 3,000)
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CURRENCY_WORDS = {"¥": "CNY", "￥": "CNY", "RMB": "CNY", "元": "CNY", "人民币": "CNY"}
_CURRENCY_WORDS |= {"$": "USD", "US$": "USD", "美元": "USD"}
_YES = {"yes", "y", "true", "1", "是", "有", "✓", "✔"}
_NO = {"no", "n", "false", "0", "否", "无", "没有", "✗", "×"}
_UNKNOWN = {"unknown", "?", "？", "n/a", "未知", "不详", "不清楚", "待查"}
PROTECTION_TEXT = {True: "yes", False: "no", None: "unknown"}
_PROVINCE_BY_NAME = {en.lower(): zh for zh, en in PROVINCES} | {
    f"{zh}省": zh for zh, _ in PROVINCES
}


class Kind(StrEnum):
    """What a column holds, which decides how its cells are written and read."""

    REF = "ref"
    TEXT = "text"
    CHOICE = "choice"
    INT = "int"
    DECIMAL = "decimal"
    MONEY = "money amount"
    CURRENCY = "currency"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    TAGS = "tags"


@dataclass(frozen=True, slots=True)
class Column(Generic[Row]):
    """One column: `key` names it in code and messages, `label` is the workbook header.

    `get` gives the cell value written for a row; `parse` turns a non-empty cell back into a
    field value or raises ValueError with a reason a user can read (None: written only).
    """

    key: str
    label: str
    aliases: tuple[str, ...]
    kind: Kind
    width: float
    get: Callable[[Row], object]
    parse: Callable[[object], object] | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.key, self.label, *self.aliases)


class CellProblem(ValueError):
    """A value that parsed alone but does not fit the record; `key` names the column."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def header_key(text: str) -> str:
    """How headers are compared: case, spaces, _ - % and a trailing colon do not matter."""
    cleaned = text.strip().rstrip(":：").casefold()
    return re.sub(r"[\s_\-%％]", "", cleaned)


# --- parsing one cell (never called for an empty cell) -------------------------------------
def parse_text(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return format(value, ".15g")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_decimal_cell(value: object) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a number")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # Excel keeps 15 significant digits: 98.2 comes back as 98.2, not 98.2000000000000028...
        return parse_decimal(format(value, ".15g"))
    if isinstance(value, Decimal):
        return value
    text = str(value)
    if _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    return parse_decimal(text)


def parse_int(value: object) -> int:
    text = str(value).strip().removesuffix("年") if isinstance(value, str) else value
    number = parse_decimal_cell(text)
    if number != number.to_integral_value():
        raise ValueError(f"'{value}' is not a whole number")
    return int(number)


def parse_years(value: object) -> int:
    """Years of membership as 1688 shows them: '5', '5年', '第5年'."""
    text = str(value).strip().removeprefix("第") if isinstance(value, str) else value
    years = parse_int(text)
    if not 0 <= years < 100:
        raise ValueError(f"'{value}' is not a number of years")
    return years


def parse_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = parse_text(value).casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(f"'{value}' is not yes or no")


def parse_protection(value: object) -> bool | None:
    """Buyer protection: yes (是/有/1), no (否/无/0) or unknown (未知, "?"): None, not "no"."""
    if not isinstance(value, bool) and parse_text(value).casefold() in _UNKNOWN:
        return None
    return parse_bool(value)


def parse_member_since(value: object) -> tuple[int, int | None]:
    """The join year with its month when given: 2019, '2019-03', '2019年3月', a date cell."""
    if isinstance(value, datetime | date):
        return value.year, value.month
    if isinstance(value, int | float) and not isinstance(value, bool):
        return parse_int(value), None
    return parse_member_since_text(parse_text(value))


def parse_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    found = _DATE.match(text)
    if not found:
        raise ValueError(f"'{value}' is not a date (write it as YYYY-MM-DD)")
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        raise ValueError(f"'{value}' is not a valid date") from None


def parse_currency(value: object) -> str:
    text = str(value).strip().upper()
    text = _CURRENCY_WORDS.get(text, text)
    if not _CURRENCY.match(text):
        raise ValueError(f"'{value}' is not a currency code like CNY or USD")
    return text


def parse_tags(value: object) -> list[str]:
    return [tag.strip() for tag in _TAG_SPLIT.split(parse_text(value)) if tag.strip()]


def parse_province(value: object) -> str:
    """Provinces are stored in Chinese: 'Zhejiang' and '浙江省' become 浙江."""
    text = parse_text(value)
    return _PROVINCE_BY_NAME.get(text.casefold(), text)


def parse_ref(value: object) -> str:
    return parse_text(value)


def choice_parser(choice: type[Choice]) -> Callable[[object], Choice]:
    def parse(value: object) -> Choice:
        return choice.parse(parse_text(value))

    return parse


# --- getting cell values for export --------------------------------------------------------
def _label(name: str) -> Callable[[Any], str | None]:
    """The English label of a choice field (None when unset)."""
    field = attrgetter(name)

    def get(record: Any) -> str | None:
        value = field(record)
        return None if value is None else value.label

    return get


def _text(name: str) -> Callable[[Any], str | None]:
    """A text field; empty text writes no cell at all."""
    field = attrgetter(name)
    return lambda record: field(record) or None


def _member_since(supplier: Supplier) -> int | str | None:
    """The year as a number; with its month known, "2019-03" (the import reads both)."""
    if supplier.member_since is None or supplier.member_since_month is None:
        return supplier.member_since
    return member_since_text(supplier.member_since, supplier.member_since_month)


def _deposit_amount(supplier: Supplier) -> Decimal | None:
    return None if supplier.deposit is None else supplier.deposit.amount


def _deposit_currency(supplier: Supplier) -> str | None:
    return None if supplier.deposit is None else supplier.deposit.currency


def _first_contact(name: str) -> Callable[[Supplier], str | None]:
    def get(supplier: Supplier) -> str | None:
        if not supplier.contacts:
            return None
        return getattr(supplier.contacts[0], name) or None

    return get


def _utc(name: str) -> Callable[[Supplier], datetime | None]:
    """A timestamp as a time-zone-free UTC datetime (spreadsheets know no time zones)."""
    field = attrgetter(name)

    def get(supplier: Supplier) -> datetime | None:
        value = field(supplier)
        return None if value is None else value.replace(tzinfo=None)

    return get


# --- the columns ---------------------------------------------------------------------------
# (key, Contact attribute, label, aliases, width): inline on Suppliers and on the Contacts sheet.
_CONTACT_FIELDS = (
    ("contact_person", "person", "Contact person", ("联系人", "联系人姓名", "person"), 14),
    ("phone", "phone", "Phone", ("电话", "手机", "联系电话", "手机号"), 18),
    ("wechat", "wechat", "WeChat", ("微信", "微信号"), 16),
    ("wangwang", "wangwang", "Wangwang", ("旺旺", "阿里旺旺", "旺旺号"), 16),
    ("email", "email", "E-mail", ("邮箱", "电子邮件", "电子邮箱", "mail"), 24),
)
CONTACT_KEYS = tuple(key for key, *_ in _CONTACT_FIELDS)
_CONTACT_ATTRIBUTE = {key: attribute for key, attribute, *_ in _CONTACT_FIELDS}
CONTACT_KEY_OF = {attribute: key for key, attribute in _CONTACT_ATTRIBUTE.items()}

_TEXT, _CHOICE, _DECIMAL = Kind.TEXT, Kind.CHOICE, Kind.DECIMAL

# fmt: off
SUPPLIER_COLUMNS: tuple[Column[Supplier], ...] = (
    Column("ref", "Ref", ("编号", "id"), Kind.REF, 8, attrgetter("id"), parse_ref),
    Column("name_zh", "Chinese name", ("供应商名称", "中文名称", "公司名称", "中文名", "供应商"), _TEXT, 30, _text("name_zh"), parse_text),
    Column("name_en", "English name", ("英文名称", "英文名"), _TEXT, 30, _text("name_en"), parse_text),
    Column("business_type", "Business type", ("经营模式", "企业类型", "类型"), _CHOICE, 16, _label("business_type"), choice_parser(BusinessType)),
    Column("province", "Province", ("省份", "省"), _TEXT, 10, _text("province"), parse_province),
    Column("city", "City", ("城市", "市"), _TEXT, 10, _text("city"), parse_text),
    Column("address", "Address", ("地址", "详细地址"), _TEXT, 30, _text("address"), parse_text),
    Column("shop_url", "1688 shop URL", ("店铺链接", "店铺网址", "网址", "链接", "shop"), _TEXT, 28, _text("shop_url"), parse_text),
    Column("membership", "1688 membership", ("会员等级", "会员类型", "会员"), _CHOICE, 16, _label("membership"), choice_parser(Membership)),
    Column("member_since", "Member since", ("入驻年份", "入驻时间", "会员起始年份", "诚信通起始年份"), Kind.INT, 10, _member_since, parse_member_since),
    Column("buyer_protection", "Buyer protection", ("买家保障", "交易保障"), Kind.BOOL, 10, lambda s: PROTECTION_TEXT[s.buyer_protection], parse_protection),
    Column("deposit", "Deposit", ("保证金", "保障金"), Kind.MONEY, 11, _deposit_amount, parse_decimal_cell),
    Column("deposit_currency", "Deposit currency", ("保证金币种", "币种", "currency"), Kind.CURRENCY, 8, _deposit_currency, parse_currency),
    Column("reorder_rate", "Reorder rate %", ("回头率", "复购率"), _DECIMAL, 9, attrgetter("reorder_rate"), parse_decimal_cell),
    Column("on_time_rate", "On-time shipment %", ("按时发货率", "准时发货率"), _DECIMAL, 9, attrgetter("on_time_rate"), parse_decimal_cell),
    Column("response_rate", "Response rate %", ("响应率", "回复率"), _DECIMAL, 9, attrgetter("response_rate"), parse_decimal_cell),
    Column("quality_score", "Quality score", ("质量评分", "货品质量", "质量分"), _DECIMAL, 8, attrgetter("quality_score"), parse_decimal_cell),
    Column("service_score", "Service score", ("服务评分", "服务态度", "服务分"), _DECIMAL, 8, attrgetter("service_score"), parse_decimal_cell),
    Column("status", "Status", ("状态",), _CHOICE, 11, _label("status"), choice_parser(Status)),
    Column("tags", "Tags", ("标签",), Kind.TAGS, 20, lambda s: TAG_SEPARATOR.join(s.tags) or None, parse_tags),
    *(
        Column(key, label, aliases, _TEXT, width, _first_contact(attribute), parse_text)
        for key, attribute, label, aliases, width in _CONTACT_FIELDS
    ),
    Column("notes", "Notes", ("备注", "说明"), _TEXT, 40, _text("notes"), parse_text),
    Column("created_at", "Created (UTC)", ("创建时间",), Kind.DATETIME, 17, _utc("created_at")),
    Column("updated_at", "Updated (UTC)", ("更新时间", "修改时间"), Kind.DATETIME, 17, _utc("updated_at")),
)
# Read only: years of membership as 1688 shows them (诚信通 5年) become member_since.
MEMBERSHIP_YEARS: Column[Supplier] = Column(
    "membership_years", "Membership years", ("诚信通年限", "会员年限", "年限"), Kind.INT, 8,
    lambda s: None, parse_years,
)
IMPORT_ONLY_COLUMNS: tuple[Column[Supplier], ...] = (MEMBERSHIP_YEARS,)

# Child sheets: one row per (supplier, item), linked to the Suppliers sheet by ref.
Owned = tuple[Supplier, Any]
_OWNER_COLUMNS: tuple[Column[Owned], ...] = (
    Column("ref", "Ref", ("编号", "id"), Kind.REF, 8, lambda pair: pair[0].id, parse_ref),
    Column("supplier", "Supplier", ("供应商",), _TEXT, 30, lambda pair: pair[0].display_name or None),
)
# fmt: on


def _item(name: str) -> Callable[[Owned], object]:
    def get(pair: Owned) -> object:
        return getattr(pair[1], name) or None

    return get


def _label_of_item(pair: Owned) -> str:
    return pair[1].kind.label


CONTACT_COLUMNS: tuple[Column[Owned], ...] = (
    *_OWNER_COLUMNS,
    *(
        Column(key, label, aliases, _TEXT, width, _item(attribute), parse_text)
        for key, attribute, label, aliases, width in _CONTACT_FIELDS
    ),
)
# fmt: off
CERTIFICATION_COLUMNS: tuple[Column[Owned], ...] = (
    *_OWNER_COLUMNS,
    Column("kind", "Certification", ("证书类型", "证书", "资质"), _CHOICE, 24, _label_of_item, choice_parser(CertificationKind)),
    Column("number", "Number", ("证书编号", "证书号码", "号码"), _TEXT, 20, _item("number"), parse_text),
    Column("issuer", "Issued by", ("发证机关", "颁发机构", "issuer"), _TEXT, 26, _item("issuer"), parse_text),
    Column("expires_on", "Expires on", ("有效期至", "到期日期", "到期日"), Kind.DATE, 12, _item("expires_on"), parse_date),
    # The Attention column is appended by the export: it depends on the day of the export.
)
RED_FLAG_COLUMNS: tuple[Column[Owned], ...] = (
    *_OWNER_COLUMNS,
    Column("kind", "Red flag", ("风险类型", "风险", "问题"), _CHOICE, 34, _label_of_item, choice_parser(RedFlagKind)),
    Column("noted_on", "Date noted", ("日期", "记录日期"), Kind.DATE, 12, _item("noted_on"), parse_date),
    Column("remark", "Remark", ("备注", "说明"), _TEXT, 40, _item("remark"), parse_text),
    Column("resolved_on", "Resolved on", ("解决日期", "处理日期"), Kind.DATE, 12, _item("resolved_on"), parse_date),
    Column("resolution", "Resolution", ("处理说明", "解决说明", "处理结果"), _TEXT, 40, _item("resolution"), parse_text),
)
# fmt: on
ATTENTION_LABEL = "Attention"

SUPPLIERS_SHEET = "Suppliers"
CONTACTS_SHEET = "Contacts"
CERTIFICATIONS_SHEET = "Certifications"
RED_FLAGS_SHEET = "Red flags"
SHEET_ALIASES = {
    SUPPLIERS_SHEET: ("供应商",),
    CONTACTS_SHEET: ("联系人",),
    CERTIFICATIONS_SHEET: ("资质证书", "证书"),
    RED_FLAGS_SHEET: ("风险提示", "红旗"),
}
CHILD_COLUMNS = {
    CONTACTS_SHEET: CONTACT_COLUMNS,
    CERTIFICATIONS_SHEET: CERTIFICATION_COLUMNS,
    RED_FLAGS_SHEET: RED_FLAG_COLUMNS,
}


def header_keys(headers: Sequence[object], columns: Sequence[Column[Any]]) -> list[str | None]:
    """The column key each header names (None for a header that names none of `columns`)."""
    by_name = {header_key(name): column.key for column in columns for name in column.names}
    return [None if header is None else by_name.get(header_key(str(header))) for header in headers]


# --- from parsed cells to records ----------------------------------------------------------
def build_supplier(values: Mapping[str, Any], today: date) -> Supplier:
    """A Supplier from {column key: parsed value} (empty cells absent); raises CellProblem."""
    fields = {
        key: value
        for key, value in values.items()
        if key in _SUPPLIER_FIELDS and key not in ("deposit", "deposit_currency", "member_since")
    }
    supplier = Supplier(**fields)
    if "member_since" in values:
        supplier.member_since, supplier.member_since_month = values["member_since"]
    elif "membership_years" in values:  # "诚信通5年": joined five years before this month
        supplier.member_since = today.year - values["membership_years"]
        supplier.member_since_month = today.month
    supplier.deposit = _deposit(values)
    contact = build_contact(values)
    if not contact.is_empty():
        supplier.contacts = [contact]
    return supplier


_SUPPLIER_FIELDS = frozenset(Supplier.__dataclass_fields__) - {"id", "created_at", "updated_at"}


def _deposit(values: Mapping[str, Any]) -> Money | None:
    amount = values.get("deposit")
    if amount is None:
        return None
    currency = values.get("deposit_currency", DEFAULT_CURRENCY)
    if abs(amount) >= MAX_DEPOSIT:
        raise CellProblem("deposit", f"'{amount}' is too large for a deposit")
    places = exponent(currency)
    if -amount.as_tuple().exponent > places and amount != round(amount, places):
        raise CellProblem("deposit", f"'{amount}' has more decimal places than {currency} has")
    return Money(amount.quantize(Decimal(1).scaleb(-places)), currency)


def build_contact(values: Mapping[str, Any]) -> Contact:
    return Contact(**{_CONTACT_ATTRIBUTE[key]: values.get(key, "") for key in CONTACT_KEYS})


def build_certification(values: Mapping[str, Any]) -> Certification:
    if "kind" not in values:
        raise CellProblem("kind", "Say which certification this is (e.g. Business licence).")
    return Certification(
        values["kind"], values.get("number", ""), values.get("issuer", ""), values.get("expires_on")
    )


def build_red_flag(values: Mapping[str, Any]) -> RedFlag:
    return RedFlag(
        values.get("kind", RedFlagKind.OTHER),
        values.get("noted_on"),
        values.get("remark", ""),
        values.get("resolved_on"),
        values.get("resolution", ""),
    )
