"""The main window's screens, one per file."""
