"""Packaged data files: translations, fonts, templates, word lists, map assets (no code)."""
