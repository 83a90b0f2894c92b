"""Issue 14, the first hour of a real user: a shop URL pasted without https://, and one edit
of many suppliers at once."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.suppliers.bulk_edit import BulkEdit, BulkFields, changes_anything
from app.domain.suppliers.choices import Membership, Status
from app.domain.suppliers.validation import full_shop_url, validate_supplier
from tests.factories import hengda

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("shop123.1688.com", "https://shop123.1688.com"),
        (
            "www.jiahe-bags.1688.com/page/offerlist.htm",
            "https://www.jiahe-bags.1688.com/page/offerlist.htm",
        ),
        (
            "  detail.1688.com/offer/6123.html?spm=a26 ",
            "https://detail.1688.com/offer/6123.html?spm=a26",
        ),
        ("shop123。1688.com", "https://shop123.1688.com"),  # a Chinese input method's full stop
        ("//shop123.1688.com", "https://shop123.1688.com"),
        ("https://hengda.1688.com", "https://hengda.1688.com"),
        ("http://www.hengda.cn", "http://www.hengda.cn"),
        ("", ""),
    ],
)
def test_a_shop_url_without_its_scheme_means_https(typed: str, stored: str) -> None:
    assert full_shop_url(typed) == stored
    assert validate_supplier(hengda(shop_url=typed), TODAY) == {}


@pytest.mark.parametrize(
    "typed",
    [
        "hengda 1688",
        "1688",
        "恒达工艺品厂",
        "ftp://files.hengda.cn",
        "https://",
        "shop123.1688.com/a b",
    ],
)
def test_text_that_is_no_web_address_is_still_refused(typed: str) -> None:
    assert full_shop_url(typed) is None
    errors = validate_supplier(hengda(shop_url=typed), TODAY)
    assert errors == {
        "shop_url": "Enter the shop's web address, e.g. shop123.1688.com or https://shop123.1688.com."
    }


def test_a_bulk_edit_sets_what_it_names_and_adds_tags_once() -> None:
    supplier = hengda(id=7)  # status sampling, strong merchant, tags 工艺品 and home decor
    edit = BulkEdit(status=Status.APPROVED, add_tags=(" 箱包 ", "Home Decor", "箱包", ""))
    edited = edit.applied_to(supplier)
    assert edited.status is Status.APPROVED
    assert edited.membership is Membership.STRONG  # not named: each keeps its own
    assert edited.tags == ["工艺品", "home decor", "箱包"]  # "Home Decor" is already held
    assert supplier.tags == ["工艺品", "home decor"] and supplier.status is Status.SAMPLING
    assert changes_anything(edit, supplier)
    assert not changes_anything(BulkEdit(status=Status.SAMPLING, add_tags=("工艺品",)), supplier)


def test_an_empty_bulk_edit_is_recognised() -> None:
    assert BulkEdit().is_empty()
    assert BulkEdit(add_tags=(" ", "")).is_empty()
    assert not BulkEdit(membership=Membership.NONE).is_empty()


def test_the_fields_before_a_bulk_edit_are_put_back_over_later_changes() -> None:
    before = BulkFields.of(hengda(id=7))
    later = BulkEdit(Status.REJECTED, Membership.BASIC, ("箱包",)).applied_to(hengda(id=7))
    later.notes = "Called again on Monday."
    restored = before.restored_to(later)
    assert (restored.status, restored.membership, restored.tags) == (
        Status.SAMPLING,
        Membership.STRONG,
        ["工艺品", "home decor"],
    )
    assert restored.notes == "Called again on Monday."  # what the edit did not touch stays
    with pytest.raises(ValueError, match="stored supplier"):
        BulkFields.of(hengda())
