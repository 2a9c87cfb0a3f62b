"""Printing a page: the text alone, in the light palette whatever the screen uses, charts
in their wide drawing, and the sources list with each address written out."""

from __future__ import annotations

import pytest

from site_tools.languages import LANGUAGES, PageId

pytestmark = pytest.mark.browser


def _contrast_on_white(css_color: str) -> float:
    """WCAG contrast ratio of an rgb()/rgba() colour on white paper."""

    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (float(x) for x in css_color.strip("rgba()").split(",")[:3])
    luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    return 1.05 / (luminance + 0.05)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_prints_its_text_alone_in_the_light_palette_even_in_dark_mode(open_page, lang):
    page, _ = open_page(PageId("impact-on-china", lang).url(), width=800, height=1000, scheme="dark")
    page.emulate_media(media="print", color_scheme="dark")
    page.wait_for_timeout(300)  # the theme fades link colours (125 ms): read them once settled
    shown = page.evaluate("""() => {
      const visible = s => {
        const e = document.querySelector(s);
        return !!e && getComputedStyle(e).display !== 'none';
      };
      const p = document.querySelector('article p');
      const a = document.querySelector('article p a[href*="sources.html#"]');  // a citation
      return {header: visible('.md-header'), nav: visible('.md-sidebar--primary'), footer: visible('.md-footer'),
              wide: visible('.chart__wide'), narrow: visible('.chart__narrow'),
              text: getComputedStyle(p).color, link: getComputedStyle(a).color,
              scheme: document.body.getAttribute("data-md-color-scheme")};
    }""")
    assert shown["scheme"] == "slate"  # the reader reads in the dark palette
    assert not (shown["header"] or shown["nav"] or shown["footer"])
    assert shown["wide"] and not shown["narrow"]
    for color in (shown["text"], shown["link"]):  # readable on paper, though the screen was dark
        assert _contrast_on_white(color) >= 4.5, shown


def test_the_printed_sources_list_writes_out_each_address(open_page):
    page, _ = open_page("en/sources.html")
    page.emulate_media(media="print")
    after = page.evaluate(
        """() => { const a = document.querySelector('ol.sources a[href^="http"]');
                   return [a.getAttribute('href'), getComputedStyle(a, '::after').content]; }"""
    )
    assert after[1] == f'" {after[0]}"'
    page.emulate_media(media="screen")
    assert page.evaluate(
        """() => getComputedStyle(document.querySelector('ol.sources a[href^="http"]'), '::after').content"""
    ) in ("none", "normal")


def test_a_page_lent_again_after_a_test_printed_with_it_is_back_on_screen(tabs):
    since = len(tabs.lent)
    page, _ = tabs.open("index.html")
    page.emulate_media(media="print")
    tabs.give_back(since)
    page, _ = tabs.open("index.html")  # the same tab, lent again
    try:
        assert page.evaluate("matchMedia('screen').matches")
        assert page.locator(".md-header").is_visible()
    finally:
        tabs.give_back(since)
