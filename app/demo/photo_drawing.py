"""Demo sample photos drawn with Pillow: the four demo products (phone stand, flask, tote bag,
fidget toy) as a buyer photographs a sample on a table, from the front and the back, a close-up
against a ruler, a defect circled in red with a Chinese note, the carton, and the supplier's
1688 listing render.

Deterministic: every random choice comes from a `random.Random` seeded with the photo's name, so
the same demo gives the same files (and the same content hashes) on every machine.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from enum import StrEnum

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from app.config import resources_dir

SIZE = (960, 720)  # landscape 4:3, as a phone camera at its lower setting
Colour = tuple[int, int, int]


class Shot(StrEnum):
    """What a demo photo shows; the demo maps each to a gallery angle tag."""

    FRONT = "front"
    BACK = "back"
    DETAIL = "detail"
    DEFECT = "defect"
    PACKAGING = "packaging"
    LISTING = "listing"  # the supplier's 1688 render: product on white, promo text


# Variant words (the English half of a demo variant) -> the product's colour.
VARIANT_COLOURS: dict[str, Colour] = {
    "space grey": (92, 96, 104),
    "black": (38, 38, 42),
    "matte black": (48, 48, 50),
    "silver": (196, 200, 206),
    "natural": (232, 222, 198),
    "beige": (222, 204, 170),
    "rainbow": (240, 90, 90),
    "macaron": (246, 184, 196),
}
_RAINBOW = ((231, 76, 60), (243, 156, 18), (241, 196, 15), (46, 204, 113), (52, 152, 219))
_MACARON = ((246, 184, 196), (252, 222, 170), (206, 236, 200), (190, 222, 246), (220, 200, 240))
_BACKDROPS = ((214, 222, 230), (236, 226, 210), (222, 232, 220), (230, 220, 232), (240, 236, 228))


@functools.lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """The bundled CJK font (captions are Chinese); Pillow's own font if it is missing."""
    try:
        return ImageFont.truetype(str(resources_dir() / "fonts" / "wqy-microhei.ttc"), size)
    except OSError:
        return ImageFont.load_default(size)


def draw_photo(kind: str, variant: str, shot: Shot, seed: str, note: str = "") -> Image.Image:
    """A photo of a demo product (`kind`: its category) in this variant; RGBA for a listing
    render (transparent background), RGB otherwise. `note` is written on defect photos."""
    rng = random.Random(seed)
    colour = _variant_colour(variant)
    painter = _PAINTERS[kind]
    if shot is Shot.LISTING:
        layer = Image.new("RGBA", SIZE, (0, 0, 0, 0))
        painter(ImageDraw.Draw(layer), colour, False, variant)
        _listing_badge(ImageDraw.Draw(layer))
        return layer
    photo = _backdrop(rng)
    if shot is Shot.PACKAGING:
        _carton(photo, rng, seed)
        return photo
    _shadow(photo, rng)
    layer = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    painter(ImageDraw.Draw(layer), colour, shot is Shot.BACK, variant)
    if shot is Shot.BACK:
        layer = ImageOps.mirror(layer)
    photo.paste(layer, (rng.randint(-30, 30), rng.randint(-12, 12)), layer)
    if shot in (Shot.DETAIL, Shot.DEFECT):
        photo = _close_up(photo, rng)
        _ruler(ImageDraw.Draw(photo))
    if shot is Shot.DEFECT:
        _defect(ImageDraw.Draw(photo), rng, note)
    return photo


def _variant_colour(variant: str) -> Colour:
    english = variant.split(" ", 1)[-1].strip().lower()
    return VARIANT_COLOURS.get(english, (150, 150, 150))


# --- the scene -------------------------------------------------------------------------------
def _backdrop(rng: random.Random) -> Image.Image:
    """A wall fading into a table top, with soft uneven light."""
    wall = rng.choice(_BACKDROPS)
    table = tuple(max(0, c - 40) for c in wall)
    ramp = Image.linear_gradient("L").resize(SIZE)
    photo = ImageOps.colorize(ramp, black=wall, white=table).convert("RGB")
    light = Image.frombytes("L", (8, 6), rng.randbytes(48)).resize(SIZE, Image.Resampling.BICUBIC)
    return Image.blend(photo, Image.merge("RGB", (light, light, light)), 0.05)


