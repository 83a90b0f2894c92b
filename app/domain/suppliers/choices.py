"""The fixed vocabularies of a supplier record, each with English and Chinese labels (domain.md)."""

from __future__ import annotations

from enum import StrEnum


class Choice(StrEnum):
    """A stored code with labels; subclasses fill LABELS as {code: (english, chinese)}."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self.value][0]

    @property
    def label_zh(self) -> str:
        return _LABELS[type(self)][self.value][1]

    @classmethod
    def parse(cls, text: str) -> Choice:
        """Accept the code, the English label or the Chinese label, ignoring case and spaces."""
        wanted = _normalise(text)
        for member in cls:
            names = (member.value, member.label, member.label_zh, *_ALIASES.get(member, ()))
            if wanted in {_normalise(name) for name in names}:
                return member
        options = ", ".join(m.label for m in cls)
        raise ValueError(f"'{text}' is not one of: {options}")


def _normalise(text: str) -> str:
    return "".join(text.lower().replace("_", " ").replace("-", " ").split())


class BusinessType(Choice):
    FACTORY = "factory"
    TRADING = "trading"
    BOTH = "both"


class Membership(Choice):
    """1688 membership level (会员等级); domain.md: membership table."""

    NONE = "none"
    BASIC = "basic"
    STRONG = "strong"
    SOURCE_FACTORY = "source_factory"


class Status(Choice):
    """The pipeline: prospect, contacted, sampling, approved; or on hold, rejected, blacklisted."""

    PROSPECT = "prospect"
    CONTACTED = "contacted"
    SAMPLING = "sampling"
    APPROVED = "approved"
    ON_HOLD = "on_hold"
    REJECTED = "rejected"
    BLACKLISTED = "blacklisted"


class RedFlagKind(Choice):
    """domain.md red flags; the guide's immediate disqualifiers are `disqualifying`."""

    NO_MEMBERSHIP = "no_membership"
    PRICE_TOO_LOW = "price_too_low"
    STOCK_PHOTOS = "stock_photos"
    REFUSES_SAMPLES = "refuses_samples"
    OFF_PLATFORM_PAYMENT = "off_platform_payment"
    PERSONAL_ACCOUNT = "personal_account"
    EVASIVE = "evasive"
    PRESSURE = "pressure"
    BAD_REVIEWS = "bad_reviews"
    FALSE_DETAILS = "false_details"
    OTHER = "other"

    @property
    def disqualifying(self) -> bool:
        """The guide's immediate disqualification: no badge or under a year of membership,
        payment asked to a personal account, false company details."""
        return self in DISQUALIFYING_RED_FLAGS


class CertificationKind(Choice):
    BUSINESS_LICENCE = "business_licence"
    TAX_REGISTRATION = "tax_registration"
    ORGANISATION_CODE = "organisation_code"
    BANK_ACCOUNT_LICENCE = "bank_account_licence"
    LEGAL_PERSON_ID = "legal_person_id"
    FACTORY_AUDIT = "factory_audit"
    CE = "ce"
    FCC = "fcc"
    ROHS = "rohs"
    ISO_9001 = "iso_9001"
    OTHER = "other"


