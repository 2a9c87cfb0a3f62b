"""Mark glossary terms in a page's HTML: the first occurrence of each term per
section gets its definition as a tooltip (hover, keyboard focus, tap) with a
link to the glossary entry.

Python-Markdown's `abbr` cannot do this for Chinese: its \\b word boundaries
never match between Han characters, so 华为昇腾 would get nothing."""

from __future__ import annotations

import html
import re

from .glossary import Glossary

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)>", re.S)
# Text inside these is left alone: code, links, headings, citations, charts and
# admonition titles (which act as headings).
_SKIP_TAGS = {"a", "code", "pre", "figure", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
              "abbr", "button", "sup", "svg", "summary", "title", "textarea", "select", "option", "label"}
_SKIP_CLASSES = {"admonition-title", "term", "headerlink", "no-terms"}
_SECTION_TAGS = {"h1", "h2", "h3"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

LABEL = {"zh": "术语表", "en": "Glossary"}


def mark_terms(content: str, glossary: Glossary, lang: str, glossary_href: str) -> str:
    """Return `content` with the first occurrence of each term per section marked."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (tag, suppresses marking?)
    seen: set[str] = set()
    counter = 0
    for token in _TOKEN.split(content):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            m = _TAG.match(token)
            if not m or token.startswith("<!"):
                continue
            closing, tag, attrs, self_closing = m[1], m[2].lower(), m[3], m[4]
            if closing:
                # Pop to the matching element (tolerates unclosed <p>, <li>).
                for i in range(len(stack) - 1, -1, -1):
                    if stack[i][0] == tag:
                        del stack[i:]
                        break
            elif not self_closing and tag not in _VOID:
                classes = set(re.findall(r'class="([^"]*)"', attrs)[0].split()) if 'class="' in attrs else set()
                stack.append((tag, tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES)))
                if tag in _SECTION_TAGS:
                    seen.clear()
            continue
        if any(skip for _, skip in stack):
            out.append(token)
            continue
        pieces, last = [], 0
        for start, end, tid in glossary.find(token, lang):
            if tid in seen:
                continue
            seen.add(tid)
            counter += 1
            term = glossary.terms[tid]
            tip_id = f"term-{tid}-{counter}"
            pieces.append(token[last:start])
            pieces.append(
                f'<span class="term" tabindex="0" aria-describedby="{tip_id}">{token[start:end]}'
                f'<span class="term__tip" role="tooltip" id="{tip_id}" data-search-exclude="true">'
                f"{html.escape(term.definition[lang], quote=False)} "
                f'<a href="{glossary_href}#{tid}">{LABEL[lang]} →</a></span></span>'
            )
            last = end
        pieces.append(token[last:])
        out.append("".join(pieces))
    return "".join(out)
