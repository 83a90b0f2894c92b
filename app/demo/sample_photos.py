"""The demo's sample photos: drawn (demo/photo_drawing.py), written as the files a buyer's phone
or a supplier's WeChat would give, then imported through the photo store and put in each
sample's gallery through SampleService, exactly as the Samples tab does.

Which photos a sample gets follows its stage, 2-4 each:
- requested: the supplier's 1688 listing render and its "real shot" (实拍图);
- shipped: the listing render and the supplier's photo of the packed carton;
- in hand: front, a close-up against a ruler, then the defect circled in red when the buyer
  noted one, else the carton; the golden sample also has its back.
Variety the photo store must cope with is here on purpose: the packed-carton photos are JPEGs
stored sideways with an EXIF orientation (as a phone held on its side writes them), one listing
render is a PNG with a transparent background, and the defect photos carry a Chinese note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from app.demo.photo_drawing import Shot, draw_photo
from app.domain.samples.sample import PhotoAngle, Product, SampleStatus
from app.errors import WorkbenchError

if TYPE_CHECKING:
    from app.demo.samples import DemoSample
    from app.services.samples.service import SampleService
    from app.store.photos.store import PhotoStore

JPEG_QUALITY = 85
_ORIENTATION_TAG = 0x0112
_SIDEWAYS = 6  # EXIF: rotate 90° clockwise to show; the pixels are stored turned the other way
_TRANSPARENT_LISTING = "xinyuanbaihuo"  # the one supplier whose listing render is a PNG
_WHITE = (255, 255, 255)

_ANGLES = {
    Shot.FRONT: PhotoAngle.FRONT,
    Shot.BACK: PhotoAngle.BACK,
    Shot.DETAIL: PhotoAngle.DETAIL,
    Shot.DEFECT: PhotoAngle.DEFECT,
    Shot.PACKAGING: PhotoAngle.PACKAGING,
    Shot.LISTING: PhotoAngle.OTHER,
}
_CAPTIONS = {
    Shot.FRONT: "正面 front",
    Shot.BACK: "背面 back",
    Shot.DETAIL: "细节，对照尺子 close-up against a ruler",
    Shot.PACKAGING: "收到的包装 the carton as it arrived",
    Shot.LISTING: "1688 商品主图 listing render (not the sample)",
}
_SUPPLIER_CAPTIONS = {
    Shot.FRONT: "卖家实拍 the supplier's own photo",
    Shot.PACKAGING: "卖家发货前拍照 packed by the supplier",
}


@dataclass(frozen=True, slots=True)
class DemoPhoto:
    shot: Shot
    file_name: str  # the original name the gallery keeps
    caption: str
    sideways: bool = False  # stored turned, with an EXIF orientation
    transparent: bool = False  # PNG with an alpha channel


def photo_plan(demo: DemoSample, today: date) -> list[DemoPhoto]:
    """The photos of one demo sample, in gallery order, named as their source would name them."""
    taken = today - timedelta(days=demo.days_ago[2] or demo.days_ago[0] or 0)
    stamp = taken.strftime("%Y%m%d")
    wechat = [f"微信图片_{stamp}1{n:02d}512.jpg" for n in range(2)]
    transparent = demo.slug == _TRANSPARENT_LISTING
    listing = DemoPhoto(
        Shot.LISTING,
        "1688主图.png" if transparent else f"O1CN01{demo.slug[:6]}_!!0-0-cib.jpg",
        _CAPTIONS[Shot.LISTING],
        transparent=transparent,
    )
    if demo.status is SampleStatus.REQUESTED:
        return [listing, DemoPhoto(Shot.FRONT, wechat[0], _SUPPLIER_CAPTIONS[Shot.FRONT])]
    if demo.status is SampleStatus.SHIPPED:
        packed = DemoPhoto(Shot.PACKAGING, wechat[1], _SUPPLIER_CAPTIONS[Shot.PACKAGING], True)
        return [listing, packed]
    shots = [Shot.FRONT, Shot.DETAIL, Shot.DEFECT if demo.defects else Shot.PACKAGING]
    if demo.golden:
        shots.insert(1, Shot.BACK)
    photos = []
    for number, shot in enumerate(shots):
        caption = f"瑕疵 defect: {demo.defects}" if shot is Shot.DEFECT else _CAPTIONS[shot]
        name = f"IMG_{stamp}_14{number:02d}{len(demo.slug):02d}.jpg"
        photos.append(DemoPhoto(shot, name, caption, sideways=shot is Shot.PACKAGING))
    return photos


def write_photo(photo: DemoPhoto, product: Product, demo: DemoSample, folder: Path) -> Path:
    """Draw the photo and save it as its source would have: JPEG (maybe sideways) or PNG."""
    note = "瑕疵 defect" if photo.shot is Shot.DEFECT else ""
    seed = f"demo-photo:{demo.slug}:{product.name}:{photo.shot}"
    picture = draw_photo(product.category, demo.variant, photo.shot, seed, note)
    path = folder / photo.file_name
    if photo.transparent:
        picture.save(path, "PNG")
        return path
    if picture.mode == "RGBA":  # a listing render saved as JPEG: on white, as 1688 shows it
        flat = Image.new("RGB", picture.size, _WHITE)
        flat.paste(picture, (0, 0), picture)
        picture = flat
    exif = Image.Exif()
    if photo.sideways:
        picture = picture.transpose(Image.Transpose.ROTATE_90)
        exif[_ORIENTATION_TAG] = _SIDEWAYS
    picture.save(path, "JPEG", quality=JPEG_QUALITY, exif=exif.tobytes())
    return path


def add_demo_photos(
    samples: SampleService,
    store: PhotoStore,
    sample_id: int,
    product: Product,
    demo: DemoSample,
    folder: Path,
    today: date,
) -> int:
    """Draw, import and attach one sample's photos with their angle and caption; the number
    added. `folder` is a scratch folder for the drawn files."""
    plan = photo_plan(demo, today)
    own = folder / str(sample_id)  # file names repeat between samples (WeChat's, 1688's)
    own.mkdir()
    paths = [write_photo(photo, product, demo, own) for photo in plan]
    report = store.import_files(paths)
    if report.refused or report.failure or len(report.photos) != len(plan):
        problems = [f"{path.name}: {reason}" for path, reason in report.refused]
        raise WorkbenchError(
            "The demo photos could not be stored: " + "; ".join(problems or [report.summary()])
        )
    for photo, imported in zip(plan, report.photos, strict=True):
        change = samples.add_photos(sample_id, [imported], _ANGLES[photo.shot])
        for photo_id in change.added_photos:
            samples.update_photo(photo_id, caption=photo.caption)
    return len(plan)
