"""Every benchmark's small mode: `--small` runs it at a tiny size, so CI proves each script
still works (a renamed function breaks CI, not the next person who measures)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import Any


def parse_with_small_mode(
    parser: argparse.ArgumentParser, argv: Sequence[str] | None = None, **small: Any
) -> argparse.Namespace:
    """Parse `argv`; with `--small`, the given arguments take their small values."""
    parser.add_argument(
        "--small", action="store_true", help="a tiny run for CI: the figures mean nothing"
    )
    args = parser.parse_args(argv)
    if args.small:
        for name, value in small.items():
            setattr(args, name, value)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed, in CI or not
    return args
