"""Mark glossary terms in a page's HTML: the first use of each term on the page
becomes a link to its glossary entry, and the definitions of the marked terms
are appended once, hidden, for the term-hints script to show as a popover.

Without JavaScript a term is a plain link to the glossary. Screen readers hear
the term as a link; its definition is read only when the reader opens it.

Python-Markdown's `abbr` cannot do this for Chinese: its \\b word boundaries
never match between Han characters, so 华为昇腾 would get nothing."""

from __future__ import annotations

import html

from .glossary import Glossary
from .htmltext import rewrite_text
from .languages import STRINGS

# Text inside these is left alone: links, headings, citations, charts, controls
# and admonition titles (which act as headings).
_SKIP_TAGS = {
    "a",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "abbr",
    "button",
    "sup",
    "summary",
    "select",
    "option",
    "label",
    "dt",
}
_SKIP_CLASSES = {"admonition-title", "term", "headerlink", "no-terms"}


def mark_terms(content: str, glossary: Glossary, lang: str, glossary_href: str) -> str:
    """Return `content` with the first use of each term marked, and the marked
    terms' definitions appended in a hidden block."""
    marked: list[str] = []

    def mark(text: str, _open: list[str]) -> str:
        pieces, last = [], 0
        for start, end, tid in glossary.find(text, lang):
            if tid in marked:
                continue
            marked.append(tid)
            pieces.append(text[last:start])
            pieces.append(
                f'<a class="term" href="{html.escape(glossary_href)}#{tid}" data-term="{tid}">{text[start:end]}</a>'
            )
            last = end
        pieces.append(text[last:])
        return "".join(pieces)

    content = rewrite_text(content, mark, skip_tags=_SKIP_TAGS, skip_classes=_SKIP_CLASSES)
    if not marked:
        return content
    return content + definitions_block(glossary, marked, lang, glossary_href)


def definitions_block(glossary: Glossary, ids: list[str], lang: str, glossary_href: str) -> str:
    """The hidden definitions the popover reads, with its interface strings; kept
    out of the search index (the glossary page is where definitions are found)."""
    s = STRINGS[lang]
    esc = html.escape
    items = "".join(
        f'<div data-term-def="{tid}" data-name="{esc(glossary.terms[tid].name[lang])}">'
        f"{esc(glossary.terms[tid].definition[lang], quote=False)}</div>"
        for tid in ids
    )
    return (
        f'\n<div class="term-defs" hidden data-search-exclude data-term-defs '
        f'data-glossary="{esc(glossary_href)}" data-label-glossary="{esc(s["glossary"])}" '
        f'data-label-close="{esc(s["close"])}" data-label-hint="{esc(s["term_hint"])}">{items}</div>\n'
    )
