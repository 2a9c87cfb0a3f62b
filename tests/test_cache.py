"""The build cache (site_tools/cache.py): entries nothing has used for a month are dropped."""

from __future__ import annotations

import os
import time

from site_tools import cache


def test_an_entry_unused_for_a_month_is_dropped_and_a_recent_one_kept(monkeypatch, tmp_path):
    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path))
    now = time.time()
    old, recent, read = tmp_path / "charts" / "old.svg", tmp_path / "cards" / "new.png", tmp_path / "valid" / "read"
    for path in (old, recent, read):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    month = (cache.UNUSED_DAYS + 1) * 86400
    os.utime(old, (now - month, now - month))
    os.utime(read, (now - 60, now - month))  # written long ago, read a minute ago: in use
    assert cache.prune(now) == 1
    assert not old.exists() and recent.exists() and read.exists()


def test_pruning_a_cache_that_does_not_exist_yet_does_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path / "none"))
    assert cache.prune() == 0
