"""camthuy-audit: quarterly audit of commune web portals against a district dispatch."""

from __future__ import annotations

__version__ = "0.1.0"
