"""Curly quotes in English HTML that the Markdown pass (smarty) never sees:
glossary tooltips, chart titles and captions, the source list, and quotes
escaped in Markdown (an admonition title's \\"). Text only: tags, attribute
values and code stay as they are. Chinese pages are not passed through this."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "svg", "textarea"}
# A quote right after one of these opens; the text before a block starts afresh.
_BLOCKS = {
    "p",
    "li",
    "div",
    "td",
    "th",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "summary",
    "caption",
    "blockquote",
    "br",
    "ol",
    "ul",
    "table",
    "tr",
    "figure",
    "section",
    "nav",
}
_OPENERS = set(" \t\n\u00a0([{“‘—–-/")


def _quote(ch: str, prev: str, nxt: str) -> str:
    if ch == '"':
        return "“" if prev in _OPENERS else "”"
    if prev.isalnum():  # it's, NVIDIA's, developers'
        return "’"
    return "‘" if prev in _OPENERS and nxt and not nxt.isspace() else "’"


def curly_quotes(html: str) -> str:
    out: list[str] = []
    verbatim = 0
    prev = " "
    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            m = _TAG.match(token)
            if m:
                closing, tag = m[1], m[2].lower()
                if tag in _VERBATIM and not token.endswith("/>"):
                    verbatim += -1 if closing else 1
                if tag in _BLOCKS or 'class="term__tip"' in token:
                    prev = " "
            continue
        if verbatim == 0:
            token = token.replace("&quot;", '"').replace("&#39;", "'").replace("&#x27;", "'")
        if verbatim > 0 or ("'" not in token and '"' not in token):
            out.append(token)
            prev = token[-1] if token else prev
            continue
        chars = list(token)
        for i, ch in enumerate(chars):
            if ch in "'\"":
                chars[i] = _quote(ch, chars[i - 1] if i else prev, token[i + 1] if i + 1 < len(token) else "")
        out.append("".join(chars))
        prev = token[-1]
    return "".join(out)
