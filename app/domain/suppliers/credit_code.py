"""The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
31-character set (no I, O, S, V, Z), the last one a check character over the first 17.

check = 31 - (sum of value x weight over the first 17) mod 31 (31 itself counts as 0), the
weights being 3^i mod 31 for i = 0..16. Since the 三证合一 reform (2015-2017) it is the number
on the business licence and replaces the tax registration and organisation code numbers.
"""

from __future__ import annotations

CODE_LENGTH = 18
OLD_REGISTRATION_LENGTH = 15  # the business licence's registration number (注册号) before 2015
CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = tuple(pow(3, i, 31) for i in range(CODE_LENGTH - 1))
_LEFT_OUT = "IOSVZ"
_NAME = "A unified social credit code (统一社会信用代码)"


def normalise_code(text: str) -> str:
    """Spaces out, upper case: how a code is compared and checked."""
    return "".join(text.split()).upper()


def check_character(first_17: str) -> str:
    """The check character of a code's first 17 characters (ValueError for a bad one)."""
    if len(first_17) != CODE_LENGTH - 1:
        raise ValueError("the check character is computed over 17 characters")
    total = 0
    for character, weight in zip(first_17, WEIGHTS, strict=True):
        position = CODE_CHARACTERS.find(character)
        if position < 0:
            raise ValueError(f"'{character}' is not a character of the code")
        total += position * weight
    return CODE_CHARACTERS[(31 - total % 31) % 31]


def credit_code_problem(text: str) -> str | None:
    """Why `text` is not a valid unified social credit code, in a sentence; None when it is."""
    code = normalise_code(text)
    if len(code) != CODE_LENGTH:
        return (
            f"{_NAME} has {CODE_LENGTH} characters; '{text.strip()}' has {len(code)}. "
            "Copy it from the business licence (营业执照)."
        )
    wrong = sorted({c for c in code if c not in CODE_CHARACTERS})
    if wrong:
        shown = ", ".join(f"'{c}'" for c in wrong)
        left_out = " (the code never uses I, O, S, V or Z)" if set(wrong) & set(_LEFT_OUT) else ""
        return f"{_NAME} cannot contain {shown}{left_out}: check '{text.strip()}' for a typo."
    expected = check_character(code[:-1])
    if code[-1] != expected:
        return (
            f"'{text.strip()}' is not a valid unified social credit code (统一社会信用代码): "
            f"its last character, the check character, would be '{expected}' "
            "(GB 32100-2015). Check it for a typo."
        )
    return None


def licence_number_problem(text: str) -> str | None:
    """A business licence number: the 18-character code (checked), or a 15-digit registration
    number (注册号) of a licence issued before the code; anything else is refused."""
    code = normalise_code(text)
    if not code:
        return None
    if len(code) == OLD_REGISTRATION_LENGTH and code.isdigit():
        return None
    if len(code) == CODE_LENGTH:
        return credit_code_problem(text)
    return (
        f"A business licence number is the 18-character unified social credit code "
        f"(统一社会信用代码), or a 15-digit registration number (注册号) on an older licence; "
        f"'{text.strip()}' has {len(code)} characters."
    )
