"""Purging the theme's CSS after the build (site_tools/css_purge.py)."""

from __future__ import annotations

import re

from helpers import ROOT
from site_tools.css_purge import purge_css
from site_tools.minify import minify_js


def test_a_rule_whose_classes_occur_in_the_pages_stays_and_one_whose_classes_do_not_goes():
    css = ".md-typeset .admonition{color:red}.md-post__title{color:blue}"
    assert purge_css(css, {"md-typeset", "admonition"}) == ".md-typeset .admonition{color:red}"


def test_a_class_inside_not_does_not_count_as_required():
    css = ".md-typeset a:not(.md-blog){color:red}"
    assert purge_css(css, {"md-typeset"}) == css


def test_a_palette_value_no_page_uses_goes_and_the_one_in_use_stays():
    css = "[data-md-color-primary=indigo]{--c:1}[data-md-color-primary=custom]{--c:2}"
    assert purge_css(css, {"data-md-color-primary=custom"}) == "[data-md-color-primary=custom]{--c:2}"


def test_the_palette_switching_rule_goes_because_it_restyles_every_element_at_each_load():
    css = "[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s!important}body{margin:0}"
    assert purge_css(css, set()) == "body{margin:0}"


def test_our_scripts_and_styles_hold_no_comment_marker_inside_a_string():
    # minify.py drops `//…` lines and `/*…*/` without parsing strings: this keeps that safe.
    inside_string = re.compile(r"([\"'`])[^\"'`\n]*(?://|/\*)[^\"'`\n]*\1")
    files = [*(ROOT / "overrides" / "assets").rglob("*.js"), *(ROOT / "overrides" / "assets").rglob("*.css")]
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not inside_string.search(text.replace("://", "")), path


def test_the_check_would_notice_a_comment_marker_in_a_string():
    inside_string = re.compile(r"([\"'`])[^\"'`\n]*(?://|/\*)[^\"'`\n]*\1")
    assert inside_string.search("const s = 'a // b';")
    assert minify_js("const s = 'a';\n// gone\n") == "const s = 'a';\n"
