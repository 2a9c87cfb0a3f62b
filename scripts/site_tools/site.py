"""Everything the build needs from docs/: pages, glossary, sources, charts, claims and corrections,
loaded once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .charts import Chart, load_charts
from .claims import Claim, load_claims
from .corrections import Correction, load_corrections
from .findings import DataError, Finding
from .glossary import Glossary, load_glossary
from .pages import Page, read_page
from .directives import find_directives
from .sources import Source, find_citations, load_sources, number_cited


@dataclass
class SiteData:
    root: Path
    pages: list[Page]
    glossary: Glossary
    sources: dict[str, Source]
    charts: dict[str, Chart]
    findings: list[Finding] = field(default_factory=list)  # data problems that did not stop loading
    claims: dict[str, Claim] = field(default_factory=dict)
    corrections: list[Correction] = field(default_factory=list)
    # Data files that did not load ("glossary", "sources", "charts"): the rules that need them wait.
    unloaded: set[str] = field(default_factory=set)

    def known_sources(self) -> dict[str, Source] | None:
        """The sources, or None when sources.yml did not load (ids cannot be checked)."""
        return None if "sources" in self.unloaded else self.sources


def load_site(root: Path) -> SiteData:
    findings: list[Finding] = []
    unloaded: set[str] = set()
    try:
        glossary = load_glossary(root)
    except DataError as e:
        findings += e.findings
        glossary = Glossary([])
        unloaded.add("glossary")
    try:
        sources = load_sources(root)
    except DataError as e:
        findings += e.findings
        sources = {}
        unloaded.add("sources")
    try:
        # Every chart row names its source: without sources.yml, the charts wait for it too.
        charts = load_charts(root, sources) if "sources" not in unloaded else {}
    except DataError as e:
        findings += e.findings
        charts = {}
        unloaded.add("charts")
    pages = []
    for path in sorted((root / "docs").rglob("*.md")):
        if path.is_symlink():  # refused (safety.symlink_findings), never read
            continue
        page = read_page(path, root)
        if page is not None:
            pages.append(page)
            findings += page.findings
    claims, claim_findings = load_claims(root)
    corrections, correction_findings = load_corrections(root)
    findings += claim_findings + correction_findings
    sources, uncited = number_cited(sources, _cited(pages, glossary, charts, claims))
    findings += uncited
    return SiteData(root, pages, glossary, sources, charts, findings, claims, corrections, unloaded)


def _cited(pages: list[Page], glossary: Glossary, charts: dict[str, Chart], claims: dict[str, Claim]) -> set[str]:
    """Source ids cited anywhere readers see them: pages, the glossary page, charts embedded on a page,
    and the claims page's evidence."""
    cited = {sid for p in pages for _, _, sid in find_citations(p.text)}
    directives = {(name, arg) for p in pages for _, name, arg in find_directives(p.text)}
    if any(name == "glossary" for name, _ in directives):
        cited |= {t.source for t in glossary if t.source}
    embedded = {arg for name, arg in directives if name == "chart"}
    cited |= {r.source for cid, c in charts.items() if cid in embedded for r in c.rows}
    if any(name == "claims" for name, _ in directives):
        cited |= {sid for c in claims.values() for sid in c.evidence}
    return cited
