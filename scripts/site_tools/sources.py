"""Numbered sources: one data file, cited from pages as [@id], listed on the sources page."""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import bilingual, load_yaml_list, rel
from .dataschema import validate
from .findings import DataError, Finding
from .ids import CITATION
from .languages import STRINGS, strings_for

SOURCES_FILE = Path("docs/data/sources.yml")
RULE = "DATA-SOURCES"
CITE_RULE = "SOURCE-CITE"
UNCITED_RULE = "SOURCE-UNCITED"
SCHEMA = "sources.schema.json"  # in docs/data: every field's type, syntax and meaning
_EMPHASIS = re.compile(r"\*([^*]+)\*")  # *Reuters*: a publication's name, set in italics in English


@dataclass(frozen=True)
class Source:
    number: int | None  # None: cited nowhere, so listed nowhere
    id: str
    outlet: dict  # plain text, for tooltips and chart captions
    title: dict  # the real headline, or the site's description when is_description
    date: str
    url: str | None
    note: dict | None
    is_description: bool = False
    no_public_link: bool = False
    line: int = 0
    outlet_marked: dict | None = None  # as written: English publication names in *…*, Chinese ones in 《》

    def outlet_text(self, lang: str) -> str:
        return self.outlet[lang]

    def dated(self, lang: str) -> str:
        """Outlet and date as a citation's tooltip or a claim's evidence gives them (plain text)."""
        return STRINGS[lang]["sources.dated"].format(outlet=self.outlet_text(lang), date=self.date)

    def dated_html(self, lang: str) -> str:
        """Outlet and date as a claim's evidence shows them: escaped, English publication names in <em>."""
        return STRINGS[lang]["sources.dated"].format(outlet=self.outlet_html(lang), date=_escape(self.date))

    def outlet_html(self, lang: str) -> str:
        return self.text_html(self.outlet_marked or self.outlet, lang)

    @staticmethod
    def text_html(field: dict, lang: str) -> str:
        """Escaped; English publication names (*Nature*) in <em>. Chinese sets no italics: its 《》 are in the text."""
        text = field[lang]
        return _inline_html(text) if lang == "en" else _escape(_EMPHASIS.sub(r"\1", text))


def load_sources(root: Path) -> dict[str, Source]:
    """Sources by id, in file order, numbered in that order; DataError lists every problem with its line.

    The schema checks each entry; this checks unique ids and the markup of outlets."""
    path = root / SOURCES_FILE
    name = rel(path, root)
    entries = load_yaml_list(path, root, RULE)
    findings, invalid = validate(entries, SCHEMA, name, RULE, noun="source")
    sources: dict[str, Source] = {}
    for i, entry in enumerate(entries):
        if i in invalid:
            continue
        sid = entry["id"]
        if sid in sources:
            findings.append(
                Finding(
                    name, entry.line_of("id"), 1, RULE, f"duplicate source id '{sid}'", "ids must be unique; rename one"
                )
            )
            continue
        outlet = bilingual(entry["outlet"])
        markup = _check_markup(outlet, entry, sid, name)
        if markup:
            findings += markup
            continue
        # A real headline is quoted; the site's own description of an item is not.
        is_description = "description" in entry
        title = bilingual(entry["description" if is_description else "title"])
        note = bilingual(entry["note"]) if "note" in entry else None
        plain = {lang: _EMPHASIS.sub(r"\1", text) for lang, text in outlet.items()}
        sources[sid] = Source(
            len(sources) + 1,
            sid,
            plain,
            title,
            entry["date"],
            entry.get("url"),
            note,
            is_description,
            entry.get("no_public_link") is True,
            entry.line,
            outlet,
        )
    if findings:
        raise DataError(findings)
    return sources


def _check_markup(outlet: dict, entry, sid: str, name: str) -> list[Finding]:
    out = []
    if "*" in outlet["zh"] and outlet["zh"] != outlet["en"]:
        out.append(
            Finding(
                name,
                entry.line_of("outlet"),
                1,
                RULE,
                f"source '{sid}' has '*' in its Chinese outlet",
                "in Chinese, put a publication's name in 《》 (《金融时报》), and nothing around agencies or companies",
            )
        )
    if outlet["en"].count("*") % 2:
        out.append(
            Finding(
                name,
                entry.line_of("outlet"),
                1,
                RULE,
                f"source '{sid}' outlet has an unpaired '*'",
                "put a publication's name between two asterisks: *Financial Times*",
            )
        )
    return out


