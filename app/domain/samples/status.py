"""A sample's status follows its dates unless the user set it by hand (issue 14). Pure Python:
the sample service applies it on every save, and the sample form shows its answer as you type.

Rules, decided once:
- The dates say how far a sample has come: received when it has a received date, else shipped
  when it has a shipped date, else requested (`status_from_dates`).
- Evaluated, approved and rejected are the buyer's decisions: dates never change them.
- "Set by hand" is not stored; it is read from the record itself:
  - in this edit, the user chose the status (the form says so; other callers: the status given
    differs from the one stored, or for a new sample from Requested, what a blank form starts
    with): the choice is kept, whatever the dates say;
  - in an earlier edit, the stored status differs from what its stored dates said: it is kept,
    except that a date changed in this edit that puts the sample further along (requested →
    shipped → received) moves it on; a date never moves a status back.
  - otherwise the status was following its dates and goes on following them, back as well (a
    received date typed by mistake and cleared takes "Received" with it).
  A stored record whose status happens to equal what its dates say is following them: a status
  picked by hand that the dates agree with is the dates' status anyway.
"""

from __future__ import annotations

from datetime import date

from app.domain.samples.sample import Sample, SampleStatus

# In the order a sample moves through them; the other statuses are the buyer's decisions.
IN_TRANSIT = (SampleStatus.REQUESTED, SampleStatus.SHIPPED, SampleStatus.RECEIVED)
_BLANK_FORM = Sample()


def status_from_dates(shipped_on: date | None, received_on: date | None) -> SampleStatus:
    """How far the dates say the sample has come."""
    if received_on is not None:
        return SampleStatus.RECEIVED
    if shipped_on is not None:
        return SampleStatus.SHIPPED
    return SampleStatus.REQUESTED


def status_on_save(
    stored: Sample | None, edited: Sample, by_hand: bool | None = None
) -> SampleStatus:
    """The status to store for `edited`, given the record as it was stored (None: a new
    sample). `by_hand` says whether the user chose `edited.status` in this edit (the form
    knows); None reads it from the record: chosen when it differs from the stored status."""
    before = stored or _BLANK_FORM
    if edited.status not in IN_TRANSIT:
        return edited.status  # evaluated, approved, rejected: never overridden by dates
    if by_hand is None:
        by_hand = edited.status != before.status
    if by_hand:
        return edited.status  # chosen in this edit
    status = before.status
    if status not in IN_TRANSIT:
        return edited.status  # a decision shown unchanged in the form is not a date's business
    was = status_from_dates(before.shipped_on, before.received_on)
    now = status_from_dates(edited.shipped_on, edited.received_on)
    if status == was:
        return now  # it followed its dates: it still does
    if now != was and IN_TRANSIT.index(now) > IN_TRANSIT.index(status):
        return now  # set by hand earlier; a new date puts the sample further along
    return status
