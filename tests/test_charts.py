"""Charts: rendered from data to static SVG, per language, with caption,
sources, text alternative, data table and CSV, within the size budget."""

from __future__ import annotations

import dataclasses
import os
import re
import unicodedata
from html import escape as html_escape
from pathlib import Path

import pytest

from helpers import ROOT, as_read, built_page
from site_tools.charts import MAX_BYTES, VARIANTS, load_charts, load_rows, render_svg
from site_tools.findings import DataError
from site_tools.languages import LANGUAGES
from site_tools.pages import parse_page
from site_tools.languages import PageId
from site_tools.parity import check_parity
from site_tools.glossary import Glossary
from site_tools.sources import load_sources
from site_tools.typography import curly_quotes

SOURCES = load_sources(ROOT)
CHARTS = load_charts(ROOT, SOURCES)
DRAWN = sorted(cid for cid, c in CHARTS.items() if c.kind != "quote")  # a quote card has no SVG
PLACES = {
    "nvidia-china-share": "impact-on-china",
    "nvidia-ban-cost": "index",
    "h20-vs-h100": "impact-on-china",
    "china-self-sufficiency": "impact-on-china",
    "export-control-timeline": "timeline",
    "kunlunxin-supernode-claims": "strategic-paths",
}


def texts(svg: str) -> list[str]:
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg)


def test_the_six_required_charts_are_registered():
    assert set(PLACES) <= set(CHARTS)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("cid", DRAWN)
def test_each_chart_renders_from_its_data_as_svg_text(cid, variant):
    chart = CHARTS[cid]
    for lang in LANGUAGES:
        svg = render_svg(chart, lang, variant)
        assert svg.startswith("<svg") and "<script" not in svg
        labels = " ".join(texts(svg))
        # Every row's label is in the SVG as selectable text (the timeline prefixes the date);
        # on a time axis, checked points are named by their figure and date, claims by their label.
        for row in chart.rows:
            if chart.kind == "points" and not row.claimed:
                assert f"{row.value:g}%" in labels
            elif chart.kind != "ratio" or row.series and row.series["en"] == "H20":
                label = curly_quotes(row.label[lang]) if lang == "en" else row.label[lang]  # quotes curled
                assert label in labels, (cid, lang, label)


# Bar charts whose rows are labelled differently in each language: the others show the same
# label (a chip name, a date) in both, and say nothing about the language.
TRANSLATED_BARS = sorted(
    cid for cid in DRAWN if CHARTS[cid].kind == "bar" and any(r.label["zh"] != r.label["en"] for r in CHARTS[cid].rows)
)


def test_some_bar_chart_has_translated_labels_to_check():
    assert TRANSLATED_BARS


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("cid", TRANSLATED_BARS)
def test_labels_are_in_the_page_language(cid, variant):
    chart = CHARTS[cid]
    zh, en = (set(texts(render_svg(chart, lang, variant))) for lang in LANGUAGES)
    for row in (r for r in chart.rows if r.label["zh"] != r.label["en"]):
        assert row.label["zh"] in zh and row.label["en"] not in zh
        assert row.label["en"] in en and row.label["zh"] not in en


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("cid", DRAWN)
def test_each_chart_stays_within_the_size_budget(cid, variant):
    for lang in LANGUAGES:
        assert len(render_svg(CHARTS[cid], lang, variant).encode()) <= MAX_BYTES


def _width(label: str, size: float = 12) -> float:
    """A lower bound of a label's width: wide (CJK) characters are one em."""
    return sum(size * (1.0 if unicodedata.east_asian_width(c) in "WF" else 0.45) for c in label)


def test_chinese_labels_are_measured_with_a_cjk_font():
    from site_tools.charts import cjk_font_available

    if not cjk_font_available():
        message = "no Chinese font installed (Debian: fonts-wqy-microhei)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    svg = render_svg(CHARTS["nvidia-ban-cost"], "zh")
    # The plot starts right of the longest axis label: the label area is wide enough.
    offset = float(re.search(r'transform="translate\(([\d.]+),', svg)[1])
    longest = max((r.label["zh"] for r in CHARTS["nvidia-ban-cost"].rows), key=_width)
    assert offset >= _width(longest) * 0.95


