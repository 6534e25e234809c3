"""FieldCollect's Qt user interface: widgets, item models and dialogs over `app.services`."""
