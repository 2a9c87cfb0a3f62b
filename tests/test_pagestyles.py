"""Stylesheets only some pages load (site_tools/pagestyles.py)."""

from __future__ import annotations

import pytest

from helpers import built_page
from site_tools.languages import LANGUAGES
from site_tools.pagestyles import link_page_sheets

SHEET = {"assets/stylesheets/reference.css": ".md-typeset ol.sources li{margin:0}"}
HEAD = '<html><head><link rel="stylesheet" href="assets/stylesheets/site.css">\n</head><body class="md-typeset">'


def test_a_page_using_a_rule_of_the_sheet_links_it_last_in_its_head():
    page = HEAD + '<ol class="sources"><li>x</li></ol></body></html>'
    out = link_page_sheets(page, "../", SHEET)
    assert '<link rel="stylesheet" href="../assets/stylesheets/reference.css">\n</head>' in out
    assert out.index("site.css") < out.index("reference.css")


def test_a_page_using_none_of_its_rules_does_not():
    page = HEAD + '<ol class="steps"><li>x</li></ol></body></html>'
    assert link_page_sheets(page, "../", SHEET) == page


REFERENCE = ["sources", "glossary", "timeline", "claims", "about", "corrections"]
ARTICLE = ["index", "us-motives", "impact-on-china", "strategic-paths", "conclusion"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_reference_pages_load_their_sheet_and_the_article_pages_do_not(built_site, lang):
    for stem in REFERENCE:
        assert "assets/stylesheets/reference.css" in built_page(built_site, stem, lang).read_text(encoding="utf-8")
    for stem in ARTICLE:
        assert "reference.css" not in built_page(built_site, stem, lang).read_text(encoding="utf-8"), stem
