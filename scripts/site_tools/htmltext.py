"""Rewrite the text of a page's HTML, element by element, leaving markup alone.

Markdown is rendered by the time the site's own text steps run (glossary terms,
line-break rules), and raw HTML in pages and directives is already inlined, so
these steps walk the HTML's text with a stack of open elements."""

from __future__ import annotations

import re
from collections.abc import Callable

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)>", re.S)
_CLASS = re.compile(r'\bclass="([^"]*)"')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Never rewritten: code, scripts, styles and text that is not prose.
ALWAYS_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "svg", "textarea", "title", "template"}


def rewrite_text(
    content: str,
    rewrite: Callable[[str, list[str]], str],
    *,
    skip_tags: set[str] = frozenset(),
    skip_classes: set[str] = frozenset(),
) -> str:
    """Return `content` with every text run passed through `rewrite(text, open_tags)`,
    except inside elements named in `skip_tags` (or ALWAYS_SKIP) or carrying a class
    of `skip_classes`. Unclosed <p> and <li> are tolerated."""
    skip_tags = set(skip_tags) | ALWAYS_SKIP
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open elements: (tag, suppresses rewriting?)
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
                for i in range(len(stack) - 1, -1, -1):
                    if stack[i][0] == tag:
                        del stack[i:]
                        break
            elif not self_closing and tag not in _VOID:
                cm = _CLASS.search(attrs)
                classes = set(cm[1].split()) if cm else set()
                stack.append((tag, tag in skip_tags or bool(classes & skip_classes)))
            continue
        if any(skip for _, skip in stack):
            out.append(token)
        else:
            out.append(rewrite(token, [tag for tag, _ in stack]))
    return "".join(out)
