from datetime import date

from app.domain.audits.checklist import (
    Answer,
    Audit,
    AuditResult,
    Verdict,
    has_results,
    is_planned,
    no_results_reason,
    score_audit,
)
from app.domain.audits.checklist_default import default_template

TODAY = date(2026, 11, 29)


def test_attached_photo_refs_keep_their_hash_and_show_their_name() -> None:
    from app.domain.audits.checklist import attached_photo_ref, photo_ref_hash, photo_ref_label

    digest = "ab" * 32
    ref = attached_photo_ref("车间@2号线.jpg", digest)
    assert photo_ref_hash(ref) == digest
    assert photo_ref_label(ref) == "车间@2号线.jpg"
    for typed in ("IMG_2041", "wang@factory.cn", f"@{digest}", "x@" + "g" * 64):
        assert photo_ref_hash(typed) is None and photo_ref_label(typed) == typed


# --- issue 13: what the score counts, and planned audits ----------------------------------


def _audit(answers: dict[str, Answer], audited_on: date = TODAY) -> Audit:
    return Audit(1, default_template(), audited_on, answers=answers)


def test_before_the_visit_is_kept_but_out_of_the_score() -> None:
    template = default_template()
    before = template.sections[0]
    assert before.key == "before" and before.preparation
    assert all(item in template.items() for item in before.items)  # still on the sheet
    assert not set(before.items) & set(template.audited_items())
    failed_preparation = {item.key: Answer(item.key, Verdict.FAIL) for item in before.items}
    passed = {"documents.business_licence": Answer("documents.business_licence", Verdict.PASS)}
    score = score_audit(template, {**failed_preparation, **passed})
    assert (score.passed, score.failed, score.percent) == (1, 0, 100)
    assert score.unanswered == len(template.audited_items()) - 1  # preparation not counted


def test_an_unanswered_item_is_never_a_pass() -> None:
    template = default_template()
    one_fail = {"quality.traceability": Answer("quality.traceability", Verdict.FAIL)}
    score = score_audit(template, one_fail)
    assert (score.passed, score.failed, score.percent) == (0, 1, 0)
    assert score.result is AuditResult.FAILED


def test_a_future_audit_with_nothing_answered_is_planned_not_results() -> None:
    ahead = date(2026, 12, 11)
    planned = _audit({}, ahead)
    assert is_planned(planned, TODAY) and not has_results(planned)
    reason = no_results_reason(planned, TODAY)
    assert reason == (
        "The audit of 2026-12-11 is planned (in 12 days) and nothing is answered yet: "
        "there are no results to print."
    )
    ticked_preparation = _audit({"before.goals": Answer("before.goals", Verdict.PASS)}, ahead)
    assert is_planned(ticked_preparation, TODAY)  # the buyer's own preparation is not results
    answered = _audit({"quality.nonconforming": Answer("quality.nonconforming", Verdict.PASS)})
    assert has_results(answered) and no_results_reason(answered, TODAY) is None
    assert not is_planned(_audit({}, TODAY), TODAY)  # today: not ahead, but still no results
    assert "Nothing is answered" in (no_results_reason(_audit({}, TODAY), TODAY) or "")
