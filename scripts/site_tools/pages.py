"""Read a page's Markdown: its front matter and its sections by heading id.

The rules compare zh and en section by section, so this is the one place
that knows how a page is cut into sections."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from markupsafe import Markup

from .datafile import load_yaml_text
from .dataschema import SchemaError, validate, validator
from .findings import DataError, Finding
from .safety import decode
from .typography import curly_quotes
from .languages import PageId

HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
HEADING_ID = re.compile(r"#([A-Za-z0-9_-]+)")
FENCE = re.compile(r"^\s*(```|~~~)")
FRONT_RULE = "FRONT-MATTER"
FRONT_SCHEMA = "front-matter.schema.json"


@dataclass
class Section:
    id: str | None  # None before the first heading, or for a heading without an id
    level: int  # 0 before the first heading
    title: str
    line: int  # 1-based line of the heading (or first line of the body)
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text) of the body

    @property
    def text(self) -> str:
        return "\n".join(t for _, t in self.lines)


@dataclass
class Page:
    path: str  # relative to the repo root
    page: PageId
    meta: dict
    body_start: int  # 1-based line where the body begins
    sections: list[Section]
    findings: list[Finding]
    text: str = ""

    @property
    def headings(self) -> list[Section]:
        return [s for s in self.sections if s.level]


def split_front_matter(text: str) -> tuple[str | None, int, str]:
    """(front matter YAML or None, 1-based line where the body begins, body)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return "\n".join(lines[1:i]), i + 2, "\n".join(lines[i + 1 :])
    return None, 1, text


def read_page(path: Path, root: Path) -> Page | None:
    rel = path.relative_to(root).as_posix()
    pid = PageId.from_src(path.name)
    if pid is None:
        return None
    stem_dir = path.parent.relative_to(root / "docs").as_posix()
    if stem_dir != ".":
        pid = PageId(f"{stem_dir}/{pid.stem}", pid.lang)
    text, not_utf8 = decode(path.read_bytes(), rel)
    if not_utf8:  # nothing to read: the one finding says where the first bad byte is
        return Page(rel, pid, {}, 1, [Section(None, 0, "", 1)], [not_utf8], "")
    return parse_page(text, rel, pid)


def _yaml_fix(message: str) -> str:
    if "duplicate key" in message:
        return "keep one of the two lines"
    return "quote values that contain ':' or start with a special character"


def front_matter_findings(meta: dict, rel: str) -> list[Finding]:
    """The front matter against docs/data/front-matter.schema.json: known fields only,
    title and description plain text. Empty for a page whose front matter is fine."""
    return validate([meta], FRONT_SCHEMA, rel, FRONT_RULE, who="the front matter")[0]


def published_meta(meta: dict, lang: str) -> dict:
    """The front matter as the theme may see it. Fields the schema refuses are left out,
    so a wrong `hide: 5` or `template: ../..` never reaches a template (the build reports
    them). Title and description become escaped text (Markup), since the theme writes
    them unescaped into <meta content="…"> and the navigation; English ones get curly quotes."""
    try:
        v = validator(FRONT_SCHEMA)
    except SchemaError:
        return {}
    refused = {e.absolute_path[0] for e in v.iter_errors(meta) if e.absolute_path}
    out = {k: val for k, val in meta.items() if k in v.schema["properties"] and k not in refused}
    for key in ("title", "description"):
        if isinstance(out.get(key), str):
            text = out[key]
            out[key] = Markup(curly_quotes(html.escape(text, quote=False)) if lang == "en" else html.escape(text))
    return out


def parse_page(text: str, rel: str, pid: PageId) -> Page:
    findings: list[Finding] = []
    front, body_start, body = split_front_matter(text)
    meta: dict = {}
    if front is None:
        findings.append(
            Finding(
                rel,
                1,
                1,
                FRONT_RULE,
                "the page has no front matter",
                "start the file with '---', 'title: …', 'description: …', '---'",
            )
        )
    else:
        try:
            loaded = load_yaml_text(front, rel, FRONT_RULE, first_line=2)
        except DataError as e:  # one finding: the fields cannot be checked until it parses
            findings += [replace(f, fix=_yaml_fix(f.message)) for f in e.findings]
        else:
            if loaded is None or isinstance(loaded, dict):
                meta = loaded or {}
                findings += front_matter_findings(meta, rel)
            else:
                findings.append(
                    Finding(rel, 2, 1, FRONT_RULE, "front matter must be 'key: value' lines", "write e.g. 'title: …'")
                )
    sections = [Section(None, 0, "", body_start)]
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        lineno = body_start + offset
        if FENCE.match(line):
            in_fence = not in_fence
        if not in_fence:
            m = HEADING.match(line)
            if m:
                ids = HEADING_ID.findall(m["attrs"] or "")
                sections.append(Section(ids[0] if ids else None, len(m["hashes"]), m["text"], lineno))
                continue
        sections[-1].lines.append((lineno, line))
    return Page(rel, pid, meta, body_start, sections, findings, text)


def prose_lines(section: Section):
    """(line number, text) of a section's prose, for text rules: not fenced code,
    not directive lines (`::: chart export-control-timeline` is not prose)."""
    in_fence = False
    for lineno, line in section.lines:
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence and not line.startswith(":::"):
            yield lineno, line


# The front-matter fields readers see, written on one line.
SHOWN_FIELDS = ("title", "description", "card_figure", "card_caption")
_SHOWN_FIELD = re.compile(rf"^(?P<key>{'|'.join(SHOWN_FIELDS)}):[ \t]*(?P<q>[\"']?)(?P<value>.*?)(?P=q)[ \t]*(?:#.*)?$")


def shown_front_matter(page: Page, key: str | None = None) -> list[tuple[int, int, str]]:
    """(line, column offset, text) of the front-matter fields readers see (or of the one
    named `key`): the title (in the navigation, the tab, search results), the description
    (search engines, link previews) and the share card's figure and caption."""
    out = []
    for lineno, line in enumerate(page.text.split("\n")[1 : page.body_start - 1], 2):
        m = _SHOWN_FIELD.match(line)
        if m and m["value"] and key in (None, m["key"]):
            out.append((lineno, m.start("value"), m["value"]))
    return out


def body_text(page: Page) -> str:
    """The page outside front matter and fenced code, line numbers kept (other lines blank)."""
    lines = page.text.split("\n")
    out = [""] * len(lines)
    in_fence = False
    for i, line in enumerate(lines[page.body_start - 1 :], page.body_start - 1):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            out[i] = line
    return "\n".join(out)


def sections_by_id(page: "Page") -> dict[str, Section]:
    """A page's sections by heading id, each with the text up to the next heading that has an id
    (`(top)`: before the first); the unit the parity and translation rules compare."""
    out: dict[str, Section] = {}
    current = "(top)"
    for s in page.sections:
        if s.level and s.id:
            current = s.id
        out.setdefault(current, Section(current, s.level, s.title, s.line))
        out[current].lines.extend(s.lines)
    return out
