"""The Pillow side of the photo store: open a file safely, prove it decodes, render it upright.

Decisions (the photo store's module docstring has the rest):

- Formats: JPEG (and MPO, the multi-picture JPEG some phones write), PNG, WebP, GIF, BMP, TIFF
  and HEIC/HEIF, the iPhone's own (issue 14: read by pillow-heif, whose opener is registered
  once, here, where the store opens images; libheif applies the photo's rotation itself and
  reports orientation 1, so it is never turned twice). Pillow is asked to try only these, so a
  file is never handed to a plugin that shells out (EPS runs Ghostscript) or to one the viewer
  cannot show. AVIF is named in the refusal. The original HEIC is kept as it came (`.heic`);
  thumbnails, the viewer and the exports get JPEG pixels, like every other format.
- Size limit: `MAX_PHOTO_PIXELS` (120 megapixels) is checked from the header, before any pixel
  is decoded. Phone photos are 12-50 MP; a 120 MP PNG already needs about 480 MB decoded, and
  two import workers may decode at once. A 200 MP photo (the opt-in mode of a few phones) is
  refused with the limit in the message. Pillow's own guard is raised to the same figure so it
  never warns about a photo the store accepts, and its warning is silenced for the ones it
  refuses (the refusal says it better).
- Proof that a file is whole: the pixels are decoded, not only `verify()`ed. A JPEG is decoded
  with `draft()` (libjpeg scales while decoding): every entropy-coded byte is still read, so a
  truncated file fails the same way as at full size, for a fraction of the time. PNGs are also
  `verify()`ed first, which checks every chunk's CRC.
- Rendering: EXIF orientation applied; 16-bit greys scaled to 8 bits (Pillow's plain
  conversion clips them to white); palette, 1-bit and transparent-colour images converted before
  resizing (palette images would otherwise be resized with nearest-neighbour); transparency
  flattened onto white; CMYK converted to RGB by Pillow's formula. Embedded colour profiles are
  not applied (as in a Qt view without colour management).
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PIL import Image, ImageFile, UnidentifiedImageError

try:  # iPhone photos; without the package they are refused by name, as before
    from pillow_heif import register_heif_opener
except ImportError:  # pragma: no cover - pillow-heif is a dependency
    HEIF_READABLE = False
else:
    register_heif_opener()  # once: this module is where the store opens images
    HEIF_READABLE = True

# Pillow's format name -> the extension the store gives the file (the content decides, not the
# user's file name).
STORED_EXTENSIONS: dict[str, str] = {
    "JPEG": ".jpg",
    "MPO": ".jpg",
    "PNG": ".png",
    "WEBP": ".webp",
    "GIF": ".gif",
    "BMP": ".bmp",
    "TIFF": ".tif",
    **({"HEIF": ".heic"} if HEIF_READABLE else {}),
}
# What Pillow may try; MPO files come through the JPEG opener.
_OPEN_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "BMP", "TIFF", *(("HEIF",) if HEIF_READABLE else ()))
_DRAFT_FORMATS = frozenset({"JPEG", "MPO"})
SUPPORTED_FORMATS_TEXT = (
    "JPEG, PNG, WebP, GIF, BMP, TIFF or HEIC"
    if HEIF_READABLE
    else "JPEG, PNG, WebP, GIF, BMP or TIFF"
)

MAX_PHOTO_PIXELS = 120_000_000
if Image.MAX_IMAGE_PIXELS is not None and Image.MAX_IMAGE_PIXELS < MAX_PHOTO_PIXELS:
    Image.MAX_IMAGE_PIXELS = MAX_PHOTO_PIXELS
# Past the limit Pillow warns on stderr, then the store refuses the file with its own one-line
# message; the warning would only repeat it where the command line's users read errors.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

THUMBNAIL_SIZE = 256
THUMBNAIL_QUALITY = 85
_WHITE = (255, 255, 255)

# EXIF orientation -> the transpose that makes the picture upright (as ImageOps.exif_transpose).
_ORIENTATION_TAG = 0x0112
_UPRIGHT: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SIDEWAYS = frozenset({5, 6, 7, 8})

# ISO base media "ftyp" brands of the formats phones use instead of JPEG.
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})


class UnreadableImage(Exception):
    """A file the store cannot use; `str()` is the reason, for a message that names the file."""


@dataclass(frozen=True)
class Rendered:
    """A decoded photo: its format, its size as shown (after orientation), and a picture of it."""

    format: str
    width: int
    height: int
    image: Image.Image  # RGB, upright, within the box asked for


def render_photo(path: Path, box: int | None, *, max_pixels: int = MAX_PHOTO_PIXELS) -> Rendered:
    """Decode `path` completely and return it upright in RGB, scaled to fit `box` × `box`.

    `box=None` keeps the full size. Raises `UnreadableImage` for anything but a whole image of
    a supported format within `max_pixels`; `OSError` only if the file cannot be read at all.
    """
    if box is not None and box < 1:
        raise ValueError(f"box must be at least 1 pixel, not {box}")
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # someone switched off Pillow's truncation check
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False for the store")
    with _open(path, max_pixels) as image:
        photo_format = image.format or ""
        width, height = image.size
        try:
            if photo_format == "PNG":
                _verify_png(path)
            if box is not None and photo_format in _DRAFT_FORMATS:
                image.draft(None, (box, box))  # scale while decoding
            image.load()
            orientation = _orientation(image)
            picture = _resizable(image)
            if box is not None:
                picture.thumbnail((box, box))
            picture = _rgb_on_white(picture)
            if orientation in _UPRIGHT:
                picture = picture.transpose(_UPRIGHT[orientation])
            if picture is image:  # closing the file would take the pixels with it
                picture = image.copy()
        except MemoryError:
            raise UnreadableImage("it is too large to open with the memory available") from None
        except UnreadableImage:
            raise
        except Exception as error:  # Pillow's plugins raise many types on malformed data
            raise UnreadableImage(_damaged(error)) from None
    if orientation in _SIDEWAYS:
        width, height = height, width
    return Rendered(photo_format, width, height, picture)


def describe_photo(path: Path, *, max_pixels: int = MAX_PHOTO_PIXELS) -> tuple[str, int, int]:
    """(format, width, height as shown) from the header of an image already known to be whole."""
    with _open(path, max_pixels) as image:
        width, height = image.size
        if _orientation(image) in _SIDEWAYS:
            width, height = height, width
        return image.format or "", width, height


def save_thumbnail(picture: Image.Image, target: Path) -> None:
    """Write `picture` (RGB) as the JPEG every thumbnail is: small, fast to decode, no alpha."""
    picture.save(target, "JPEG", quality=THUMBNAIL_QUALITY)


def looks_complete(thumbnail: Path) -> bool:
    """True when a cached JPEG exists and ends with its end-of-image marker.

    Thumbnails are a cache written without fsync (cheap to remake), so after a crash one may be
    empty or cut short; reading its last two bytes finds that without decoding it.
    """
    try:
        with open(thumbnail, "rb") as handle:
            handle.seek(-2, os.SEEK_END)
            return handle.read(2) == b"\xff\xd9"
    except OSError:  # missing, or shorter than two bytes
        return False


# --- opening ---------------------------------------------------------------------------------
def _open(path: Path, max_pixels: int) -> Image.Image:
    try:
        image = Image.open(path, formats=_OPEN_FORMATS)
    except UnidentifiedImageError:
        raise UnreadableImage(_not_an_image(path)) from None
    except Image.DecompressionBombError:
        raise UnreadableImage(
            f"it declares a picture too large to open safely (the limit is "
            f"{_megapixels(max_pixels)} megapixels)"
        ) from None
    except OSError:
        raise  # the file could not be read: the caller says so
    except Exception as error:  # a header so malformed that the plugin itself fails
        raise UnreadableImage(_damaged(error)) from None
    width, height = image.size
    if image.format not in STORED_EXTENSIONS:
        image.close()
        raise UnreadableImage(_not_an_image(path))
    if width < 1 or height < 1:
        image.close()
        raise UnreadableImage("the image has no pixels")
    if width * height > max_pixels:
        image.close()
        raise UnreadableImage(
            f"it is too large to open safely ({width:,} × {height:,} pixels; the limit is "
            f"{_megapixels(max_pixels)} megapixels)"
        )
    return image


def _verify_png(path: Path) -> None:
    # verify() reads every chunk and checks its CRC; it needs a fresh image object.
    with Image.open(path, formats=("PNG",)) as checked:
        checked.verify()


def _not_an_image(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
    except OSError:
        head = b""
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        if HEIF_READABLE:
            return "the HEIC/HEIF photo is damaged or incomplete"
        return "HEIC/HEIF photos cannot be read yet; save it as JPEG first"
    if head[4:8] == b"ftyp" and head[8:12] in _AVIF_BRANDS:
        return "AVIF photos cannot be read yet; save it as JPEG first"
    return f"it is not an image the workbench can read ({SUPPORTED_FORMATS_TEXT})"


def _damaged(error: Exception) -> str:
    detail = " ".join(str(error).split())  # one line, whatever the plugin wrote
    if len(detail) > 120:
        detail = detail[:117] + "..."
    if not detail:
        return "the image is damaged or incomplete"
    return f"the image is damaged or incomplete ({detail})"


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:g}"


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:  # a damaged EXIF block only loses the rotation
        return 1
    return value if isinstance(value, int) and value in _UPRIGHT else 1


# --- modes -----------------------------------------------------------------------------------
def _resizable(image: Image.Image) -> Image.Image:
    """The image in a mode that resizes well: what Pillow resizes badly or not at all goes first."""
    mode = image.mode
    if mode in ("P", "PA", "1") or (mode in ("L", "RGB") and "transparency" in image.info):
        # Palette images resize with nearest-neighbour; a transparent colour key would not
        # survive resampling. Convert (keeping any transparency) while the colours are exact.
        wants_alpha = mode == "PA" or "transparency" in image.info
        return image.convert("RGBA" if wants_alpha else "RGB")
    if mode.startswith("I;16"):
        return image.point(_sixteen_bit_to_eight, "L")  # Pillow cannot resize I;16 at all
    if mode in ("I", "F"):
        return _wide_grey_to_eight(image)
    return image


def _sixteen_bit_to_eight(value: float) -> float:
    return value / 256


def _wide_grey_to_eight(image: Image.Image) -> Image.Image:
    # A single-band image ("I" or "F") has one (min, max) pair, not one per band.
    _low, high = cast(tuple[float, float], image.getextrema())
    if high <= 1 and image.mode == "F":
        scale = 255.0  # floating-point images usually run from 0 to 1
    elif high <= 255:
        scale = 1.0
    elif high <= 65535:
        scale = 1 / 256  # 16-bit values in a 32-bit image
    else:
        scale = 255 / high
    return image.point(lambda value: value * scale).convert("L")


def _rgb_on_white(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "RGBa", "La"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, _WHITE)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode != "RGB":
        return image.convert("RGB")
    return image