def test_values_use_chinese_units_on_chinese_charts():
    zh = texts(render_svg(CHARTS["nvidia-ban-cost"], "zh"))
    en = texts(render_svg(CHARTS["nvidia-ban-cost"], "en"))
    assert "55 亿美元" in zh and "1480 亿至 1900 亿美元" in zh
    assert "US$5.5 billion" in en and "US$148–190 billion" in en


def test_the_checks_and_the_plugin_share_one_svg_cache():
    """Rendering is the slow step: the build script's checks and the MkDocs plugin reach the
    same render_svg, so each SVG is rendered once per process."""
    from site_tools import checks, plugin
    from site_tools.charts import render

    assert checks.render_svg is plugin.render_svg is render.render_svg


def test_a_chart_whose_data_changed_is_rendered_anew_not_taken_from_the_cache():
    chart = CHARTS["china-self-sufficiency"]
    changed = dataclasses.replace(chart, rows=(dataclasses.replace(chart.rows[0], value=40), *chart.rows[1:]))
    assert "34%" in texts(render_svg(chart, "en"))
    assert "40%" in texts(render_svg(changed, "en")) and "34%" not in texts(render_svg(changed, "en"))


# --- bad data ----------------------------------------------------------------------

HEADER = "label_zh,label_en,value,unit,date,source\n"


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "docs" / "charts" / "x.csv"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, line, needle",
    [
        (
            HEADER + "甲,A,95,%,2021,reuters-2025-05-21\n乙,B,half,%,2025,reuters-2025-05-21\n",
            3,
            "value 'half' is not a number",
        ),
        (HEADER + "甲,A,95,%,2021,\n", 2, "no source"),
        (HEADER + "甲,A,95,%,2021,no-such-source\n", 2, "source 'no-such-source' is not in docs/data/sources.yml"),
        ("label_zh,label_en,value,unit,date,source,colour\n", 1, "unknown column 'colour'"),
        (HEADER + "甲,A,95,%,2021-13,reuters-2025-05-21\n", 2, "date '2021-13'"),
        (HEADER + '甲,"A,95,%,2021,reuters-2025-05-21\n', 2, "malformed CSV"),
    ],
)
def test_bad_chart_data_gives_file_and_line(tmp_path, text, line, needle):
    rows, findings = load_rows(_csv(tmp_path, text), tmp_path, SOURCES)
    assert findings, "no finding"
    f = findings[0]
    assert (f.path, f.line, f.rule) == ("docs/charts/x.csv", line, "DATA-CHART") and needle in f.message


def test_good_chart_data_gives_rows():
    rows, findings = load_rows(
        _csv(Path(__import__("tempfile").mkdtemp()), HEADER + "甲,A,95,%,2021,reuters-2025-05-21\n"), ROOT, SOURCES
    )
    assert findings == [] and rows[0].value == 95


