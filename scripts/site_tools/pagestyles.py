"""Stylesheets that only some pages load.

The reference pages (sources, glossary, timeline, claims, about, corrections)
have styles of their own, about a quarter of site.css. A page links such a
sheet when one of its rules applies to the page (the CSS purge's test, run on
the page's own HTML), so the article pages' first view does not carry them.
The link goes in <head>: the theme's instant navigation adds and removes head
elements as it swaps pages, so a sheet comes and goes with the page that needs it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .css_purge import page_classes, styles_any

SHEETS = ("assets/stylesheets/reference.css",)


@lru_cache(maxsize=8)
def _sheet(path: Path, mtime: float) -> str:
    return path.read_text(encoding="utf-8")


def sheet_texts(theme_dirs: list[str]) -> dict[str, str]:
    """Each of SHEETS, from the first theme folder that has it (overrides/ first)."""
    found = {}
    for name in SHEETS:
        for folder in theme_dirs:
            path = Path(folder) / name
            if path.is_file():
                found[name] = _sheet(path, path.stat().st_mtime)
                break
    return found


def link_page_sheets(html: str, to_root: str, sheets: dict[str, str]) -> str:
    """The page with a <link> to each sheet it uses, last in <head> (after site.css: it may override it)."""
    used = page_classes(html)
    links = "".join(
        f'<link rel="stylesheet" href="{to_root}{name}">' for name, css in sheets.items() if styles_any(css, used)
    )
    if not links or "</head>" not in html:
        return html
    return html.replace("</head>", links + "\n</head>", 1)
