"""Draw the app icon: a taped carton on a slate tile, the tape in 1688 orange.

    .venv/bin/python packaging/make_icons.py [--out resources/icons]

Writes `workbench-<N>.png` for every size in SIZES, `workbench.ico` (Windows) and
`workbench.icns` (macOS). Deterministic: the same Pillow gives the same files, so rerunning it
changes nothing in git (tests/packaging checks the committed PNGs against a fresh drawing).
Each size is drawn on its own, supersampled and reduced: small sizes get a full-bleed tile and
thicker outlines so the box still reads at 16 px.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
ICONS_DIR = ROOT / "resources" / "icons"
STEM = "workbench"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # the freedesktop hicolor sizes
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows picks from (256 for tiles)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # 1024 is the 512@2x Retina slot

ORANGE = (255, 106, 0)  # 1688.com's orange
ORANGE_LIGHT = (255, 150, 64)
SLATE_TOP = (52, 70, 99)
SLATE_BOTTOM = (30, 41, 61)
KRAFT_TOP = (240, 201, 145)
KRAFT_LEFT = (214, 160, 98)
KRAFT_RIGHT = (183, 129, 72)
LINE = (66, 40, 18)
LABEL = (250, 246, 238)
LABEL_INK = (150, 120, 90)

Point = tuple[float, float]

# The carton in unit coordinates (0..1 of the tile): top face T-R-B-L, sides down by DEPTH.
TOP, RIGHT, FRONT, LEFT = (0.5, 0.2), (0.81, 0.355), (0.5, 0.51), (0.19, 0.355)
DEPTH = 0.33
TAPE_HALF = 0.11  # half the tape's width, as a fraction of the top face's side
TAPE_DROP = 0.42  # how far down the right side the tape runs


def _add(a: Point, b: Point, k: float = 1.0) -> Point:
    return (a[0] + k * b[0], a[1] + k * b[1])


def _sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def _top_face(u: float, v: float) -> Point:
    """A point of the top face: u runs TOP->RIGHT, v runs TOP->LEFT."""
    return _add(_add(TOP, _sub(RIGHT, TOP), u), _sub(LEFT, TOP), v)


def _right_side(s: float, t: float) -> Point:
    """A point of the right side: s runs FRONT->RIGHT, t runs down."""
    return _add(_add(FRONT, _sub(RIGHT, FRONT), s), (0.0, DEPTH), t)


def _left_side(s: float, t: float) -> Point:
    """A point of the left side: s runs LEFT->FRONT, t runs down."""
    return _add(_add(LEFT, _sub(FRONT, LEFT), s), (0.0, DEPTH), t)


def draw_icon(size: int) -> Image.Image:
    """The icon at `size` x `size` pixels, RGBA."""
    scale = 8 if size <= 64 else 4 if size <= 256 else 2
    canvas = size * scale
    small = size <= 32
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))

    zoom = 1.13 if small else 1.0  # small tiles have no margin: the carton fills them

    def px(point: Point) -> tuple[float, float]:
        x, y = 0.5 + (point[0] - 0.5) * zoom, 0.53 + (point[1] - 0.53) * zoom
        return (x * canvas, y * canvas)

    # The tile: a rounded square with a vertical slate gradient (full bleed when small).
    margin = 0.0 if small else 0.055
    radius = 0.16 if small else 0.19
    gradient = Image.new("RGBA", (canvas, canvas))
    shade = ImageDraw.Draw(gradient)
    for y in range(canvas):
        k = y / (canvas - 1)
        shade.line(
            [(0, y), (canvas, y)],
            fill=tuple(
                round(a + (b - a) * k) for a, b in zip(SLATE_TOP, SLATE_BOTTOM, strict=True)
            ),
        )
    mask = Image.new("L", (canvas, canvas), 0)
    lo, hi = margin * canvas, (1 - margin) * canvas - 1
    ImageDraw.Draw(mask).rounded_rectangle([lo, lo, hi, hi], radius=radius * canvas, fill=255)
    image.paste(gradient, (0, 0), mask)

    # A soft shadow under the carton, kept inside the tile.
    if not small:
        shadow = Image.new("RGBA", (canvas, canvas), (10, 14, 22, 0))
        shadow_y = FRONT[1] + DEPTH
        alpha = Image.new("L", (canvas, canvas), 0)
        ImageDraw.Draw(alpha).ellipse(
            [px((0.18, shadow_y - 0.04)), px((0.82, shadow_y + 0.04))], fill=170
        )
        alpha = alpha.filter(ImageFilter.GaussianBlur(0.02 * canvas))
        shadow.putalpha(ImageChops.multiply(alpha, mask))
        image.alpha_composite(shadow)

    draw = ImageDraw.Draw(image)
    line = max(1, round((0.03 if small else 0.018) * canvas))

    # The three faces of the carton.
    left_face = [LEFT, FRONT, _add(FRONT, (0, DEPTH)), _add(LEFT, (0, DEPTH))]
    right_face = [FRONT, RIGHT, _add(RIGHT, (0, DEPTH)), _add(FRONT, (0, DEPTH))]
    top_face = [TOP, RIGHT, FRONT, LEFT]
    for face, colour in ((left_face, KRAFT_LEFT), (right_face, KRAFT_RIGHT), (top_face, KRAFT_TOP)):
        draw.polygon([px(p) for p in face], fill=colour)

    # A shipping label on the left side (left out where it would be a smudge).
    if not small:
        label = [
            _left_side(s, t) for s, t in ((0.2, 0.38), (0.72, 0.38), (0.72, 0.78), (0.2, 0.78))
        ]
        draw.polygon([px(p) for p in label], fill=LABEL)
        for t in (0.5, 0.58, 0.66):
            draw.line(
                [px(_left_side(0.28, t)), px(_left_side(0.64 if t < 0.6 else 0.5, t))],
                fill=LABEL_INK,
                width=max(1, round(0.012 * canvas)),
            )

    # The tape: along the top's seam (v = 1/2) and down the right side, in 1688 orange.
    a, b = 0.5 - TAPE_HALF, 0.5 + TAPE_HALF
    draw.polygon(
        [px(_top_face(0, a)), px(_top_face(1, a)), px(_top_face(1, b)), px(_top_face(0, b))],
        fill=ORANGE,
    )
    draw.polygon(
        [
            px(_right_side(a, 0)),
            px(_right_side(b, 0)),
            px(_right_side(b, TAPE_DROP)),
            px(_right_side(a, TAPE_DROP)),
        ],
        fill=ORANGE,
    )
    if not small:  # a highlight on the tape's upper edge: it reads as a strip, not a hole
        edge = 0.5 - TAPE_HALF * 0.45
        draw.line(
            [px(_top_face(0.04, edge)), px(_top_face(0.96, edge))], fill=ORANGE_LIGHT, width=line
        )

    # Outlines: the silhouette and the two front edges.
    outline = [
        TOP,
        RIGHT,
        _add(RIGHT, (0, DEPTH)),
        _add(FRONT, (0, DEPTH)),
        _add(LEFT, (0, DEPTH)),
        LEFT,
    ]
    draw.line([px(p) for p in [*outline, TOP]], fill=LINE, width=line, joint="curve")
    draw.line([px(LEFT), px(FRONT), px(RIGHT)], fill=LINE, width=line, joint="curve")
    draw.line([px(FRONT), px(_add(FRONT, (0, DEPTH)))], fill=LINE, width=line)

    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(out: Path) -> list[Path]:
    """Every PNG size, the .ico and the .icns, into `out`. Returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    drawn = {size: draw_icon(size) for size in sorted({*SIZES, *ICO_SIZES, *ICNS_SIZES})}
    written: list[Path] = []
    for size in SIZES:
        path = out / f"{STEM}-{size}.png"
        drawn[size].save(path, optimize=True)
        written.append(path)
    ico = out / f"{STEM}.ico"
    largest = max(ICO_SIZES)
    drawn[largest].save(
        ico,
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[drawn[s] for s in ICO_SIZES if s != largest],
    )
    icns = out / f"{STEM}.icns"
    drawn[max(ICNS_SIZES)].save(icns, append_images=[drawn[s] for s in ICNS_SIZES[:-1]])
    return [*written, ico, icns]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS_DIR, help=f"default: {ICONS_DIR}")
    args = parser.parse_args()
    for path in write_icons(args.out):
        print(path)


if __name__ == "__main__":
    main()
