"""Translation parity: the zh and en file of a page have the same pages, heading
ids, context notes, charts, citations, glossary terms and figures, section by section."""

from __future__ import annotations

import re
from collections import Counter

from .figures import figures
from .findings import Finding
from .glossary import Glossary
from .languages import NAMES_IN_ENGLISH, OTHER
from .pages import Page, Section, prose_lines, sections_by_id, shown_front_matter
from .paragraphs import check_paragraph_parity, paragraph_runs
from .sources import CITATION
from .translation import FIELD, outdated_sections

_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)")
_CHART = re.compile(r"^::: *chart +(\S+)", re.M)


def pairs(pages: list[Page]) -> list[tuple[Page, Page]]:
    by = {(p.page.stem, p.page.lang): p for p in pages}
    return [(by[(stem, "zh")], by[(stem, "en")]) for stem, lang in sorted(by) if lang == "zh" and (stem, "en") in by]


def translation_pending(page: Page) -> bool:
    """`translation: pending` in a Chinese page's front matter: publish it before its English
    page exists (readers of /en/ see the Chinese page with a "not yet translated" notice)."""
    return page.page.lang == "zh" and page.meta.get("translation") == "pending"


def check_page_pairs(pages: list[Page]) -> list[Finding]:
    """Every page exists in both languages, unless its translation is declared pending."""
    have = {(p.page.stem, p.page.lang): p for p in pages}
    out = []
    for (stem, _), page in sorted(have.items()):
        other = page.page.counterpart()
        if (stem, other.lang) not in have and not translation_pending(page):
            missing = f"docs/{other.src()}"
            fix = f"add {missing}, the {NAMES_IN_ENGLISH[other.lang]} translation of this page"
            if page.page.lang == "zh":
                fix += " (or publish it untranslated for now with 'translation: pending' in its front matter)"
            out.append(
                Finding(page.path, 1, 1, "PARITY-PAGE", f"{page.path} has no counterpart: {missing} is missing", fix)
            )
    return out


def check_heading_ids(page: Page) -> list[Finding]:
    out = []
    for s in page.headings:
        if s.id is None:
            out.append(
                Finding(
                    page.path,
                    s.line,
                    1,
                    "HEADING-ID",
                    f"heading '{s.title}' has no id",
                    "end the heading with an English kebab-case id, e.g. {#market-logic}",
                )
            )
        elif not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s.id):
            out.append(
                Finding(
                    page.path,
                    s.line,
                    1,
                    "HEADING-ID",
                    f"heading id '{s.id}' is not English kebab-case",
                    "use lower-case English words joined by '-', the same in both languages",
                )
            )
    return out


def check_heading_order(zh: Page, en: Page) -> list[Finding]:
    """The first place where the languages' heading ids differ, reported in the file that
    changed: the English, whose ids follow the original, unless its translation record shows
    that the Chinese id is the new one."""
    a = [s for s in zh.headings if s.id]
    b = [s for s in en.headings if s.id]
    ids_a, ids_b = {s.id for s in a}, {s.id for s in b}
    recorded = en.meta.get(FIELD) if isinstance(en.meta.get(FIELD), dict) else {}
    for i in range(max(len(a), len(b))):
        sa = a[i] if i < len(a) else None
        sb = b[i] if i < len(b) else None
        if sa is not None and sb is not None and sa.id == sb.id:
            continue
        if sa is not None and sa.id not in ids_b and (sb is None or sb.id in ids_a):
            # A section the Chinese has and the English lacks: new in the original.
            before = f", before #{sb.id} ({en.path}:{sb.line})" if sb else f", at the end of {en.path}"
            message, here, there = f"heading #{sa.id} has no counterpart in {en.path}", zh, sa
            fix = f"translate this section into {en.path} with the same id, {{#{sa.id}}}{before}"
        elif sb is not None and sb.id not in ids_a and (sa is None or sa.id in ids_b):
            # A section only the English has: the translation follows the original's sections.
            message, here, there = f"heading #{sb.id} has no counterpart in {zh.path}", en, sb
            fix = f"remove this section, or add it to the Chinese original {zh.path} first, with the same id"
        else:
            if sa is not None and sb is not None:
                chinese_renamed = sb.id in recorded and sa.id not in recorded
                here, there, other_page, other = (zh, sa, en, sb) if chinese_renamed else (en, sb, zh, sa)
            else:  # one language has more headings: reported at the extra one
                here, there, other_page, other = (zh, sa, en, None) if sa is not None else (en, sb, zh, None)
            where = f"{other_page.path}:{other.line} is #{other.id}" if other else f"{other_page.path} is missing"
            message = f"heading #{there.id} is number {i + 1} here, but number {i + 1} in {where}"
            fix = (
                f"use the Chinese page's id: {{#{other.id}}} (a section has the same id in both languages)"
                if here is en and other
                else "give both languages the same heading ids in the same order"
            )
        return [
            Finding(
                here.path,
                there.line,
                1,
                "PARITY-HEADINGS",
                message,
                fix,
            )
        ]
    return []


