"""Benchmarks: figures written to bench-results.json, run by `make bench` (marker `benchmark`)."""
