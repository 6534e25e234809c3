"""Web content shown inside the application: local URL schemes for QtWebEngine pages."""
