"""The site as readers use it, in Chromium: clean loads, accessibility, the
language switcher, search, glossary tooltips, charts, CSP and phones."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from helpers import ROOT, page_stems
from site_tools.languages import LANGUAGES, PageId
from site_tools.serve import base_path

pytestmark = pytest.mark.browser
PAGES = [PageId(stem, lang).url() for stem in page_stems() for lang in LANGUAGES]

BASE = base_path(ROOT)  # where the site is deployed, e.g. /h20/


def test_language_switch_keeps_the_section(open_page, site_url):
    page, _ = open_page("us-motives.html#market-logic")
    page.locator(".md-header .md-select button").hover()
    page.locator('.md-header a[data-language-switch][hreflang="en"]').click()
    page.wait_for_url("**/en/us-motives.html#market-logic")
    assert page.locator("html").get_attribute("lang") == "en"


def test_language_switch_after_instant_navigation_lands_on_the_counterpart(open_page, site_url):
    page, rec = open_page("us-motives.html")  # the overview hides the side navigation
    page.locator(f'.md-nav--primary a[href$="{BASE}impact-on-china.html"]').first.click()
    page.wait_for_url("**/impact-on-china.html")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # no full reload
    page.locator(".md-header .md-select button").hover()
    page.locator('.md-header a[data-language-switch][hreflang="en"]').click()
    page.wait_for_url("**/en/impact-on-china.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header .md-select button").hover()
    page.locator('.md-header a[data-language-switch][hreflang="zh-Hans"]').click()
    page.wait_for_url(re.compile(r".*" + re.escape(BASE) + r"impact-on-china\.html$"))
    assert rec.console_errors == []


def _search(page, query: str) -> list[str]:
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # typed CJK fires no keyup; a key press does, as an IME would
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs]


def test_chinese_search_finds_the_impact_page_and_only_chinese_pages(open_page, site_url):
    page, _ = open_page("index.html")
    hrefs = _search(page, "寒武纪")
    assert BASE + "impact-on-china.html" in hrefs
    assert hrefs and not any("/en/" in h for h in hrefs)


def test_english_search_finds_the_impact_page_and_only_english_pages(open_page, site_url):
    page, _ = open_page("en/index.html")
    hrefs = _search(page, "Cambricon")
    assert BASE + "en/impact-on-china.html" in hrefs
    assert all(h.startswith(BASE + "en/") for h in hrefs)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_charts_render_in_both_palettes(open_page, artifacts, scheme, lang):
    page, _ = open_page(PageId("impact-on-china", lang).url(), scheme=scheme)
    charts = page.locator("figure.chart")
    assert charts.count() == 3
    for i in range(charts.count()):
        fig = charts.nth(i)
        fig.scroll_into_view_if_needed()
        box = fig.locator(".chart__svg svg:visible").bounding_box()
        assert box and box["width"] > 200 and box["height"] > 80
        # Text follows the palette: light text on the dark page, dark on the light one.
        color = fig.locator(".chart__svg").evaluate("e => getComputedStyle(e).color")
        r = int(re.search(r"\d+", color)[0])
        assert (r > 128) == (scheme == "dark")
        fig.screenshot(path=str(artifacts / f"chart-{lang}-{scheme}-{i + 1}.png"))


def test_phone_navigation_and_language_switcher_are_usable(open_page, artifacts):
    page, _ = open_page("us-motives.html", width=375, height=740)
    page.locator('.md-header label[for="__drawer"]').click()
    link = page.locator(f'.md-nav--primary a[href$="{BASE}conclusion.html"]').first
    link.wait_for(state="visible")
    page.screenshot(path=str(artifacts / "phone-nav.png"))
    link.click()
    page.wait_for_url("**/conclusion.html")
    page.locator(".md-header .md-select button").click()
    page.locator('.md-header a[data-language-switch][hreflang="en"]').click()
    page.wait_for_url("**/en/conclusion.html")
