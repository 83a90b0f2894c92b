"""Cheap, varied, valid synthetic suppliers for benchmarks."""

from __future__ import annotations

import random
from collections.abc import Iterable
from decimal import Decimal

from app.domain.kit.money import Money
from app.domain.suppliers.choices import BusinessType as BT
from app.domain.suppliers.choices import Membership as M
from app.domain.suppliers.choices import Status as S
from app.domain.suppliers.supplier import Contact, Supplier

# province, city, legal-name prefix, English place, address prefix
_PLACES = (
    ("广东", "深圳", "深圳市", "Shenzhen", "广东省深圳市"),
    ("广东", "东莞", "东莞市", "Dongguan", "广东省东莞市"),
    ("广东", "广州", "广州市", "Guangzhou", "广东省广州市"),
    ("广东", "佛山", "佛山市", "Foshan", "广东省佛山市"),
    ("广东", "中山", "中山市", "Zhongshan", "广东省中山市"),
    ("广东", "汕头", "汕头市", "Shantou", "广东省汕头市"),
    ("广东", "惠州", "惠州市", "Huizhou", "广东省惠州市"),
    ("浙江", "义乌", "义乌市", "Yiwu", "浙江省义乌市"),
    ("浙江", "宁波", "宁波市", "Ningbo", "浙江省宁波市"),
    ("浙江", "杭州", "杭州市", "Hangzhou", "浙江省杭州市"),
    ("浙江", "温州", "温州市", "Wenzhou", "浙江省温州市"),
    ("浙江", "台州", "台州市", "Taizhou", "浙江省台州市"),
    ("浙江", "永康", "永康市", "Yongkang", "浙江省永康市"),
    ("浙江", "湖州", "湖州市", "Huzhou", "浙江省湖州市"),
    ("江苏", "苏州", "苏州市", "Suzhou", "江苏省苏州市"),
    ("江苏", "南通", "南通市", "Nantong", "江苏省南通市"),
    ("江苏", "常州", "常州市", "Changzhou", "江苏省常州市"),
    ("江苏", "无锡", "无锡市", "Wuxi", "江苏省无锡市"),
    ("江苏", "扬州", "扬州市", "Yangzhou", "江苏省扬州市"),
    ("福建", "晋江", "晋江市", "Jinjiang", "福建省晋江市"),
    ("福建", "莆田", "莆田市", "Putian", "福建省莆田市"),
    ("福建", "厦门", "厦门市", "Xiamen", "福建省厦门市"),
    ("福建", "泉州", "泉州市", "Quanzhou", "福建省泉州市"),
    ("福建", "福州", "福州市", "Fuzhou", "福建省福州市"),
    ("山东", "青岛", "青岛市", "Qingdao", "山东省青岛市"),
    ("山东", "临沂", "临沂市", "Linyi", "山东省临沂市"),
    ("河北", "保定", "保定市", "Baoding", "河北省保定市"),
    ("河南", "许昌", "许昌市", "Xuchang", "河南省许昌市"),
    ("上海", "上海", "上海", "Shanghai", "上海市"),
    ("安徽", "合肥", "合肥市", "Hefei", "安徽省合肥市"),
)
_WORDS = (
    ("恒达", "Hengda"), ("华强", "Huaqiang"), ("鑫源", "Xinyuan"), ("佳美", "Jiamei"),
    ("宏远", "Hongyuan"), ("锦绣", "Jinxiu"), ("鸿星", "Hongxing"), ("美丽源", "Meiliyuan"),
    ("康洁", "Kangjie"), ("德隆", "Delong"), ("明辉", "Minghui"), ("聚鑫", "Juxin"),
    ("创维达", "Chuangweida"), ("顺达", "Shunda"), ("凯达", "Kaida"), ("永盛", "Yongsheng"),
    ("金利", "Jinli"), ("天成", "Tiancheng"), ("瑞丰", "Ruifeng"), ("博远", "Boyuan"),
    ("新华", "Xinhua"), ("富源", "Fuyuan"), ("盛达", "Shengda"), ("联创", "Lianchuang"),
    ("嘉禾", "Jiahe"), ("华美", "Huamei"), ("海通", "Haitong"), ("长青", "Changqing"),
    ("东方", "Dongfang"), ("益丰", "Yifeng"), ("荣达", "Rongda"), ("百盛", "Baisheng"),
    ("优品", "Youpin"), ("汇通", "Huitong"), ("信达", "Xinda"), ("鼎盛", "Dingsheng"),
    ("泰和", "Taihe"), ("万隆", "Wanlong"), ("金鹰", "Jinying"), ("星光", "Xingguang"),
    ("晨光", "Chenguang"), ("伟业", "Weiye"), ("远航", "Yuanhang"), ("宏发", "Hongfa"),
    ("安达", "Anda"), ("通达", "Tongda"), ("恒信", "Hengxin"), ("亿家", "Yijia"),
    ("乐途", "Letu"), ("银河", "Yinhe"), ("正和", "Zhenghe"), ("永兴", "Yongxing"),
    ("佳乐", "Jiale"), ("鑫盛", "Xinsheng"), ("合力", "Heli"), ("精诚", "Jingcheng"),
    ("立信", "Lixin"), ("华联", "Hualian"), ("润丰", "Runfeng"), ("金帝", "Jindi"),
)  # fmt: skip
# legal-name industry word, English, tags (Chinese, English)
_INDUSTRIES = (
    ("电子科技", "Electronic Technology", ("电子产品", "electronics")),
    ("通讯配件", "Telecom Accessories", ("手机配件", "phone accessories")),
    ("数码", "Digital", ("数码配件", "gadgets")),
    ("工艺品", "Crafts", ("工艺品", "crafts")),
    ("饰品", "Jewelry", ("饰品", "fashion jewelry")),
    ("玩具", "Toys", ("玩具", "toys")),
    ("日用品", "Household Products", ("日用百货", "daily goods")),
    ("家居用品", "Home Products", ("家居用品", "home goods")),
    ("服饰", "Apparel", ("服装", "apparel")),
    ("家纺", "Home Textiles", ("家纺", "home textiles")),
    ("纺织", "Textile", ("面料", "fabrics")),
    ("机械", "Machinery", ("机械", "machinery")),
    ("鞋业", "Shoes", ("鞋", "shoes")),
    ("运动用品", "Sporting Goods", ("运动服", "sportswear")),
    ("户外用品", "Outdoor Products", ("户外用品", "outdoor gear")),
    ("箱包", "Bags", ("箱包", "bags")),
    ("灯饰", "Lighting", ("灯饰", "lighting")),
    ("电器", "Electric Appliance", ("小家电", "small appliances")),
    ("五金", "Hardware", ("五金", "hardware")),
    ("塑胶制品", "Plastic Products", ("塑料制品", "plastic products")),
    ("包装制品", "Packaging", ("包装", "packaging")),
    ("眼镜", "Optical", ("眼镜", "eyewear")),
    ("发制品", "Hair Products", ("假发", "wigs")),
    ("文具", "Stationery", ("文具", "stationery")),
)
# legal suffix, English, business types it fits
_SUFFIXES = (
    ("有限公司", "Co., Ltd.", (BT.FACTORY, BT.BOTH)),
    ("厂", "Factory", (BT.FACTORY,)),
    ("贸易有限公司", "Trading Co., Ltd.", (BT.TRADING,)),
    ("商行", "Trading Firm", (BT.TRADING,)),
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余叶"
_GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
          "涛", "明", "超", "秀英", "晓敏", "建国", "海燕", "志强", "雅婷", "文博", "少芬", "美玲")  # fmt: skip
