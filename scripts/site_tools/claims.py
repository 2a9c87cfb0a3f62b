"""The claim ledger: every checkable claim of the article, its verdict and its evidence.

One data file (docs/data/claims.yml, schema docs/data/claims.schema.json) is
rendered three ways: the verdict badge in each context note (a `::: claim ID`
line directly above the note names its claims), the claims page, and that
page's schema.org ClaimReview JSON-LD. The badge comes from the data, so a
note and its ledger entry cannot disagree."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .dataschema import schema_findings
from .datafile import load_yaml_list, rel
from .languages import HREFLANG, strings_for
from .findings import DataError, Finding
from .pages import Page, body_text
from .sources import Source
from .typography import inside_quotes

CLAIMS_FILE = Path("docs/data/claims.yml")
SCHEMA = "claims.schema.json"  # in docs/data
RULE = "DATA-CLAIMS"


@dataclass(frozen=True)
class Verdict:
    zh: str
    en: str
    definition: dict  # {zh, en}: what the verdict means, shown on the about page
    rating: int | None  # ClaimReview ratingValue (5 best … 1 worst); None: not a judgement of truth


# The verdict vocabulary, defined once: the schema's enum, the badges, the
# filter, the about page and the JSON-LD all follow this order and these labels.
VERDICTS: dict[str, Verdict] = {
    "confirmed": Verdict(
        "属实",
        "Confirmed",
        {
            "zh": "公开来源支持文章的说法（措辞上的细微差别除外）。",
            "en": "Public sources support the claim as the article states it (minor wording aside).",
        },
        5,
    ),
    "partly-confirmed": Verdict(
        "部分属实",
        "Partly confirmed",
        {
            "zh": "说法的一部分有来源支持，另一部分（某个数字、最高级的说法或原话）没有。",
            "en": "Part of the claim is supported; another part (a figure, a superlative, the exact words) is not.",
        },
        4,
    ),
    "misframed": Verdict(
        "表述失当",
        "Misframed",
        {
            "zh": "所涉事实存在，但文章的表述（时间跨度、因果、把一件事说成两件）与来源不符。",
            "en": "The facts exist, but the article frames them in a way the sources do not support "
            "(time span, cause, one thing presented as two).",
        },
        2,
    ),
    "misattributed": Verdict(
        "出处有误",
        "Misattributed",
        {
            "zh": "说法或数字存在，但出自文章所说之外的另一方。",
            "en": "The statement or figure exists, but it comes from someone other than the article says.",
        },
        2,
    ),
    "disputed": Verdict(
        "存在争议",
        "Disputed",
        {
            "zh": "公开来源与这一说法相悖，或对其提出了实质性质疑。",
            "en": "Public sources contradict the claim or seriously question it.",
        },
        3,
    ),
    "no-source-found": Verdict(
        "未找到来源",
        "No source found",
        {
            "zh": "本站未找到支持这一说法的公开来源；这并不意味着它不实。",
            "en": "This site found no public source for the claim; that does not mean it is false.",
        },
        None,
    ),
    "unverifiable": Verdict(
        "无法核实",
        "Unverifiable",
        {
            "zh": "这一说法无法用公开信息核实，例如涉及未公开的内部决定。",
            "en": "The claim cannot be checked against public information, e.g. an undisclosed internal decision.",
        },
        None,
    ),
}
# Directives of the ledger's pages (and the marker above a note), for the DIRECTIVE rule.
LEDGER_DIRECTIVES = {"claim", "claims", "verdicts", "corrections"}
NEEDS_EVIDENCE = {v for v, d in VERDICTS.items() if d.rating is not None}
BEST, WORST = 5, 1

MARKER = re.compile(r"^::: *claim\b(?P<ids>[^\n]*)$", re.M)
NOTE = re.compile(r"^(?:!!!|\?\?\?\+?) *context\b")


@dataclass(frozen=True)
class Claim:
    id: str
    title: dict
    claim: dict
    by: dict  # {zh, en, type}
    verdict: str
    evidence: tuple[str, ...]
    explanation: dict
    page: str
    section: str
    reviewed: str
    line: int
    key_lines: dict


def load_claims(root: Path) -> tuple[dict[str, Claim], list[Finding]]:
    """The claims by id, in file order, and the problems of the file (each at its line)."""
    path = root / CLAIMS_FILE
    name = rel(path, root)
    try:
        entries = load_yaml_list(path, root, RULE)
    except DataError as e:
        return {}, e.findings
    findings = schema_findings(entries, SCHEMA, name, RULE, {"verdict": "CLAIM-VERDICT"}, noun="claim")
    claims: dict[str, Claim] = {}
    for entry in entries:
        cid = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(cid, str):
            continue
        if cid in claims:
            findings.append(
                Finding(
                    name, entry.line_of("id"), 1, RULE, f"duplicate claim id '{cid}'", "ids must be unique; rename one"
                )
            )
            continue
        try:
            page, section = entry["where"].split("#", 1)
            claim = Claim(
                cid,
                dict(entry["title"]),
                dict(entry["claim"]),
                dict(entry["by"]),
                entry["verdict"],
                tuple(entry["evidence"]),
                dict(entry["explanation"]),
                page,
                section,
                entry["reviewed"],
                entry.line,
                dict(entry.key_lines),
            )
        except (KeyError, TypeError, AttributeError, ValueError):
            continue  # reported by the schema
        if claim.verdict in VERDICTS:  # otherwise reported as CLAIM-VERDICT
            claims[cid] = claim
    return claims, findings


def find_markers(page: Page) -> list[tuple[int, list[str], bool]]:
    """(line, claim ids, directly above a context note?) of each `::: claim` line of a page."""
    lines = body_text(page).split("\n")
    out = []
    for i, line in enumerate(lines):
        m = MARKER.match(line)
        if m:
            above_note = i + 1 < len(lines) and bool(NOTE.match(lines[i + 1]))
            out.append((i + 1, m["ids"].split(), above_note))
    return out


def _section_of(page: Page, line: int) -> str | None:
    current = None
    for s in page.sections:
        if s.line <= line and s.id:
            current = s.id
    return current


def check_claims(claims: dict[str, Claim], pages: list[Page], sources: dict | None) -> list[Finding]:
    """The ledger against the pages and the sources: one implementation for the build script and the hooks.
    `sources` None: sources.yml did not load, and evidence ids are not checked against it."""
    name = CLAIMS_FILE.as_posix()
    out: list[Finding] = []
    by_page = {(p.page.stem, p.page.lang): p for p in pages}
    named: dict[tuple[str, str], set[str]] = {}  # (stem, lang) → claim ids with a note there
    per_section: dict[tuple[str, str], list[tuple[str | None, str]]] = {}
    for page in pages:
        key = (page.page.stem, page.page.lang)
        named.setdefault(key, set())
        markers = find_markers(page)
        marked_notes = {line + 1 for line, _, above in markers if above}
        for line, ids, above in markers:
            if not ids:
                out.append(
                    Finding(
                        page.path,
                        line,
                        1,
                        "CLAIM-MARKER",
                        "'::: claim' names no claim",
                        "write '::: claim ID' with an id from " + name,
                    )
                )
            if not above:
                out.append(
                    Finding(
                        page.path,
                        line,
                        1,
                        "CLAIM-MARKER",
                        "'::: claim' must stand on the line directly above a '!!! context' note",
                        "move it to the line above the note it belongs to",
                    )
                )
            for cid in ids:
                if cid not in claims:
                    text = page.text.split("\n")[line - 1]
                    col = re.search(rf"(?<=\s){re.escape(cid)}(?=\s|$)", text).start() + 1
                    out.append(
                        Finding(
                            page.path,
                            line,
                            col,
                            "CLAIM-UNKNOWN",
                            f"no claim '{cid}' in {name}",
                            "use an id from the ledger, or add the claim there",
                        )
                    )
                elif above:
                    named[key].add(cid)
                    per_section.setdefault(key, []).append((_section_of(page, line), cid))
        for i, text in enumerate(body_text(page).split("\n"), 1):
            if NOTE.match(text) and i not in marked_notes:
                out.append(
                    Finding(
                        page.path,
                        i,
                        1,
                        "CLAIM-MARKER",
                        "this context note names no claim",
                        "add a line '::: claim ID' directly above it (ids in " + name + ")",
                    )
                )
    for claim in claims.values():
        where_line = claim.key_lines.get("where", claim.line)
        for lang in ("zh", "en"):
            page = by_page.get((claim.page, lang))
            if page is None:
                out.append(
                    Finding(
                        name,
                        where_line,
                        1,
                        "CLAIM-WHERE",
                        f"claim '{claim.id}' is on page '{claim.page}', which has no {lang} file",
                        "write the page's name without language suffix, e.g. impact-on-china#…",
                    )
                )
                continue
            if claim.section not in {s.id for s in page.headings}:
                out.append(
                    Finding(
                        name,
                        where_line,
                        1,
                        "CLAIM-WHERE",
                        f"claim '{claim.id}': {page.path} has no section #{claim.section}",
                        "use the heading id of the section where the claim appears",
                    )
                )
            if claim.verdict != "confirmed" and claim.id not in named.get((claim.page, lang), set()):
                out.append(
                    Finding(
                        name,
                        claim.line,
                        1,
                        "CLAIM-NOTE",
                        f"claim '{claim.id}' is {claim.verdict} but no context note on {page.path} names it",
                        f"add '::: claim {claim.id}' above the context note on that page "
                        "that discusses it, or write one",
                    )
                )
        ev_line = claim.key_lines.get("evidence", claim.line)
        for sid in claim.evidence:
            if sources is not None and sid not in sources:
                out.append(
                    Finding(
                        name,
                        ev_line,
                        1,
                        "CLAIM-EVIDENCE",
                        f"claim '{claim.id}' cites unknown source '{sid}'",
                        "use an id from docs/data/sources.yml or add the source there",
                    )
                )
        if not claim.evidence and claim.verdict in NEEDS_EVIDENCE:
            out.append(
                Finding(
                    name,
                    ev_line,
                    1,
                    "CLAIM-EVIDENCE",
                    f"claim '{claim.id}' is {claim.verdict} but cites no evidence",
                    "list the source ids that support the verdict",
                )
            )
    for (stem, lang), marks in per_section.items():
        if lang != "zh" or (stem, "en") not in per_section:
            continue
        if sorted(marks, key=str) != sorted(per_section[(stem, "en")], key=str):
            page = by_page[(stem, "en")]
            out.append(
                Finding(
                    page.path,
                    1,
                    1,
                    "CLAIM-PARITY",
                    f"the context notes name different claims than docs/{stem}.zh.md, section by section",
                    "give each note the same '::: claim' line in both languages",
                )
            )
    return out


# --- Rendering --------------------------------------------------------------------------------------------------

TEXT = strings_for("claims")  # the strings live in languages.py


def _e(s: str) -> str:
    return html.escape(s, quote=True)


def badge(verdict: str, lang: str, href: str | None = None) -> str:
    label = _e(getattr(VERDICTS[verdict], lang))
    cls = f"claim-badge claim-badge--{verdict}"
    return f'<a class="{cls}" href="{_e(href)}">{label}</a>' if href else f'<span class="{cls}">{label}</span>'


def expand_markers(markdown: str, claims: dict[str, Claim], lang: str, claims_href: str = "claims.html") -> str:
    """Replace each `::: claim` line by a verdict line inside the context note below it."""
    lines = markdown.split("\n")
    out: list[str] = []
    pending: list[str] | None = None
    t = TEXT[lang]
    for line in lines:
        m = MARKER.match(line)
        if m:
            pending = [c for c in m["ids"].split() if c in claims]
            continue
        out.append(line)
        if pending is not None:
            if NOTE.match(line) and pending:
                parts = []
                for cid in pending:
                    c = claims[cid]
                    b = badge(c.verdict, lang, f"{claims_href}#{cid}")
                    parts.append(b if len(pending) == 1 else f"{Source.text_html(c.title, lang)}{t['colon']}{b}")
                # Several claims in one note: each on a line of its own, not run together.
                joined = parts[0] if len(parts) == 1 else "".join(f"<br>{p}" for p in parts)
                out.append(f'    <span class="claim-verdict">{t["verdict"]}{joined}</span>')
                out.append("")
            pending = None
    return "\n".join(out)


def render_claims(
    claims: dict[str, Claim], sources: dict, pages: list[Page], lang: str, assets: str = "assets/"
) -> str:
    """HTML for the `::: claims` line of the claims page: the filter and every claim.
    The filter's script comes with it (from `assets`, relative to the page), so other pages do not load it."""
    t = TEXT[lang]
    titles = {(p.page.stem, p.page.lang): p for p in pages}
    counts = {v: sum(c.verdict == v for c in claims.values()) for v in VERDICTS}
    buttons = [
        f'<button type="button" class="claims-filter__button" data-verdict="all" aria-pressed="true">'
        f'{t["all"]} <span class="claims-filter__count">{len(claims)}</span></button>'
    ]
    buttons += [
        f'<button type="button" class="claims-filter__button" data-verdict="{v}" aria-pressed="false">'
        f'{badge(v, lang)} <span class="claims-filter__count">{n}</span></button>'
        for v, n in counts.items()
        if n
    ]
    parts = [
        f'<div class="claims-filter" role="group" aria-label="{t["filter"]}" hidden>{"".join(buttons)}</div>',
        '<p class="claims-status" role="status"></p>',
        '<ol class="claims">',
    ]
    for c in claims.values():
        page = titles.get((c.page, lang))
        page_title = _e(str(page.meta.get("title", c.page))) if page else _e(c.page)
        section = next((s.title for s in page.headings if s.id == c.section), "") if page else ""
        where = f"{page_title} › {_e(section)}" if section else page_title
        evidence = (
            t["sep"].join(
                f'<a href="sources.html#{_e(s)}">[{sources[s].number}]</a> {sources[s].dated_html(lang)}'
                for s in c.evidence
                if s in sources
            )
            or t["no_evidence"]
        )
        original = (
            f'<p class="claim__original">{t["original"]}<span lang="{HREFLANG["zh"]}">'
            f"{_e(t['quote'].format(c.claim['zh']))}</span></p>"
            if lang == "en"
            else ""
        )
        parts.append(
            f'<li class="claim" id="{_e(c.id)}" data-verdict="{c.verdict}">'
            f'<p class="claim__title">{Source.text_html(c.title, lang)}</p>'
            f'<blockquote class="claim__text"><p>{_e(t["quote"].format(inside_quotes(c.claim[lang])))}</p></blockquote>'
            f"{original}"
            f'<p class="claim__by">{t["by"]}{_e(c.by[lang])}</p>'
            f'<p class="claim__verdict">{t["verdict"]}{badge(c.verdict, lang)}</p>'
            f'<p class="claim__explanation">{Source.text_html(c.explanation, lang)}</p>'
            f'<p class="claim__evidence">{t["evidence"]}{evidence}</p>'
            f'<p class="claim__where">{t["seen"]}<a href="{_e(c.page)}.html#{_e(c.section)}">{where}</a></p>'
            "</li>"
        )
    parts += ["</ol>", f'<script src="{_e(assets)}javascripts/claims-filter.js"></script>', ""]
    return "\n".join(parts)


