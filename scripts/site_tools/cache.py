"""Where the tools keep results between runs (drawn charts, data that validated clean).

$H20_CACHE_DIR, else the user's cache folder; never the project: the tests build and check
copies of it and must not write into it, and a cache is nothing a contributor commits."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    if os.environ.get("H20_CACHE_DIR"):
        return Path(os.environ["H20_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "h20-explainer"
