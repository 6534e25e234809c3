"""SQLAlchemy models, engines and sessions for the local store and the central database."""
