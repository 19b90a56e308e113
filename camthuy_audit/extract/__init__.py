"""Extraction: portal HTML -> menus, banners, footer, listings, dates. No per-site code.

Heuristics first (they must work on any portal); platform profiles may only sharpen them.
"""