def _compare(
    rule: str, what: str, zh: Page, en: Page, sid: str, za: Counter, ea: Counter, zl: int, el: int, fix: str
) -> list[Finding]:
    out = []
    for key in sorted(set(za) | set(ea)):
        if za[key] != ea[key]:
            more, page, line, other, other_line = (zh, za, zl, en, el) if za[key] > ea[key] else (en, ea, el, zh, zl)
            out.append(
                Finding(
                    more.path,
                    line,
                    1,
                    rule,
                    f"section #{sid} has {page[key]} × {what} '{key}' here but {min(za[key], ea[key])} in "
                    f"{other.path}:{other_line}{which_side(zh, en, sid)}",
                    fix,
                )
            )
    return out


def _blocks(section: Section) -> tuple[Counter, Counter, Counter, int]:
    text = "\n".join(t for _, t in prose_lines(section))
    notes = Counter(m[1] for line in text.splitlines() for m in [_ADMONITION.match(line)] if m)
    cites = Counter(CITATION.findall(text))
    charts = Counter(_CHART.findall("\n".join(t for _, t in section.lines)))
    return notes, cites, charts, section.line


def check_section_blocks(zh: Page, en: Page) -> list[Finding]:
    """The same admonitions (context notes, key points), citations and charts per section."""
    zs, es = sections_by_id(zh), sections_by_id(en)
    out = []
    for sid in [s for s in zs if s in es]:
        zn, zc, zch, zl = _blocks(zs[sid])
        en_, ec, ech, el = _blocks(es[sid])
        out += _compare(
            "PARITY-NOTES",
            "admonition",
            zh,
            en,
            sid,
            zn,
            en_,
            zl,
            el,
            "both languages need the same context notes and boxes in each section",
        )
        out += _compare(
            "PARITY-CITES", "citation", zh, en, sid, zc, ec, zl, el, "cite the same sources in both languages"
        )
        out += _compare(
            "PARITY-CHARTS",
            "chart",
            zh,
            en,
            sid,
            zch,
            ech,
            zl,
            el,
            "embed the same charts in both languages (the ::: chart line is identical)",
        )
    return out


def which_side(zh: Page, en: Page, sid: str) -> str:
    """What the English page's translation record tells about a section that differs: whether
    the Chinese changed since it was translated, or the English was edited since. Empty when
    the section was never recorded."""
    recorded = en.meta.get(FIELD)
    if not isinstance(recorded, dict) or sid not in recorded:
        return ""
    if sid in outdated_sections(zh, en):
        return f" (the Chinese of #{sid} changed after it was translated: bring {en.path} up to date)"
    return f" (the Chinese of #{sid} is as it was translated: the difference came in {en.path})"


