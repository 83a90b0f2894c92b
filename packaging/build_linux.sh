#!/usr/bin/env bash
# Build the Linux bundle from this checkout into dist/SourcingWorkbench/, then prove it runs:
# a copy away from the source tree, on the offscreen platform, makes the demo database,
# renders the Suppliers tab to a PNG (which must not be empty), exports a PDF with the bundled
# Chinese font, and starts twice on the default database of a temporary data folder.
# Prints the build time and the bundle's size. Needs PyInstaller: pip install -e ".[package]".
#
#     packaging/build_linux.sh            (PYTHON=/path/to/python to use another interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
BUNDLE=dist/SourcingWorkbench
APP_ID=com.sourcingworkbench.SourcingWorkbench  # packaging/linux/APP_ID.{desktop,metainfo.xml}
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "error: PyInstaller is missing: $PYTHON -m pip install -e '.[package]'" >&2
  exit 1
fi

# --- build ---------------------------------------------------------------------------------
started=$(date +%s)
rm -rf build/pyinstaller "$BUNDLE"
"$PYTHON" -m PyInstaller packaging/workbench.spec --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller
built=$(date +%s)

fail() { echo "error: bundle: $*" >&2; exit 1; }
[ -x "$BUNDLE/workbench" ] || fail "no executable $BUNDLE/workbench"

# What must be inside, and what must not (README: what the bundle leaves out).
internal="$BUNDLE/_internal"
for required in resources/fonts/wqy-microhei.ttc resources/guide/user-guide.md \
                resources/guide/user-guide.zh_CN.md resources/translations/workbench_zh_CN.qm \
                PySide6/Qt/translations/qtbase_zh_CN.qm \
                resources/icons/workbench-256.png app/store/migrations/env.py \
                app/store/migrations/script.py.mako pypdfium2_raw/libpdfium.so \
                PySide6/Qt/plugins/platforms/libqxcb.so \
                PySide6/Qt/plugins/platforms/libqoffscreen.so \
                PySide6/Qt/plugins/printsupport/libcupsprintersupport.so; do
  [ -e "$internal/$required" ] || fail "missing $required"
done
[ -n "$(ls "$internal"/app/store/migrations/versions/*.py 2>/dev/null)" ] || fail "no migrations"
unwanted=$(find "$internal" \( -iname '*WebEngine*' -o -iname '*Qt6Qml*' -o -iname '*Qt6Quick*' \
  -o -iname '*Qt63D*' -o -iname '*Multimedia*' -o -iname '*tkinter*' -o -iname 'libtk*' \
  -o -iname '*Qt6Designer*' -o -iname 'libgtk-3*' \) -print)
[ -z "$unwanted" ] || fail "should not be bundled: $unwanted"
translations=$(find "$internal/PySide6" -name '*.qm' ! -name '*_zh_CN.qm' -print)
[ -z "$translations" ] || fail "Qt's own translations should be left out: $translations"
[ ! -e "$internal/PySide6/Qt/plugins/platformthemes/libqgtk3.so" ] || fail "GTK3 theme bundled"

