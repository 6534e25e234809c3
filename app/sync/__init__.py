"""The sync protocol between a collector's local store and the central database."""
