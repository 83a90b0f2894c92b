"""How much free storage a parcel has left, as a message (issue 15): str() is the English the
exports and the CLI print (unchanged), the days a field, the template marked and translated."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.consolidation.parcels import storage_status
from tests.domain.kit.marked import assert_translatable

ARRIVED = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("today", "english", "days"),
    [
        (date(2026, 1, 1), "180 days of free storage left.", "180"),
        (date(2026, 6, 16), "Free storage ends in 14 days: ship soon.", "14"),
        (date(2026, 6, 30), "Free storage ends in 0 days: ship soon.", "0"),
        (date(2026, 7, 2), "Free storage ended 2 days ago: storage fees are running.", "2"),
    ],
)
def test_the_storage_sentence_reads_as_before(today: date, english: str, days: str) -> None:
    status = storage_status(ARRIVED, today, 180)
    assert status.message == str(status.said) == english
    assert status.said.values() == {"days": days}
    assert_translatable(status.said)
