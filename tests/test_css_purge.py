"""Purging the theme's CSS after the build (site_tools/css_purge.py)."""

from __future__ import annotations

from site_tools.css_purge import purge_css


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
