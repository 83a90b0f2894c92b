"""`python -m app` runs the command line (and with no command, the window)."""

import sys

from app.cli import main

sys.exit(main())
