"""Issue 13: the unified social credit code (统一社会信用代码) is checked on entry with its check
character. The expected characters are computed here from GB 32100-2015's own table and weights,
independently of the code under test."""

from __future__ import annotations

import pytest

from app.domain.suppliers.choices import CertificationKind as CK
from app.domain.suppliers.credit_code import check_character, credit_code_problem
from app.domain.suppliers.supplier import Certification
from app.domain.suppliers.validation import validate_supplier
from tests.domain.suppliers.test_validation import TODAY
from tests.factories import hengda

# GB 32100-2015, table 1 (the 31 characters and their values) and the weights of positions 1-17.
STANDARD_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
STANDARD_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def standard_check(first_17: str) -> str:
    total = sum(
        STANDARD_CHARACTERS.index(ch) * weight
        for ch, weight in zip(first_17, STANDARD_WEIGHTS, strict=True)
    )
    return STANDARD_CHARACTERS[(31 - total % 31) % 31]


# Real-format codes: 91 (a company) / 92 (an individual business), a division code, then the
# organisation code part. The check characters come from standard_check, not from the app.
BODIES = (
    "91330782MA28B7KX0",  # 义乌 company
    "91440300192203821",  # 深圳 company (its old organisation code inside)
    "92350582MA31JX8U4",  # 晋江 individual business
    "91110000100000000",  # all-digit body
)
VALID = tuple(body + standard_check(body) for body in BODIES)


@pytest.mark.parametrize("code", VALID)
def test_valid_codes_pass_and_their_check_is_the_standards(code: str) -> None:
    assert check_character(code[:17]) == code[17]
    assert credit_code_problem(code) is None
    assert credit_code_problem(code.lower()) is None  # case ignored
    assert credit_code_problem(f" {code[:6]} {code[6:]} ") is None  # spaces ignored


def broken(code: str) -> str:
    """The code with the next character of the table as its check character."""
    return code[:17] + STANDARD_CHARACTERS[(STANDARD_CHARACTERS.index(code[17]) + 1) % 31]


@pytest.mark.parametrize("code", VALID)
def test_one_wrong_character_is_caught_with_the_expected_check(code: str) -> None:
    problem = credit_code_problem(broken(code))
    assert problem is not None
    assert f"would be '{code[17]}' (GB 32100-2015)" in problem
    assert "统一社会信用代码" in problem


def test_a_transposition_is_caught() -> None:
    code = VALID[0]
    swapped = code[:9] + code[10] + code[9] + code[11:]
    assert swapped != code and credit_code_problem(swapped) is not None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("91330782MA28B7KX0", "has 18 characters; '91330782MA28B7KX0' has 17"),
        ("91330782MA28B7KX0NN", "has 19"),
        ("91330782MA28B7KXON", "cannot contain 'O' (the code never uses I, O, S, V or Z)"),
        ("9133078?MA28B7KX0N", "cannot contain '?'"),
    ],
)
def test_malformed_codes_say_what_is_wrong(text: str, words: str) -> None:
    problem = credit_code_problem(text)
    assert problem is not None and words in problem


def _with_licence(number: str, kind: CK = CK.BUSINESS_LICENCE) -> dict[str, str]:
    supplier = hengda(certifications=[Certification(kind, number)])
    return validate_supplier(supplier, TODAY)


def test_the_licence_number_is_checked_on_entry_under_its_field() -> None:
    assert _with_licence(VALID[0]) == {}
    errors = _with_licence(broken(VALID[0]))
    assert list(errors) == ["certifications[0].number"]
    assert "check character" in errors["certifications[0].number"]


def test_an_old_15_digit_registration_number_or_a_blank_is_accepted() -> None:
    assert _with_licence("330782000123456") == {}
    assert _with_licence("") == {}
    assert "15-digit registration number" in _with_licence("12345")["certifications[0].number"]


@pytest.mark.parametrize(
    ("kind", "number"),
    [
        (CK.TAX_REGISTRATION, "330782123456789"),  # an old 15-digit tax number
        (CK.TAX_REGISTRATION, "33078219800101123X"),  # an individual's: their ID number
        (CK.ORGANISATION_CODE, "12345678-9"),
        (CK.CE, "CE-2024-KM-30815"),
    ],
)
def test_other_certificate_numbers_keep_their_own_formats(kind: CK, number: str) -> None:
    assert _with_licence(number, kind) == {}
