"""Numbered sources: one data file, cited from pages as [@id], listed on the sources page."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from .datafile import bilingual, load_yaml_list, rel
from .findings import DataError, Finding

SOURCES_FILE = Path("docs/data/sources.yml")
RULE = "DATA-SOURCES"
CITE_RULE = "SOURCE-CITE"
CITATION = re.compile(r"\[@([a-z0-9][a-z0-9-]*)\]")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_URL = re.compile(r"^https://[^\s/$.?#][^\s]*$")


@dataclass(frozen=True)
class Source:
    number: int
    id: str
    outlet: dict
    title: dict
    date: str
    url: str | None
    note: dict | None


def load_sources(root: Path) -> dict[str, Source]:
    """Sources by id, in file order; DataError lists every problem with its line."""
    path = root / SOURCES_FILE
    name = rel(path, root)
    entries = load_yaml_list(path, root, RULE)
    findings: list[Finding] = []
    sources: dict[str, Source] = {}
    for entry in entries:
        sid = entry.get("id")
        if not isinstance(sid, str) or not _ID.match(sid):
            findings.append(Finding(name, entry.line, 1, RULE, f"source id {sid!r} is missing or not kebab-case",
                                    "give each source an id like 'reuters-2025-05-21'"))
            continue
        if sid in sources:
            findings.append(Finding(name, entry.line_of("id"), 1, RULE, f"duplicate source id '{sid}'",
                                    "ids must be unique; rename one"))
            continue
        unknown = set(entry) - {"id", "outlet", "title", "date", "url", "note"}
        for key in sorted(unknown):
            findings.append(Finding(name, entry.line_of(key), 1, RULE, f"unknown field '{key}' in source '{sid}'",
                                    "use only id, outlet, title, date, url, note"))
        outlet = bilingual(entry, "outlet", name, RULE, findings)
        title = bilingual(entry, "title", name, RULE, findings)
        note = bilingual(entry, "note", name, RULE, findings, required=False)
        date = entry.get("date")
        if not _valid_date(date):
            findings.append(Finding(name, entry.line_of("date"), 1, RULE,
                                    f"source '{sid}' has date {date!r}, not YYYY, YYYY-MM or YYYY-MM-DD",
                                    'write the date in quotes, e.g. date: "2025-05-21"'))
        url = entry.get("url")
        if url is not None and (not isinstance(url, str) or not _URL.match(url)):
            findings.append(Finding(name, entry.line_of("url"), 1, RULE, f"source '{sid}' url {url!r} is not an https URL",
                                    "use the https:// address of the copy that was read"))
        if outlet and title:
            sources[sid] = Source(len(sources) + 1, sid, outlet, title, str(date), url, note)
    if findings:
        raise DataError(findings)
    return sources


def _valid_date(value) -> bool:
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def find_citations(markdown: str) -> list[tuple[int, int, str]]:
    """(line, col, id) of every [@id] in a page's Markdown."""
    out = []
    for lineno, line in enumerate(markdown.splitlines(), 1):
        for m in CITATION.finditer(line):
            out.append((lineno, m.start() + 1, m[1]))
    return out


def check_citations(markdown: str, sources: dict[str, Source], path: str, line_offset: int = 0) -> list[Finding]:
    return [
        Finding(path, line + line_offset, col, CITE_RULE, f"unknown source '[@{sid}]'",
                f"use an id from {SOURCES_FILE.as_posix()} or add the source there")
        for line, col, sid in find_citations(markdown)
        if sid not in sources
    ]


def link_citations(markdown: str, sources: dict[str, Source], lang: str, sources_page: str = "sources.md") -> str:
    """Turn [@id] into a numbered link to the source's entry; unknown ids stay visible."""

    def repl(m: re.Match) -> str:
        src = sources.get(m[1])
        if src is None:
            return m[0]
        tip = f"{src.outlet[lang]}, {src.date}".replace('"', "'")
        return f'<sup class="cite">[[{src.number}]]({sources_page}#{src.id} "{tip}")</sup>'

    return CITATION.sub(repl, markdown)


TEXT = {
    "zh": {
        "read": "所读版本",
        "no_url": "无公开链接，据报道引用",
    },
    "en": {
        "read": "copy read",
        "no_url": "no public link; cited as reported",
    },
}


def render_sources(sources: dict[str, Source], lang: str) -> str:
    """HTML for the `::: sources` line of the sources page: the numbered list."""
    t = TEXT[lang]
    lines = ['<ol class="sources">']
    for s in sources.values():
        title = _escape(s.title[lang])
        outlet = _escape(s.outlet[lang])
        where = (f'<a href="{_escape(s.url)}">{t["read"]}</a>' if s.url else t["no_url"])
        note = f" {_escape(s.note[lang])}" if s.note else ""
        sep = "，" if lang == "zh" else ", "
        lines.append(f'<li id="{s.id}" value="{s.number}">{outlet}{sep}“{title}”{sep}{s.date}。{note} {where}</li>'
                     if lang == "zh" else
                     f'<li id="{s.id}" value="{s.number}">{outlet}{sep}“{title}”{sep}{s.date}.{note} {where}</li>')
    lines += ["</ol>", ""]
    return "\n".join(lines)


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
