"""Notices a reader sees on a page whose translation lags: outdated sections,
or a page not translated yet (the Chinese page published under /en/)."""

from __future__ import annotations

import html
import posixpath

from .languages import HREFLANG, OTHER, PageId, strings_for

TEXT = strings_for("notice")  # the strings live in languages.py


def _link(pid: PageId, other_lang: str, page_url: str, label: str, fragment: str = "") -> str:
    href = posixpath.relpath(pid.url(other_lang), posixpath.dirname(page_url) or ".") + fragment
    return f'<a href="{href}" hreflang="{HREFLANG[other_lang]}">{html.escape(label)}</a>'


def _admonition(kind: str, title: str, body: str) -> str:
    # Raw HTML, not Markdown: the notice is the site's, not part of the translated text.
    return (
        f'<div class="admonition warning translation-notice" data-notice="{kind}" role="note">\n'
        f'<p class="admonition-title">{html.escape(title)}</p>\n<p>{body}</p>\n</div>\n'
    )


def outdated_notice(
    pid: PageId, page_url: str, sections: list[tuple[str, str]], here_ids: set[str], original_ids: set[str]
) -> str:
    """`sections`: (id, heading) of the outdated sections. Each is named by a link to itself on
    this page, or, when only the original has it (a section new in Chinese), to the original's;
    the link to the original goes to the first section it still has. Never a link to an id
    that is not there: the site's own notice must not be a broken link."""
    title, body, link = TEXT[pid.lang]["outdated"]
    other = OTHER[pid.lang]

    def name(sid: str, heading: str) -> str:
        if sid in here_ids:
            return f'<a href="#{sid}">{html.escape(heading)}</a>'
        if sid in original_ids:
            return _link(pid, other, page_url, heading, f"#{sid}")
        return html.escape(heading)

    names = ", ".join(name(sid, heading) for sid, heading in sections)
    first = next((f"#{sid}" for sid, _ in sections if sid in original_ids), "")
    return _admonition("outdated", title, body.format(sections=names) + " " + _link(pid, other, page_url, link, first))


def untranslated_notice(pid: PageId, page_url: str) -> str:
    title, body, link = TEXT[pid.lang]["untranslated"]
    return _admonition("untranslated", title, html.escape(body) + " " + _link(pid, OTHER[pid.lang], page_url, link))


def after_h1(markdown: str, block: str) -> str:
    """Insert a block right after the page's H1 (or at the top when there is none)."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", block] + lines[i + 1 :])
    return block + "\n" + markdown
