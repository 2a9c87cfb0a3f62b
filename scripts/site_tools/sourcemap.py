"""Findings of the built HTML, told where the contributor wrote the cause.

The checks of the built site (html_checks.py) see `site/en/conclusion.html:761`, a file no
contributor edits and that a failed build does not even keep. Most of what they find was
written in the page's Markdown: a link, an image. So each finding is moved to the page's
source file, at the line where the address appears there; when MkDocs has already reported
that line (a broken link is found by both), the HTML's finding is dropped. What is not in
the Markdown came from a template or the plugin, and keeps the built file's name."""

from __future__ import annotations

import re
from dataclasses import replace

from .findings import Finding
from .pages import Page

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


def to_sources(findings: list[Finding], pages: list[Page], shown_as: str) -> list[Finding]:
    """`findings` with those of built pages (named `shown_as/…`) moved to their Markdown."""
    by_url = {f"{shown_as}/{p.page.url()}": p for p in pages}
    reported = {(f.path, f.line) for f in findings if not f.path.startswith(shown_as + "/")}
    out = []
    for f in findings:
        page = by_url.get(f.path)
        url = _address(f.message) if page else None
        where = _find(page, url) if url else None
        if where is None:
            out.append(f)
        elif (page.path, where[0]) not in reported:
            out.append(replace(f, path=page.path, line=where[0], col=where[1]))
    return out


def _find(page: Page, url: str) -> tuple[int, int] | None:
    for number, line in enumerate(page.text.split("\n"), 1):
        for form in _written(url):
            col = line.find(form)
            if col >= 0 and number >= page.body_start:
                return number, col + 1
    return None
