"""Where a build may go: a folder of its own, never the project or its sources.

The build replaces --site-dir wholesale, so a wrong value would delete what it
replaces: `--site-dir docs` once replaced every page with the built site. A
folder is replaced only when it is empty or carries MARKER, the file every
build writes into the site it makes."""

from __future__ import annotations

from pathlib import Path

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
