"""Tests of the command line (a package: see conftest.py)."""
