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


# An entry nothing has read or written for this long is dropped: every change to a chart,
# a card or a template leaves a new entry behind, and nothing else would ever remove the old.
UNUSED_DAYS = 30


def prune(now: float | None = None) -> int:
    """Delete the cache files unused for UNUSED_DAYS (last read or written); the number deleted."""
    import time

    limit = (now if now is not None else time.time()) - UNUSED_DAYS * 86400
    removed = 0
    root = cache_root()
    if not root.is_dir():
        return 0
    for path in root.rglob("*"):
        try:
            st = path.stat()
            if path.is_file() and max(st.st_atime, st.st_mtime) < limit:
                path.unlink()
                removed += 1
        except OSError:  # gone already, or not ours to remove: a cache only costs space
            continue
    return removed
