"""The one HTML tokenizer of the site's text steps: split HTML into tags and text,
and keep track of the elements open at each point.

Used where the text is HTML rather than a Markdown tree: line-break rules and
English quotes run on a page's HTML after Markdown, and glossary terms are
marked in raw HTML blocks (directives' output) that Markdown stashes whole."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)>", re.S)
_CLASS = re.compile(r'\bclass="([^"]*)"')
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Never rewritten: code, scripts, styles and text that is not prose.
ALWAYS_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "svg", "textarea", "title", "template"}


class Tag(NamedTuple):
    name: str  # lower case
    closing: bool
    empty: bool  # a void element or <x/>: opens nothing
    attrs: str

    @property
    def classes(self) -> set[str]:
        m = _CLASS.search(self.attrs)
        return set(m[1].split()) if m else set()


class Token(NamedTuple):
    text: str  # as written
    markup: bool  # a tag, comment or declaration; otherwise text
    tag: Tag | None  # an element's start or end tag


def tokens(content: str) -> Iterator[Token]:
    """The pieces of `content` in order: markup and the text between."""
    for token in _TOKEN.split(content):
        if not token:
            continue
        if not token.startswith("<"):
            yield Token(token, False, None)
            continue
        m = None if token.startswith("<!") else _TAG.match(token)
        if m is None:
            yield Token(token, True, None)
            continue
        name = m[2].lower()
        yield Token(token, True, Tag(name, bool(m[1]), bool(m[4]) or name in VOID, m[3]))


class OpenElements:
    """The elements open at the current point of some HTML, and whether text there
    is skipped: inside an element named in `skip_tags` or carrying a class of
    `skip_classes`. An end tag closes the nearest open element of its name, so
    unclosed <p> and <li> are tolerated."""

    def __init__(self, skip_tags: set[str] = ALWAYS_SKIP, skip_classes: set[str] = frozenset()):
        self.skip_tags = skip_tags
        self.skip_classes = skip_classes
        self._stack: list[tuple[str, bool]] = []  # (tag, suppresses rewriting?)

    def feed(self, tag: Tag) -> None:
        if tag.closing:
            for i in range(len(self._stack) - 1, -1, -1):
                if self._stack[i][0] == tag.name:
                    del self._stack[i:]
                    break
        elif not tag.empty:
            self._stack.append((tag.name, tag.name in self.skip_tags or bool(tag.classes & self.skip_classes)))

    @property
    def skipping(self) -> bool:
        return any(skip for _, skip in self._stack)


def rewrite_text(
    content: str,
    rewrite: Callable[[str], str],
    *,
    skip_tags: set[str] = frozenset(),
    skip_classes: set[str] = frozenset(),
) -> str:
    """Return `content` with every text run passed through `rewrite(text)`, except
    inside elements named in `skip_tags` (or ALWAYS_SKIP) or carrying a class of
    `skip_classes`."""
    open_elements = OpenElements(set(skip_tags) | ALWAYS_SKIP, skip_classes)
    out: list[str] = []
    for token in tokens(content):
        if token.markup:
            out.append(token.text)
            if token.tag:
                open_elements.feed(token.tag)
        elif open_elements.skipping:
            out.append(token.text)
        else:
            out.append(rewrite(token.text))
    return "".join(out)