_LABELS: dict[type[Choice], dict[str, tuple[str, str]]] = {
    BusinessType: {
        "factory": ("Factory", "生产厂家"),
        "trading": ("Trading company", "贸易公司"),
        "both": ("Factory and trading", "工贸一体"),
    },
    Membership: {
        "none": ("None", "无"),
        "basic": ("Basic member", "诚信通"),
        "strong": ("Strong merchant", "实力商家"),
        "source_factory": ("Source factory", "源头工厂"),
    },
    Status: {
        "prospect": ("Prospect", "潜在供应商"),
        "contacted": ("Contacted", "已联系"),
        "sampling": ("Sampling", "打样中"),
        "approved": ("Approved", "合格供应商"),
        "on_hold": ("On hold", "暂停"),
        "rejected": ("Rejected", "已拒绝"),
        "blacklisted": ("Blacklisted", "黑名单"),
    },
    RedFlagKind: {
        "no_membership": ("No membership badge or under 1 year", "无诚信通或不满1年"),
        "price_too_low": ("Price far below market", "价格远低于市场"),
        "stock_photos": ("Stock photos, refuses real photos", "盗图/不给实拍图"),
        "refuses_samples": ("Refuses samples or factory visits", "推脱寄样、拒绝实地验厂"),
        "off_platform_payment": ("Pushes payment off the platform", "要求平台外付款"),
        "personal_account": ("Asks for payment to a personal account", "要求将货款打入个人账户"),
        "evasive": ("Evasive or vague answers", "回答含糊"),
        "pressure": ("Pressure to pay or order now", "催促付款下单"),
        "bad_reviews": ("Reviews cite quality or service problems", "差评（质量/服务问题）"),
        "false_details": ("False company details", "公司信息虚假"),
        "other": ("Other", "其他"),
    },
    CertificationKind: {
        "business_licence": ("Business licence", "营业执照"),
        "tax_registration": ("Tax registration", "税务登记证"),  # merged: see certifications
        "organisation_code": ("Organisation code", "组织机构代码证"),
        "bank_account_licence": ("Bank account licence", "开户许可证"),
        "legal_person_id": ("Legal person ID", "法人身份证"),
        "factory_audit": ("Third-party factory audit", "第三方验厂报告"),
        "ce": ("CE", "CE认证"),
        "fcc": ("FCC", "FCC认证"),
        "rohs": ("RoHS", "RoHS认证"),
        "iso_9001": ("ISO 9001", "ISO 9001认证"),
        "other": ("Other", "其他"),
    },
}

DISQUALIFYING_RED_FLAGS = frozenset(
    {RedFlagKind.NO_MEMBERSHIP, RedFlagKind.PERSONAL_ACCOUNT, RedFlagKind.FALSE_DETAILS}
)

_ALIASES: dict[Choice, tuple[str, ...]] = {
    BusinessType.FACTORY: ("源头工厂", "工厂", "manufacturer"),
    BusinessType.TRADING: ("trading", "trader"),
    BusinessType.BOTH: ("factory+trading", "factory & trading"),
    Membership.BASIC: ("chengxintong", "basic"),
    Membership.STRONG: ("strong merchant", "powerful merchant"),
    Membership.SOURCE_FACTORY: ("超级工厂", "super factory"),
    Membership.NONE: ("", "no", "—", "-"),
    Status.ON_HOLD: ("hold",),
    Status.PROSPECT: ("潜在",),  # the labels before issue 13
    Status.APPROVED: ("已认可",),
    RedFlagKind.PERSONAL_ACCOUNT: ("个人账户", "personal account"),
    RedFlagKind.BAD_REVIEWS: ("差评",),  # the shorter labels before issue 13
    RedFlagKind.REFUSES_SAMPLES: ("拒绝寄样或验厂",),
}

# domain.md: Suppliers ▸ location; the provinces the user buys from most, then the rest of China.
MAIN_PROVINCES = (
    ("广东", "Guangdong"),
    ("浙江", "Zhejiang"),
    ("江苏", "Jiangsu"),
    ("福建", "Fujian"),
)
OTHER_PROVINCES = (
    ("山东", "Shandong"),
    ("河北", "Hebei"),
    ("河南", "Henan"),
    ("上海", "Shanghai"),
    ("北京", "Beijing"),
    ("天津", "Tianjin"),
    ("安徽", "Anhui"),
    ("湖北", "Hubei"),
    ("湖南", "Hunan"),
    ("江西", "Jiangxi"),
    ("四川", "Sichuan"),
    ("重庆", "Chongqing"),
    ("辽宁", "Liaoning"),
    ("广西", "Guangxi"),
    ("云南", "Yunnan"),
    ("陕西", "Shaanxi"),
)
PROVINCES = MAIN_PROVINCES + OTHER_PROVINCES
