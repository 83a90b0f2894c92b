"""The editable contact, certification and red-flag models, without a window."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from app.domain.suppliers.certifications import ExpiryState
from app.domain.suppliers.choices import CertificationKind, RedFlagKind
from app.domain.suppliers.supplier import Certification, Contact, RedFlag
from app.ui.suppliers.list_models import (
    ERROR_BACKGROUND,
    ERROR_ROLE,
    WARNING_BACKGROUND,
    CertificationListModel,
    ContactListModel,
    RedFlagListModel,
    split_list_key,
)
from tests.conftest import TODAY
from tests.factories import LICENCE_CODE, hengda

Role = Qt.ItemDataRole


def today() -> date:
    return TODAY


def certifications_model() -> CertificationListModel:
    model = CertificationListModel(today)
    model.set_items(
        [
            Certification(CertificationKind.BUSINESS_LICENCE, LICENCE_CODE, "义乌市场监管局"),
            Certification(CertificationKind.CE, "CE-1", "TÜV", TODAY + timedelta(days=30)),
            Certification(CertificationKind.ISO_9001, "Q-1", "SGS", TODAY - timedelta(days=3)),
            Certification(CertificationKind.ROHS, "R-1", "SGS", TODAY + timedelta(days=400)),
        ]
    )
    return model


def test_models_pass_qtmodeltester(qtmodeltester) -> None:
    contacts = ContactListModel()
    contacts.set_items(hengda().contacts)
    red_flags = RedFlagListModel(today)
    red_flags.set_items(hengda().red_flags)
    for model in (contacts, certifications_model(), red_flags):
        qtmodeltester.check(model)
        model.add_row()
        qtmodeltester.check(model)


def test_items_are_copies_both_ways() -> None:
    original = hengda().contacts
    model = ContactListModel()
    model.set_items(original)
    model.setData(model.index(0, model.column_of("email")), "new@hengda.cn")
    assert original[0].email == "wangli@hengda.cn"
    read = model.items()
    assert read[0].email == "new@hengda.cn"
    read[0].email = "changed@example.com"
    assert model.items()[0].email == "new@hengda.cn"


def test_text_cells_are_stripped_and_report_edits(qtbot) -> None:
    model = ContactListModel()
    model.set_items([Contact("王丽")])
    with qtbot.waitSignal(model.edited):
        assert model.setData(model.index(0, model.column_of("wechat")), "  wangli_hd ")
    assert model.items()[0].wechat == "wangli_hd"
    assert model.data(model.index(0, 0)) == "王丽"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "WeChat 微信"
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"


def test_setting_the_same_value_is_not_an_edit(qtbot) -> None:
    model = ContactListModel()
    model.set_items([Contact("王丽")])
    with qtbot.assertNotEmitted(model.edited):
        assert model.setData(model.index(0, 0), "王丽")


def test_choice_cells_take_a_code_a_label_or_a_member() -> None:
    model = RedFlagListModel(today)
    model.set_items([RedFlag()])
    kind = model.index(0, model.column_of("kind"))
    assert model.setData(kind, "evasive")
    assert model.data(kind, Role.UserRole) is RedFlagKind.EVASIVE
    assert model.setData(kind, "价格远低于市场")
    assert model.items()[0].kind is RedFlagKind.PRICE_TOO_LOW
    assert model.setData(kind, RedFlagKind.PRESSURE)
    assert model.data(kind) == "Pressure to pay or order now"
    assert model.data(kind, Role.EditRole) == "pressure"
    assert model.data(kind, Role.ToolTipRole) == "Pressure to pay or order now · 催促付款下单"
    assert not model.setData(kind, "no such kind")
    assert model.items()[0].kind is RedFlagKind.PRESSURE


def test_date_cells_parse_text_and_keep_what_does_not_parse() -> None:
    model = RedFlagListModel(today)
    model.set_items([RedFlag()])
    noted = model.index(0, model.column_of("noted_on"))
    assert model.setData(noted, "2026/3/7")
    assert model.data(noted, Role.UserRole) == date(2026, 3, 7)
    assert model.data(noted) == "2026-03-07"
    assert model.parse_errors() == {}
    assert model.setData(noted, "2026-02-30")
    assert model.data(noted) == "2026-02-30"
    assert model.items()[0].noted_on is None
    assert "red_flags[0].noted_on" in model.parse_errors()
    assert model.setData(noted, "")
    assert model.parse_errors() == {} and model.items()[0].noted_on is None


def test_rows_are_inserted_and_removed(qtbot) -> None:
    model = CertificationListModel(today)
    model.set_items(hengda().certifications)
    with qtbot.waitSignal(model.edited):
        row = model.add_row()
    assert row == 2 and model.rowCount() == 3
    assert model.items()[2] == Certification()
    with qtbot.waitSignal(model.edited):
        assert model.removeRows(0, 1)
    assert [c.kind for c in model.items()] == [
        CertificationKind.CE,
        CertificationKind.BUSINESS_LICENCE,
    ]
    assert not model.removeRows(5, 1)


def test_new_red_flag_is_dated_today() -> None:
    model = RedFlagListModel(today)
    model.add_row()
    assert model.items() == [RedFlag(RedFlagKind.OTHER, TODAY, "")]


def test_certification_status_says_what_colour_shows() -> None:
    model = certifications_model()
    status = model.column_of("status")
    texts = [model.data(model.index(row, status)) for row in range(4)]
    assert texts == ["", "expires in 30 days", "expired", "valid"]
    expiring = model.index(1, status)
    assert model.data(expiring, Role.BackgroundRole) == WARNING_BACKGROUND
    assert "in 30 day(s)" in model.data(expiring, Role.ToolTipRole)
    assert model.data(expiring, Role.UserRole) is ExpiryState.EXPIRING
    assert model.data(model.index(2, status), Role.BackgroundRole) == ERROR_BACKGROUND
    assert "Expired on" in model.data(model.index(2, status), Role.ToolTipRole)
    assert model.data(model.index(3, status), Role.BackgroundRole) is None
    assert not model.flags(expiring) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(expiring, "valid")


def test_certification_status_follows_its_date(qtbot) -> None:
    model = certifications_model()
    expires = model.index(3, model.column_of("expires_on"))
    with qtbot.waitSignal(model.dataChanged):
        model.setData(expires, (TODAY + timedelta(days=1)).isoformat())
    assert model.data(model.index(3, model.column_of("status"))) == "expires in 1 day"


def test_renewed_merged_and_lasting_certificates_are_not_flagged() -> None:
    """Issue 13: the old CE is renewed by the new one; 三证合一 and FCC IDs never expire."""
    model = CertificationListModel(today)
    model.set_items(
        [
            Certification(CertificationKind.CE, "CE-1", "TÜV", TODAY - timedelta(days=400)),
            Certification(CertificationKind.CE, "CE-2", "TÜV", TODAY + timedelta(days=330)),
            Certification(
                CertificationKind.TAX_REGISTRATION, "330782123456789", "", date(2017, 1, 1)
            ),
            Certification(CertificationKind.FCC, "2AB12-1", "", TODAY - timedelta(days=3)),
        ]
    )
    status = model.column_of("status")
    texts = [model.data(model.index(row, status)) for row in range(4)]
    renewed = (TODAY + timedelta(days=330)).isoformat()
    assert texts == [
        f"renewed (the newer one is valid to {renewed})",
        "valid",
        "merged into the business licence (三证合一)",
        "does not expire",
    ]
    for row in (0, 2, 3):
        assert model.data(model.index(row, status), Role.BackgroundRole) is None
    assert model.data(model.index(0, status), Role.UserRole) is ExpiryState.RENEWED


def test_a_resolved_red_flag_is_greyed_and_keeps_its_resolution() -> None:
    from app.domain.suppliers.choices import RedFlagKind

    model = RedFlagListModel(today)
    model.set_items([RedFlag(RedFlagKind.FALSE_DETAILS, TODAY), RedFlag(RedFlagKind.EVASIVE)])
    resolved_on, how = model.column_of("resolved_on"), model.column_of("resolution")
    assert model.setData(model.index(1, resolved_on), TODAY.isoformat())
    assert model.setData(model.index(1, how), "Answered everything at the visit")
    flag = model.items()[1]
    assert (flag.resolved_on, flag.resolution) == (TODAY, "Answered everything at the visit")
    assert model.data(model.index(1, 0), Role.ForegroundRole) is not None  # greyed
    assert model.data(model.index(0, 0), Role.ForegroundRole) is None
    assert "disqualifying while open" in model.data(model.index(0, 0), Role.ToolTipRole)


def test_errors_mark_cells_until_edited() -> None:
    model = ContactListModel()
    model.set_items([Contact("王丽", email="bad"), Contact("李")])
    model.set_errors(
        {
            "contacts[0].email": "Enter an e-mail address.",
            "contacts[9].email": "a row that is not there",
            "red_flags[0].noted_on": "another list",
            "shop_url": "not a list",
        }
    )
    email = model.index(0, model.column_of("email"))
    assert model.data(email, ERROR_ROLE) == "Enter an e-mail address."
    assert model.data(email, Role.ToolTipRole) == "Enter an e-mail address."
    assert model.data(email, Role.BackgroundRole) == ERROR_BACKGROUND
    assert model.data(model.index(1, 0), ERROR_ROLE) is None
    model.setData(email, "wangli@hengda.cn")
    assert model.data(email, ERROR_ROLE) is None
    model.set_errors({"contacts[1].person": "x"})
    model.removeRows(0, 1)
    assert model.data(model.index(0, 0), ERROR_ROLE) == "x"  # the mark moved with its row


@pytest.mark.parametrize(
    ("key", "parts"),
    [
        ("contacts[0].email", ("contacts", 0, "email")),
        ("red_flags[12].noted_on", ("red_flags", 12, "noted_on")),
        ("reorder_rate", None),
        ("contacts[x].email", None),
    ],
)
def test_split_list_key(key: str, parts: tuple | None) -> None:
    assert split_list_key(key) == parts
