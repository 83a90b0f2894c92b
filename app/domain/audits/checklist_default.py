"""The factory-audit template shipped with the app, built from domain.md (Factory audit
checklist; Suppliers: certificates and red flags) and the source guide's on-site inspection
section. Every section and item is bilingual: the buyer reads the English line, the factory
staff the Chinese one.

Decisions:
- Item keys are "<section>.<item>" and never change once shipped: audits and copied templates
  refer to them, and the capacity feed finds its facts through them.
- Red flags are written as positive statements a factory can sign (未要求将货款打入个人账户):
  Pass means the statement holds, the red flag was not seen; every item of the template then
  scores the same way (a pass is good news) and a red flag seen is a failure.
- "Before the visit" is the buyer's own preparation: printed on the sheet, never scored, and
  kept off the part the supplier signs (ChecklistSection.preparation).
- One word for the visit in Chinese throughout: 验厂 (验厂前准备, 验厂日期, 验厂人员).
- Tax registration and organisation code were merged into the business licence by the 三证合一
  reform: one item checks the unified social credit code. CE and FCC are declarations backed
  by test reports: the auditor asks for the DoC and the reports, not a "certificate".
- "Capacity seen" counts what the auditor saw on the floor or in records, not what the factory
  said; its NUMBER items feed the matrix. Response time is a capacity dimension too, but it is
  measured in chat before any visit, so it is not an audit item.
- Critical items (one failure fails the audit): a genuine business licence, no payment to a
  personal account, no false company details.
"""

from __future__ import annotations

from app.domain.audits.checklist import (
    AnswerKind,
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
)
from app.domain.matrix.capacity import Dimension

DEFAULT_TEMPLATE_NAME = "Factory audit (default)"

_NUMBER = AnswerKind.NUMBER


_BEFORE = ChecklistSection(
    key="before",
    title_en="Before the visit",
    title_zh="验厂前准备",
    items=(
        ChecklistItem(
            "before.goals",
            "Goals and focus areas of the visit written down",
            "已明确并写下本次验厂的目标和重点",
        ),
        ChecklistItem(
            "before.checklist",
            "This checklist prepared and agreed with the auditor",
            "已准备本检查表，并与验厂人员确认",
        ),
        ChecklistItem(
            "before.date",
            "Visit date away from public holidays and the production off-season",
            "验厂日期避开法定节假日和生产淡季",
        ),
    ),
    preparation=True,
)

_DOCUMENTS = ChecklistSection(
    key="documents",
    title_en="Documents (checked against the originals)",
    title_zh="证照资料（核对原件）",
    items=(
        ChecklistItem(
            "documents.business_licence",
            "Business licence genuine: original seen; company name, address and legal "
            "person match the 1688 shop",
            "营业执照真实有效：已核对原件，公司名称、地址和法定代表人与1688店铺一致",
            critical=True,
        ),
        ChecklistItem(
            "documents.credit_code",
            "Unified social credit code checked (the tax registration and organisation code "
            "are merged into the business licence since 三证合一)",
            "统一社会信用代码已核对（三证合一后已并入营业执照）",
        ),
        ChecklistItem(
            "documents.bank_account_licence",
            "Bank account licence or basic deposit account information checked: the account is "
            "in the company's name",
            "开户许可证或基本存款账户信息已核对",
        ),
        ChecklistItem(
            "documents.legal_person_id",
            "Legal representative's ID card checked against the licence",
            "法定代表人身份证已核对，与营业执照一致",
        ),
        ChecklistItem(
            "documents.third_party_audit",
            "Third-party factory audit report (SGS, Intertek, BV, TÜV) original seen",
            "第三方验厂报告（SGS、Intertek、BV、TÜV）已核对原件",
        ),
        ChecklistItem(
            "documents.ce",
            "CE: the Declaration of Conformity (DoC) and the test reports behind it seen",
            "CE：已查看符合性声明（DoC）及检测报告",
        ),
        ChecklistItem(
            "documents.fcc",
            "FCC: the Declaration of Conformity (SDoC) or the FCC ID grant, and the test "
            "reports, seen",
            "FCC：已查看符合性声明（SDoC）或FCC ID授权书及检测报告",
        ),
        ChecklistItem(
            "documents.rohs",
            "RoHS certificate or test report original seen",
            "RoHS认证证书或检测报告已核对原件",
        ),
        ChecklistItem(
            "documents.iso_9001",
            "ISO 9001 quality-management certificate original seen",
            "ISO 9001质量管理体系认证证书已核对原件",
        ),
        ChecklistItem(
            "documents.certificates_valid",
            "Certificates in date, issued to this company and covering the products bought",
            "证书在有效期内，持证人为本公司，且涵盖所采购的产品",
        ),
    ),
)

