"""Search on demand (overrides/partials/search-on-demand.html): no page asks for
the search index or starts the search worker until the reader reaches for search;
then search works as before."""

from __future__ import annotations

import re

SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$")


def _search_requests(rec) -> list[str]:
    return [r for r in rec.requests if SEARCH_FILES.search(r.split("?")[0])]


def test_a_page_loads_without_the_search_index_or_worker(open_page):
    page, rec = open_page("en/us-motives.html")
    page.wait_for_timeout(300)
    assert _search_requests(rec) == []


def test_focusing_the_search_box_loads_the_index_and_search_answers(open_page):
    page, rec = open_page("en/us-motives.html")
    page.locator(".md-search__input").click()
    page.keyboard.type("Cambricon")
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    # The theme still fetches exactly these two: the assumption the wrapper rests on.
    assert sorted(r.rsplit("/", 2)[-2] for r in _search_requests(rec)) == ["search", "workers"]
    assert rec.console_errors == []


def test_on_a_phone_the_search_icon_opens_search_and_it_answers(open_page):
    page, rec = open_page("us-motives.html", width=375, height=740, touch=True)
    assert _search_requests(rec) == []
    page.locator('label.md-header__button[for="__search"]').tap()
    box = page.locator("input.md-search__input")
    box.fill("寒武纪")
    box.press("End")  # typed CJK fires no keyup; a key press does, as an IME would
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert len(_search_requests(rec)) == 2


def test_the_search_shortcut_key_loads_the_index(open_page):
    page, rec = open_page("en/us-motives.html")
    page.keyboard.press("s")
    page.wait_for_load_state("networkidle")
    assert len(_search_requests(rec)) == 2


def test_a_search_highlight_link_loads_the_index_at_once(open_page):
    page, rec = open_page("en/impact-on-china.html?h=Cambricon")
    assert len(_search_requests(rec)) == 2
    page.locator("mark[data-md-highlight]").first.wait_for(timeout=10000)
