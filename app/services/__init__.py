"""Use cases: the only code that writes. The GUI and the CLI both call these."""
