"""Factory audit checklists: templates of bilingual items, audits that answer them, and the
audit's score (domain.md: factory audit checklist; issue 5). Pure Python: no Qt, no SQL.

Rules, decided once:
- An item is answered by its kind: pass / fail / n.a.; a number with its unit; or text. Every
  answer may carry a remark and photo references, whatever its kind.
- The score counts pass/fail items only: passed / (passed + failed) x 100, rounded half-up to
  one decimal. N.a. and unanswered items are left out, never counted as failed or passed
  (an item left unanswered stays unanswered); with no pass/fail item answered the score is None
  (unknown).
- A preparation section ("Before the visit": the buyer's own preparation) stays on the sheet
  but is not audited: its items are out of the score and the counts, and off the part the
  supplier signs.
- An audit has results once an audited item is answered. One dated ahead with nothing
  answered is PLANNED: it prints as the checklist to take along, never as an empty result.
- The overall result: "failed" when any CRITICAL item failed or the score is under 60;
  "conditional" from 60 to under 85; "passed" at 85 or more with no critical failure;
  "not decided" while the score is unknown. The user may set the result by hand with a reason.
- An audit keeps a snapshot of the template it was started from (a deep copy of its sections
  and items), so editing the template later never rewrites an old audit.
- Items that observe capacity (`capacity_dimension` set) feed the supplier's capacity facts
  with source "seen at audit" when their number is answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from app.domain.matrix.capacity import Dimension

PASSED_FROM = Decimal(85)  # at or above (with no critical failure): passed
CONDITIONAL_FROM = Decimal(60)  # at or above: conditional; below: failed


class AnswerKind(StrEnum):
    PASS_FAIL = "pass_fail"
    NUMBER = "number"
    TEXT = "text"


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "n/a"


class AuditResult(StrEnum):
    PASSED = "passed"
    CONDITIONAL = "conditional"
    FAILED = "failed"
    NOT_DECIDED = "not decided"


class Auditor(StrEnum):
    """Who did the audit (domain.md: third-party audit bodies SGS, BV, TÜV)."""

    SELF = "self"
    SGS = "sgs"
    BV = "bv"
    TUV = "tuv"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "self": "Self (own visit)",
            "sgs": "SGS",
            "bv": "Bureau Veritas (BV)",
            "tuv": "TÜV",
            "other": "Other agency",
        }[self.value]


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    key: str  # stable within its template, e.g. "quality.incoming_inspection"
    text_en: str
    text_zh: str
    kind: AnswerKind = AnswerKind.PASS_FAIL
    unit: str = ""  # for NUMBER items, e.g. "pieces", "m²"
    critical: bool = False  # a failure fails the whole audit
    capacity_dimension: Dimension | None = None  # a NUMBER answer becomes a capacity fact


@dataclass(frozen=True, slots=True)
class ChecklistSection:
    key: str
    title_en: str
    title_zh: str
    items: tuple[ChecklistItem, ...] = ()
    # The buyer's own preparation: printed, never scored, not signed by the supplier.
    preparation: bool = False


@dataclass(frozen=True, slots=True)
class ChecklistTemplate:
    name: str
    category: str = ""  # product category the template is for; "" = any
    sections: tuple[ChecklistSection, ...] = ()
    id: int | None = None
    # The shipped default is read-only: the user copies it to make their own.
    read_only: bool = False

    def items(self) -> list[ChecklistItem]:
        return [item for section in self.sections for item in section.items]

    def audited_items(self) -> list[ChecklistItem]:
        """The items the factory is audited on (not the buyer's preparation)."""
        return [
            item for section in self.sections if not section.preparation for item in section.items
        ]

    def items_by_key(self) -> dict[str, ChecklistItem]:
        return {item.key: item for item in self.items()}


@dataclass(frozen=True, slots=True)
class Answer:
    item_key: str
    verdict: Verdict | None = None  # PASS_FAIL items
    number: Decimal | None = None  # NUMBER items
    text: str = ""  # TEXT items
    remark: str = ""
    photo_refs: tuple[str, ...] = ()

    @property
    def is_answered(self) -> bool:
        return self.verdict is not None or self.number is not None or bool(self.text.strip())


@dataclass(slots=True)
class Audit:
    supplier_id: int
    template: ChecklistTemplate  # the snapshot taken when the audit started
    audited_on: date
    auditor: Auditor = Auditor.SELF
    auditor_name: str = ""  # the person or the agency's inspector
    answers: dict[str, Answer] = field(default_factory=dict)  # by item key
    result_override: AuditResult | None = None
    override_reason: str = ""
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class AuditScore:
    passed: int
    failed: int
    not_applicable: int
    unanswered: int
    percent: Decimal | None
    critical_failures: tuple[str, ...]  # item keys
    result: AuditResult


def score_audit(template: ChecklistTemplate, answers: dict[str, Answer]) -> AuditScore:
    """Count the pass/fail items and decide the result by the rules in the module docstring."""
    passed = failed = not_applicable = unanswered = 0
    critical: list[str] = []
    for item in template.audited_items():
        answer = answers.get(item.key)
        if answer is None or not answer.is_answered:
            unanswered += 1
            continue
        if item.kind is not AnswerKind.PASS_FAIL:
            continue
        if answer.verdict is Verdict.PASS:
            passed += 1
        elif answer.verdict is Verdict.FAIL:
            failed += 1
            if item.critical:
                critical.append(item.key)
        else:
            not_applicable += 1
    percent = None
    if passed + failed:
        percent = (Decimal(passed * 100) / (passed + failed)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    return AuditScore(
        passed,
        failed,
        not_applicable,
        unanswered,
        percent,
        tuple(critical),
        _result(percent, bool(critical)),
    )


def _result(percent: Decimal | None, critical_failure: bool) -> AuditResult:
    if critical_failure:
        return AuditResult.FAILED
    if percent is None:
        return AuditResult.NOT_DECIDED
    if percent >= PASSED_FROM:
        return AuditResult.PASSED
    if percent >= CONDITIONAL_FROM:
        return AuditResult.CONDITIONAL
    return AuditResult.FAILED


def audit_result(audit: Audit) -> AuditResult:
    """The user's result when set, else the one the score gives."""
    if audit.result_override is not None:
        return audit.result_override
    return score_audit(audit.template, audit.answers).result


def has_results(audit: Audit) -> bool:
    """True once an audited item is answered (the buyer's preparation does not count)."""
    answered = {key for key, answer in audit.answers.items() if answer.is_answered}
    return any(item.key in answered for item in audit.template.audited_items())


def is_planned(audit: Audit, today: date) -> bool:
    """A visit still to come with nothing answered: a plan, not results."""
    return audit.audited_on > today and not has_results(audit)


def no_results_reason(audit: Audit, today: date) -> str | None:
    """Why the audit has no results to print (None when it has): planned, or not answered."""
    if has_results(audit):
        return None
    if audit.audited_on > today:
        days = (audit.audited_on - today).days
        return (
            f"The audit of {audit.audited_on.isoformat()} is planned (in {days} day"
            f"{'s' * (days != 1)}) and nothing is answered yet: there are no results to print."
        )
    return (
        f"Nothing is answered in the audit of {audit.audited_on.isoformat()} yet: "
        "there are no results to print."
    )


# Photo references: free text the auditor typed ("IMG_2041"), or a photo attached from the
# photo store, written "original name@<sha256>" so the file can be found again; both print
# and show by their name only.
_HASH_LENGTH = 64


def attached_photo_ref(original_name: str, photo_hash: str) -> str:
    return f"{original_name}@{photo_hash}"


def photo_ref_hash(ref: str) -> str | None:
    """The photo store hash of an attached photo, or None for a typed reference."""
    name, at, tail = ref.rpartition("@")
    if at and name and len(tail) == _HASH_LENGTH and all(c in "0123456789abcdef" for c in tail):
        return tail
    return None


def photo_ref_label(ref: str) -> str:
    return ref.rpartition("@")[0] if photo_ref_hash(ref) else ref