def _one_sided(zh: Page, en: Page, extract, by_paragraph: bool = False):
    """Things found in a section of one language but not in the same section of the other.

    `extract(line, lang)` yields (key, shown, column) per occurrence; yields
    (page, other page, section id, key, shown, line, column, other line, paragraph) for the
    first occurrence of each one-sided key, with the line of the other page's section.

    `by_paragraph`: where both languages' paragraphs pair (as many in each), a thing in a body
    paragraph must be in the paired paragraph, and the other line is that paragraph's first;
    `paragraph` is then its number (1, 2, …), else None (the rest of the section)."""
    zs, es = sections_by_id(zh), sections_by_id(en)
    for sid in [s for s in zs if s in es]:
        runs = {lang: paragraph_runs(sec) for lang, sec in (("zh", zs[sid]), ("en", es[sid]))}
        paired = by_paragraph and len(runs["zh"]) == len(runs["en"])
        unit_of = {
            lang: {n: k for k, run in enumerate(r) for n, _ in run} if paired else {} for lang, r in runs.items()
        }
        found: dict[str, dict] = {}
        for lang, sec in (("zh", zs[sid]), ("en", es[sid])):
            found[lang] = {}
            for lineno, line in prose_lines(sec):
                unit = unit_of[lang].get(lineno)
                for key, shown, col in extract(line, lang):
                    found[lang].setdefault((unit, key), (shown, lineno, col))
        for lang, page, other, other_sec in (("zh", zh, en, es[sid]), ("en", en, zh, zs[sid])):
            olang = OTHER[lang]
            for (unit, key), (shown, lineno, col) in found[lang].items():
                if (unit, key) not in found[olang]:
                    other_line = runs[olang][unit][0][0] if unit is not None else other_sec.line
                    number = unit + 1 if unit is not None else None
                    yield page, other, sid, key, shown, lineno, col, other_line, number


def check_figures(zh: Page, en: Page) -> list[Finding]:
    """A figure of a paragraph is in the paired paragraph of the other language (paragraphs pair
    by place, paragraphs.py); a figure elsewhere in a section (a list, a box) is in that section."""

    def extract(line, lang):
        return ((value, raw, offset + 1) for value, raw, offset in figures(line))

    return [
        Finding(
            page.path,
            lineno,
            col,
            "FIGURE-PARITY",
            f"figure '{raw}' (= {value}) in "
            + (
                f"paragraph {number} of section #{sid} has no counterpart in its paragraph at "
                if number
                else f"section #{sid} has no counterpart in "
            )
            + f"{other.path}:{other_line}"
            + which_side(zh, en, sid),
            "write the same figure in both languages (45 亿美元 = US$4.5 billion, 1.2 万美元 = US$12,000, 10 倍 = 10×)",
        )
        for page, other, sid, value, raw, lineno, col, other_line, number in _one_sided(
            zh, en, extract, by_paragraph=True
        )
    ]


def check_card_figure(zh: Page, en: Page) -> list[Finding]:
    """The share card's figure (front matter `card_figure`) is one figure in two languages."""
    fields = {p.page.lang: shown_front_matter(p, "card_figure") for p in (zh, en)}
    if not fields["zh"] and not fields["en"]:
        return []
    values = {lang: sorted(v for v, _, _ in figures(f[0][2])) if f else [] for lang, f in fields.items()}
    if values["zh"] == values["en"]:
        return []
    page, other = (en, zh) if fields["en"] else (zh, en)
    line, col, text = fields[page.page.lang][0]
    where = f"{other.path}:{fields[other.page.lang][0][0]}" if fields[other.page.lang] else f"{other.path} (none there)"
    return [
        Finding(
            page.path,
            line,
            col + 1,
            "FIGURE-PARITY",
            f"the share card's figure '{text}' is not the figure of {where}",
            "write the same figure in both languages' card_figure (45 亿美元 = US$4.5 billion), or in neither",
        )
    ]


def check_term_parity(zh: Page, en: Page, glossary: Glossary) -> list[Finding]:
    def extract(line, lang):
        return ((tid, glossary.terms[tid].name[lang], start + 1) for start, _, tid in glossary.find(line, lang))

    out = []
    for page, other, sid, tid, name, lineno, col, other_line, _ in _one_sided(zh, en, extract):
        forms = " / ".join(glossary.terms[tid].forms(other.page.lang))
        out.append(
            Finding(
                page.path,
                lineno,
                col,
                "TERM-PARITY",
                f"'{name}' is used in section #{sid} but {other.path}:{other_line} does not name it there"
                + which_side(zh, en, sid),
                f"use {forms} in that section of {other.path} (or drop the term here)",
            )
        )
    return out


def check_parity(pages: list[Page], glossary: Glossary) -> list[Finding]:
    out = check_page_pairs(pages)
    for page in pages:
        out += check_heading_ids(page)
    for zh, en in pairs(pages):
        out += check_heading_order(zh, en)
        out += check_section_blocks(zh, en)
        out += check_figures(zh, en)
        out += check_card_figure(zh, en)
        out += check_term_parity(zh, en, glossary)
        out += check_paragraph_parity(zh, en)
    return out
