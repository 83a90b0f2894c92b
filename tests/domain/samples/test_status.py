"""A sample's status follows its dates unless set by hand (issue 14: app.domain.samples.status)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.samples.sample import Sample, SampleStatus
from app.domain.samples.status import status_from_dates, status_on_save

S = SampleStatus
SHIPPED_ON, RECEIVED_ON = date(2026, 11, 3), date(2026, 11, 9)
REQUESTED = Sample(product_id=1, supplier_id=1, requested_on=date(2026, 11, 1), id=7)


def test_the_dates_say_how_far_a_sample_has_come() -> None:
    assert status_from_dates(None, None) is S.REQUESTED
    assert status_from_dates(SHIPPED_ON, None) is S.SHIPPED
    assert status_from_dates(SHIPPED_ON, RECEIVED_ON) is S.RECEIVED
    assert status_from_dates(None, RECEIVED_ON) is S.RECEIVED  # received without a shipped date


def test_a_received_date_typed_on_a_requested_sample_makes_it_received() -> None:
    # The issue: it kept "Requested", and the PDF said so.
    edited = replace(REQUESTED, received_on=RECEIVED_ON)
    assert status_on_save(REQUESTED, edited) is S.RECEIVED
    assert status_on_save(REQUESTED, replace(REQUESTED, shipped_on=SHIPPED_ON)) is S.SHIPPED


def test_a_new_sample_follows_its_dates_unless_another_status_was_chosen() -> None:
    new = Sample(product_id=1, supplier_id=1, shipped_on=SHIPPED_ON)
    assert status_on_save(None, new) is S.SHIPPED  # Requested is what a blank form starts with
    assert status_on_save(None, replace(new, received_on=RECEIVED_ON)) is S.RECEIVED
    assert status_on_save(None, replace(new, status=S.RECEIVED)) is S.RECEIVED  # chosen
    assert status_on_save(None, replace(new, status=S.REQUESTED), by_hand=True) is S.REQUESTED


def test_a_status_chosen_in_this_edit_is_kept_whatever_the_dates_say() -> None:
    stored = replace(REQUESTED, status=S.SHIPPED, shipped_on=SHIPPED_ON)
    chosen = replace(stored, status=S.REQUESTED, received_on=RECEIVED_ON)
    assert status_on_save(stored, chosen) is S.REQUESTED  # differs from the stored: by hand
    same = replace(stored, received_on=RECEIVED_ON)  # the form says: chosen, though unchanged
    assert status_on_save(stored, same, by_hand=True) is S.SHIPPED
    assert status_on_save(stored, same, by_hand=False) is S.RECEIVED


def test_a_status_set_by_hand_earlier_is_kept_until_a_new_date_puts_the_sample_further() -> None:
    # Stored "Received" with no dates at all: the buyer said so without typing a date.
    by_hand = replace(REQUESTED, status=S.RECEIVED)
    assert status_on_save(by_hand, replace(by_hand, variant="black")) is S.RECEIVED
    assert (
        status_on_save(by_hand, replace(by_hand, shipped_on=SHIPPED_ON)) is S.RECEIVED
    )  # not back
    # Stored "Requested" although shipped (set by hand): a received date moves it on.
    behind = replace(REQUESTED, shipped_on=SHIPPED_ON)
    assert status_on_save(behind, replace(behind, tracking_number="SF1")) is S.REQUESTED
    assert status_on_save(behind, replace(behind, received_on=RECEIVED_ON)) is S.RECEIVED


def test_a_status_following_its_dates_goes_back_when_a_date_is_cleared() -> None:
    received = replace(REQUESTED, status=S.RECEIVED, shipped_on=SHIPPED_ON, received_on=RECEIVED_ON)
    assert status_on_save(received, replace(received, received_on=None)) is S.SHIPPED
    assert status_on_save(received, replace(received, received_on=None, shipped_on=None)) is (
        S.REQUESTED
    )


@pytest.mark.parametrize("decision", [S.EVALUATED, S.APPROVED, S.REJECTED])
@pytest.mark.parametrize("by_hand", [None, True, False])
def test_decisions_are_never_overridden_by_dates(decision: SampleStatus, by_hand: bool) -> None:
    stored = replace(REQUESTED, status=decision, received_on=RECEIVED_ON)
    for edited in (
        replace(stored, received_on=None),
        replace(stored, shipped_on=SHIPPED_ON),
        replace(stored, received_on=None, shipped_on=None),
    ):
        assert status_on_save(stored, edited, by_hand) is decision
    assert status_on_save(None, replace(stored, id=None), by_hand) is decision
