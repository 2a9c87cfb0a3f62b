"""Where a build may go (a folder of its own, never the project or its sources), and how
it gets there: one build at a time, staged beside it, swapped in whole.

The build replaces --site-dir wholesale, so a wrong value would delete what it
replaces: `--site-dir docs` once replaced every page with the built site. A
folder is replaced only when it is empty or carries MARKER, the file every
build writes into the site it makes."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

MARKER = ".h20-site"  # in every built site: "this folder is a build output, safe to replace"
# What a build must never replace or write into: the project's sources and history.
SOURCES = ("docs", "overrides", "scripts", "tests", ".git", ".github", ".ci")


def site_dir_problem(root: Path, site_dir: Path, shown_as: str) -> str | None:
    """Why `site_dir` may not receive the build, or None when it may."""
    root, site = root.resolve(), site_dir.resolve()
    if site == root or site in root.parents:
        return f"--site-dir {shown_as} is the project folder{' or above it' if site != root else ''}"
    for name in SOURCES:
        source = (root / name).resolve()
        if site == source or source in site.parents:
            return f"--site-dir {shown_as} is the project's {name}/ folder or inside it"
    if site.exists() and not site.is_dir():
        return f"--site-dir {shown_as} is a file"
    if site.is_dir() and any(site.iterdir()) and not _built_here(site):
        return f"--site-dir {shown_as} holds files that no build of this site made (no {MARKER} in it)"
    return None


def _built_here(site: Path) -> bool:
    # Builds made before the marker existed: a site with this build's search index and sitemap.
    legacy = (site / "search" / "search_index.json").is_file() and (site / "sitemap.xml").is_file()
    return (site / MARKER).is_file() or legacy


# --- building into it ------------------------------------------------------------
# Beside the site folder, named after it (for `site`: .site.lock, .site.building-*,
# .site.old-*), so that a build never touches what another folder's build left.


def _sibling(site_dir: Path, kind: str) -> str:
    return f".{site_dir.name}.{kind}"


@contextmanager
def exclusive(site_dir: Path, wait: float = 600):
    """Two builds into one folder take turns: the second waits for the first."""
    lock = FileLock(str(site_dir.parent / _sibling(site_dir, "lock")))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"waiting for another build into {site_dir.name}/ to finish …", file=sys.stderr)
        lock.acquire(timeout=wait)  # Timeout: a usage error, reported by the caller
    try:
        yield
    finally:
        lock.release()


@contextmanager
def staging(site_dir: Path):
    """A fresh folder beside `site_dir` to build into, removed however the build ends:
    errors, Ctrl-C, or SIGTERM (a CI job cancelled). Call it holding `exclusive`: what
    an earlier build killed outright (SIGKILL) left behind is removed first."""
    for kind in ("building-*", "old-*"):
        for stale in site_dir.parent.glob(_sibling(site_dir, kind)):
            shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=_sibling(site_dir, "building-"), dir=site_dir.parent))
    previous = {sig: signal.getsignal(sig) for sig in _STOPS}
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread:
        for sig in _STOPS:
            signal.signal(sig, _stop)
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if in_main_thread:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


_STOPS = (signal.SIGTERM, signal.SIGHUP) if hasattr(signal, "SIGHUP") else (signal.SIGTERM,)


def _stop(signum, _frame):
    raise SystemExit(128 + signum)  # unwinds through `finally`, which removes the half-built site


def publish(built: Path, site_dir: Path) -> str | None:
    """Swap the finished build in for `site_dir`; the old site goes aside and is deleted.
    Returns a notice when the old site could not be deleted (it is harmless, and the next
    build tries again); a previous `site.old` that cannot be deleted never blocks a build."""
    (built / MARKER).write_text("Built by scripts/build.py; the next build may replace this folder.\n")
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=_sibling(site_dir, "old-"), dir=site_dir.parent))
        os.replace(site_dir, old)  # onto the empty folder: one rename, never a half-replaced site
    built.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
        if old.exists():
            return f"the previous site could not be deleted: {old.name} (remove it by hand)"
    return None