_PRODUCTION = ChecklistSection(
    key="production",
    title_en="Production environment",
    title_zh="生产环境",
    items=(
        ChecklistItem(
            "production.cleanliness", "Workshop clean and tidy", "车间干净整洁、物料摆放有序"
        ),
        ChecklistItem(
            "production.equipment",
            "Equipment in good condition and maintained (maintenance records)",
            "生产设备状况良好，有维护保养记录",
        ),
        ChecklistItem(
            "production.standard_processes",
            "Production processes standardised (written work instructions at the stations)",
            "生产流程标准化（工位上有书面作业指导书）",
        ),
        ChecklistItem(
            "production.staff_proficiency",
            "Workers skilled at their tasks",
            "员工操作熟练",
        ),
        ChecklistItem(
            "production.safety",
            "Safety measures complete (fire extinguishers, clear exits, protective gear)",
            "安全生产措施完善（灭火器、安全通道畅通、劳动防护用品）",
        ),
    ),
)

_QUALITY = ChecklistSection(
    key="quality",
    title_en="Quality system",
    title_zh="质量管理体系",
    items=(
        ChecklistItem(
            "quality.incoming_inspection",
            "Raw materials inspected on arrival, with records (IQC)",
            "原材料进厂检验，并有检验记录（IQC）",
        ),
        ChecklistItem(
            "quality.in_process_qc",
            "Quality control points along the production process (IPQC)",
            "生产过程中设有质量控制点（IPQC）",
        ),
        ChecklistItem(
            "quality.final_inspection",
            "Written inspection standard for finished goods before shipment (FQC/OQC)",
            "有书面的成品出厂检验标准（FQC/OQC）",
        ),
        ChecklistItem(
            "quality.nonconforming",
            "Defective products separated and marked",
            "不合格品隔离存放并有标识",
        ),
        ChecklistItem(
            "quality.traceability",
            "Quality problems traceable to batch, line and raw material",
            "质量问题可追溯到批次、生产线和原材料",
        ),
    ),
)

_CAPACITY = ChecklistSection(
    key="capacity",
    title_en="Capacity seen (counted, not told)",
    title_zh="产能核实（眼见为实，不以口述为准）",
    items=(
        ChecklistItem(
            "capacity.production_lines",
            "Production lines running, counted on site",
            "现场清点：正在运行的生产线（条）",
            kind=_NUMBER,
            unit=Dimension.PRODUCTION_LINES.unit,
            capacity_dimension=Dimension.PRODUCTION_LINES,
        ),
        ChecklistItem(
            "capacity.employees",
            "Production workers on the floor, counted",
            "现场清点的生产工人数量",
            kind=_NUMBER,
            unit=Dimension.EMPLOYEES.unit,
            capacity_dimension=Dimension.EMPLOYEES,
        ),
        ChecklistItem(
            "capacity.factory_area",
            "Factory floor area (m²), seen",
            "厂房面积（平方米），现场核实",
            kind=_NUMBER,
            unit=Dimension.FACTORY_AREA.unit,
            capacity_dimension=Dimension.FACTORY_AREA,
        ),
        ChecklistItem(
            "capacity.monthly_output",
            "Monthly output (pieces), from production records seen",
            "月产量（件），以现场查看的生产记录为准",
            kind=_NUMBER,
            unit=Dimension.MONTHLY_CAPACITY.unit,
            capacity_dimension=Dimension.MONTHLY_CAPACITY,
        ),
        ChecklistItem(
            "capacity.how_established",
            "How the figures were established (counted, records, estimate)",
            "以上数据的来源（现场清点、生产记录或估算）",
            kind=AnswerKind.TEXT,
        ),
    ),
)

_RED_FLAGS = ChecklistSection(
    key="red_flags",
    title_en="Red flags (Pass = no red flag seen)",
    title_zh="风险信号（未发现 = 合格）",
    items=(
        ChecklistItem(
            "red_flags.real_photos_refused",
            "Real photos (实拍图) of products and workshop provided",
            "愿意提供产品及车间实拍图",
        ),
        ChecklistItem(
            "red_flags.samples_or_visits_refused",
            "Samples and a factory visit agreed to",
            "同意寄样及实地验厂",
        ),
        ChecklistItem(
            "red_flags.payment_off_platform",
            "No payment asked outside the 1688 platform",
            "未要求走平台外交易",
        ),
        ChecklistItem(
            "red_flags.personal_account",
            "No payment asked to a personal bank account",
            "未要求将货款打入个人账户",
            critical=True,
        ),
        ChecklistItem(
            "red_flags.evasive_answers",
            "Clear, specific answers; no question avoided",
            "回答清楚具体，不回避问题",
        ),
        ChecklistItem(
            "red_flags.pressure_to_pay",
            "No pressure to pay or order immediately",
            "未催促立即付款或下单",
        ),
        ChecklistItem(
            "red_flags.false_details",
            "Company details true: name, address and licence match what was seen",
            "公司信息真实，与现场一致",
            critical=True,
        ),
        ChecklistItem(
            "red_flags.stock_photos",
            "Shop photos show this factory's own products, not stock images or renders",
            "店铺图片为本厂产品实拍，非网图或效果图",
        ),
    ),
)


def default_template() -> ChecklistTemplate:
    """A fresh copy of the shipped template (frozen dataclasses: sharing them is safe too)."""
    return ChecklistTemplate(
        name=DEFAULT_TEMPLATE_NAME,
        category="",
        sections=(_BEFORE, _DOCUMENTS, _PRODUCTION, _QUALITY, _CAPACITY, _RED_FLAGS),
        read_only=True,
    )
