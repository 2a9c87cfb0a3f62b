"""Paragraph ids, the same in both languages, and the rule that keeps them pairable.

A body paragraph is a paragraph of prose at the top level of a section: not a heading, a
list, a table, a box (`!!!`), a directive, raw HTML or code. Its id is made from the text of
the Chinese paragraph (the original): `p-` and 8 hex digits of its hash. So inserting a
paragraph changes no other id, the English paragraph at the same place in the same section
gets the same id (the language switch keeps `#p-…`, as it keeps a section), and a link to a
paragraph changes only when that paragraph's Chinese text does.

Pairing by place needs the same number of body paragraphs in each section of both
languages: rule PARITY-PARAGRAPHS, at both files' lines. A section where the counts differ,
or where the built page holds another number of paragraphs, gets no ids rather than wrong
ones."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .findings import Finding
from .pages import FENCE, Page, Section, sections_by_id

RULE = "PARITY-PARAGRAPHS"
# Lines that start something other than a body paragraph.
_NOT_PROSE = re.compile(r"^(?:\s{2,}|\t|!!!|\?\?\?|:::|<|[-*+] |\d+[.)] |\||#|>)")
# After attr_list (8), which gives headings their `{#id}`; before MkDocs collects the page's
# anchors (5), so that links to a paragraph (its own link among them) are checked like any.
PRIORITY = 6


def paragraph_runs(section: Section) -> list[list[tuple[int, str]]]:
    """The (line number, line) of each body paragraph of a section, in order."""
    out: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] | None = None
    in_fence = False
    for lineno, line in section.lines:
        if FENCE.match(line):
            in_fence, current = not in_fence, None
            continue
        if in_fence or not line.strip():
            current = None
            continue
        if current is not None:
            current.append((lineno, line))
        elif not _NOT_PROSE.match(line):
            current = [(lineno, line)]
            out.append(current)
    return out


def body_paragraphs(section: Section) -> list[tuple[int, str]]:
    """(first line, text) of each body paragraph of a section."""
    return [(run[0][0], " ".join(t.strip() for _, t in run)) for run in paragraph_runs(section)]


def paragraph_id(zh_text: str) -> str:
    return "p-" + hashlib.sha256(zh_text.encode("utf-8")).hexdigest()[:8]


def paragraph_ids(zh: Page, en: Page | None) -> dict[str, list[str]]:
    """{section id: ids of its body paragraphs, in order} for the pair, from the Chinese;
    a section whose paragraph counts differ between the languages is left out."""
    other = sections_by_id(en) if en is not None else {}
    out = {}
    for sid, section in sections_by_id(zh).items():
        zh_paras = body_paragraphs(section)
        if en is not None and (sid not in other or len(body_paragraphs(other[sid])) != len(zh_paras)):
            continue
        ids = [paragraph_id(text) for _, text in zh_paras]
        if len(set(ids)) == len(ids):  # two identical paragraphs in a section: no ids to tell them apart
            out[sid] = ids
    return out


def check_paragraph_parity(zh: Page, en: Page) -> list[Finding]:
    from .parity import which_side
    from .translation import outdated_sections

    zs, es = sections_by_id(zh), sections_by_id(en)
    # A section whose Chinese changed after it was translated is already reported as outdated
    # (TRANSLATION-OUTDATED, a warning while the English catches up): its paragraphs too.
    outdated = set(outdated_sections(zh, en))
    out = []
    for sid in [s for s in zs if s in es]:
        a, b = body_paragraphs(zs[sid]), body_paragraphs(es[sid])
        if len(a) != len(b):
            out.append(
                Finding(
                    en.path,
                    es[sid].line,
                    1,
                    RULE,
                    f"section #{sid} has {len(b)} paragraphs here but {len(a)} in {zh.path}:{zs[sid].line}"
                    + which_side(zh, en, sid),
                    "give each Chinese paragraph one English paragraph (paragraph links pair them by place)",
                    "warning" if sid in outdated else "error",
                )
            )
    return out


class ParagraphIdsExtension(Extension):
    """Added once to the Markdown extensions; `ids` is set before each page is converted
    ({section id: paragraph ids}; None: the page's paragraphs get none)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.ids: dict[str, list[str]] | None = None
        self.link_title = ""  # the paragraph link's tooltip, in the page's language; "" for no link

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_ParagraphIds(md, self), "site_paragraph_ids", PRIORITY)


class _ParagraphIds(Treeprocessor):
    def __init__(self, md, ext: ParagraphIdsExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if not self.ext.ids:
            return
        found: dict[str | None, list[etree.Element]] = {}
        section = "(top)"
        for child in root:
            if re.fullmatch(r"h[1-6]", child.tag):
                section = child.get("id")  # None for a heading without `{#id}`: no ids there, as in the Markdown
            elif child.tag == "p" and not _starts_with_raw_html(child):
                found.setdefault(section, []).append(child)
        for sid, paras in found.items():
            ids = self.ext.ids.get(sid)
            if ids and len(ids) == len(paras):  # else the Markdown and the tree disagree: no ids
                for p, pid in zip(paras, ids, strict=True):
                    if not p.get("id"):
                        p.set("id", pid)
                        if self.ext.link_title:
                            _add_link(p, pid, self.ext.link_title)


def _add_link(p: etree.Element, pid: str, title: str) -> None:
    """The paragraph's own link, at its end: shown on hover or focus, and a click copies the
    paragraph's address (language-switch.js). Its mark is drawn by CSS, so search and the
    text checks never see it."""
    etree.SubElement(p, "a", {"class": "p-link", "href": f"#{pid}", "title": title})


def _starts_with_raw_html(p: etree.Element) -> bool:
    """A paragraph that starts with raw HTML (Markdown left a placeholder of its stash), as a
    line starting with '<' is not a body paragraph to body_paragraphs."""
    return (p.text or "").lstrip().startswith("\x02")
