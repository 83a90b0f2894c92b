"""The samples part of the demo, written through SampleService like a user would (so every rule
applies): four products with their spec and own criteria, and 3-5 samples each from demo
suppliers that make such things, at every stage from requested to approved or rejected.

- 磁吸手机支架: four samples received and scored; Hengtong's is the golden sample, and the
  blacklisted gadget shop's sample is rejected (it is not the product in its listing photos).
- 500毫升保温杯: one sample still on its way and one only requested.
- 帆布托特包: three bag makers; Hongyuan's is golden.
- 硅胶解压玩具: a free sample among them; still being evaluated, no golden sample yet. Every
  1688 shop quotes in CNY; the one USD price is Ruifeng's, a trading company quoting from its
  Alibaba.com shop (the sample says so), so the compare view says the costs are not compared
  (no exchange rate is guessed).
Every sample gets 2-4 photos when a photo store is given (demo/sample_photos.py). Dates
follow `today` so the demo never goes stale.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from app.demo.matrix import shop_slug
from app.demo.sample_photos import add_demo_photos
from app.domain.kit.money import Money
from app.domain.samples.sample import (
    Criterion,
    CriterionKind,
    PassFail,
    Product,
    Sample,
    SampleStatus,
)
from app.domain.suppliers.supplier import Supplier
from app.services.samples.service import SampleService

if TYPE_CHECKING:
    from app.store.photos.store import PhotoStore

S = SampleStatus
P, F = PassFail.PASS, PassFail.FAIL
# Built-in criteria in order; a fifth, sixth... number is the product's own criteria in order.
BUILT_IN = ("appearance", "function", "material", "packaging")


class DemoSample(NamedTuple):
    slug: str  # the supplier's 1688 shop sub-domain
    variant: str
    price: str  # "15.50 CNY"; "" unknown; "free" for a free sample
    shipping: str  # "12 CNY"; "" not known yet
    days_ago: tuple[int | None, int | None, int | None]  # requested, shipped, received
    tracking: str
    status: SampleStatus
    measured: str  # "length width height weight", "-" where not measured; "" none
    scores: str  # built-ins then own criteria: "4 5 3 4 P", "-" unscored; "" none
    defects: str = ""
    verdict: str = ""
    golden: bool = False


class DemoProduct(NamedTuple):
    product: Product
    samples: tuple[DemoSample, ...]


def _spec(
    name: str,
    name_zh: str,
    category: str,
    size: str,
    material: str,
    colour: str,
    notes: str,
    criteria: tuple[Criterion, ...],
) -> Product:
    length, width, height, weight = (Decimal(part) for part in size.split())
    return Product(
        name, name_zh, category, length, width, height, weight, material, colour, notes, criteria
    )


PRODUCTS = (
    DemoProduct(
        _spec(
            "Magnetic phone stand",
            "磁吸手机支架",
            "phone accessories",
            "12.0 8.5 2.5 0.150",
            "aluminium alloy, silicone pads",
            "space grey",
            "Folds flat; must hold a 7-inch tablet at 60°.",
            (Criterion("Holds a 7-inch tablet", CriterionKind.PASS_FAIL),),
        ),
        (
            DemoSample("hengtongwj", "深空灰 space grey", "18.00 CNY", "12 CNY", (26, 24, 21),
                       "SF1402938475612", S.APPROVED, "12.1 8.5 2.5 0.152", "5 4 5 4 P",
                       "", "Closest to spec; hinge firm after 500 folds.", golden=True),
            DemoSample("hqtxpj", "黑色 black", "15.50 CNY", "10 CNY", (26, 25, 22),
                       "YT7538192046371", S.EVALUATED, "12.4 8.6 2.6 0.171", "4 4 4 3 P",
                       "Anodising uneven at one corner.", "Acceptable second source."),
            DemoSample("cwdsm", "银色 silver", "22.00 CNY", "15 CNY", (20, 17, 14),
                       "75361029384756", S.RECEIVED, "11.8 8.4 2.4 -", "3 - - - -",
                       "", "Not tested yet."),
            DemoSample("youpinhui", "黑色 black", "9.90 CNY", "8 CNY", (30, 29, 25),
                       "JT3001928374650", S.REJECTED, "11.0 7.9 2.9 0.118", "2 2 1 2 F",
                       "Plastic, not aluminium; magnet too weak.",
                       "Not the product in the listing photos: rejected."),
        ),
    ),
    DemoProduct(
        _spec(
            "Vacuum flask 500 ml",
            "500毫升保温杯",
            "drinkware",
            "7.0 7.0 24.0 0.380",
            "304 stainless steel, double wall",
            "matte black",
            "Powder coat; lid with silicone seal; laser logo on the side.",
            (
                Criterion("Keeps 95 °C above 60 °C for 6 h", CriterionKind.PASS_FAIL),
                Criterion("No leak upside down for 1 h", CriterionKind.PASS_FAIL),
            ),
        ),
        (
            DemoSample("shundaflask", "哑光黑 matte black", "25.00 CNY", "15 CNY", (40, 37, 33),
                       "SF1402938471198", S.EVALUATED, "7.1 7.1 24.2 0.392", "4 5 5 3 P P",
                       "Box corner crushed in transit.", "Good flask; packaging must improve."),
            DemoSample("delongappliance", "黑色 black", "32.00 CNY", "14 CNY", (35, 30, 24),
                       "YT7538192040012", S.EVALUATED, "7.0 7.0 23.8 0.405", "4 4 4 4 F P",
                       "Only 52 °C after 6 h.", "Fails the heat test."),
            DemoSample("kangjiehome", "黑色 black", "19.00 CNY", "12 CNY", (9, 6, None),
                       "75361029380091", S.SHIPPED, "", ""),
            DemoSample("xinyuanbaihuo", "黑色 black", "", "", (3, None, None), "",
                       S.REQUESTED, "", ""),
        ),
    ),
    DemoProduct(
        _spec(
            "Canvas tote bag",
            "帆布托特包",
            "bags",
            "38 10 42 0.450",
            "12 oz cotton canvas",
            "natural",
            "Inner pocket; handles 60 cm; screen-printed logo.",
            (Criterion("Stitching (8 stitches per inch)"),),
        ),
        (
            DemoSample("hongyuanbags", "本白 natural", "12.00 CNY", "10 CNY", (45, 43, 40),
                       "SF1402938470031", S.APPROVED, "38.5 10.0 41.5 0.462", "5 4 5 4 5",
                       "", "Even stitching, print sharp.", golden=True),
            DemoSample("jiahexiangbao", "米色 beige", "10.00 CNY", "10 CNY", (45, 42, 38),
                       "78546372819203", S.EVALUATED, "37.0 9.5 42.5 0.410", "4 4 3 4 3",
                       "Thread ends left on the handles.", "Cheaper, but thinner canvas."),
            DemoSample("jinchengpiju", "本白 natural", "16.00 CNY", "12 CNY", (44, 40, 36),
                       "JDX012345678901", S.EVALUATED, "38.0 10.0 42.0 0.520", "4 5 4 5 4",
                       "", "Heavy; leather trims add cost."),
        ),
    ),
    DemoProduct(
        _spec(
            "Silicone fidget toy",
            "硅胶解压玩具",
            "toys",
            "12.5 12.5 1.5 0.060",
            "food-grade silicone",
            "rainbow",
            "EN 71 and CPC documents needed before the order.",
            (Criterion("No smell after 24 h airing", CriterionKind.PASS_FAIL),),
        ),
        (
            DemoSample("letutoys", "彩虹 rainbow", "free", "8 CNY", (12, 10, 7),
                       "YT7538192049987", S.EVALUATED, "12.6 12.4 1.5 0.061", "4 4 4 3 P",
                       "", "Free sample; EN 71 report offered."),
            DemoSample("hengdacrafts", "彩虹 rainbow", "5.00 CNY", "8 CNY", (12, 9, 6),
                       "78546372811175", S.RECEIVED, "12.5 12.5 1.6 0.066", "5 4 - - -",
                       "", ""),
            DemoSample("jiameijewelry", "马卡龙 macaron", "6.50 CNY", "10 CNY", (12, 11, 8),
                       "SF1402938479321", S.EVALUATED, "12.0 12.0 1.4 0.055", "3 4 3 4 F",
                       "Strong smell out of the bag.", "Smell must go before any order."),
            DemoSample("ruifengtrade", "彩虹 rainbow", "0.90 USD", "6.00 USD", (20, 16, 11),
                       "YT7538192045520", S.EVALUATED, "12.4 12.4 1.5 0.058", "4 4 4 3 P",
                       "", "USD: quoted on Alibaba.com, not 1688."),
        ),
    ),
)  # fmt: skip


def fill_demo_samples(
    samples: SampleService,
    suppliers: Iterable[Supplier],
    today: date,
    photos: PhotoStore | None = None,
) -> list[int]:
    """Add the demo products and their samples for the stored demo suppliers, matched by their
    1688 shop address (samples of suppliers not given are left out), and with `photos` each
    sample's gallery. Returns the product ids."""
    ids = {shop_slug(s.shop_url): s.id for s in suppliers if s.id is not None}
    product_ids = []
    added: list[tuple[int, Product, DemoSample]] = []
    for entry in PRODUCTS:
        product_id = samples.save_product(entry.product).products[0]
        product = samples.product(product_id)
        names = (*BUILT_IN, *(c.name for c in product.criteria))
        for demo in entry.samples:
            supplier_id = ids.get(demo.slug)
            if supplier_id is None:
                continue
            sample_id = samples.save_sample(
                build_sample(demo, product_id, supplier_id, names, today)
            ).created[0]
            if demo.golden:
                samples.set_golden(sample_id)
            added.append((sample_id, product, demo))
        product_ids.append(product_id)
    if photos is not None:
        with tempfile.TemporaryDirectory(prefix="workbench-demo-photos-") as scratch:
            for sample_id, product, demo in added:
                add_demo_photos(samples, photos, sample_id, product, demo, Path(scratch), today)
    return product_ids


