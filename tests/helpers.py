"""Helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

from site_tools.languages import PageId

ROOT = Path(__file__).resolve().parent.parent


def page_stems() -> list[str]:
    """Every page of the site, by its language-independent name."""
    return sorted({PageId.from_src(p.name).stem for p in (ROOT / "docs").glob("*.*.md")})


def built_page(site: Path, stem: str, lang: str) -> Path:
    return site / PageId(stem, lang).url()
