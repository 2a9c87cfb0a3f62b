"""Findings of the built HTML are reported where the contributor wrote the cause."""

from __future__ import annotations

from site_tools.findings import Finding
from site_tools.languages import PageId
from site_tools.pages import parse_page
from site_tools.sourcemap import to_sources

PAGE = parse_page(
    "---\ntitle: C\ndescription: D.\n---\n# C {#c}\n\nSee [part one](us-motivs.md).\n\n![x](https://example.org/x.png)\n",
    "docs/conclusion.en.md",
    PageId("conclusion", "en"),
)


def built(message: str, rule: str = "LINK-TARGET") -> Finding:
    return Finding("site/en/conclusion.html", 761, 4, rule, message, "fix it")


def test_a_finding_in_a_built_page_moves_to_the_line_of_its_markdown():
    [f] = to_sources(
        [built("<img src> loads https://example.org/x.png from another host", "THIRD-PARTY")], [PAGE], "site"
    )
    assert (f.path, f.line, f.col) == ("docs/conclusion.en.md", 9, 6)  # at the address


def test_a_link_markdown_wrote_as_md_is_found_from_its_built_html_form():
    [f] = to_sources([built('<a href="us-motivs.html"> points to a missing file')], [PAGE], "site")
    assert (f.path, f.line) == ("docs/conclusion.en.md", 7)


def test_a_line_mkdocs_already_reported_is_reported_once():
    mkdocs = Finding("docs/conclusion.en.md", 7, 5, "LINK-TARGET", "Doc file 'conclusion.en.md' contains a link …")
    found = to_sources([mkdocs, built('<a href="us-motivs.md"> points to a missing file')], [PAGE], "site")
    assert found == [mkdocs]


def test_what_no_markdown_wrote_keeps_the_built_files_name():
    theme = built('<link href="../assets/missing.css"> points to a missing file')
    assert to_sources([theme], [PAGE], "site") == [theme]