def render_verdicts(lang: str) -> str:
    """HTML for the `::: verdicts` line of the about page: the vocabulary and what each word means."""
    rows = [f"<dt>{badge(v, lang)}</dt><dd>{_e(d.definition[lang])}</dd>" for v, d in VERDICTS.items()]
    return '<dl class="verdicts">' + "".join(rows) + "</dl>\n"


def claim_review_jsonld(
    claims: dict[str, Claim], article, lang: str, page_url: str, site_name: str, site_url: str
) -> str:
    """schema.org ClaimReview, one per claim, as text safe inside <script type="application/ld+json">.

    `article`: the article's entry in sources.yml (mkdocs.yml extra.cover.article_source), or None."""
    appearance = (
        {
            "@type": "CreativeWork",
            "url": article.url,
            "datePublished": article.date,
            "headline": article.title["zh"],
            "inLanguage": HREFLANG["zh"],
            "publisher": {"@type": "Organization", "name": article.outlet[lang]},
        }
        if article
        else None
    )
    items = []
    for c in claims.values():
        v = VERDICTS[c.verdict]
        rating = {"@type": "Rating", "alternateName": getattr(v, lang)}
        if v.rating is not None:
            rating.update(ratingValue=v.rating, bestRating=BEST, worstRating=WORST)
        claim = {"@type": "Claim", "author": {"@type": c.by["type"], "name": c.by[lang]}}
        if appearance:
            claim.update(appearance=appearance, firstAppearance=appearance, datePublished=article.date)
        items.append(
            {
                "@type": "ClaimReview",
                "url": f"{page_url}#{c.id}",
                "claimReviewed": c.claim[lang],
                "datePublished": c.reviewed,
                "inLanguage": HREFLANG[lang],
                "author": {"@type": "Organization", "name": site_name, "url": site_url},
                "reviewRating": rating,
                "itemReviewed": claim,
            }
        )
    return script_json({"@context": "https://schema.org", "@graph": items})


def script_json(data) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text
