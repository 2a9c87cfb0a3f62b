"""The source rules: run on docs/ and its data, before and independently of MkDocs.

Called by the build script and by the MkDocs hook (as warnings in `mkdocs serve`)."""

from __future__ import annotations


from pathlib import Path

from .chinese import check_copywriting, check_rejected_variants, check_traditional, fix_copywriting
from .charts import MAX_BYTES, REGISTRY, VARIANTS, cjk_font_available, render_svg
from .directives import check_directives, find_directives
from .findings import Finding
from .safety import check_page_html, symlink_findings
from .scaffold import check_scaffold
from .pages import body_text
from .parity import check_parity, pairs
from .translation import check_drift
from .site import SiteData, load_site
from .sources import check_citations
from .claims import LEDGER_DIRECTIVES, check_claims
from .corrections import check_corrections

DIRECTIVES = {"glossary", "sources", "chart", "cover", "reading-path"}


def check_untrusted(site: SiteData) -> list[Finding]:
    """What a pull request may not publish: symbolic links, and page HTML that runs
    script, restyles the site or links to javascript: (safety.py)."""
    out = symlink_findings(site.root)
    for page in site.pages:
        start = page.body_start
        lines = list(enumerate(page.text.split("\n")[start - 1 :], start))
        out += check_page_html(page.path, lines)
    return out


def check_page_references(site: SiteData) -> list[Finding]:
    """Citations, directives and charts named on a page exist."""
    # When the chart registry itself is broken, it is reported once, not per page.
    charts_loaded = not any(f.rule == "DATA-CHART" for f in site.findings) and not {"charts", "sources"} & site.unloaded
    out = []
    for page in site.pages:
        text = body_text(page)
        if "sources" not in site.unloaded:
            out += check_citations(text, site.sources, page.path)
        out += check_directives(text, DIRECTIVES | LEDGER_DIRECTIVES, page.path)
        if charts_loaded:
            out += [
                Finding(
                    page.path,
                    line,
                    1,
                    "CHART-UNKNOWN",
                    f"no chart '{arg}' in {REGISTRY.as_posix()}",
                    f"use one of: {', '.join(sorted(site.charts))}",
                )
                for line, name, arg in find_directives(text)
                if name == "chart" and arg not in site.charts
            ]
    return out


def check_charts(site: SiteData) -> list[Finding]:
    """Every registered chart is embedded, and stays within the size budget."""
    used = {arg for p in site.pages for _, name, arg in find_directives(p.text) if name == "chart"}
    out = []
    for cid, chart in site.charts.items():
        if cid not in used:
            out.append(
                Finding(
                    REGISTRY.as_posix(),
                    0,
                    0,
                    "CHART-UNUSED",
                    f"chart '{cid}' is embedded on no page",
                    f"add '::: chart {cid}' to a page pair, or remove the chart",
                    "warning",
                )
            )
        for lang in ("zh", "en"):
            for variant in VARIANTS:
                size = len(render_svg(chart, lang, variant).encode("utf-8"))
                if size > MAX_BYTES:
                    out.append(
                        Finding(
                            f"docs/{chart.data}",
                            1,
                            1,
                            "CHART-SIZE",
                            f"the {lang} {variant} SVG of '{cid}' is {size:,} bytes, over the "
                            f"{MAX_BYTES:,}-byte budget",
                            "show fewer rows or shorter labels; the full data stays in the table",
                        )
                    )
    if site.charts and not cjk_font_available():
        out.append(
            Finding(
                REGISTRY.as_posix(),
                0,
                0,
                "CHART-FONT",
                "no Chinese font is installed here to measure chart labels (Chinese labels may be "
                "sized wrong in this build) or to draw the share cards (this build has none)",
                "install one (Debian: apt-get install fonts-wqy-microhei); CI and deploy do",
                "notice",
            )
        )
    return out


def check_text(site: SiteData) -> list[Finding]:
    if "glossary" in site.unloaded:  # its forms are the names these rules must leave alone
        return []
    out = []
    for page in site.pages:
        out += check_traditional(page, site.glossary)
        out += check_copywriting(page, page.text, site.glossary)
        out += check_rejected_variants(page, site.glossary)
    return out


def check_scaffolds(site: SiteData) -> list[Finding]:
    out = []
    for page in site.pages:
        out += check_scaffold(page)
    return out


def check_ledger(site: SiteData) -> list[Finding]:
    """The claim ledger and the corrections log against the pages (skipped when the ledger did not load)."""
    ledger_broken = not site.claims and any(f.rule == "DATA-CLAIMS" for f in site.findings)
    return ([] if ledger_broken else check_claims(site.claims, site.pages, site.known_sources())) + check_corrections(
        site.corrections, site.pages
    )


# What each data file's rules need: when the file does not load, its own finding is the one
# root cause, and these rules wait for it instead of reporting a consequence per page.
NEEDS = {
    "glossary": ("ZH-TRADITIONAL", "ZH-COPYWRITING", "TERM-VARIANT", "TERM-PARITY"),
    "sources": ("SOURCE-CITE", "CLAIM-EVIDENCE", "the charts (DATA-CHART, CHART-*)"),
    "charts": ("CHART-UNKNOWN", "CHART-SIZE", "CHART-UNUSED"),
}
FILES = {"glossary": "docs/data/glossary.yml", "sources": "docs/data/sources.yml", "charts": "docs/data/charts.yml"}


def skipped(site: SiteData) -> list[Finding]:
    """One notice per data file that did not load, naming the rules that wait for it."""
    return [
        Finding(
            FILES[name],
            0,
            0,
            "RULES-SKIPPED",
            f"{FILES[name]} did not load, so these checks wait for it: {', '.join(NEEDS[name])}",
            "fix the error reported in this file first, then check again",
            "notice",
        )
        for name in sorted(site.unloaded)
    ]


def check_site_data(site: SiteData) -> list[Finding]:
    """Every source rule, in one list."""
    return (
        list(site.findings)
        + skipped(site)
        + check_untrusted(site)
        + check_page_references(site)
        + check_parity(site.pages, site.glossary)
        + check_text(site)
        + check_scaffolds(site)
        + check_charts(site)
        + check_ledger(site)
        + [f for zh, en in pairs(site.pages) for f in check_drift(zh, en)]
    )


def fix_sources(root: Path) -> list[str]:
    """Apply the safe copywriting fixes to the zh pages; return a unified diff per file changed."""
    import difflib  # here: every other use of this module, the pre-commit hook's too, goes without

    site = load_site(root)
    diffs = []
    for page in site.pages:
        if page.page.lang == "zh":
            fixed = fix_copywriting(page, site.glossary)
            if fixed != page.text:
                diffs.append(
                    "".join(
                        difflib.unified_diff(
                            page.text.splitlines(keepends=True),
                            fixed.splitlines(keepends=True),
                            f"a/{page.path}",
                            f"b/{page.path}",
                            n=0,
                        )
                    )
                )
                (root / page.path).write_text(fixed, encoding="utf-8")
    return diffs


def run_source_checks(root: Path) -> list[Finding]:
    return check_site_data(load_site(root))
