"""The glossary page's entries, generated in both languages from the glossary data:
a jump bar, a filter box (shown by glossary-filter.js) and one definition list per initial."""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata

from pypinyin import Style, lazy_pinyin

from .glossary import Glossary, Term
from .languages import HREFLANG, OTHER, PageId, strings_for
from .pages import Page, prose_lines

TEXT = strings_for("glossary")  # the strings live in languages.py
LETTERS = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
OTHER_GROUP = "#"  # names that start with a digit (8-K)
SCRIPT = "assets/javascripts/glossary-filter.js"


def _sortable(name: str) -> str:
    """Letters, digits and Han characters only: 《》, quotes, hyphens and the like do not sort."""
    return "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in name)


def sort_key(term: Term, lang: str) -> tuple:
    """Pinyin order for Chinese (Latin-script names sort by their letters), A–Z for English;
    punctuation is ignored, so 《金融时报》 sorts under J."""
    name = term.name[lang]
    text = _sortable(name)
    if lang == "zh":
        text = " ".join(lazy_pinyin(text, style=Style.NORMAL, errors="default"))
    return (" ".join(text.split()).casefold(), name)


def initial(term: Term, lang: str) -> str:
    """The jump-bar group of a term: its first sort letter, A–Z, or # for a digit."""
    first = sort_key(term, lang)[0][:1].upper()
    return first if first in LETTERS else OTHER_GROUP


def group_id(letter: str) -> str:
    return "letter-" + ("0-9" if letter == OTHER_GROUP else letter.lower())


def term_usage(glossary: Glossary, pages: list[Page], lang: str) -> dict[str, list[tuple[Page, str | None, str]]]:
    """For each term id, the (page, section id, section title) where `lang` pages use it, in site order."""
    usage: dict[str, list] = {}
    for page in pages:
        if page.page.lang != lang:
            continue
        for section in page.sections:
            text = "\n".join(t for _, t in prose_lines(section))
            for tid in {tid for _, _, tid in glossary.find(text, lang)}:
                usage.setdefault(tid, []).append((page, section.id, section.title or page.meta.get("title", "")))
    return usage


def _e(text: str) -> str:
    """Every data field is contributor text: escaped, never interpreted as HTML or Markdown."""
    return html.escape(str(text), quote=True)


_MD_INLINE = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]")


def _plain(title: str) -> str:
    """A section heading as plain text (link text kept, emphasis marks dropped)."""
    return _MD_INLINE.sub(lambda m: m[1] if m[1] is not None else "", title).strip()


def render_glossary(glossary: Glossary, pages: list[Page], lang: str, sources) -> str:
    """HTML for the `::: glossary` line of the glossary page."""
    t = TEXT[lang]
    here = posixpath.dirname(PageId("glossary", lang).url()) or "."
    usage = term_usage(glossary, pages, lang)
    groups: dict[str, list[Term]] = {}
    for term in sorted(glossary, key=lambda x: sort_key(x, lang)):
        groups.setdefault(initial(term, lang), []).append(term)
    letters = LETTERS + ([OTHER_GROUP] if OTHER_GROUP in groups else [])

    jump = []
    for letter in letters:
        label = "0–9" if letter == OTHER_GROUP else letter
        if letter in groups:
            jump.append(f'<a href="#{group_id(letter)}">{label}</a>')
        else:
            jump.append(f'<span aria-disabled="true">{label}</span>')
    count_one = t["count_one"]
    out = [
        f'<nav class="glossary-jump" aria-label="{_e(t["jump"])}">{"".join(jump)}</nav>',
        "",
        # Hidden until the script runs: without JavaScript the page is the complete list.
        f'<div class="glossary-filter" hidden data-count="{_e(t["count"])}" data-count-one="{_e(count_one)}">'
        f'<label for="glossary-filter-input">{_e(t["filter"])}</label>'
        f'<input id="glossary-filter-input" type="search" autocomplete="off" spellcheck="false" '
        f'placeholder="{_e(t["placeholder"])}" aria-describedby="glossary-filter-count">'
        f'<p id="glossary-filter-count" class="glossary-filter__count" aria-live="polite"></p>'
        f'<p class="glossary-filter__empty" hidden>{_e(t["empty"])}</p></div>',
        "",
    ]
    for letter in letters:
        if letter not in groups:
            continue
        label = "0–9" if letter == OTHER_GROUP else letter
        # A <div>, not a <section>: two dozen named regions would crowd a screen reader's landmarks.
        out.append(
            f'<div class="glossary-group">'
            f'<h2 id="{group_id(letter)}" class="glossary-group__letter">{label}</h2><dl class="glossary">'
        )
        out += [_entry(term, lang, usage.get(term.id, []), sources, here) for term in groups[letter]]
        out.append("</dl></div>")
    out.append("")
    # Inside the content, so that the theme's instant navigation runs it again
    # whenever it swaps this page in; no other page loads it.
    out.append(f'<script src="{posixpath.relpath(SCRIPT, here)}"></script>')
    out.append("")
    return "\n".join(out)


def _entry(term: Term, lang: str, used: list, sources, here: str) -> str:
    t = TEXT[lang]
    other = OTHER[lang]
    # Every form in both languages, aliases included, for the filter (it reads the definition from the entry).
    forms = " ".join((*term.forms(lang), *term.forms(other)))
    # The other language's name, unless it is the same (A100, CUDA).
    other_name = (
        f'<span class="glossary-entry__other" lang="{HREFLANG[other]}">{_e(term.name[other])}</span>'
        if term.name[other] != term.name[lang]
        else ""
    )
    dt = (
        f'<dt><dfn class="glossary-entry__name">{_e(term.name[lang])}</dfn>{other_name}'
        f'<span class="glossary-entry__kind">{_e(t["kinds"].get(term.kind, term.kind))}</span></dt>'
    )
    links, seen = [], set()
    for page, section_id, title in used:
        key = (page.page.stem, section_id)
        if key in seen:
            continue
        seen.add(key)
        href = posixpath.relpath(PageId(page.page.stem, lang).url(), here) + (f"#{section_id}" if section_id else "")
        links.append(f'<a href="{_e(href)}">{_e(_plain(title))}</a>')
    meta = [f"{_e(t['used'])}{t['sep'].join(links)}" if links else _e(t["unused"])]
    if term.source:
        meta.append(
            f'<span class="glossary-entry__ref">{_e(t["source"])}{_reference(term.source, sources, lang, here)}</span>'
        )
    dd = (
        f'<dd><p class="glossary-entry__def">{_e(term.definition[lang])}</p>'
        f'<p class="glossary-entry__meta">{" ".join(meta)}</p></dd>'
    )
    return f'<div class="glossary-entry" id="{_e(term.id)}" data-forms="{_e(forms)}">{dt}{dd}</div>'


def _reference(source: str, sources, lang: str, here: str) -> str:
    src = sources.get(source)
    if src is not None:  # the same numbered citation as [@id] in the pages
        href = posixpath.relpath(PageId("sources", lang).url(), here) + f"#{src.id}"
        tip = src.dated(lang)
        return f'<sup class="cite"><a href="{_e(href)}" title="{_e(tip)}">[{src.number}]</a></sup>'
    if source.startswith("https://"):
        return f'<a href="{_e(source)}">{_e(source)}</a>'
    return _e(source)