def build_sample(
    demo: DemoSample,
    product_id: int,
    supplier_id: int,
    criteria: tuple[str, ...],
    today: date,
) -> Sample:
    """A hand-written demo sample as the Sample the service stores."""
    requested, shipped, received = (
        None if days is None else today - timedelta(days=days) for days in demo.days_ago
    )
    measured = [None if p == "-" else Decimal(p) for p in demo.measured.split()] or [None] * 4
    scores: dict[str, int | PassFail] = {}
    for name, text in zip(criteria, demo.scores.split(), strict=False):
        if text != "-":
            scores[name] = {"P": P, "F": F}.get(text) or int(text)
    return Sample(
        product_id=product_id,
        supplier_id=supplier_id,
        variant=demo.variant,
        price=None if demo.price in ("", "free") else _money(demo.price),
        shipping=_money(demo.shipping) if demo.shipping else None,
        free=demo.price == "free",
        requested_on=requested,
        shipped_on=shipped,
        received_on=received,
        tracking_number=demo.tracking,
        status=demo.status,
        length_cm=measured[0],
        width_cm=measured[1],
        height_cm=measured[2],
        weight_kg=measured[3],
        scores=scores,
        defects=demo.defects,
        verdict=demo.verdict,
    )


def _money(text: str) -> Money:
    amount, currency = text.split()
    return Money(Decimal(amount), currency)
