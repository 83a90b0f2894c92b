"""PyInstaller's own QtGui hook, less the Qt plugins the app cannot use.

Filtered here, not after the Analysis, so that PyInstaller never collects what only these
plugins link to (the GTK3 theme alone would bring 9 MB of the build machine's GTK stack).
User hooks (`hookspath` in workbench.spec) take precedence over PyInstaller's.
"""

import re
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# By folder and file name (libqvnc.so, qvnc.dll, libqvnc.dylib). Kept: platforms xcb, wayland,
# offscreen (and windows, cocoa); every image format (photos are JPEG/PNG/WebP/GIF/TIFF); the
# xdg-desktop-portal theme. Left out: the platforms for framebuffers, VNC and kiosks, their
# device integrations and input drivers, the virtual keyboard (needs QML), the PDF image format
# (needs QtPdf), and the GTK3 theme, which needs the machine's GTK and would mix it with the
# GLib we bundle.
UNUSED_PLUGINS = re.compile(
    r"plugins/(platforms/(lib)?q(minimal|minimalegl|vnc|linuxfb|eglfs|vkkhrdisplay)\.|"
    r"egldeviceintegrations/|generic/|"
    r"platforminputcontexts/(lib)?qtvirtualkeyboard|imageformats/(lib)?qpdf\.|"
    r"platformthemes/(lib)?qgtk3)"
)


def kept(entries):
    """(source, destination folder) pairs of the plugins the app can use."""
    return [
        (source, dest)
        for source, dest in entries
        if not UNUSED_PLUGINS.search(f"{dest}/{Path(source).name}".replace("\\", "/"))
    ]


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = kept(binaries)
