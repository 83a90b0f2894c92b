"""Demo content: a realistic, deterministic set of suppliers, and cheap synthetic ones for benchmarks.

`fill_demo` is the entry point (`python -m app demo`). Later areas (capacity and credit, samples,
negotiations, consolidations) add their own demo module and one step each to `fill_demo`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import select

from app.domain.choices import BusinessType as BT
from app.domain.choices import CertificationKind as CK
from app.domain.choices import Membership as M
from app.domain.choices import RedFlagKind as RF
from app.domain.choices import Status as S
from app.domain.money import Money
from app.domain.supplier import Certification, Contact, RedFlag, Supplier
from app.errors import WorkbenchError
from app.services.changes import Change
from app.services.suppliers import SupplierService
from app.store.models import SupplierRow


class _Cert(NamedTuple):
    kind: CK
    issuer: str
    expires_in_days: int | None  # relative to `today`; negative: already expired; None: no expiry
    # '#' a digit, '@' a letter, {region} the city's region code, {year} the year of issue
    number_pattern: str = ""


class _Demo(NamedTuple):
    """One demo supplier; dates are relative to `today` so the demo never goes stale."""

    slug: str  # the 1688 shop sub-domain
    name_zh: str
    name_en: str
    business_type: BT
    province: str
    city: str
    address: str
    membership: M
    member_years: int | None  # 诚信通 since (today.year - member_years); None: never a member
    status: S
    deposit_cny: str | None  # buyer-protection deposit (买家保障); None: no buyer protection
    figures: str  # "reorder on-time response quality service", "" when not looked up yet
    tags: tuple[str, ...]
    contacts: tuple[tuple[str, str, str, str, str], ...]  # person, phone, WeChat, 旺旺, e-mail
    certs: tuple[_Cert, ...] = ()
    flags: tuple[tuple[RF, int, str], ...] = ()  # kind, days ago, remark
    notes: str = ""
    licence: bool = True  # a business licence (营业执照, 长期) unless certs hold a dated one


# Administrative division codes (the 3rd-8th characters of a unified social credit code).
_REGION_CODES = {
    "深圳": "440300", "东莞": "441900", "广州": "440100", "中山": "442000",
    "义乌": "330782", "宁波": "330200", "慈溪": "330282", "杭州": "330100",
    "湖州": "330500", "永康": "330784", "南通": "320600", "苏州": "320500",
    "常州": "320400", "常熟": "320581", "丹阳": "321181", "晋江": "350582",
    "莆田": "350300", "厦门": "350200", "石狮": "350581", "泉州": "350500",
    "福州": "350100", "青岛": "370200", "保定": "130600",
}  # fmt: skip

_NUMBER_PATTERNS = {
    CK.TAX_REGISTRATION: "{region}#########",
    CK.ORGANISATION_CODE: "########-#",
    CK.BANK_ACCOUNT_LICENCE: "J#############",
    CK.LEGAL_PERSON_ID: "{region}********###X",
    CK.FACTORY_AUDIT: "AUD-{year}-#####",
    CK.CE: "CE-{year}-@@-#####",
    CK.FCC: "2A@@@-####",
    CK.ROHS: "RH-{year}-#####",
    CK.ISO_9001: "####Q#####R#M",
    CK.OTHER: "{year}-#####",
}
CERTIFICATE_YEARS = 3  # CE, ISO 9001 and audit reports in the demo run three years from issue
_OEKO = "Oeko-Tex Standard 100 (Hohenstein)"
_NTEK = "Shenzhen NTEK Testing Technology"
_BACL = "Bay Area Compliance Laboratories"
_SGS_SZ = "SGS-CSTC Shenzhen"
_CQC = "CQC 中国质量认证中心"
_BV = "Bureau Veritas (BV)"

# fmt: off
_DEMO: tuple[_Demo, ...] = (
    # --- 广东 Guangdong: electronics, phone accessories, gadgets --------------------------------
    _Demo("hqtxpj", "深圳市华强通讯配件有限公司", "Shenzhen Huaqiang Telecom Accessories Co., Ltd.",
          BT.BOTH, "广东", "深圳", "广东省深圳市福田区华强北路1019号华强广场B座1205室",
          M.STRONG, 12, S.APPROVED, "3000.00", "52.3 98.6 95.0 4.7 4.8",
          ("手机壳", "phone cases", "数据线", "charging cables"),
          (("陈丽", "+86 138 2654 7781", "chenli_hq88", "华强通讯配件:陈丽", "chenli@hqtxpj.com"),
           ("王建国", "+86 755 8321 6650", "wjg13902218876", "华强通讯配件:王经理", "sales@hqtxpj.com")),
          (_Cert(CK.CE, _NTEK, 400), _Cert(CK.ROHS, _SGS_SZ, 45), _Cert(CK.FCC, _BACL, 700)),
          notes="Main supplier for MagSafe cases. Mixed batch (混批) from 50 pcs; ships the same "
                "day if paid before 16:00."),
    _Demo("mingtaidz", "东莞市铭泰电子科技有限公司", "Dongguan Mingtai Electronic Technology Co., Ltd.",
          BT.FACTORY, "广东", "东莞", "广东省东莞市长安镇乌沙社区兴发南路32号铭泰工业园",
          M.SOURCE_FACTORY, 15, S.APPROVED, "10000.00", "61.8 99.2 97.5 4.8 4.7",
          ("蓝牙耳机", "bluetooth earbuds", "TWS"),
          (("黄晓敏", "+86 139 2291 0457", "hxm_mingtai", "铭泰电子:晓敏", "xiaomin.huang@mingtai-audio.com"),
           ("林志强", "+86 186 6631 2290", "lzq_factory", "铭泰电子:林工", "lin.zq@mingtai-audio.com")),
          (_Cert(CK.ISO_9001, "BSI", 520), _Cert(CK.FACTORY_AUDIT, _BV, 20),
           _Cert(CK.CE, "TÜV Rheinland", 800), _Cert(CK.FCC, _NTEK, 800),
           _Cert(CK.ROHS, "Intertek", 300),
           _Cert(CK.BANK_ACCOUNT_LICENCE, "中国人民银行东莞市中心支行", None)),
          notes="Source factory with 6 SMT lines. Visited in March: clean, capacity real. "
                "Golden sample kept in the office."),
    _Demo("cwdsm", "深圳市创维达数码有限公司", "Shenzhen Chuangweida Digital Co., Ltd.",
          BT.TRADING, "广东", "深圳", "广东省深圳市龙岗区坂田街道五和大道4023号3栋A座810",
          M.BASIC, 5, S.CONTACTED, "3000.00", "28.4 93.1 88.0 4.3 4.4",
          ("智能手表", "smart watches", "智能手环", "fitness bands"),
          (("张伟", "+86 135 1083 6629", "zhangwei_cwd", "创维达数码", "2856471123@qq.com"),),
          (_Cert(CK.CE, "CTI 华测检测", 210),),
          notes="Trading company; says it owns a factory in Huizhou (not confirmed)."),
    _Demo("jinchengpiju", "广州市白云区锦程皮具厂", "Guangzhou Jincheng Leather Goods Factory",
          BT.FACTORY, "广东", "广州", "广东省广州市白云区太和镇大源北路288号",
          M.BASIC, 10, S.SAMPLING, "3000.00", "38.9 96.4 90.2 4.5 4.6",
          ("手机皮套", "leather phone cases", "卡包", "card holders"),
          (("刘洋", "+86 137 2843 5516", "liuyang_jc", "锦程皮具厂:小刘", "jinchengpiju@163.com"),),
          (_Cert(CK.LEGAL_PERSON_ID, "广州市公安局白云区分局", 2400),),
          notes="Genuine-leather wallet case sample ordered; sent real photos (实拍图) unasked."),
    _Demo("youpinhui", "深圳市优品汇科技有限公司", "",
          BT.TRADING, "广东", "深圳", "广东省深圳市宝安区西乡街道宝源路2004号",
          M.NONE, None, S.BLACKLISTED, None, "",
          ("数码配件", "gadgets"),
          (("李先生", "+86 158 1937 2204", "yph8899", "", ""),),
          flags=((RF.NO_MEMBERSHIP, 140, "No 诚信通 badge; the shop opened this spring."),
                 (RF.OFF_PLATFORM_PAYMENT, 132, "Asked for an Alipay transfer to a personal "
                                                "account (个人账户) for a 5 % discount."),
                 (RF.STOCK_PHOTOS, 130, "Listing photos are a brand's own renders; refused 实拍图."),
                 (RF.FALSE_DETAILS, 120, "Company not found in 国家企业信用信息公示系统.")),
          notes="Do not deal: off-platform payment request.", licence=False),
    _Demo("topsun", "", "Shenzhen Topsun Electronics Co., Ltd.",
          BT.BOTH, "广东", "深圳", "广东省深圳市南山区粤海街道高新南七道18号",
          M.STRONG, 9, S.SAMPLING, "3000.00", "44.0 97.8 93.6 4.6 4.5",
          ("LED灯带", "LED strips", "智能家居", "smart home"),
          (("Kevin 周杰", "+86 188 2376 0915", "kevin_topsun", "topsun2017", "kevin@topsun-led.com"),),
          (_Cert(CK.CE, "Intertek", 330), _Cert(CK.ROHS, _SGS_SZ, -40)),
          notes="Only the English name is on their card; ask for the Chinese legal name."),
    _Demo("hengtongwj", "东莞市恒通五金塑胶制品有限公司", "Dongguan Hengtong Hardware & Plastic Products Co., Ltd.",
          BT.FACTORY, "广东", "东莞", "广东省东莞市塘厦镇林村新阳路8号",
          M.BASIC, 14, S.PROSPECT, None, "35.2 95.0 82.4 4.4 4.2",
          ("手机支架", "phone holders", "车载支架", "car mounts"),
          (("郑海燕", "+86 150 1602 7738", "zhy_hengtong", "恒通五金塑胶:海燕", "hengtong_wj@126.com"),)),
    _Demo("diruidz", "广州市迪锐电子有限公司", "Guangzhou Dirui Electronics Co., Ltd.",
          BT.BOTH, "广东", "广州", "广东省广州市番禺区石基镇金山大道西168号",
          M.BASIC, 7, S.ON_HOLD, "3000.00", "19.6 86.3 75.0 3.9 3.8",
          ("充电器", "chargers", "氮化镓", "GaN chargers"),
          (("许文博", "+86 133 6021 4487", "xwb_dirui", "迪锐电子:文博", "xuwenbo@dirui-power.cn"),
           ("蔡雅婷", "+86 159 2012 3376", "caiyating0903", "迪锐电子:婷婷", "")),
          (_Cert(CK.CE, _NTEK, -95), _Cert(CK.FCC, _BACL, 150)),
          flags=((RF.BAD_REVIEWS, 60, "Several reviews: 65 W chargers overheat, slow returns."),
                 (RF.EVASIVE, 21, "Asked twice for the renewed CE certificate: only 'coming soon'.")),
          notes="On hold until they show a valid CE certificate and a heat test."),
    _Demo("juxinyuan", "深圳市聚鑫源电子有限公司", "Shenzhen Juxinyuan Electronics Co., Ltd.",
          BT.FACTORY, "广东", "深圳", "广东省深圳市宝安区沙井街道后亭第二工业区12栋",
          M.SOURCE_FACTORY, 17, S.APPROVED, "20000.00", "58.1 99.5 98.0 4.9 4.8",
          ("移动电源", "power banks", "锂电池", "li-ion batteries"),
          (("何俊", "+86 136 3291 7760", "hejun_jxy", "聚鑫源电子:何俊", "hejun@jxy-battery.com"),
           ("曾庆华", "+86 755 2731 9904", "", "聚鑫源电子", "export@jxy-battery.com")),
          (_Cert(CK.ISO_9001, "SGS", 38), _Cert(CK.CE, "TÜV SÜD", 610),
           _Cert(CK.ROHS, _SGS_SZ, 610), _Cert(CK.FACTORY_AUDIT, "SGS", 250),
           _Cert(CK.OTHER, "UN38.3 test report (DGM Shenzhen)", 410, "UN38.3-{year}-####")),
          notes="Batteries: the agent needs the UN38.3 report and the MSDS for every air shipment."),
    _Demo("minghuilighting", "中山市古镇明辉灯饰厂", "Zhongshan Guzhen Minghui Lighting Factory",
          BT.FACTORY, "广东", "中山", "广东省中山市古镇镇东兴中路23号",
          M.STRONG, 13, S.CONTACTED, "3000.00", "41.5 97.0 89.9 4.5 4.5",
          ("灯饰", "lighting", "小夜灯", "night lights"),
          (("梁少芬", "+86 189 2831 4452", "lsf_minghui", "明辉灯饰:阿芬", "minghuilighting@163.com"),),
          (_Cert(CK.CE, "Intertek", 95), _Cert(CK.ROHS, "Intertek", 95))),
    # --- 浙江 Zhejiang: Yiwu small goods, Ningbo/Hangzhou home goods, fashion ------------------
    _Demo("hengdacrafts", "义乌市恒达工艺品厂", "Yiwu Hengda Crafts Factory",
          BT.FACTORY, "浙江", "义乌", "浙江省义乌市福田街道稠州北路777号",
          M.STRONG, 8, S.SAMPLING, "3000.00", "45.5 98.2 92.0 4.6 4.8",
          ("工艺品", "crafts", "节日装饰", "festive decorations"),
          (("王丽", "+86 138 5792 1234", "wangli_hd", "恒达工艺:王丽", "wangli@hengdacrafts.com"),
           ("楼晓峰", "+86 135 8896 4410", "louxf1983", "恒达工艺:楼总", "")),
          (_Cert(CK.FACTORY_AUDIT, "Intertek", 140),),
          notes="Good English; samples in 5 days. Christmas orders must be placed by July."),
    _Demo("jiameijewelry", "义乌市佳美饰品有限公司", "Yiwu Jiamei Jewelry Co., Ltd.",
          BT.BOTH, "浙江", "义乌", "浙江省义乌市稠城街道宾王路158号",
          M.BASIC, 6, S.APPROVED, "3000.00", "47.2 96.8 94.4 4.5 4.6",
          ("饰品", "fashion jewelry", "发饰", "hair accessories"),
          (("金晓丽", "+86 151 6790 2238", "jinxiaoli_jm", "佳美饰品:小丽", "jiamei_jewelry@163.com"),),
          (_Cert(CK.OTHER, "REACH nickel release test (SGS)", 25, "SHAEC{year}######"),),
          notes="Mixed batch (混批) from 12 pcs per design."),
    _Demo("letutoys", "义乌市乐途玩具有限公司", "Yiwu Letu Toys Co., Ltd.",
          BT.TRADING, "浙江", "义乌", "浙江省义乌市北苑街道春晗路66号",
          M.NONE, None, S.PROSPECT, None, "",
          ("玩具", "toys", "解压玩具", "fidget toys"),
          (("傅建军", "+86 187 5797 6603", "fjj_letu", "乐途玩具", ""),),
          flags=((RF.NO_MEMBERSHIP, 9, "No 诚信通 badge on the shop; ask why before any order."),)),
    _Demo("kangjiehome", "宁波市海曙康洁日用品有限公司", "Ningbo Kangjie Household Products Co., Ltd.",
          BT.FACTORY, "浙江", "宁波", "浙江省宁波市海曙区集士港镇丰成路88号",
          M.SOURCE_FACTORY, 16, S.APPROVED, "10000.00", "63.4 99.0 96.2 4.8 4.9",
          ("收纳用品", "storage boxes", "厨房用品", "kitchenware"),
          (("姚建平", "+86 139 5748 0126", "yjp_kangjie", "康洁日用:姚经理", "yao.jp@kangjie-home.com"),
           ("叶小青", "+86 574 8755 3021", "", "康洁日用:外贸部", "export@kangjie-home.com")),
          (_Cert(CK.ISO_9001, _CQC, 700),
           _Cert(CK.OTHER, "LFGB food-contact test (TÜV SÜD)", 390, "LFGB-{year}-#####"),
           _Cert(CK.FACTORY_AUDIT, "BSCI (amfori), audited by TÜV SÜD", -200)),
          notes="Food-grade PP. The BSCI audit has lapsed: ask for the new report before Q1."),
    _Demo("delongappliance", "慈溪市德隆电器有限公司", "Cixi Delong Electric Appliance Co., Ltd.",
          BT.FACTORY, "浙江", "慈溪", "浙江省慈溪市周巷镇兴业北路201号",
          M.STRONG, 14, S.CONTACTED, "5000.00", "36.7 95.5 86.0 4.4 4.3",
          ("小家电", "small appliances", "电热水壶", "electric kettles"),
          (("沈佳怡", "+86 158 5742 8830", "shenjiayi_dl", "德隆电器:佳怡", "sales01@delong-appliance.com"),),
          (_Cert(CK.CE, "TÜV Rheinland", -400), _Cert(CK.CE, "TÜV Rheinland", 330),
           _Cert(CK.ROHS, "CTI 华测检测", 330), _Cert(CK.ISO_9001, "SGS", 158))),
    _Demo("yimanfashion", "杭州伊曼服饰有限公司", "Hangzhou Yiman Apparel Co., Ltd.",
          BT.BOTH, "浙江", "杭州", "浙江省杭州市临平区乔司街道永玄路126号",
          M.STRONG, 10, S.REJECTED, "3000.00", "22.1 88.7 91.3 3.8 4.2",
          ("女装", "women's fashion", "连衣裙", "dresses"),
          (("孙倩", "+86 131 5717 8842", "sunqian_yiman", "伊曼服饰:倩倩", "yimanfushi@126.com"),),
          flags=((RF.BAD_REVIEWS, 75, "Reviews mention colour differences between batches."),
                 (RF.OTHER, 70, "Sample fabric thinner than listed: 160 g/m² claimed, 120 measured.")),
          notes="Rejected after sampling: fabric weight below spec."),
    _Demo("xinyuanbaihuo", "义乌市鑫源日用百货商行", "",
          BT.TRADING, "浙江", "义乌", "浙江省义乌市福田街道国际商贸城二区H2-23街12568号",
          M.NONE, None, S.REJECTED, None, "",
          ("日用百货", "daily goods"),
          (("吴晓红", "+86 182 6893 1547", "wxh_xinyuan", "", ""),),
          flags=((RF.NO_MEMBERSHIP, 100, "Personal shop (个人店铺), no 诚信通."),
                 (RF.PRICE_TOO_LOW, 100, "Silicone kitchen set at ¥4.80; the market is ¥9-12."),
                 (RF.PRESSURE, 98, "'This price is only for today, pay now.'"))),
    _Demo("beilekids", "湖州织里贝乐童装厂", "Huzhou Zhili Beile Kidswear Factory",
          BT.FACTORY, "浙江", "湖州", "浙江省湖州市吴兴区织里镇珍贝路318号",
          M.BASIC, 9, S.SAMPLING, "3000.00", "40.8 94.6 90.0 4.4 4.5",
          ("童装", "kidswear", "婴儿服", "baby clothes"),
          (("钱晓峰", "+86 152 5820 7719", "qxf_beile", "贝乐童装:钱总", "beilekids@163.com"),),
          (_Cert(CK.OTHER, _OEKO, 50, "##.HCN.#####"),)),
    _Demo("shundaflask", "永康市顺达保温杯厂", "Yongkang Shunda Vacuum Flask Factory",
          BT.FACTORY, "浙江", "永康", "浙江省永康市经济开发区金都路99号",
          M.BASIC, 12, S.ON_HOLD, "3000.00", "33.0 91.2 84.5 4.2 4.0",
          ("保温杯", "vacuum flasks", "水杯", "drinkware"),
          (("胡斌", "+86 135 7991 2264", "hubin_sd", "顺达保温杯:胡斌", ""),),
          (_Cert(CK.OTHER, "FDA food-contact test (Intertek)", 200, "FDA-{year}-#####"),
           _Cert(CK.TAX_REGISTRATION, "永康市国家税务局", None)),
          flags=((RF.PRESSURE, 30, "Price up 15 % after the sample was approved ('steel costs')."),),
          notes="On hold: waiting for the new quote; compare with Ningbo Kangjie."),
    # --- 江苏 Jiangsu: Nantong/Suzhou textiles, Changzhou machinery -----------------------------
    _Demo("jinxiutextile", "南通市锦绣家纺有限公司", "Nantong Jinxiu Home Textiles Co., Ltd.",
          BT.BOTH, "江苏", "南通", "江苏省南通市通州区川姜镇志浩市场东区88号",
          M.SOURCE_FACTORY, 18, S.APPROVED, "10000.00", "66.2 98.8 96.7 4.8 4.9",
          ("家纺", "home textiles", "床上用品", "bedding"),
          (("顾晓燕", "+86 139 1367 5502", "guxy_jinxiu", "锦绣家纺:顾晓燕", "gu.xiaoyan@jinxiu-textile.com"),
           ("陆文静", "+86 150 6285 3317", "luwenjing88", "锦绣家纺:文静", "")),
          (_Cert(CK.ISO_9001, "SGS", 480), _Cert(CK.OTHER, _OEKO, 12, "##.HCN.#####"),
           _Cert(CK.FACTORY_AUDIT, "Intertek", 160),
           _Cert(CK.TAX_REGISTRATION, "南通市通州地方税务局", None),
           _Cert(CK.ORGANISATION_CODE, "南通市质量技术监督局", -3300)),
          notes="Member since 2008. Sea freight (LCL) via Shanghai for duvets."),
    _Demo("huafangsilk", "苏州华纺纺织有限公司", "Suzhou Huafang Textile Co., Ltd.",
          BT.FACTORY, "江苏", "苏州", "江苏省苏州市吴江区盛泽镇舜湖西路567号",
          M.STRONG, 15, S.CONTACTED, "5000.00", "49.0 97.1 91.5 4.6 4.5",
          ("面料", "fabrics", "真丝", "silk"),
          (("徐磊", "+86 138 1554 9036", "xulei_hf", "华纺纺织:徐磊", "xulei@huafang-silk.com"),),
          (_Cert(CK.ISO_9001, _BV, 260),)),
    _Demo("wujinjg", "常州市武进精工机械有限公司", "Changzhou Wujin Precision Machinery Co., Ltd.",
          BT.FACTORY, "江苏", "常州", "江苏省常州市武进区湖塘镇长安路22号",
          M.STRONG, 11, S.PROSPECT, "5000.00", "30.5 94.0 80.0 4.5 4.3",
          ("包装机械", "packaging machines", "封口机", "sealing machines"),
          (("马超", "+86 136 1500 8847", "machao_wj", "武进精工:马工", "machao@wjjg-machine.com"),),
          (_Cert(CK.CE, "TÜV SÜD", 900), _Cert(CK.ISO_9001, _CQC, 330))),
    _Demo("lanhaigarments", "常熟市蓝海服饰有限公司", "Changshu Lanhai Garments Co., Ltd.",
          BT.BOTH, "江苏", "常熟", "江苏省常熟市海虞北路66号招商城服装市场3楼",
          M.BASIC, 7, S.SAMPLING, "3000.00", "34.6 92.8 89.1 4.3 4.4",
          ("羽绒服", "down jackets", "外套", "coats"),
          (("高雪", "+86 187 1238 6650", "gaoxue_lh", "蓝海服饰:高雪", "lanhaifushi@163.com"),),
          notes="90 % duck down: ask for the fill-power test with the sample."),
    _Demo("mingshioptical", "丹阳市明视眼镜有限公司", "Danyang Mingshi Optical Co., Ltd.",
          BT.FACTORY, "江苏", "丹阳", "江苏省丹阳市开发区齐梁路58号",
          M.BASIC, 10, S.APPROVED, "3000.00", "50.6 97.5 93.0 4.6 4.6",
          ("眼镜", "eyewear", "太阳镜", "sunglasses"),
          (("杨帆", "+86 159 5113 2207", "yangfan_ms", "明视眼镜:杨帆", "yangfan@mingshi-optical.com"),),
          (_Cert(CK.CE, "Intertek", 540),
           _Cert(CK.OTHER, "FDA device registration", 180, "FDA-#######"))),
    _Demo("ruifengtrade", "", "Nantong Ruifeng Trading Co., Ltd.",
          BT.TRADING, "江苏", "南通", "江苏省南通市崇川区工农路486号",
          M.BASIC, 2, S.CONTACTED, "3000.00", "26.0 95.2 97.1 4.4 4.6",
          ("毛巾", "towels", "浴巾", "bath towels"),
          (("Lily 蒋玲", "+86 151 9630 4478", "lily_ruifeng", "ruifengtrade", "lily@ruifengtrade.com"),),
          notes="English-speaking trader; buys from mills in Nantong and Gaoyang (Hebei)."),
    _Demo("yaqibridal", "苏州虎丘雅琪婚纱礼服店", "",
          BT.TRADING, "江苏", "苏州", "江苏省苏州市姑苏区虎丘路虎丘婚纱城2楼2086号",
          M.BASIC, 1, S.BLACKLISTED, "3000.00", "9.8 72.4 60.2 3.1 3.3",
          ("婚纱", "wedding dresses", "礼服", "evening dresses"),
          (("韩梅", "+86 177 6215 3390", "hanmei_yq", "雅琪婚纱礼服", ""),),
          flags=((RF.STOCK_PHOTOS, 210, "Listing photos copied from a Western designer's site; refused 实拍图."),
                 (RF.REFUSES_SAMPLES, 205, "Refused a paid sample: 'custom-made, no samples'."),
                 (RF.OFF_PLATFORM_PAYMENT, 200, "Wanted a 50 % deposit by WeChat transfer (微信转账)."))),
    # --- 福建 Fujian: Jinjiang/Putian shoes, Xiamen sportswear and outdoor gear ---------------
    _Demo("hongxingshoes", "晋江市鸿星鞋业有限公司", "Jinjiang Hongxing Shoes Co., Ltd.",
          BT.FACTORY, "福建", "晋江", "福建省晋江市陈埭镇鞋都路168号",
          M.SOURCE_FACTORY, 16, S.APPROVED, "10000.00", "57.9 98.4 95.8 4.7 4.7",
          ("运动鞋", "sneakers", "休闲鞋", "casual shoes"),
          (("庄伟民", "+86 139 0595 7712", "zwm_hongxing", "鸿星鞋业:庄总", "zhuang.wm@hongxing-shoes.com"),
           ("洪秀珍", "+86 595 8568 2231", "", "鸿星鞋业:外贸部", "export@hongxing-shoes.com")),
          (_Cert(CK.ISO_9001, "SGS", -12), _Cert(CK.FACTORY_AUDIT, _BV, 410),
           _Cert(CK.BANK_ACCOUNT_LICENCE, "中国人民银行晋江市支行", None)),
          notes="ISO 9001 renewal audit overdue; they say the new certificate is on its way."),
    _Demo("xindashoes", "莆田市荔城区鑫达鞋厂", "Putian Xinda Shoe Factory",
          BT.FACTORY, "福建", "莆田", "福建省莆田市荔城区黄石镇东甲村工业区",
          M.BASIC, 6, S.BLACKLISTED, "3000.00", "15.3 80.6 68.0 3.4 3.2",
          ("运动鞋", "sneakers"),
          (("阿强", "+86 180 5940 2261", "aqiang_pt668", "", ""),),
          flags=((RF.PRICE_TOO_LOW, 300, "A branded running shoe at ¥85 a pair."),
                 (RF.FALSE_DETAILS, 300, "Offered 'original' branded sneakers: replicas."),
                 (RF.OFF_PLATFORM_PAYMENT, 298, "Payment to a personal bank card only.")),
          notes="Counterfeits: never order; customs seizes branded goods."),
    _Demo("dongliyuansports", "厦门市动力源运动用品有限公司", "Xiamen Dongliyuan Sporting Goods Co., Ltd.",
          BT.BOTH, "福建", "厦门", "福建省厦门市湖里区枋湖北二路1069号",
          M.STRONG, 14, S.SAMPLING, "5000.00", "46.8 97.3 94.0 4.6 4.7",
          ("运动服", "sportswear", "瑜伽服", "yoga wear"),
          (("苏建华", "+86 138 6004 3375", "sjh_dly", "动力源运动:苏建华", "su.jh@dly-sports.com"),
           ("Amy 卢嘉欣", "+86 150 8020 6614", "amy_dly", "动力源运动:Amy", "amy@dly-sports.com")),
          (_Cert(CK.FACTORY_AUDIT, "Intertek (WCA)", 75),
           _Cert(CK.OTHER, _OEKO, 260, "##.HCN.#####"))),
    _Demo("yetuoutdoor", "厦门市野途户外用品有限公司", "Xiamen Yetu Outdoor Products Co., Ltd.",
          BT.FACTORY, "福建", "厦门", "福建省厦门市集美区杏林湾路482号",
          M.STRONG, 11, S.APPROVED, "5000.00", "54.3 98.0 95.5 4.7 4.8",
          ("帐篷", "tents", "户外用品", "outdoor gear"),
          (("彭涛", "+86 186 5921 7740", "pengtao_yt", "野途户外:彭涛", "pengtao@yetu-outdoor.com"),),
          (_Cert(CK.ISO_9001, "TÜV SÜD", 300), _Cert(CK.FACTORY_AUDIT, "TÜV SÜD", 55)),
          notes="Tents ship by sea in 40 days; air only for samples."),
    _Demo("kaidagarment", "石狮市凯达服装有限公司", "Shishi Kaida Garments Co., Ltd.",
          BT.BOTH, "福建", "石狮", "福建省石狮市灵秀镇服装城南路35号",
          M.BASIC, 8, S.CONTACTED, "3000.00", "31.7 93.9 87.3 4.3 4.3",
          ("男装", "menswear", "T恤", "T-shirts"),
          (("施永明", "+86 135 9987 0153", "shiyongming_kd", "凯达服装:施永明", "kaida_garment@163.com"),)),
    _Demo("hongyuanbags", "泉州市宏远箱包有限公司", "Quanzhou Hongyuan Bags Co., Ltd.",
          BT.FACTORY, "福建", "泉州", "福建省泉州市丰泽区北峰工业区鹏程路12号",
          M.STRONG, 12, S.ON_HOLD, "3000.00", "39.5 90.1 85.6 4.2 4.1",
          ("背包", "backpacks", "旅行包", "travel bags"),
          (("丁国强", "+86 159 6089 4412", "dgq_hongyuan", "宏远箱包:丁国强", "dingguoqiang@hongyuan-bags.com"),),
          (_Cert(CK.FACTORY_AUDIT, "BSCI (amfori), audited by SGS", -60),),
          flags=((RF.REFUSES_SAMPLES, 40, "Declined a factory visit in peak season; offered the VR tour."),),
          notes="On hold until the BSCI re-audit; sample quality was fine."),
    _Demo("qingyuumbrella", "晋江市东石晴雨伞业有限公司", "Jinjiang Qingyu Umbrella Co., Ltd.",
          BT.FACTORY, "福建", "晋江", "福建省晋江市东石镇伞业园区兴业路9号",
          M.BASIC, 9, S.PROSPECT, "3000.00", "",
          ("雨伞", "umbrellas", "晴雨伞", "sun umbrellas"),
          (("许美玲", "+86 137 2386 5519", "xml_qingyu", "晴雨伞业:美玲", ""),)),
    _Demo("greenwaytrade", "", "Fuzhou Greenway Trading Co., Ltd.",
          BT.TRADING, "福建", "福州", "福建省福州市仓山区金山街道浦上大道208号",
          M.BASIC, 0, S.REJECTED, "3000.00", "5.0 78.0 99.0 3.6 4.9",
          ("家居用品", "home goods"),
          (("Jack 林", "+86 199 5012 8873", "jack_greenway", "greenwaytrade", "jack.greenway@outlook.com"),),
          flags=((RF.NO_MEMBERSHIP, 45, "诚信通 only since this year."),
                 (RF.PRICE_TOO_LOW, 45, "Bamboo storage set 40 % under every other quote."),
                 (RF.EVASIVE, 40, "Could not name the factory or send a photo of the licence.")),
          licence=False),
    # --- elsewhere ------------------------------------------------------------------------------
    _Demo("meiliyuanhair", "青岛美丽源发制品有限公司", "Qingdao Meiliyuan Hair Products Co., Ltd.",
          BT.FACTORY, "山东", "青岛", "山东省青岛市即墨区通济街道长江二路156号",
          M.STRONG, 13, S.CONTACTED, "5000.00", "43.1 96.0 92.7 4.5 4.6",
          ("假发", "wigs", "接发", "hair extensions"),
          (("田甜", "+86 153 7683 2210", "tiantian_mly", "美丽源发制品:甜甜", "tiantian@meiliyuan-hair.com"),),
          (_Cert(CK.ISO_9001, _CQC, 430),)),
    _Demo("jiahexiangbao", "白沟新城佳禾箱包厂", "Baigou Jiahe Luggage Factory",
          BT.FACTORY, "河北", "保定", "河北省保定市白沟新城和道国际箱包城B区3街118号",
          M.BASIC, 7, S.PROSPECT, None, "29.9 92.5 83.0 4.2 4.2",
          ("箱包", "luggage", "拉杆箱", "trolley cases"),
          (("范明", "+86 131 3322 6095", "fanming_jh", "佳禾箱包:范明", "jiahexiangbao@163.com"),)),
)
# fmt: on


def demo_suppliers(today: date) -> list[Supplier]:
    """The demo's suppliers, the same on every call for the same `today`."""
    return [_build(entry, today) for entry in _DEMO]


