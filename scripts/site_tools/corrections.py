"""The corrections log: dated entries from docs/data/corrections.yml, newest first,
on the corrections page of each language and in an Atom feed per language."""

from __future__ import annotations

import datetime
import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from .dataschema import validate
from .datafile import load_yaml_list, rel
from .languages import HREFLANG, strings_for
from .findings import DataError, Finding
from .gitdates import format_date
from .pages import Page

CORRECTIONS_FILE = Path("docs/data/corrections.yml")
RULE = "DATA-CORRECTIONS"
FEED = "corrections.xml"  # in each language root
ATOM = "http://www.w3.org/2005/Atom"

SCHEMA = "corrections.schema.json"  # in docs/data: every field's type, syntax and meaning
TEXT = strings_for("corrections")  # the strings live in languages.py


@dataclass(frozen=True)
class Correction:
    id: str
    date: datetime.date
    kind: str
    pages: tuple[str, ...]
    what: dict
    why: dict
    line: int


def load_corrections(root: Path) -> tuple[list[Correction], list[Finding]]:
    """The entries newest first (file order within a day), and the problems of the file."""
    path = root / CORRECTIONS_FILE
    name = rel(path, root)
    try:
        entries = load_yaml_list(path, root, RULE)
    except DataError as e:
        return [], e.findings
    findings, invalid = validate(entries, SCHEMA, name, RULE)
    out, seen = [], set()
    for i, entry in enumerate(entries):
        if i in invalid:
            continue  # reported by the schema
        try:
            c = Correction(
                entry["id"],
                datetime.date.fromisoformat(entry["date"]),
                entry["kind"],
                tuple(entry["pages"]),
                dict(entry["what"]),
                dict(entry["why"]),
                entry.line,
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # reported by the schema
        if c.id in seen:
            findings.append(
                Finding(
                    name,
                    entry.line_of("id"),
                    1,
                    RULE,
                    f"duplicate entry id '{c.id}'",
                    "ids must be unique: they are the entries' anchors and feed ids",
                )
            )
            continue
        seen.add(c.id)
        out.append(c)
    out.sort(key=lambda c: c.date, reverse=True)  # stable: file order within a day
    return out, sorted(set(findings))


def check_corrections(corrections: list[Correction], pages: list[Page]) -> list[Finding]:
    """Each entry's pages and sections exist in both languages."""
    known = {(p.page.stem, p.page.lang): {s.id for s in p.headings} for p in pages}
    out = []
    for c in corrections:
        for target in c.pages:
            stem, _, section = target.partition("#")
            for lang in ("zh", "en"):
                ids = known.get((stem, lang))
                if ids is None or (section and section not in ids):
                    out.append(
                        Finding(
                            CORRECTIONS_FILE.as_posix(),
                            c.line,
                            1,
                            RULE,
                            f"entry '{c.id}' names '{target}', which is not a page or section in {lang}",
                            "write page or page#section-id, e.g. impact-on-china#long-term-limits",
                        )
                    )
    return out


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def _where(c: Correction, pages: list[Page], lang: str) -> str:
    titles = {p.page.stem: p for p in pages if p.page.lang == lang}
    links = []
    for target in c.pages:
        stem, _, section = target.partition("#")
        page = titles.get(stem)
        label = str(page.meta.get("title", stem)) if page else stem
        if page and section:
            label += " › " + next((s.title for s in page.headings if s.id == section), section)
        links.append(f'<a href="{_e(stem)}.html{"#" + _e(section) if section else ""}">{_e(label)}</a>')
    return TEXT[lang]["sep"].join(links)


def render_corrections(corrections: list[Correction], pages: list[Page], lang: str) -> str:
    """HTML for the `::: corrections` line of the corrections page."""
    t = TEXT[lang]
    parts = [
        f'<p class="corrections-feed"><a href="{FEED}" type="application/atom+xml">{t["feed"]}</a></p>',
        '<ol class="corrections">',
    ]
    for c in corrections:
        parts.append(
            f'<li class="correction" id="{_e(c.id)}">'
            f'<p class="correction__head"><time datetime="{c.date.isoformat()}">{format_date(c.date, lang)}</time> '
            f'<span class="correction__kind correction__kind--{c.kind}">{TEXT[lang]["kind." + c.kind]}</span></p>'
            f'<p class="correction__what">{_e(c.what[lang])}</p>'
            f'<p class="correction__why">{t["why"]}{_e(c.why[lang])}</p>'
            f'<p class="correction__pages">{t["pages"]}{_where(c, pages, lang)}</p></li>'
        )
    parts += ["</ol>", ""]
    return "\n".join(parts)


def atom_feed(corrections: list[Correction], lang: str, lang_root_url: str, site_name: str) -> bytes:
    """The Atom feed (RFC 4287) of one language; lang_root_url ends in '/'."""
    ET.register_namespace("", ATOM)
    page_url = lang_root_url + "corrections.html"

    def el(parent, tag, text=None, **attrs):
        e = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            e.text = text
        return e

    def stamp(d: datetime.date) -> str:
        return f"{d.isoformat()}T00:00:00Z"

    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": HREFLANG[lang]})
    el(feed, "id", lang_root_url + FEED)
    el(feed, "title", f"{TEXT[lang]['title']} · {site_name}")
    el(feed, "updated", stamp(max((c.date for c in corrections), default=datetime.date(2025, 7, 22))))
    el(feed, "link", rel="self", type="application/atom+xml", href=lang_root_url + FEED)
    el(feed, "link", rel="alternate", type="text/html", href=page_url)
    el(el(feed, "author"), "name", site_name)
    for c in corrections:
        entry = el(feed, "entry")
        el(entry, "id", f"{page_url}#{c.id}")
        el(entry, "title", f"{TEXT[lang]['kind.' + c.kind]}{'：' if lang == 'zh' else ': '}{c.what[lang]}")
        el(entry, "updated", stamp(c.date))
        el(entry, "link", rel="alternate", type="text/html", href=f"{page_url}#{c.id}")
        el(entry, "content", f"<p>{_e(c.what[lang])}</p><p>{TEXT[lang]['why']}{_e(c.why[lang])}</p>", type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def write_feeds(
    site_dir: Path, corrections: list[Correction], site_url: str, site_names: dict[str, str], roots: dict[str, str]
) -> None:
    for lang, root in roots.items():
        out = site_dir / root / FEED
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(atom_feed(corrections, lang, site_url.rstrip("/") + "/" + root, site_names.get(lang, "")))
