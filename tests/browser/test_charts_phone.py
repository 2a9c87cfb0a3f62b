"""Charts as readers see them: legible on a 375 px phone (the narrow variant at its
natural size), the wide variant on wider screens, claims drawn apart with their legend
entry, marks at 3:1 against the page in both palettes, and the quote card."""

from __future__ import annotations

import pytest

from helpers import ROOT
from site_tools.charts import load_charts
from site_tools.languages import LANGUAGES, PageId
from site_tools.sources import load_sources

pytestmark = pytest.mark.browser
DRAWN_ON = ["index", "impact-on-china", "timeline"]  # the pages whose charts are drawn as SVG
MIN_PX = 11

# Each visible chart SVG: which variant holds it, its scale, and the rendered size of its smallest text.
MEASURE = """() => [...document.querySelectorAll('figure.chart .chart__svg svg')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const sizes = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim())
      .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
    const box = svg.getBoundingClientRect();
    const cut = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()).filter(t => {
      const r = t.getBoundingClientRect();
      return r.left < box.left - 0.5 || r.right > box.right + 0.5;
    }).map(t => t.textContent);
    return {chart: svg.closest('figure').dataset.chart, variant: svg.parentElement.className,
            scale, smallest: Math.min(...sizes), texts: sizes.length, cut,
            width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height};
  })"""

# Every coloured mark (fill or stroke given as a colour, not currentColor) as drawn, with its
# opacity, and the page's background.
MARKS = """() => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const marks = [];
  for (const svg of document.querySelectorAll('figure.chart .chart__svg svg')) {
    if (!svg.getBoundingClientRect().width) continue;
    for (const el of svg.querySelectorAll('path, line, rect, circle')) {
      const style = getComputedStyle(el);
      for (const paint of ['fill', 'stroke']) {
        if (!(el.getAttribute(paint) || '').startsWith('#')) continue;
        const alpha = parseFloat(style.opacity) * parseFloat(style[paint + 'Opacity']);
        if (alpha > 0) marks.push({chart: svg.closest('figure').dataset.chart, colour: rgb(style[paint]), alpha});
      }
    }
  }
  return {background: rgb(getComputedStyle(document.body).backgroundColor), marks};
}"""


def _luminance(rgb) -> float:
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(mark, alpha, background) -> float:
    seen = [m * alpha + b * (1 - alpha) for m, b in zip(mark, background, strict=True)]
    hi, lo = sorted((_luminance(seen), _luminance(background)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_contrast_measure_tells_a_faint_mark_from_a_solid_one():
    slate = (30, 32, 41)
    assert contrast((59, 130, 196), 0.45, slate) < 3 <= contrast((59, 130, 196), 1, slate)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("stem", DRAWN_ON)
def test_at_375px_every_chart_label_is_at_least_11px_and_inside_its_chart(open_page, stem, lang):
    page, _ = open_page(PageId(stem, lang).url(), width=375, height=740)
    shown = page.evaluate(MEASURE)
    assert len(shown) == page.locator("figure.chart .chart__svg").count() > 0
    for svg in shown:
        assert svg["texts"] > 0
        assert svg["smallest"] >= MIN_PX, svg
        assert svg["cut"] == [], svg  # no figure runs past the chart's edge


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phones_get_the_narrow_variant_at_its_natural_size_and_wider_screens_the_wide_one(open_page, lang):
    for stem in DRAWN_ON:
        page, _ = open_page(PageId(stem, lang).url(), width=375)
        # CSS alone picks the drawing: the same page, widened, must switch to the wide one.
        for width, variant in ((375, "chart__narrow"), (1280, "chart__wide")):
            page.set_viewport_size({"width": width, "height": 900})
            shown = page.evaluate(MEASURE)
            assert shown, (stem, width)
            for svg in shown:
                assert svg["variant"] == variant, (stem, width, svg)
                assert svg["scale"] == pytest.approx(1, abs=0.01), (stem, svg)  # drawn at its natural size


# The centres of the first n dots (circles drawn as arcs; the legend's come after them).
DOTS = """n => [...[...document.querySelectorAll('figure.chart .chart__svg svg')]
  .find(svg => svg.getBoundingClientRect().width > 0).querySelectorAll('path[d*="A"]')].slice(0, n)
  .map(p => { const r = p.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_runs_down_a_phone_and_across_wider_screens(open_page, lang):
    events = len(load_charts(ROOT, load_sources(ROOT))["export-control-timeline"].rows)
    page, _ = open_page(PageId("timeline", lang).url(), width=375)
    dots = page.evaluate(DOTS, events)
    xs, ys = [x for x, _ in dots], [y for _, y in dots]
    assert max(xs) - min(xs) < 1 and ys == sorted(ys) and len(set(ys)) == events  # one column, later lower
    page, _ = open_page(PageId("timeline", lang).url(), width=1280)
    xs = [x for x, _ in page.evaluate(DOTS, events)]
    assert xs == sorted(xs) and max(xs) - min(xs) > 200  # later further right


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("lang, claimed", [("zh", "所称，未经证实"), ("en", "claimed, not confirmed")])
def test_claimed_values_are_outlined_and_dashed_and_named_in_the_legend(open_page, lang, claimed, width):
    page, _ = open_page(PageId("index", lang).url(), width=width)
    fig = page.locator('figure[data-chart="nvidia-ban-cost"]')
    mark = fig.locator(".chart__svg svg:visible g.claimed path")
    assert mark.count() == 1
    style = mark.evaluate("e => [getComputedStyle(e).fillOpacity, getComputedStyle(e).strokeDasharray]")
    assert style[0] == "0" and style[1] not in ("none", "")
    # Checked bars stay solid.
    solid = fig.locator(".chart__svg svg:visible path[fill='#3b82c4']:not([fill-opacity])")
    assert solid.count() >= 3
    legend = fig.locator(".chart__legend")
    assert legend.is_visible() and claimed in legend.inner_text()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("stem", DRAWN_ON)
def test_marks_keep_3_to_1_against_the_page_in_both_palettes(open_page, stem, scheme, width):
    page, _ = open_page(PageId(stem, "en").url(), width=width, scheme=scheme)
    found = page.evaluate(MARKS)
    assert found["marks"]
    assert (sum(found["background"]) < 300) == (scheme == "dark")
    for m in found["marks"]:
        assert contrast(m["colour"], m["alpha"], found["background"]) >= 3, m


@pytest.mark.parametrize("lang, claimed", [("zh", "所称，未经证实"), ("en", "claimed, not confirmed")])
def test_the_kunlunxin_figures_are_a_quote_card(open_page, lang, claimed):
    page, _ = open_page(PageId("strategic-paths", lang).url(), width=375)
    fig = page.locator('figure[data-chart="kunlunxin-supernode-claims"]')
    assert fig.locator("blockquote").is_visible()
    assert "13" in fig.locator("blockquote").inner_text()
    assert claimed in fig.locator(".chart__legend").inner_text()
    assert fig.locator("svg").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
