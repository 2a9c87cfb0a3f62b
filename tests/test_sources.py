"""Sources: one data file, numbered, cited from pages as [@id]."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT, built_page
from site_tools.findings import DataError
from site_tools.sources import check_citations, link_citations, load_sources

SOURCES = load_sources(ROOT)


def test_sources_are_numbered_in_file_order_starting_with_the_article():
    first = next(iter(SOURCES.values()))
    assert (first.number, first.id) == (1, "wenweipo-2025-07-22")
    assert [s.number for s in SOURCES.values()] == list(range(1, len(SOURCES) + 1))


def test_a_citation_becomes_a_numbered_link_to_the_sources_page():
    out = link_citations("文章称……[@wenweipo-2025-07-22]", SOURCES, "zh")
    assert '[[1]](sources.md#wenweipo-2025-07-22 "《文汇报》，2025-07-22")' in out


def test_an_unknown_citation_is_reported_with_its_line_and_column():
    text = "第一行\n文章称[@no-such-source]。"
    [f] = check_citations(text, SOURCES, "docs/x.zh.md")
    assert (f.path, f.line, f.col, f.rule) == ("docs/x.zh.md", 2, 4, "SOURCE-CITE")


def _root(tmp_path: Path, text: str) -> Path:
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "sources.yml").write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "text, line, needle",
    [
        ("- id: a\n  outlet: X\n  title: {zh: 甲, en: A, B}\n  date: '2025'\n", 3, "unknown languages"),
        ("- id: a\n  outlet: X\n  title: T\n  date: 2025-13\n", 4, "not YYYY"),
        ("- id: a\n  outlet: X\n  title: T\n  date: '2025'\n  url: http://example.org\n", 5, "not an https URL"),
        (
            "- id: a\n  outlet: X\n  title: T\n  date: '2025'\n- id: a\n  outlet: Y\n  title: U\n  date: '2025'\n",
            5,
            "duplicate source id",
        ),
        ("- id: a\n  outlet: X\n   title: T\n", 3, "malformed YAML"),
    ],
)
def test_bad_sources_data_gives_file_and_line(tmp_path, text, line, needle):
    with pytest.raises(DataError) as e:
        load_sources(_root(tmp_path, text))
    f = e.value.findings[0]
    assert f.path == "docs/data/sources.yml" and f.line == line and needle in f.message


def test_the_sources_page_lists_every_source_in_both_languages(built_site):
    for lang in ("zh", "en"):
        html = built_page(built_site, "sources", lang).read_text(encoding="utf-8")
        ids = re.findall(r'<li id="([^"]+)" value="(\d+)"', html)
        assert [i for i, _ in ids] == list(SOURCES) and [int(n) for _, n in ids] == list(range(1, len(SOURCES) + 1))


def test_context_notes_cite_by_number(built_site):
    html = built_page(built_site, "impact-on-china", "en").read_text(encoding="utf-8")
    n = SOURCES["morgan-stanley-2025-05"].number
    assert 'href="sources.html#morgan-stanley-2025-05"' in html and f">[{n}]</a>" in html