_MOBILE_PREFIXES = ("138", "139", "135", "136", "137", "150", "151", "152", "158", "159",
                    "186", "187", "188", "130", "131", "132", "155", "156", "133", "153",
                    "180", "189", "177", "199")  # fmt: skip
_ROADS = ("工业大道", "兴业路", "人民路", "建设路", "创业路", "环城北路", "科技园路", "商贸城")
_MEMBERSHIPS = (M.NONE,) + (M.BASIC,) * 10 + (M.STRONG,) * 5 + (M.SOURCE_FACTORY,) * 2
_STATUSES = (
    (S.PROSPECT,) * 8 + (S.CONTACTED,) * 5 + (S.SAMPLING,) * 3 + (S.APPROVED,) * 3
    + (S.ON_HOLD, S.REJECTED, S.BLACKLISTED)
)  # fmt: skip
_DEPOSITS = tuple(Money(Decimal(amount), "CNY") for amount in ("3000.00",) * 6 + ("5000.00", "10000.00"))  # fmt: skip
_RATES = tuple(Decimal(tenths).scaleb(-1) for tenths in range(0, 1001))  # 0.0 .. 100.0
_SCORES = tuple(Decimal(tenths).scaleb(-1) for tenths in range(30, 51))  # 3.0 .. 5.0
_FIRST_YEAR, _LAST_YEAR = 2008, 2024  # fixed, so records stay valid for any later `today`