def fill_demo(service: SupplierService) -> Change:
    """Fill a new, empty database with the demo; refuse if it already holds any supplier."""
    with service.database.transaction() as session:
        has_suppliers = session.scalar(select(SupplierRow.id).limit(1)) is not None
    if has_suppliers:
        raise WorkbenchError(
            f"{service.database.path} already holds suppliers: "
            "the demo only fills a new, empty database. Choose a new file."
        )
    return service.insert_many(demo_suppliers(service.today()))


def _build(entry: _Demo, today: date) -> Supplier:
    rng = random.Random(f"demo:{entry.slug}")  # str seeds hash with SHA-512: stable everywhere
    certs = list(entry.certs)
    if entry.licence and not any(c.kind is CK.BUSINESS_LICENCE for c in certs):
        certs.insert(0, _Cert(CK.BUSINESS_LICENCE, f"{entry.city}市市场监督管理局", None))
    reorder, on_time, response, quality, service = _figures(entry.figures)
    return Supplier(
        name_zh=entry.name_zh,
        name_en=entry.name_en,
        business_type=entry.business_type,
        province=entry.province,
        city=entry.city,
        address=entry.address,
        shop_url=f"https://{entry.slug}.1688.com",
        membership=entry.membership,
        member_since=None if entry.member_years is None else today.year - entry.member_years,
        buyer_protection=entry.deposit_cny is not None,
        deposit=None if entry.deposit_cny is None else Money(Decimal(entry.deposit_cny), "CNY"),
        reorder_rate=reorder,
        on_time_rate=on_time,
        response_rate=response,
        quality_score=quality,
        service_score=service,
        status=entry.status,
        tags=list(entry.tags),
        notes=entry.notes,
        contacts=[Contact(*fields) for fields in entry.contacts],
        certifications=[_certification(c, entry, today, rng) for c in certs],
        red_flags=[
            RedFlag(kind, today - timedelta(days=days_ago), remark)
            for kind, days_ago, remark in entry.flags
        ],
    )