# The desktop integration beside the executable, laid out as under /usr/share (README: install).
share="$BUNDLE/share"
install -Dm644 "packaging/linux/$APP_ID.desktop" "$share/applications/$APP_ID.desktop"
install -Dm644 "packaging/linux/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
for png in resources/icons/workbench-*.png; do
  size=${png##*-}
  size=${size%.png}
  install -Dm644 "$png" "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$share/applications/$APP_ID.desktop" || fail "invalid .desktop file"
else
  echo "note: desktop-file-validate (desktop-file-utils) missing: .desktop file not validated"
fi
if command -v appstreamcli >/dev/null; then
  report=$(appstreamcli validate --no-net "$share/metainfo/$APP_ID.metainfo.xml" 2>&1) \
    || { echo "$report" >&2; fail "invalid AppStream metadata"; }
else
  echo "note: appstreamcli (appstream) missing: metainfo not validated"
fi

# --- start it, away from the source tree ----------------------------------------------------
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
cp -a "$BUNDLE" "$smoke/SourcingWorkbench"
exe="$smoke/SourcingWorkbench/workbench"
data="$smoke/data"

run() {  # the bundle with a clean Python environment, from a folder with no source in it
  local status=0
  (cd "$smoke" && env -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV QT_QPA_PLATFORM=offscreen \
    WORKBENCH_DATA_DIR="$data" timeout 180 "$exe" "$@") >"$smoke/out.txt" 2>&1 || status=$?
  cat "$smoke/out.txt"
  if [ "$status" -ne 0 ]; then
    [ -f "$data/crash.log" ] && cat "$data/crash.log" >&2
    fail "'workbench $*' exited with $status"
  fi
}

run --version
run demo --db "$smoke/demo.sqlite3"
run screenshot --db "$smoke/demo.sqlite3" --tab suppliers --out "$smoke/bundle.png"
run export suppliers --db "$smoke/demo.sqlite3" --out "$smoke/suppliers.xlsx"
run export matrix --db "$smoke/demo.sqlite3" --out "$smoke/matrix.pdf"

# The PNG is a real window (size, many colours, not one flat fill); the PDF embeds the bundled
# WenQuanYi Micro Hei (a system fallback would be Zen Hei or another font).
"$PYTHON" - "$smoke/bundle.png" "$smoke/matrix.pdf" "$smoke/suppliers.xlsx" <<'EOF'
import sys
import zipfile

from PIL import Image, ImageStat

png, pdf, xlsx = sys.argv[1:]
with Image.open(png) as image:
    rgb = image.convert("RGB")
    colours = len(rgb.getcolors(maxcolors=1 << 20) or ())
    spread = max(ImageStat.Stat(rgb).stddev)
    print(f"bundle.png: {image.format} {image.width}x{image.height}, {colours} colours, "
          f"stddev {spread:.0f}")
    if image.format != "PNG" or image.width < 800 or image.height < 500:
        sys.exit("error: bundle: the screenshot is not a window-sized PNG")
    if colours < 50 or spread < 10:
        sys.exit("error: bundle: the screenshot is empty (a flat image)")
with open(pdf, "rb") as handle:
    body = handle.read()
if not body.startswith(b"%PDF") or b"WenQuanYiMicroHei" not in body.replace(b" ", b""):
    sys.exit("error: bundle: the PDF does not embed the bundled WenQuanYi Micro Hei")
if not zipfile.is_zipfile(xlsx):
    sys.exit("error: bundle: the .xlsx export is not a workbook")
print(f"matrix.pdf: {len(body):,} bytes, WenQuanYi Micro Hei embedded")
EOF

# A second start reuses the default database of the data folder (no --db anywhere): the demo
# makes it, the window opens it, and a later export still holds the demo's 36 suppliers.
default_db="$data/workbench.sqlite3"
run demo
[ -f "$default_db" ] || fail "demo did not make the default database $default_db"
run gui --smoke-test
run check
grep -q "ok: $default_db" "$smoke/out.txt" || fail "check did not use $default_db"
run screenshot --tab samples --out "$smoke/second.png"  # photos: Qt's image plugins
run export suppliers --out "$smoke/again.xlsx"
"$PYTHON" - "$smoke/again.xlsx" <<'EOF'
import sys

from openpyxl import load_workbook

workbook = load_workbook(sys.argv[1], read_only=True)
sheet = workbook["Suppliers"] if "Suppliers" in workbook.sheetnames else workbook.worksheets[0]
rows = sum(1 for row in sheet.iter_rows(min_row=2, values_only=True) if any(row))
if rows < 36:
    sys.exit(f"error: bundle: the default database has {rows} suppliers after a restart, not 36")
print(f"second start: the default database still has {rows} suppliers")
EOF
databases=$(find "$data" -maxdepth 1 -name '*.sqlite3' | wc -l)
[ "$databases" -eq 1 ] || fail "expected one database in the data folder, found $databases"

# --- report ---------------------------------------------------------------------------------
echo "Bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)), built in $((built - started)) s," \
  "checked in $(($(date +%s) - built)) s. Largest parts:"
(cd "$internal" && du -sh -- * | sort -rh | head -8 | sed 's/^/  /')
