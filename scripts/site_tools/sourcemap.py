"""Findings of the built HTML, told where the contributor wrote the cause.

The checks of the built site (html_checks.py) see `site/en/conclusion.html:761`, a file no
contributor edits and that a failed build does not even keep. Most of what they find was
written in the page's Markdown: a link, an image. So each finding is moved to the page's
source file, at the line where the address appears there; when MkDocs has already reported
that line (a broken link is found by both), the HTML's finding is dropped. What is not in
the Markdown was generated: from a data file by one of the page's directives (`::: claims`
writes the claims page from claims.yml), which is then where the finding goes, at the first
line naming the address; or by a template, and the finding names the page's Markdown as a
whole, saying so. A stylesheet or script of the site is named as it is in overrides/.
No finding names the built site."""

from __future__ import annotations

import re
from dataclasses import replace

from pathlib import Path

from .composed import rebase_url, shown_in
from .directives import find_directives
from .findings import Finding
from .pages import Page

# The data each directive writes a part of a page from.
DATA_OF = {
    "claims": "docs/data/claims.yml",
    "verdicts": "docs/data/claims.yml",
    "glossary": "docs/data/glossary.yml",
    "sources": "docs/data/sources.yml",
    "corrections": "docs/data/corrections.yml",
    "chart": "docs/data/charts.yml",
    "cover": "mkdocs.yml",
    "reading-path": "mkdocs.yml",
}

# Where html_checks names the address: `loads URL from another host`, or `<a href="URL">`.
_ADDRESS = (re.compile(r"loads (\S+) from another host"), re.compile(r'<\w+ [\w-]+="([^"]*)">'))


def _address(message: str) -> str | None:
    return next((m[1] for pattern in _ADDRESS if (m := pattern.search(message))), None)


def _written(url: str) -> list[str]:
    """How the address may be written in Markdown: as built, or as the .md it came from."""
    forms = [url]
    path, sep, fragment = url.partition("#")
    if path.endswith(".html"):
        forms.append(path[: -len(".html")] + ".md" + sep + fragment)
    return forms


def to_sources(findings: list[Finding], pages: list[Page], shown_as: str, root: Path | None = None) -> list[Finding]:
    """`findings` with those of built files (named `shown_as/…`) moved to where they were written:
    the page's Markdown, the data file a directive drew from (read under `root`), the page as a
    whole (its template part), or the site's own asset in overrides/."""
    by_url = {f"{shown_as}/{p.page.url()}": p for p in pages}
    reported = {(f.path, f.line) for f in findings if not f.path.startswith(shown_as + "/")}
    out = []
    for f in findings:
        page = by_url.get(f.path)
        url = None
        if f.path.startswith(shown_as + "/"):  # "no id 'x' in site/en/a.html": the page's source instead
            f = replace(f, message=_named_by_source(f.message, by_url))
            if page is None:  # a side-by-side view or print edition: the page it shows
                page, url = _shown(f, f.path.removeprefix(shown_as + "/"), pages)
        url = url or (_address(f.message) if page else None)
        where = _find(page, url) if url else None
        if where is not None:
            moved = replace(f, path=page.path, line=where[0], col=where[1])
        elif page is not None:
            moved = _from_data(f, page, url, root) or _template_part(f, page)
        else:
            moved = _asset(f, shown_as, root)
        if moved is f or (moved.path, moved.line) not in reported:  # a line already reported: once
            out.append(moved)
    return out


def _shown(f: Finding, built: str, pages: list[Page]) -> tuple[Page | None, str | None]:
    """For a finding in a composed page (its text is other pages'): the page it shows that
    writes the address, and the address as that page writes it; else the first page it shows
    (for a print edition, the overview: it opens the edition)."""
    stem, lang = shown_in(built)
    shown = [
        p for p in pages if (stem is not None and p.page.stem == stem) or (lang is not None and p.page.lang == lang)
    ]
    shown.sort(key=lambda p: p.page.stem != "index")
    address = _address(f.message)
    for page in shown if address else ():
        url = rebase_url(address, built, page.page.url())
        if _find(page, url) is not None:
            return page, url
    return (shown[0] if shown else None), None


def _named_by_source(message: str, by_url: dict[str, Page]) -> str:
    for built, page in by_url.items():
        message = message.replace(built, page.path)
    return message


def _from_data(f: Finding, page: Page, url: str | None, root: Path | None) -> Finding | None:
    """The finding at the first line of a data file, drawn into the page by a directive, that
    names the address (its #fragment, else its page)."""
    if not url or root is None:
        return None
    path, _, fragment = url.partition("#")
    needles = [n for n in (fragment, path.rsplit("/", 1)[-1].removesuffix(".html")) if n]
    for dline, name, _arg in find_directives(page.text):
        data = DATA_OF.get(name)
        if data is None or not (root / data).is_file():
            continue
        lines = (root / data).read_text(encoding="utf-8", errors="replace").split("\n")
        for needle in needles:
            for number, line in enumerate(lines, 1):
                if needle in line:
                    note = f" (written into {page.path} by its '::: {name}' on line {dline})"
                    return replace(f, path=data, line=number, col=line.find(needle) + 1, message=f.message + note)
    return None


def _template_part(f: Finding, page: Page) -> Finding:
    return replace(
        f, path=page.path, line=0, col=0, message=f.message + " (in the part of this page the site's templates write)"
    )


def _asset(f: Finding, shown_as: str, root: Path | None) -> Finding:
    """A finding in a built stylesheet or script of the site's own, named as in overrides/."""
    rel = f.path.removeprefix(shown_as + "/")
    if root is not None and rel != f.path and (root / "overrides" / rel).is_file():
        return replace(f, path=f"overrides/{rel}")
    return f


def _find(page: Page, url: str) -> tuple[int, int] | None:
    for number, line in enumerate(page.text.split("\n"), 1):
        for form in _written(url):
            col = line.find(form)
            if col >= 0 and number >= page.body_start:
                return number, col + 1
    return None
