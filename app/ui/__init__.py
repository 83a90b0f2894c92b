"""Qt user interface: main window, one package per tab, shared widgets."""
