"""The corrections log: dated entries newest first, on a page and in an Atom feed per language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import ROOT, built_page
from htmldoc import Doc
from site_tools.corrections import load_corrections

ATOM = "{http://www.w3.org/2005/Atom}"
CORRECTIONS, LOAD_FINDINGS = load_corrections(ROOT)
# This round's substantive fixes (content review F1, F2, F3, F4, F8, F15, F25, F18).
ROUND_ONE = {
    "huang-share-note",
    "cambricon-dates",
    "market-value-sources",
    "zero-share-source",
    "source-titles",
    "kunlunxin-quote-card",
    "dual-impact",
    "h20-delivery-date",
}


def _root(tmp_path: Path, text: str) -> Path:
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "corrections.yml").write_text(text, encoding="utf-8")
    return tmp_path


def _entry(cid: str, date: str, what_en: str = "E") -> str:
    return (
        f'- id: {cid}\n  date: "{date}"\n  kind: correction\n  pages: [index]\n'
        f"  what: {{zh: 甲, en: {what_en}}}\n  why: {{zh: 乙, en: B}}\n"
    )


def test_the_log_loads_clean_and_starts_with_this_rounds_fixes():
    assert LOAD_FINDINGS == []
    assert ROUND_ONE <= {c.id for c in CORRECTIONS if c.date.isoformat() == "2026-11-30"}


def test_entries_are_shown_newest_first_whatever_the_file_order(tmp_path):
    entries, findings = load_corrections(
        _root(tmp_path, _entry("old", "2026-01-02") + _entry("new", "2026-11-30") + _entry("mid", "2026-05-01"))
    )
    assert findings == [] and [c.id for c in entries] == ["new", "mid", "old"]


@pytest.mark.parametrize(
    "text, line, needle",
    [
        (_entry("a", "2026-13-01"), 2, "is not a date YYYY-MM-DD"),
        (
            '- id: a\n  date: "2026-11-30"\n  kind: correction\n  pages: [index]\n'
            "  what: {zh: 甲}\n  why: {zh: 乙, en: B}\n",
            5,
            "has no 'what.en'",
        ),
        (_entry("a", "2026-11-30").replace("kind: correction", "kind: fix"), 3, "has kind 'fix'"),
    ],
)
def test_a_malformed_entry_is_reported_at_its_line(tmp_path, text, line, needle):
    _, findings = load_corrections(_root(tmp_path, text))
    assert [(f.path, f.line, f.rule) for f in findings] == [("docs/data/corrections.yml", line, "DATA-CORRECTIONS")]
    assert needle in findings[0].message


@pytest.mark.parametrize("lang, feed", [("zh", "corrections.xml"), ("en", "en/corrections.xml")])
def test_the_atom_feed_parses_and_lists_the_entries_newest_first(built_site, lang, feed):
    root = ET.parse(built_site / feed).getroot()
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{tag}") or "").strip(), tag
    assert root.find(f"{ATOM}author/{ATOM}name").text
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id").rsplit("#", 1)[1] for e in entries] == [c.id for c in CORRECTIONS]
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True) and root.findtext(f"{ATOM}updated") == updated[0]
    for e in entries:
        assert e.findtext(f"{ATOM}title") and e.find(f"{ATOM}content").text
        link, entry_id = e.find(f"{ATOM}link").get("href"), e.findtext(f"{ATOM}id").split("#")[1]
        assert link.endswith(f"{'en/' if lang == 'en' else ''}corrections.html#{entry_id}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_corrections_page_lists_every_entry_and_links_its_feed(built_site, lang):
    html = built_page(built_site, "corrections", lang).read_text(encoding="utf-8")
    assert re.findall(r'<li class="correction" id="([^"]+)"', html) == [c.id for c in CORRECTIONS]
    doc = Doc(html)
    assert doc.first("link", rel="alternate", type="application/atom+xml")["href"] == "corrections.xml"
    assert doc.first("a", href="corrections.xml", type="application/atom+xml")


def test_every_page_announces_the_feed_of_its_language(built_site):
    zh = Doc(built_page(built_site, "us-motives", "zh").read_text(encoding="utf-8"))
    en = Doc(built_page(built_site, "us-motives", "en").read_text(encoding="utf-8"))
    assert zh.first("link", type="application/atom+xml")["href"] == "corrections.xml"
    assert en.first("link", type="application/atom+xml")["href"] == "corrections.xml"  # en/ page → en/ feed
    assert (built_site / "en" / "corrections.xml").read_text(encoding="utf-8").count('xml:lang="en"') == 1


@pytest.mark.parametrize("guide, heading", [("CONTRIBUTING.md", "Corrections"), ("CONTRIBUTING.zh.md", "更正")])
def test_the_contributor_guide_says_when_a_change_needs_an_entry(guide, heading):
    text = (ROOT / guide).read_text(encoding="utf-8")
    assert re.search(rf"^## .*{heading}", text, re.M | re.I) and "corrections.yml" in text