def number_cited(sources: dict[str, Source], cited: set[str]) -> tuple[dict[str, Source], list[Finding]]:
    """Renumber so that only cited sources have a number, in file order; each uncited one is a finding."""
    out, findings, n = {}, [], 0
    for sid, s in sources.items():
        if sid in cited:
            n += 1
            out[sid] = dataclasses.replace(s, number=n)
        else:
            out[sid] = dataclasses.replace(s, number=None)
            findings.append(
                Finding(
                    SOURCES_FILE.as_posix(),
                    s.line,
                    1,
                    UNCITED_RULE,
                    f"source '{sid}' is cited nowhere, so the sources page leaves it out",
                    f"cite it with [@{sid}] where it supports a statement, or remove it",
                    "warning",
                )
            )
    return out, findings


def find_citations(markdown: str) -> list[tuple[int, int, str]]:
    """(line, col, id) of every [@id] in a page's Markdown."""
    out = []
    for lineno, line in enumerate(markdown.splitlines(), 1):
        for m in CITATION.finditer(line):
            out.append((lineno, m.start() + 1, m[1]))
    return out


def check_citations(markdown: str, sources: dict[str, Source], path: str, line_offset: int = 0) -> list[Finding]:
    return [
        Finding(
            path,
            line + line_offset,
            col,
            CITE_RULE,
            f"unknown source '[@{sid}]'",
            f"use an id from {SOURCES_FILE.as_posix()} or add the source there",
        )
        for line, col, sid in find_citations(markdown)
        if sid not in sources
    ]


def link_citations(markdown: str, sources: dict[str, Source], lang: str, sources_page: str = "sources.md") -> str:
    """Turn [@id] into a numbered link to the source's entry; unknown ids stay visible. The
    marker is set against the word before it ("chips[3]."), as superscripts are: a space there
    would let it wrap to a line of its own."""

    def repl(m: re.Match) -> str:
        src = sources.get(m[1])
        if src is None or src.number is None:
            return m[0]
        tip = src.dated(lang).replace('"', "'")
        return f'<sup class="cite">[[{src.number}]]({sources_page}#{src.id} "{tip}")</sup>'

    return _SPACED_CITATION.sub(repl, markdown)


# A citation with the spaces between it and the word before (never indentation or a line break).
_SPACED_CITATION = re.compile(r"(?:(?<=\S)[ \t]+)?" + CITATION.pattern)


TEXT = strings_for("sources")  # the strings live in languages.py


def render_sources(sources: dict[str, Source], lang: str) -> str:
    """HTML for the `::: sources` line of the sources page: the numbered list of cited sources."""
    t = TEXT[lang]
    lines = ['<ol class="sources">']
    for s in sources.values():
        if s.number is None:
            continue
        title = (t["describe"] if s.is_description else t["quote"]).format(s.text_html(s.title, lang))
        if s.url:
            where = f'<a class="sources__read" href="{_escape(s.url)}">{t["read"]}</a>'
        else:
            where = t["no_public_link"] if s.no_public_link else t["no_url"]
        parts = [
            f"{s.outlet_html(lang)}{t['sep']}{title}{t['sep']}"
            f'<span class="sources__date">{_escape(s.date)}</span>{t["end"]}',
            s.text_html(s.note, lang) if s.note else "",
            where + t["end"],
        ]
        # Chinese runs on after full-width punctuation; English needs a space.
        text = ("" if lang == "zh" else " ").join(p for p in parts if p)
        lines.append(f'<li id="{_escape(s.id)}" value="{s.number}">{text}</li>')
    lines += ["</ol>", ""]
    return "\n".join(lines)


def _inline_html(text: str) -> str:
    return _EMPHASIS.sub(r"<em>\1</em>", _escape(text))


def _escape(s: str) -> str:
    return html.escape(s, quote=True)
