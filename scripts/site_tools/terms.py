"""Mark glossary terms: the first use of each term on a page becomes a link to its
glossary entry, which the term-hints script opens as a popover with the term's
definition (from one definitions file per language, DEFINITIONS).

Without JavaScript a term is a plain link to the glossary. Screen readers hear
the term as a link; its definition is read only when the reader opens it.

The marking is a Python-Markdown treeprocessor (TermsExtension), run on the
element tree once inline Markdown is done, so code, links, headings and the rest
of SKIP_TAGS / SKIP_CLASSES are left alone by what they are. Markdown keeps raw
HTML out of the tree, in its stash, behind placeholders in the text:

- an inline tag (`<span class="no-terms">`) opens or closes an element around
  the text that follows, and the same skip rules apply to it;
- an entity or a typeset character (smarty's ’ and –) is text: a term is found
  across it ("Tom’s Hardware");
- a raw HTML block (the directives' output: claims, corrections, the cover) is
  HTML: its text is marked with the site's HTML tokenizer (htmltext), in its
  place in the page's order.

Python-Markdown's `abbr` cannot do this for Chinese: its \\b word boundaries
never match between Han characters, so 华为昇腾 would get nothing."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from itertools import islice

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .glossary import Glossary
from .htmltext import ALWAYS_SKIP, OpenElements, rewrite_text, tokens
from .languages import STRINGS
from .typography import curly_quotes

# Text inside these is left alone: code, links, headings, citations, charts,
# controls and admonition titles (which act as headings).
SKIP_TAGS = ALWAYS_SKIP | {
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
SKIP_CLASSES = {"admonition-title", "term", "headerlink", "no-terms"}

# Treeprocessors run from the highest priority down. Ours comes after inline
# Markdown (20), attr_list's classes (8), abbr (7), smarty (6), toc (5), and
# the unescaping of \\-escapes and MkDocs' link rewriting (0): the tree is then as
# it will be written, and MkDocs does not take the term links for links to check.
PRIORITY = -10

_PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"([0-9]+)")
# In raw HTML: a placeholder (a term does not run across it) or an entity (read as its character).
_PLACEHOLDER_OR_ENTITY = re.compile(_PLACEHOLDER.pattern + r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


@dataclass
class PageTerms:
    """One page's marking: set by the plugin before the page is converted; the
    ids of the terms marked, in the page's order, are in `marked` after."""

    glossary: Glossary
    lang: str
    glossary_href: str  # relative to the page
    marked: list[str] = field(default_factory=list)


