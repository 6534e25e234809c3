"""Qt item models, one per file, over plain values returned by `app.services`."""
