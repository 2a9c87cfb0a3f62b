"""Curly quotes in English HTML that the Markdown pass (smarty) never sees:
glossary tooltips, chart titles and captions, the source list, and quotes
escaped in Markdown (an admonition title's \\"). Text only: tags, attribute
values and code stay as they are. Chinese pages are not passed through this: there, only an
apostrophe inside a Latin word is set straight (see latin_apostrophes)."""

from __future__ import annotations

import re

from .htmltext import OpenElements, tokens

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
    verbatim = OpenElements()  # code, scripts and the like: left as written
    prev = " "
    for piece in tokens(html):
        if piece.markup:
            out.append(piece.text)
            if piece.tag:
                verbatim.feed(piece.tag)
                if piece.tag.name in _BLOCKS:
                    prev = " "
            continue
        token = piece.text
        if not verbatim.skipping:
            token = token.replace("&quot;", '"').replace("&#39;", "'").replace("&#x27;", "'")
        if verbatim.skipping or ("'" not in token and '"' not in token):
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


_CURLY_APOSTROPHE = re.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")


def latin_apostrophes(html: str) -> str:
    """Chinese pages: "Tom’s Hardware" with a straight apostrophe. A CJK font draws ’ full-width
    ("Tom’ s"), and Markdown's smarty curls it on every page; text only, as curly_quotes."""
    out: list[str] = []
    verbatim = OpenElements()
    for piece in tokens(html):
        if piece.markup:
            out.append(piece.text)
            if piece.tag:
                verbatim.feed(piece.tag)
        else:
            out.append(piece.text if verbatim.skipping else _CURLY_APOSTROPHE.sub("'", piece.text))
    return "".join(out)


_INNER_DOUBLE = re.compile(r'"([^"\n]+)"|“([^”\n]+)”')


def inside_quotes(text: str) -> str:
    """Plain text about to go inside double quotes: its own double quotes become single ones,
    as a quotation within a quotation takes in both languages (“… a ‘means for good’”)."""
    return _INNER_DOUBLE.sub(lambda m: f"‘{m[1] or m[2]}’", text)
