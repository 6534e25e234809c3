"""Tests of app.routing."""
