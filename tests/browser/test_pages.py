"""Every page, in both languages, as readers open it: a clean load from the local host
only, no WCAG A/AA violation in either palette, and on a phone no sideways scrolling and
no text under 12 px.

Each page is opened once per way of reading it (laptop light, laptop dark, phone) and
the checks of that reading share the load: they only look, never click."""

from __future__ import annotations

import pytest

from axe_check import WCAG, WCAG_COLOURS, violations as _violations
from helpers import page_stems
from site_tools.languages import LANGUAGES, PageId
from site_tools.linebreaks import THEME_TITLE_CLASSES, TITLE_CLASSES, TITLE_TAGS

pytestmark = pytest.mark.browser
PAGES = [PageId(stem, lang).url() for stem in page_stems() for lang in LANGUAGES]

# Every visible element that draws text of its own, outside charts (whose SVG
# text is scaled with the chart and tested with the charts), with its size.
_SMALL_TEXT = """min => {
  const small = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('svg, .chart__svg, [hidden], script, style')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    if (!r.width || !r.height || cs.visibility === 'hidden' || cs.display === 'none') continue;
    if (el.closest('.md-sidebar--secondary, .md-search, .md-dialog, .md-tooltip, .md-top')) continue;
    const size = parseFloat(cs.fontSize);
    if (size < min)
      small.push(`${el.tagName.toLowerCase()}.${el.className} ${size}px: ${el.textContent.trim().slice(0, 30)}`);
  }
  return small;
}"""


def open_once(tabs, path: str, **options):
    """For a fixture that opens a page once for several tests that only look at it."""
    since = len(tabs.lent)
    yield tabs.open(path, **options)
    tabs.give_back(since)


# One load per page and way of reading, shared by the tests of a class (which only look).
@pytest.fixture(scope="class", params=PAGES)
def on_a_laptop(request, tabs):
    yield from open_once(tabs, request.param)


@pytest.fixture(scope="class", params=PAGES)
def in_the_dark(request, tabs):
    yield from open_once(tabs, request.param, scheme="dark")


@pytest.fixture(scope="class", params=PAGES)
def on_a_phone(request, tabs):
    yield from open_once(tabs, request.param, width=375, height=800, touch=True)


class TestOnALaptop:
    def test_the_page_loads_cleanly_from_the_local_host_only(self, on_a_laptop, site_url):
        page, rec = on_a_laptop
        assert rec.console_errors == []
        assert rec.foreign(site_url) == []
        assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1

    def test_no_wcag_a_or_aa_violations(self, on_a_laptop):
        assert _violations(on_a_laptop[0], WCAG) == []

    def test_no_paragraph_ends_in_a_line_holding_only_its_link_mark(self, on_a_laptop):
        # The hidden ¶ after a paragraph that fills its last line (justified Chinese often
        # does) took a line of its own: an empty band before the next block.
        assert on_a_laptop[0].evaluate(_LONE_MARKS) == []


class TestInTheDark:
    def test_text_and_links_keep_their_contrast(self, in_the_dark):
        assert _violations(in_the_dark[0], WCAG_COLOURS) == []


class TestOnAPhone:
    def test_the_page_needs_no_sideways_scrolling(self, on_a_phone):
        assert on_a_phone[0].evaluate("document.documentElement.scrollWidth") <= 375

    def test_no_text_outside_charts_is_smaller_than_12px(self, on_a_phone):
        assert on_a_phone[0].evaluate(_SMALL_TEXT, 12) == []

    def test_no_line_of_text_runs_past_the_column(self, on_a_phone):
        # The page may not scroll sideways and still lose letters to the screen's edge: a
        # nowrap run wider than the column pokes into the margin (the cover's dates did).
        assert on_a_phone[0].evaluate(_PAST_THE_COLUMN) == []

    def test_no_chinese_title_breaks_inside_a_word(self, on_a_phone):
        # Between two Han characters a title's line may end only where the build put a <wbr>
        # ("美国的战 / 略妥协" split a word): keep-all forbids every other place.
        assert on_a_phone[0].evaluate(_SPLIT_WORDS, _TITLES) == []

    def test_no_heading_ends_in_an_empty_line(self, on_a_phone):
        # A heading's box is as many lines tall as its text: nothing unseen wraps onto a line of its own.
        assert on_a_phone[0].evaluate(_GHOST_LINES) == []


# Text lines whose right end passes the article column (tables scroll inside their own
# frame, and charts are tested with the charts).
_PAST_THE_COLUMN = """() => {
  const column = document.querySelector('.md-content__inner');
  const right = column.getBoundingClientRect().right;
  const past = [];
  const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('svg, pre, .md-typeset__scrollwrap, [hidden]')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const over = Math.max(0, ...[...range.getClientRects()].filter(r => r.width).map(r => r.right - right));
    const text = node.textContent.trim().slice(0, 30);
    if (over > 1) past.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(over)}px: ${text}`);
  }
  return past;
}"""


_LONE_MARKS = """() => [...document.querySelectorAll('article p > .p-link')].flatMap(mark => {
  const p = mark.parentElement;
  const range = document.createRange();
  range.selectNodeContents(p);
  range.setEndBefore(mark);
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  const text = Math.max(...rects.map(r => r.bottom));
  const style = getComputedStyle(p);
  const below = p.getBoundingClientRect().bottom - parseFloat(style.paddingBottom) - text;
  return below > 0.5 * parseFloat(style.lineHeight) ? [`${p.id}: ${p.textContent.slice(-20)}`] : [];
})"""


_GHOST_LINES = """() => [...document.querySelectorAll('article h1, article h2, article h3')].flatMap(h => {
  const range = document.createRange();
  range.selectNodeContents(h);
  const link = h.querySelector('.headerlink');
  if (link && getComputedStyle(link).display !== 'none') range.setEndBefore(link);
  const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
  const lines = Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight));
  return lines > tops.size ? [`${h.id}: ${lines} lines for ${tops.size} of text`] : [];
})"""


_TITLES = ", ".join(
    [f".md-typeset {tag}" for tag in sorted(TITLE_TAGS)]
    + [f".md-typeset .{c}" for c in sorted(TITLE_CLASSES)]
    + [f".{c}" for c in sorted(THEME_TITLE_CLASSES)]
)
_SPLIT_WORDS = """selector => [...document.querySelectorAll(selector)]
  .filter(t => t.getClientRects().length).flatMap(title => {
  const han = /[\u3400-\u9fff]/, chars = [];
  let offered = false;
  const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node; (node = walker.nextNode()); ) {
    if (node.nodeType === 1) { if (node.localName === 'wbr') offered = true; continue; }
    if (node.parentElement.closest('.headerlink')) continue;
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = [...range.getClientRects()].find(r => r.width > 0);
      const block = node.parentElement.closest('p, li, h1, h2, h3, h4');
      if (box) chars.push({ch: node.data[i], top: box.top, offered, block});
      offered = false;
    }
  }
  const text = chars.map(c => c.ch).join('');
  return chars.flatMap((c, i) => i && c.block === chars[i - 1].block && c.top - chars[i - 1].top > 4
    && han.test(chars[i - 1].ch) && han.test(c.ch) && !c.offered ? [`${text.slice(0, i)} / ${text.slice(i)}`] : []);
})"""
