"""The one definition of the supplier workbook's columns: headers, values written, parsing."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from app.domain.kit.money import Money
from app.domain.suppliers.choices import BusinessType, CertificationKind, Membership, Status
from app.domain.suppliers.supplier import Contact
from app.exports.suppliers.columns import (
    CERTIFICATION_COLUMNS,
    CONTACT_COLUMNS,
    IMPORT_ONLY_COLUMNS,
    RED_FLAG_COLUMNS,
    SUPPLIER_COLUMNS,
    CellProblem,
    build_certification,
    build_supplier,
    choice_parser,
    header_key,
    header_keys,
    parse_bool,
    parse_currency,
    parse_date,
    parse_decimal_cell,
    parse_int,
    parse_province,
    parse_tags,
    parse_text,
    parse_years,
)
from tests.factories import hengda, minimal

TODAY = date(2026, 11, 29)
MAIN = (*SUPPLIER_COLUMNS, *IMPORT_ONLY_COLUMNS)


def _values(supplier) -> dict[str, object]:
    return {column.key: column.get(supplier) for column in SUPPLIER_COLUMNS}


@pytest.mark.parametrize(
    "columns", [MAIN, CONTACT_COLUMNS, CERTIFICATION_COLUMNS, RED_FLAG_COLUMNS]
)
def test_every_header_name_means_one_column_only(columns) -> None:
    names = [name for column in columns for name in {header_key(n) for n in column.names}]
    assert len(names) == len(set(names))
    assert len({column.key for column in columns}) == len(columns)


@pytest.mark.parametrize(
    ("header", "key"),
    [
        ("name_zh", "name_zh"),
        ("Chinese name", "name_zh"),
        ("CHINESE NAME", "name_zh"),
        ("供应商名称", "name_zh"),
        ("中文名称", "name_zh"),
        ("公司名称", "name_zh"),
        (" English Name ", "name_en"),
        ("Reorder rate %", "reorder_rate"),
        ("reorder rate", "reorder_rate"),
        ("回头率", "reorder_rate"),
        ("E-mail", "email"),
        ("EMAIL", "email"),
        ("微信", "wechat"),
        ("旺旺:", "wangwang"),
        ("诚信通年限", "membership_years"),
        ("Something else", None),
        (None, None),
    ],
)
def test_headers_match_key_label_or_chinese_alias_ignoring_case(header, key) -> None:
    assert header_keys([header], MAIN) == [key]


def test_a_full_record_gives_plain_cell_values() -> None:
    supplier = hengda(id=12)
    supplier.created_at = datetime(2026, 11, 1, 8, 30, tzinfo=UTC)
    values = _values(supplier)
    assert values["ref"] == 12
    assert values["name_zh"] == "义乌市恒达工艺品厂"
    assert values["business_type"] == "Factory"
    assert values["membership"] == "Strong merchant"
    assert values["status"] == "Sampling"
    assert values["member_since"] == "2019-03"  # with its month; a year alone stays a number
    assert values["buyer_protection"] == "yes"
    assert values["deposit"] == Decimal("3000.00")
    assert values["deposit_currency"] == "CNY"
    assert values["reorder_rate"] == Decimal("45.5")
    assert values["tags"] == "工艺品; home decor"
    assert values["contact_person"] == "王丽"
    assert values["email"] == "wangli@hengda.cn"
    assert values["created_at"] == datetime(2026, 11, 1, 8, 30)  # UTC, without a zone
    assert values["updated_at"] is None


def test_empty_fields_write_no_value() -> None:
    values = _values(minimal("深圳市华强通讯配件有限公司"))
    filled = {key for key, value in values.items() if value is not None}
    assert filled == {"name_zh", "buyer_protection", "status"}
    assert values["buyer_protection"] == "unknown"  # never "no" by default


def test_certification_and_red_flag_columns_read_the_pair() -> None:
    supplier = hengda(id=3)
    certificate = supplier.certifications[1]
    row = [column.get((supplier, certificate)) for column in CERTIFICATION_COLUMNS]
    assert row == [3, "义乌市恒达工艺品厂", "CE", "CE-2024-118", "TÜV Rheinland", date(2027, 1, 10)]
    flag = supplier.red_flags[0]
    row = [column.get((supplier, flag)) for column in RED_FLAG_COLUMNS]
    assert row == [
        3,
        "义乌市恒达工艺品厂",
        "Price far below market",
        date(2026, 10, 2),
        "30 % under market",
        None,  # not resolved
        None,
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (98.2, Decimal("98.2")),
        (45, Decimal(45)),
        ("45.5%", Decimal("45.5")),
        ("3,000", Decimal(3000)),
        ("45,5", Decimal("45.5")),
        ("1,50 %", Decimal("1.50")),
    ],
)
def test_numbers_parse_exactly(cell, expected) -> None:
    assert parse_decimal_cell(cell) == expected
    assert str(parse_decimal_cell(98.2)) == "98.2"


@pytest.mark.parametrize("cell", ["abc", True, "12 pcs", float("nan")])
def test_not_a_number_says_so(cell) -> None:
    with pytest.raises(ValueError, match="is not a number"):
        parse_decimal_cell(cell)


def test_whole_numbers_and_years() -> None:
    assert parse_int("2019年") == 2019
    assert parse_int(2019.0) == 2019
    with pytest.raises(ValueError, match="not a whole number"):
        parse_int("2019.5")
    assert parse_years("第5年") == 5
    with pytest.raises(ValueError, match="not a number of years"):
        parse_years("2019")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (True, True),
        ("yes", True),
        ("是", True),
        ("1", True),
        (1, True),
        ("No", False),
        ("否", False),
        (0, False),
    ],
)
def test_yes_and_no(cell, expected) -> None:
    assert parse_bool(cell) is expected


def test_a_bool_cell_that_is_neither() -> None:
    with pytest.raises(ValueError, match="'maybe' is not yes or no"):
        parse_bool("maybe")


@pytest.mark.parametrize(
    "cell",
    [
        "2027-01-10",
        "2027/1/10",
        "2027.01.10",
        "2027年1月10日",
        "2027-01-10 00:00:00",
        datetime(2027, 1, 10, 0, 0),
        date(2027, 1, 10),
    ],
)
def test_dates_are_read_year_first(cell) -> None:
    assert parse_date(cell) == date(2027, 1, 10)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [("10/01/2027", "YYYY-MM-DD"), ("2027-02-30", "not a valid date"), (46000, "YYYY-MM-DD")],
)
def test_ambiguous_or_impossible_dates_are_refused(cell, reason) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(cell)


def test_currency_tags_province_text() -> None:
    assert parse_currency(" usd ") == "USD"
    assert parse_currency("人民币") == "CNY"
    assert parse_currency("¥") == "CNY"
    with pytest.raises(ValueError, match="currency code"):
        parse_currency("dollars")
    assert parse_tags("工艺品; home decor；礼品 ;") == ["工艺品", "home decor", "礼品"]
    assert parse_province("Zhejiang") == "浙江"
    assert parse_province("浙江省") == "浙江"
    assert parse_province("香港") == "香港"
    assert parse_text(13800001234.0) == "13800001234"
    assert parse_text("  王丽 ") == "王丽"


@pytest.mark.parametrize("text", ["factory", "Factory", "生产厂家", "FACTORY"])
def test_choices_accept_code_english_or_chinese_label(text) -> None:
    assert choice_parser(BusinessType)(text) is BusinessType.FACTORY


def test_an_unknown_choice_lists_the_options() -> None:
    with pytest.raises(ValueError, match="'Pending' is not one of: Prospect, Contacted"):
        choice_parser(Status)("Pending")


def test_build_supplier_from_parsed_cells() -> None:
    supplier = build_supplier(
        {
            "name_zh": "广州市白云区皮具厂",
            "membership": Membership.BASIC,
            "membership_years": 5,
            "deposit": Decimal("3000"),
            "phone": "020-8888 0000",
            "tags": ["皮具"],
        },
        TODAY,
    )
    assert (supplier.member_since, supplier.member_since_month) == (2021, TODAY.month)
    assert supplier.deposit == Money(Decimal("3000.00"), "CNY")
    assert str(supplier.deposit.amount) == "3000.00"
    assert supplier.contacts == [Contact(phone="020-8888 0000")]
    assert supplier.status is Status.PROSPECT


def test_member_since_wins_over_membership_years() -> None:
    values = {"name_en": "X", "member_since": (2010, None), "membership_years": 5}
    supplier = build_supplier(values, TODAY)
    assert (supplier.member_since, supplier.member_since_month) == (2010, None)


def test_membership_years_as_1688_shows_them_count_from_this_month() -> None:
    supplier = build_supplier({"name_en": "X", "membership_years": 1}, TODAY)
    assert (supplier.member_since, supplier.member_since_month) == (2025, 11)
    assert supplier.membership_years(TODAY) == 1  # not "< 1 year": 1688 said 1 year


def test_deposit_in_another_currency_and_too_many_decimals() -> None:
    supplier = build_supplier(
        {"name_en": "X", "deposit": Decimal("500"), "deposit_currency": "JPY"}, TODAY
    )
    assert supplier.deposit == Money(Decimal(500), "JPY")
    with pytest.raises(CellProblem, match="more decimal places than CNY") as caught:
        build_supplier({"name_en": "X", "deposit": Decimal("3000.555")}, TODAY)
    assert caught.value.key == "deposit"
    with pytest.raises(CellProblem, match="too large"):
        build_supplier({"name_en": "X", "deposit": Decimal("1e15")}, TODAY)


def test_a_certification_row_needs_its_kind() -> None:
    assert (
        build_certification({"kind": CertificationKind.CE, "number": "1"}).kind
        is CertificationKind.CE
    )
    with pytest.raises(CellProblem) as caught:
        build_certification({"number": "CE-1"})
    assert caught.value.key == "kind"
