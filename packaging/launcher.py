"""The bundle's entry point (PyInstaller needs a script), the same as `python -m app`.

Not app/__main__.py itself: PyInstaller puts a script's folder on the search path, and app/'s
modules must be reached only as `app.*`.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
