"""The end of every page: a ready citation, an error report by email, and the about page."""

from __future__ import annotations

import datetime
import html as html_lib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from helpers import ROOT, built_page
from htmldoc import Doc
from site_tools.citing import page_footer
from site_tools.claims import VERDICTS

ARTICLE_PAGES = ["index", "us-motives", "impact-on-china", "strategic-paths", "conclusion", "timeline"]


def _report_email() -> str:
    # mkdocs.yml has !ENV and !!python tags: read only the extra: block.
    block = re.search(r"^extra:\n((?:  .*\n|\s*\n)+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
    return yaml.safe_load(block)["report_email"]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stem", ARTICLE_PAGES)
def test_every_article_page_ends_with_a_citation_and_an_error_report_link(built_site, stem, lang):
    html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
    box = re.search(
        r'<details class="cite-box"><summary>(.*?)</summary>.*?<p class="cite-box__text">(.*?)</p>', html, re.S
    )
    assert box and box[1] == ("如何引用本页" if lang == "zh" else "How to cite this page")
    canonical = Doc(html).first("link", rel="canonical")["href"]
    title = Doc(html).first("meta", property="og:title")["content"]
    citation = html_lib.unescape(box[2])
    assert canonical in citation and title in citation
    assert re.search(r"\d{4} 年 \d{1,2} 月 \d{1,2} 日" if lang == "zh" else r"\d{1,2} [A-Z][a-z]+ \d{4}", citation)
    mailto = next(a["href"] for a in Doc(html).find_all("a") if a.get("href", "").startswith("mailto:"))
    parts = urlsplit(mailto)
    assert parts.path == _report_email()
    assert canonical in parse_qs(parts.query)["subject"][0]


def test_the_footer_escapes_what_it_is_given():
    html = page_footer(
        '<img src=x onerror="alert(1)">',
        "Site & co",
        'https://x.test/a.html?q="1"',
        datetime.date(2026, 11, 30),
        "en",
        "errors@x.test",
    )
    assert "<img" not in html and "&lt;img" in html and "Site &amp; co" in html
    assert 'href="mailto:errors@x.test?subject=' in html and '"1"' not in html


def test_without_an_address_there_is_no_report_link_but_still_a_citation():
    html = page_footer("T", "S", "https://x.test/", datetime.date(2026, 11, 30), "zh", None)
    assert "mailto:" not in html and "cite-box" in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_about_page_defines_every_verdict_and_states_independence_and_license(built_site, lang):
    html = built_page(built_site, "about", lang).read_text(encoding="utf-8")
    for verdict in VERDICTS.values():
        assert getattr(verdict, lang) in html and verdict.definition[lang] in html
    assert "CC BY 4.0" in html
    assert ("均无任何关联" if lang == "zh" else "no affiliation") in html


def test_mkdocs_yml_has_one_extra_block_holding_the_report_address():
    # Two `extra:` keys (say, after a merge) load without error: the later one silently wins.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert len(re.findall(r"^extra:", text, re.M)) == 1
    assert "@" in _report_email()