class TermsExtension(Extension):
    """Added once to the Markdown extensions; `page` is set before each page is
    converted (None: the page's terms are not marked)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.page: PageTerms | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_TermsTreeprocessor(md, self), "site_terms", PRIORITY)


class _TermsTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: TermsExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.page is not None:
            _Marker(self.md, self.extension.page).element(root)


class _Run:
    """A stretch of text that a term may span, as read, with where each of its
    characters comes from in the tree's text (None: inside one stashed entity,
    where a term may not start or end)."""

    def __init__(self):
        self.view: list[str] = []
        self.starts: list[int | None] = []
        self.ends: list[int | None] = []

    def literal(self, start: int, end: int, text: str) -> None:
        self.view.append(text[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def one_piece(self, start: int, end: int, shown: str) -> None:
        if not shown:
            return
        self.view.append(shown)
        self.starts.extend([start] + [None] * (len(shown) - 1))
        self.ends.extend([None] * (len(shown) - 1) + [end])


class _Marker:
    def __init__(self, md: Markdown, page: PageTerms):
        self.md = md
        self.page = page
        self.stash = md.htmlStash.rawHtmlBlocks
        # Elements opened and closed by inline raw HTML, in the page's order.
        self.raw_open = OpenElements(SKIP_TAGS, SKIP_CLASSES)

    @staticmethod
    def skipped(el: etree.Element) -> bool:
        if not isinstance(el.tag, str):  # a comment or processing instruction
            return True
        return el.tag in SKIP_TAGS or bool(set((el.get("class") or "").split()) & SKIP_CLASSES)

    def element(self, el: etree.Element) -> None:
        """Mark the text of `el` (not itself skipped) and of what it contains:
        its text, then each child and the child's tail, in document order."""
        el.text, links = self.text(el.text)
        children = links
        for child in list(el):
            children.append(child)
            if not self.skipped(child):
                self.element(child)
            child.tail, links = self.text(child.tail)
            children.extend(links)
        if len(children) != len(el):
            el[:] = children

    def text(self, text: str | None) -> tuple[str | None, list[etree.Element]]:
        """`text` up to its first marked term, and a link per marked term whose
        tail is the text up to the next one."""
        if not text:
            return text, []
        found: list[tuple[int, int, str]] = []
        run, last = _Run(), 0
        for m in _PLACEHOLDER.finditer(text):
            run.literal(last, m.start(), text)
            last = m.end()
            key = int(m[1])
            entry = self.stash[key] if key < len(self.stash) else None
            if isinstance(entry, str) and "<" not in entry:  # an entity or a typeset character
                run.one_piece(m.start(), m.end(), html.unescape(entry))
                continue
            found += self.find(run)
            run = _Run()
            self.stashed(key, entry)
        run.literal(last, len(text), text)
        found += self.find(run)
        if not found:
            return text, []
        cls = type(text)  # keep an AtomicString atomic
        links = []
        for i, (start, end, tid) in enumerate(found):
            a = self.link(tid, cls(text[start:end]))
            a.tail = cls(text[end : found[i + 1][0] if i + 1 < len(found) else len(text)])
            links.append(a)
        return cls(text[: found[0][0]]), links

    def find(self, run: _Run) -> list[tuple[int, int, str]]:
        """(start, end, term id) in the tree's text of each first use in `run`."""
        if self.raw_open.skipping or not run.view:
            return []
        out = []
        for start, end, tid in self.page.glossary.find("".join(run.view), self.page.lang):
            start, end = run.starts[start], run.ends[end - 1]
            if tid in self.page.marked or start is None or end is None:
                continue
            self.page.marked.append(tid)
            out.append((start, end, tid))
        return out

    def stashed(self, key: int, entry: str | etree.Element | None) -> None:
        """A placeholder for raw HTML, met in the page's order."""
        if isinstance(entry, etree.Element):  # raw HTML that md_in_html keeps as elements
            if not self.raw_open.skipping and not self.skipped(entry):
                self.element(entry)
            return
        if not isinstance(entry, str):
            return
        first = list(islice(tokens(entry), 2))
        if len(first) == 1 and first[0].markup:  # an inline tag or comment
            if first[0].tag:
                self.raw_open.feed(first[0].tag)
        elif not self.raw_open.skipping:  # a raw HTML block
            self.stash[key] = rewrite_text(entry, self.html_text, skip_tags=SKIP_TAGS, skip_classes=SKIP_CLASSES)

    def html_text(self, text: str) -> str:
        """A text run of raw HTML, with its first uses marked. Entities are read as
        the characters they stand for; placeholders in it are left as they are."""
        run, last = _Run(), 0
        found: list[tuple[int, int, str]] = []
        for m in _PLACEHOLDER_OR_ENTITY.finditer(text):
            run.literal(last, m.start(), text)
            last = m.end()
            if m[0].startswith("&"):
                run.one_piece(m.start(), m.end(), html.unescape(m[0]))
            else:
                found += self.find(run)
                run = _Run()
        run.literal(last, len(text), text)
        found += self.find(run)
        pieces, last = [], 0
        for start, end, tid in found:
            pieces += [text[last:start], self.md.serializer(self.link(tid, text[start:end]))]
            last = end
        return "".join(pieces) + text[last:]

    def link(self, tid: str, text: str) -> etree.Element:
        # The term's id is the link's fragment: the script reads it there (no second copy).
        a = etree.Element("a", {"class": "term", "href": f"{self.page.glossary_href}#{tid}"})
        a.text = text
        return a


# The definitions, one file per language under the site's root: fetched by the
# term-hints script when a reader first reaches for a term, and cached for every page.
DEFINITIONS = "assets/terms.{lang}.json"


def definitions_block(lang: str, definitions_href: str) -> str:
    """The hidden block the popover reads: where the definitions are, and its interface strings."""
    s = STRINGS[lang]
    esc = html.escape
    return (
        f'\n<div class="term-defs" hidden data-search-exclude data-term-defs="{esc(definitions_href)}" '
        f'data-label-glossary="{esc(s["glossary"])}" data-label-close="{esc(s["close"])}"></div>\n'
    )


def definitions_json(glossary: Glossary, lang: str) -> str:
    """{id: [name, definition]} of every term, in the language: text, never HTML (the script
    sets textContent), with the curly quotes the English pages get."""

    def text(s: str) -> str:
        return html.unescape(curly_quotes(html.escape(s))) if lang == "en" else s

    return json.dumps(
        {t.id: [text(t.name[lang]), text(t.definition[lang])] for t in glossary},
        ensure_ascii=False,
        separators=(",", ":"),
    )