def synthetic_suppliers(count: int, *, seed: int = 1) -> list[Supplier]:
    """`count` varied, valid, cheap suppliers with distinct names (place + word + industry + suffix)."""
    rng = random.Random(seed)
    sizes = (len(_PLACES), len(_WORDS), len(_INDUSTRIES), len(_SUFFIXES))
    combinations = sizes[0] * sizes[1] * sizes[2] * sizes[3]
    picks = rng.sample(range(combinations), min(count, combinations))
    return [
        _synthetic(index, combination, rng, seed)
        for index, combination in enumerate(_extend(picks, count, combinations))
    ]


def _extend(picks: list[int], count: int, combinations: int) -> Iterable[int]:
    """Past every combination, reuse them: `_synthetic` numbers the word of each further round."""
    yield from picks
    for index in range(len(picks), count):
        yield picks[index % combinations] + (index // combinations) * combinations


def _synthetic(index: int, combination: int, rng: random.Random, seed: int) -> Supplier:
    rest, place_index = divmod(combination, len(_PLACES))
    rest, word_index = divmod(rest, len(_WORDS))
    rest, industry_index = divmod(rest, len(_INDUSTRIES))
    round_number, suffix_index = divmod(rest, len(_SUFFIXES))
    province, city, prefix, place_en, address_prefix = _PLACES[place_index]
    word_zh, word_en = _WORDS[word_index]
    if round_number:
        word_zh, word_en = f"{word_zh}{round_number + 1}", f"{word_en}{round_number + 1}"
    industry_zh, industry_en, (tag_zh, tag_en) = _INDUSTRIES[industry_index]
    suffix_zh, suffix_en, business_types = _SUFFIXES[suffix_index]
    membership = rng.choice(_MEMBERSHIPS)
    protected = membership is not M.NONE and rng.random() < 0.8
    surname = rng.choice(_SURNAMES)
    mobile = f"{rng.randrange(10000):04d} {rng.randrange(10000):04d}"
    return Supplier(
        name_zh=f"{prefix}{word_zh}{industry_zh}{suffix_zh}",
        name_en=f"{place_en} {word_en} {industry_en} {suffix_en}",
        business_type=rng.choice(business_types),
        province=province,
        city=city,
        address=f"{address_prefix}{rng.choice(_ROADS)}{rng.randrange(1, 999)}号",
        shop_url=f"https://shop{seed}{index:07d}.1688.com",
        membership=membership,
        member_since=None if membership is M.NONE else rng.randrange(_FIRST_YEAR, _LAST_YEAR + 1),
        buyer_protection=protected,
        deposit=rng.choice(_DEPOSITS) if protected else None,
        reorder_rate=_RATES[rng.randrange(50, 700)],
        on_time_rate=_RATES[rng.randrange(800, 1001)],
        response_rate=_RATES[rng.randrange(600, 1001)],
        quality_score=rng.choice(_SCORES),
        service_score=rng.choice(_SCORES),
        status=rng.choice(_STATUSES),
        tags=[tag_zh, tag_en] if rng.random() < 0.5 else [tag_zh],
        contacts=[
            Contact(
                person=surname + rng.choice(_GIVEN),
                phone=f"+86 {rng.choice(_MOBILE_PREFIXES)} {mobile}",
                wechat=f"{word_en.lower()}_{rng.randrange(100, 9999)}",
                wangwang=f"{word_zh}{industry_zh}:{surname}经理",
            )
        ],
    )