def _shadow(photo: Image.Image, rng: random.Random) -> None:
    small = Image.new("L", (SIZE[0] // 4, SIZE[1] // 4), 0)
    x = rng.randint(-6, 6)
    ImageDraw.Draw(small).ellipse((70 + x, 128, 170 + x, 150), fill=110)
    mask = small.filter(ImageFilter.GaussianBlur(6)).resize(SIZE, Image.Resampling.BILINEAR)
    photo.paste((40, 40, 44), (0, 0), mask)


def _close_up(photo: Image.Image, rng: random.Random) -> Image.Image:
    left, top = rng.randint(250, 330), rng.randint(200, 260)
    box = (left, top, left + 400, top + 300)
    return photo.crop(box).resize(SIZE, Image.Resampling.BICUBIC)


def _ruler(draw: ImageDraw.ImageDraw) -> None:
    top = SIZE[1] - 70
    draw.rectangle((0, top, SIZE[0], SIZE[1]), fill=(246, 232, 140), outline=(120, 110, 60))
    for mm in range(0, 97):
        x = 10 + mm * 10
        length = 26 if mm % 10 == 0 else 16 if mm % 5 == 0 else 9
        draw.line((x, top, x, top + length), fill=(30, 30, 30), width=2)
        if mm % 10 == 0:
            draw.text((x + 3, top + 30), str(mm // 10), fill=(30, 30, 30), font=_font(22))
    draw.text((SIZE[0] - 60, top + 36), "cm", fill=(30, 30, 30), font=_font(20))


def _defect(draw: ImageDraw.ImageDraw, rng: random.Random, note: str) -> None:
    x, y = rng.randint(380, 560), rng.randint(260, 380)
    points = [(x + i * 14, y + rng.randint(-6, 6) + i * 3) for i in range(8)]
    draw.line(points, fill=(250, 250, 245), width=3)
    draw.ellipse((x - 60, y - 70, x + 160, y + 90), outline=(220, 30, 30), width=7)
    if note:
        font = _font(30)
        left, top, right, bottom = draw.textbbox((0, 0), note, font=font)
        box = (24, 24, 24 + right - left + 28, 24 + bottom - top + 24)
        draw.rectangle(box, fill=(220, 30, 30))
        draw.text((38, 34 - top), note, fill=(255, 255, 255), font=font)


def _carton(photo: Image.Image, rng: random.Random, seed: str) -> None:
    """A kraft carton in perspective with a white label: 样品 SAMPLE and a barcode."""
    draw = ImageDraw.Draw(photo)
    kraft, dark, top = (196, 150, 98), (160, 118, 72), (214, 172, 120)
    x, y = 250 + rng.randint(-20, 20), 250
    draw.polygon([(x, y), (x + 380, y), (x + 380, y + 300), (x, y + 300)], fill=kraft)
    draw.polygon([(x, y), (x + 90, y - 70), (x + 470, y - 70), (x + 380, y)], fill=top)
    draw.polygon(
        [(x + 380, y), (x + 470, y - 70), (x + 470, y + 230), (x + 380, y + 300)], fill=dark
    )
    draw.rectangle((x + 170, y - 70, x + 290, y), fill=(205, 190, 150))  # packing tape
    draw.rectangle((x + 40, y + 60, x + 300, y + 250), fill=(250, 250, 248), outline=(90, 90, 90))
    draw.text((x + 56, y + 72), "样品 SAMPLE", fill=(20, 20, 20), font=_font(30))
    draw.text((x + 56, y + 114), "请勿挤压 fragile", fill=(180, 30, 30), font=_font(22))
    bars = random.Random(f"barcode:{seed}")
    left = x + 56
    while left < x + 280:
        width = bars.choice((2, 2, 3, 5))
        draw.rectangle((left, y + 160, left + width - 1, y + 225), fill=(10, 10, 10))
        left += width + bars.choice((2, 3, 4))


def _listing_badge(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((28, 28, 220, 96), fill=(230, 40, 30))
    draw.text((44, 36), "厂家直销", fill=(255, 255, 255), font=_font(40))
    draw.ellipse((SIZE[0] - 170, 30, SIZE[0] - 40, 160), fill=(255, 120, 0))
    draw.text((SIZE[0] - 145, 72), "包邮", fill=(255, 255, 255), font=_font(40))


# --- the products (drawn facing the camera on a transparent layer) ---------------------------
def _shade(colour: Colour, amount: int) -> Colour:
    r, g, b = (min(255, max(0, channel + amount)) for channel in colour)
    return (r, g, b)


def _stand(draw: ImageDraw.ImageDraw, colour: Colour, back: bool, _variant: str) -> None:
    draw.rounded_rectangle((290, 500, 670, 540), radius=14, fill=_shade(colour, -20))
    draw.polygon([(360, 505), (560, 505), (640, 190), (470, 190)], fill=colour)
    draw.line([(372, 500), (482, 196)], fill=_shade(colour, 60), width=4)  # edge highlight
    draw.ellipse((330, 480, 390, 530), fill=_shade(colour, -40))  # hinge
    draw.rounded_rectangle((495, 250, 600, 270), radius=8, fill=(30, 30, 30))  # silicone pads
    draw.rounded_rectangle((470, 360, 580, 380), radius=8, fill=(30, 30, 30))
    if not back:
        draw.rounded_rectangle((300, 470, 660, 498), radius=8, fill=_shade(colour, 25))


def _flask(draw: ImageDraw.ImageDraw, colour: Colour, back: bool, _variant: str) -> None:
    left, right = 390, 570
    for step in range(right - left):  # a cylinder: lighter towards the left third
        light = int(50 * (1 - abs((step / (right - left)) - 0.3) * 2.2))
        draw.line([(left + step, 190), (left + step, 610)], fill=_shade(colour, light))
    draw.rounded_rectangle((left, 590, right, 630), radius=18, fill=_shade(colour, -10))
    draw.rounded_rectangle((left + 6, 120, right - 6, 195), radius=16, fill=_shade(colour, -25))
    draw.rectangle((left, 188, right, 200), fill=(150, 150, 150))  # steel rim
    if not back:
        draw.ellipse((440, 330, 520, 410), outline=(190, 190, 190), width=5)  # laser logo
        draw.text((452, 420), "LOGO", fill=(190, 190, 190), font=_font(22))


def _tote(draw: ImageDraw.ImageDraw, colour: Colour, back: bool, _variant: str) -> None:
    handle = _shade(colour, -35)
    draw.arc((350, 120, 470, 360), start=180, end=360, fill=handle, width=16)
    draw.arc((490, 120, 610, 360), start=180, end=360, fill=handle, width=16)
    draw.polygon([(290, 240), (670, 240), (690, 620), (270, 620)], fill=colour)
    for y in (256, 604):  # stitching
        for x in range(300, 660, 18):
            draw.line([(x, y), (x + 9, y)], fill=_shade(colour, -60), width=2)
    if not back:
        draw.ellipse((410, 340, 550, 480), outline=(40, 70, 120), width=6)
        draw.text((432, 392), "ECO BAG", fill=(40, 70, 120), font=_font(22))


def _toy(draw: ImageDraw.ImageDraw, _colour: Colour, back: bool, variant: str) -> None:
    palette = _MACARON if "macaron" in variant else _RAINBOW
    draw.rounded_rectangle((320, 200, 640, 520), radius=40, fill=palette[0])
    for row, fill in enumerate(palette):
        draw.rectangle((335, 215 + row * 60, 625, 265 + row * 60), fill=fill)
        for column in range(5):
            x, y = 350 + column * 56, 218 + row * 60
            draw.ellipse((x, y, x + 46, y + 46), fill=_shade(fill, -25 if back else 20))
            if not back:
                shine = (x + 8, y + 6, x + 30, y + 28)
                draw.arc(shine, start=190, end=260, fill=(255, 255, 255), width=3)


Painter = Callable[[ImageDraw.ImageDraw, Colour, bool, str], None]
_PAINTERS: dict[str, Painter] = {
    "phone accessories": _stand,
    "drinkware": _flask,
    "bags": _tote,
    "toys": _toy,
}
