"""The team lead's screens: team board, assignment, import, early warning and reports."""
