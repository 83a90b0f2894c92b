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
    for word in ("Business licence", "tax registration", "organisation code", "Bank account"):
        assert word.lower() in text.lower()
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


# --- issue 13: the Chinese as a sourcing professional writes it ---------------------------


def _zh(key: str) -> str:
    return default_template().items_by_key()[key].text_zh


def test_one_word_for_the_visit_throughout():
    template = default_template()
    zh = " ".join([s.title_zh for s in template.sections] + [i.text_zh for i in template.items()])
    assert "考察" not in zh
    assert template.sections[0].title_zh == "验厂前准备"
    assert _zh("before.checklist") == "已准备本检查表，并与验厂人员确认"


def test_red_flags_are_positive_statements_a_factory_can_sign():
    section = default_template().sections[-1]
    assert section.title_zh == "风险信号（未发现 = 合格）"
    assert {item.text_zh for item in section.items} >= {
        "未要求将货款打入个人账户",
        "未要求走平台外交易",
        "愿意提供产品及车间实拍图",
        "同意寄样及实地验厂",
        "公司信息真实，与现场一致",
    }
    for item in section.items:
        assert not item.text_zh.startswith(("拒绝", "要求", "催促", "公司信息虚假")), item.key


def test_documents_follow_the_san_zheng_he_yi_reform():
    keys = default_template().items_by_key()
    assert "documents.tax_registration" not in keys and "documents.organisation_code" not in keys
    assert _zh("documents.credit_code") == "统一社会信用代码已核对（三证合一后已并入营业执照）"
    assert _zh("documents.bank_account_licence") == "开户许可证或基本存款账户信息已核对"
    for key in ("documents.ce", "documents.fcc"):
        assert "DoC" in keys[key].text_en and "test reports" in keys[key].text_en
        assert "检测报告" in _zh(key) and "符合性声明" in _zh(key)


def test_lines_are_counted_on_site_as_running_lines():
    assert _zh("capacity.production_lines") == "现场清点：正在运行的生产线（条）"