def _figures(text: str) -> list[Decimal | None]:
    values = [Decimal(part) for part in text.split()]
    return values or [None] * 5


def _certification(cert: _Cert, entry: _Demo, today: date, rng: random.Random) -> Certification:
    region = _REGION_CODES[entry.city]
    expires = None if cert.expires_in_days is None else today + timedelta(days=cert.expires_in_days)
    if cert.kind is CK.BUSINESS_LICENCE:
        # 92: an individual business (个体工商户: 商行, 店); 91: a company or a factory.
        sole_trader = entry.name_zh.endswith(("商行", "店"))
        number = _credit_code(("92" if sole_trader else "91") + region, rng)
    else:
        pattern = cert.number_pattern or _NUMBER_PATTERNS[cert.kind]
        issued = min(today.year, (expires or today).year - CERTIFICATE_YEARS)
        number = _fill_pattern(pattern.format(region=region, year=issued), rng)
    return Certification(cert.kind, number, cert.issuer, expires)


_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100-2015: no I, O, S, V, Z
_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def _credit_code(prefix: str, rng: random.Random) -> str:
    """An 18-character unified social credit code (统一社会信用代码) with a valid check character."""
    body = prefix + "".join(rng.choice(_CODE_CHARS) for _ in range(17 - len(prefix)))
    total = sum(_CODE_CHARS.index(ch) * w for ch, w in zip(body, _CODE_WEIGHTS, strict=True))
    return body + _CODE_CHARS[(31 - total % 31) % 31]


def _fill_pattern(pattern: str, rng: random.Random) -> str:
    """'CE-2024-@@-#####' → 'CE-2024-KM-30815': '#' a digit, '@' a letter, the rest as written."""
    return "".join(_fill_character(ch, rng) for ch in pattern)


def _fill_character(ch: str, rng: random.Random) -> str:
    if ch == "#":
        return str(rng.randrange(10))
    if ch == "@":
        return rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
    return ch


# --- synthetic suppliers for benchmarks ---------------------------------------------------------

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