def test_a_bad_registry_entry_is_reported_at_its_line(tmp_path):
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "charts.yml").write_text("- id: a\n  kind: pie\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_charts(tmp_path, SOURCES)
    assert (2, "chart 'a' has kind 'pie'") in [(f.line, f.message) for f in e.value.findings]


def test_a_chart_in_one_language_only_is_a_parity_error():
    zh = parse_page("---\ntitle: 甲\n---\n# 甲 {#a}\n\n::: chart h20-vs-h100\n", "docs/a.zh.md", PageId("a", "zh"))
    en = parse_page("---\ntitle: A\n---\n# A {#a}\n", "docs/a.en.md", PageId("a", "en"))
    [f] = check_parity([zh, en], Glossary([]))
    assert (f.rule, f.path, f.line) == ("PARITY-CHARTS", "docs/a.zh.md", 4)


# --- the built pages --------------------------------------------------------------


@pytest.mark.parametrize("cid", sorted(PLACES))
def test_the_chart_is_a_figure_with_title_caption_alternative_table_and_csv(built_site, cid):
    chart = CHARTS[cid]
    for lang in LANGUAGES:
        page = built_page(built_site, PLACES[cid], lang)
        html = page.read_text(encoding="utf-8")
        m = re.search(rf'<figure class="chart[^"]*" id="chart-{cid}".*?</figure>', html, re.S)
        assert m, f"{cid} not on {page}"
        # As read: numbers kept with their units and dates kept whole at line ends (linebreaks.py),
        # English text typeset with curly quotes after rendering.
        fig = as_read(m[0])
        shown = curly_quotes if lang == "en" else str
        assert shown(html_escape(chart.title[lang])) in fig
        if chart.kind != "quote":
            assert re.search(r'role="img" aria-labelledby="chart-[a-z0-9-]+-title chart-[a-z0-9-]+-desc"', fig)
        assert f'id="chart-{cid}-desc">{shown(html_escape(chart.message[lang]))}</p>' in fig
        caption = re.search(r"<figcaption[^>]*>(.*?)</figcaption>", fig, re.S)[1]
        for row in chart.rows:
            assert f"#{row.source}" in caption and row.date in caption
        assert "<details" in fig and "<table>" in fig and len(re.findall("<tr>", fig)) == len(chart.rows) + 1
        href = re.search(r'<a href="([^"]+\.csv)" download>', fig)[1]
        assert (page.parent / href).resolve().is_file()


def test_no_chart_javascript_at_runtime(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"vega|vl-convert", html, re.I) or "<script" not in html.split("vega")[0][-200:]
    assert not list(built_site.rglob("vega*.js"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_each_year_is_marked_just_above_its_first_event_never_beside_the_year_before(lang):
    from site_tools.charts.spec import vega_lite_spec

    spec = vega_lite_spec(CHARTS["export-control-timeline"], lang, "narrow")
    years = next(layer for layer in spec["layer"] if "layer" in layer)["data"]["values"]
    events = next(layer for layer in spec["layer"] if layer.get("data", {}).get("values", [{}])[0].get("date"))
    dots = [(e["date"][:4], e["dot"]) for e in events["data"]["values"]]
    assert [y["year"] for y in years] == list(dict.fromkeys(year for year, _ in dots))
    for mark in years:
        first = next(i for i, (year, _) in enumerate(dots) if year == mark["year"])
        assert mark["y"] < dots[first][1]  # above its first event, and nearer it than the year before's last
        assert first == 0 or dots[first][1] - mark["y"] < mark["y"] - dots[first - 1][1]


@pytest.mark.parametrize("variant", VARIANTS)
def test_english_chart_labels_have_curly_quotes_as_the_page_around_them(variant):
    labelled = CHARTS["nvidia-china-share"]
    assert any('"' in row.label["en"] for row in labelled.rows)  # the data has straight ones
    for cid, chart in CHARTS.items():
        straight = [t for t in texts(render_svg(chart, "en", variant)) if '"' in t or "'" in t]
        assert straight == [], (cid, straight)


def test_a_drawn_chart_drops_markup_that_draws_nothing():
    from site_tools.charts.render import _tidy

    drawn = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
        'width="5"><g fill="none"><g><g transform="translate(0,0)"><g/><path d="M1"/></g></g>'
        '<g><text transform="translate(2,0)">x</text></g><line x2="0" y2="-8" stroke-width="1"/>'
        '<line x2="4" stroke-width="2"/></g></svg>'
    )
    assert _tidy(drawn) == (
        '<svg width="5"><g fill="none"><g/><path d="M1"/><text transform="translate(2,0)">x</text>'
        '<line y2="-8"/><line x2="4" stroke-width="2"/></g></svg>'
    )


def test_built_charts_carry_no_bare_group_and_no_namespace_declaration(built_site):
    html = built_page(built_site, "index", "zh").read_text(encoding="utf-8")
    figure = re.search(r'<figure class="chart\b.*?</figure>', html, re.S)[0]
    svgs = re.findall(r"<svg\b.*?</svg>", figure, re.S)
    assert svgs and all("<g>" not in s and "xmlns" not in s and "translate(0,0)" not in s for s in svgs)
    # A stroke width dropped as the default holds only if no group sets another one.
    assert not any(re.search(r"<g\b[^>]*stroke-width", s) for s in svgs)
