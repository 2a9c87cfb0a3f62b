"""Everything the build needs from docs/: pages, glossary, sources and charts, loaded once per build."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .charts import Chart, load_charts
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


def load_site(root: Path) -> SiteData:
    findings: list[Finding] = []
    try:
        glossary = load_glossary(root)
    except DataError as e:
        findings += e.findings
        glossary = Glossary([])
    try:
        sources = load_sources(root)
    except DataError as e:
        findings += e.findings
        sources = {}
    try:
        charts = load_charts(root, sources)
    except DataError as e:
        findings += e.findings
        charts = {}
    pages = []
    for path in sorted((root / "docs").rglob("*.md")):
        page = read_page(path, root)
        if page is not None:
            pages.append(page)
            findings += page.findings
    sources, uncited = number_cited(sources, _cited(pages, glossary, charts))
    findings += uncited
    return SiteData(root, pages, glossary, sources, charts, findings)


def _cited(pages: list[Page], glossary: Glossary, charts: dict[str, Chart]) -> set[str]:
    """Source ids cited anywhere readers see them: pages, the glossary page, and charts embedded on a page."""
    cited = {sid for p in pages for _, _, sid in find_citations(p.text)}
    if any(name == "glossary" for p in pages for _, name, _ in find_directives(p.text)):
        cited |= {t.source for t in glossary if t.source}
    embedded = {arg for p in pages for _, name, arg in find_directives(p.text) if name == "chart"}
    cited |= {r.source for cid, c in charts.items() if cid in embedded for r in c.rows}
    return cited
