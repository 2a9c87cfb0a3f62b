"""The claims page in the browser: the verdict filter, with and without JavaScript
and after the theme's instant navigation; the badge in a note leads to its claim."""

from __future__ import annotations

from collections import Counter

import pytest

from helpers import ROOT
from site_tools.claims import load_claims
from site_tools.serve import base_path

pytestmark = pytest.mark.browser
CLAIMS, _ = load_claims(ROOT)

BASE = base_path(ROOT)  # where the site is deployed, e.g. /h20/


def _visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(".claims > .claim", "els => els.filter(e => !e.hidden).map(e => e.id)")


@pytest.mark.parametrize("path", ["claims.html", "en/claims.html"])
def test_the_verdict_filter_narrows_the_list_and_all_restores_it(open_page, path):
    page, rec = open_page(path)
    assert _visible_ids(page) == list(CLAIMS)
    page.locator('.claims-filter button[data-verdict="no-source-found"]').click()
    expected = [c.id for c in CLAIMS.values() if c.verdict == "no-source-found"]
    assert 0 < len(expected) < len(CLAIMS) and _visible_ids(page) == expected
    assert page.locator('.claims-filter button[data-verdict="no-source-found"]').get_attribute("aria-pressed") == "true"
    assert page.locator('.claims-filter button[data-verdict="all"]').get_attribute("aria-pressed") == "false"
    assert str(len(expected)) in page.locator(".claims-status").inner_text()
    page.locator('.claims-filter button[data-verdict="all"]').click()
    assert _visible_ids(page) == list(CLAIMS)
    assert rec.console_errors == []


def test_the_filter_works_after_instant_navigation(open_page):
    page, rec = open_page("us-motives.html")  # the overview hides the side navigation
    page.locator(f'.md-nav--primary a[href$="{BASE}claims.html"]').first.click()
    page.wait_for_url("**/claims.html")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # no full reload
    page.locator('.claims-filter button[data-verdict="misattributed"]').click()
    assert _visible_ids(page) == [c.id for c in CLAIMS.values() if c.verdict == "misattributed"]
    assert rec.console_errors == []


def test_without_javascript_every_claim_is_listed_and_no_dead_filter_is_shown(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "en/claims.html")
        assert page.locator(".claims > .claim:visible").count() == len(CLAIMS)
        assert page.locator(".claims-filter").is_hidden()
    finally:
        context.close()


def test_a_badge_in_a_context_note_leads_to_its_claim(open_page):
    page, _ = open_page("en/impact-on-china.html")
    page.locator('a.claim-badge[href$="#self-sufficiency-82-percent"]').click()
    page.wait_for_url("**/en/claims.html#self-sufficiency-82-percent")
    claim = page.locator("#self-sufficiency-82-percent")
    claim.wait_for()
    assert "Misattributed" in claim.inner_text() and claim.is_visible()


@pytest.mark.parametrize("path", ["claims.html", "en/claims.html"])
@pytest.mark.parametrize("width", [375, 768, 1280])
def test_the_verdict_buttons_leave_none_alone_on_a_row(open_page, path, width):
    # Before: at 1280 px the Chinese row put "无法核实 1" alone on a second line.
    page, _ = open_page(path, width=width)
    buttons = "[...document.querySelectorAll('.claims-filter__button')]"
    tops = page.evaluate(f"{buttons}.map(e => e.getBoundingClientRect().top)")
    rows = Counter(round(t) for t in tops)
    assert len(tops) >= 8 and min(rows.values()) >= 2, rows
    assert page.evaluate("document.documentElement.scrollWidth") <= width
