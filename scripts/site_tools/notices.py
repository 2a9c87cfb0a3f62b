"""Notices a reader sees on a page whose translation lags: outdated sections,
or a page not translated yet (the Chinese page published under /en/)."""

from __future__ import annotations

import html
import posixpath

from .languages import HREFLANG, PageId

TEXT = {
    "outdated": {
        "en": (
            "This translation may be outdated",
            "The Chinese original of these sections changed after they were translated: {sections}.",
            "Read the current Chinese version",
        ),
        "zh": ("此译文可能已过时", "以下章节的原文在翻译后有改动：{sections}。", "阅读最新的英文版本"),
    },
    "untranslated": {
        "en": (
            "Not yet translated",
            "This page has not been translated into English yet. Below is the Chinese original.",
            "Open it on the Chinese site",
        ),
        "zh": ("尚未翻译", "本页尚未译成中文，以下为英文原文。", "在英文站点打开"),
    },
}


def _link(pid: PageId, other_lang: str, page_url: str, label: str) -> str:
    href = posixpath.relpath(pid.url(other_lang), posixpath.dirname(page_url) or ".")
    return f'<a href="{href}" hreflang="{HREFLANG[other_lang]}">{html.escape(label)}</a>'


def _admonition(kind: str, title: str, body: str) -> str:
    # Raw HTML, not Markdown: the notice is the site's, not part of the translated text.
    return (
        f'<div class="admonition warning translation-notice" data-notice="{kind}" role="note">\n'
        f'<p class="admonition-title">{html.escape(title)}</p>\n<p>{body}</p>\n</div>\n'
    )


def outdated_notice(pid: PageId, page_url: str, sections: list[tuple[str, str]]) -> str:
    title, body, link = TEXT["outdated"][pid.lang]
    names = ", ".join(f'<a href="#{sid}">{html.escape(name)}</a>' for sid, name in sections)
    return _admonition(
        "outdated",
        title,
        body.format(sections=names) + " " + _link(pid, "zh" if pid.lang == "en" else "en", page_url, link),
    )


def untranslated_notice(pid: PageId, page_url: str) -> str:
    title, body, link = TEXT["untranslated"][pid.lang]
    return _admonition(
        "untranslated", title, html.escape(body) + " " + _link(pid, "zh" if pid.lang == "en" else "en", page_url, link)
    )


def after_h1(markdown: str, block: str) -> str:
    """Insert a block right after the page's H1 (or at the top when there is none)."""
    lines = markdown.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", block] + lines[i + 1 :])
    return block + "\n" + markdown
