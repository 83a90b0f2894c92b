import re

from app.domain.audits.checklist import Answer, AnswerKind, AuditResult, Verdict, score_audit
from app.domain.audits.checklist_default import DEFAULT_TEMPLATE_NAME, default_template
from app.domain.matrix.capacity import Dimension

CJK = re.compile(r"[\u3400-\u9fff]")


def test_sections_in_reading_order():
    template = default_template()
    assert template.name == DEFAULT_TEMPLATE_NAME
    assert [s.key for s in template.sections] == [
        "before",
        "documents",
        "production",
        "quality",
        "capacity",
        "red_flags",
    ]
    assert 30 <= len(template.items()) <= 40


def test_every_title_and_item_is_bilingual_with_real_chinese():
    template = default_template()
    for section in template.sections:
        assert section.title_en.strip() and CJK.search(section.title_zh), section.key
        assert section.items, section.key
        for item in section.items:
            assert item.text_en.strip(), item.key
            assert CJK.search(item.text_zh), item.key
            # Garbled machine translation shows up as replacement characters or "?".
            assert "\ufffd" not in item.text_zh and "?" not in item.text_zh, item.key


def test_keys_are_unique_and_prefixed_by_their_section():
    template = default_template()
    keys = [item.key for item in template.items()]
    assert len(keys) == len(set(keys))
    for section in template.sections:
        for item in section.items:
            assert item.key.startswith(section.key + "."), item.key


def test_capacity_items_cover_the_four_audited_dimensions_with_units():
    template = default_template()
    capacity = {
        item.capacity_dimension: item for item in template.items() if item.capacity_dimension
    }
    assert set(capacity) == {
        Dimension.PRODUCTION_LINES,
        Dimension.EMPLOYEES,
        Dimension.FACTORY_AREA,
        Dimension.MONTHLY_CAPACITY,
    }  # response time is measured in chat, not on a visit
    for dimension, item in capacity.items():
        assert item.key.startswith("capacity.")
        assert item.kind is AnswerKind.NUMBER
        assert item.unit == dimension.unit
    numbers = [item for item in template.items() if item.kind is AnswerKind.NUMBER]
    assert all(item.unit for item in numbers)


def test_documents_and_certificates_from_domain_md_are_asked():
    text = " ".join(item.text_en for item in default_template().items())
    for word in ("Business licence", "Tax registration", "Organisation code", "Bank account"):
        assert word in text
    for certificate in ("CE", "FCC", "RoHS", "ISO 9001", "SGS", "TÜV"):
        assert certificate in text
    zh = " ".join(item.text_zh for item in default_template().items())
    assert "营业执照" in zh and "实拍图" in zh and "个人账户" in zh


def test_critical_items_are_the_deal_breakers():
    critical = {item.key for item in default_template().items() if item.critical}
    assert critical == {
        "documents.business_licence",
        "red_flags.personal_account",
        "red_flags.false_details",
    }
    assert all(
        item.kind is AnswerKind.PASS_FAIL for item in default_template().items() if item.critical
    )


def test_a_red_flag_seen_fails_the_audit_as_a_critical_failure():
    template = default_template()
    answers = {
        item.key: Answer(item.key, verdict=Verdict.PASS)
        for item in template.items()
        if item.kind is AnswerKind.PASS_FAIL
    }
    assert score_audit(template, answers).result is AuditResult.PASSED
    answers["red_flags.personal_account"] = Answer(
        "red_flags.personal_account", verdict=Verdict.FAIL
    )
    score = score_audit(template, answers)
    assert score.result is AuditResult.FAILED
    assert score.critical_failures == ("red_flags.personal_account",)


def test_each_call_returns_an_equal_template():
    assert default_template() == default_template()
