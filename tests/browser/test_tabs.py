"""The tabs the browser tests borrow (conftest.Tabs): a tab lent again keeps nothing of the
test that had it before."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# What the theme does when an instant navigation lands just as a test ends: it stores
# the palette it shows, after anything the test's own clean-up cleared on the page.
_STORE_DARK_ON_LEAVING = """() => addEventListener('pagehide', () =>
    localStorage.setItem(__md_scope.pathname + '.__palette',
      JSON.stringify({index: 1, color: {media: '(prefers-color-scheme: dark)', scheme: 'slate'}})))"""


def test_a_palette_stored_as_the_last_page_left_does_not_reach_the_next_test(tabs):
    since = len(tabs.lent)
    page, _ = tabs.open("index.html", scheme="dark")
    page.evaluate(_STORE_DARK_ON_LEAVING)
    tabs.give_back(since)
    page, _ = tabs.open("index.html", scheme="light")  # the same tab, lent again
    try:
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    finally:
        tabs.give_back(since)
