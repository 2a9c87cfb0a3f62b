"""Charts that do not overstate: claims drawn apart from checked data, ranges without an
invented midpoint, marks that keep 3:1 contrast on both palettes, a quote card for claims
that are not data, the share on a time axis, the timeline down a phone, and a valid,
escaped <figure>."""

from __future__ import annotations

import dataclasses
import datetime
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import ROOT, as_read, built_page
from site_tools.charts import (
    BAR,
    PAGE_BACKGROUNDS,
    SERIES,
    VARIANTS,
    figure_html,
    load_charts,
    load_rows,
    render_svg,
    vega_lite_spec,
)
from site_tools.languages import LANGUAGES
from site_tools.sources import load_sources

SOURCES = load_sources(ROOT)
CHARTS = load_charts(ROOT, SOURCES)
DRAWN = sorted(cid for cid, c in CHARTS.items() if c.kind != "quote")
HEADER = "label_zh,label_en,value,low,high,unit,date,source,status\n"


def _rows(tmp_path: Path, body: str):
    path = tmp_path / "docs" / "charts" / "x.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return load_rows(path, tmp_path, SOURCES)


# --- data: ranges and claims ------------------------------------------------------


def test_a_range_needs_no_value(tmp_path):
    rows, findings = _rows(tmp_path, "甲,A,,148,190,US$ bn,2025-04-16,reuters-2025-04-16,\n")
    assert findings == [] and (rows[0].value, rows[0].low, rows[0].high) == (None, 148, 190)


def test_a_row_with_neither_value_nor_range_is_refused(tmp_path):
    rows, [finding] = _rows(tmp_path, "甲,A,,,,US$ bn,2025-04-16,reuters-2025-04-16,\n")
    assert rows == [] and finding.line == 2 and "no value" in finding.message


def test_half_a_range_is_refused(tmp_path):
    _, [finding] = _rows(tmp_path, "甲,A,,148,,US$ bn,2025-04-16,reuters-2025-04-16,\n")
    assert "give both low and high" in finding.message


@pytest.mark.parametrize("status, claimed", [("", False), ("checked", False), ("claimed", True)])
def test_status_marks_a_claim(tmp_path, status, claimed):
    rows, findings = _rows(tmp_path, f"甲,A,160,,,US$ bn,2025-07-22,wenweipo-2025-07-22,{status}\n")
    assert findings == [] and rows[0].claimed is claimed


def test_an_unknown_status_is_refused(tmp_path):
    _, [finding] = _rows(tmp_path, "甲,A,160,,,US$ bn,2025-07-22,wenweipo-2025-07-22,rumoured\n")
    assert "status 'rumoured' is not one of checked, claimed" in finding.message


def test_the_market_value_range_has_no_midpoint():
    [row] = [r for r in CHARTS["nvidia-ban-cost"].rows if r.low is not None]
    assert (row.value, row.low, row.high) == (None, 148, 190)


def test_the_h20_production_point_is_in_the_second_quarter_of_2024():
    [row] = [
        r for r in CHARTS["export-control-timeline"].rows if r.source == "reuters-2024-01-08" and "H20" in r.label["en"]
    ]
    assert row.date == "2024-04"
    assert row.note == {
        "zh": "路透社 1 月报道计划二季度量产",
        "en": "Reuters reported in January that mass production was planned for Q2",
    }


def test_the_three_charges_are_marked_not_additive():
    panels = {lang: {(r.panel or {}).get(lang) for r in CHARTS["nvidia-ban-cost"].rows} for lang in LANGUAGES}
    assert any("不可相加" in p for p in panels["zh"] if p)
    assert any("not additive" in p for p in panels["en"] if p)
    assert "不可相加" in CHARTS["nvidia-ban-cost"].message["zh"]
    assert "not additive" in CHARTS["nvidia-ban-cost"].message["en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_a_panel_on_its_own_scale_says_so_and_the_first_need_not(lang):
    # Stacked without axes, US$160 billion drew shorter than US$5.5 billion.
    from site_tools.charts.spec import TEXT

    svg = render_svg(CHARTS["nvidia-ban-cost"], lang, "narrow")
    assert svg.count(TEXT[lang]["own_scale"]) == 1
    assert TEXT[lang]["own_scale"] not in render_svg(CHARTS["h20-vs-h100"], lang, "narrow")


def test_axis_figures_have_no_thousands_separator_as_the_figures_in_the_text_have_none():
    # The Chinese axis read "1,000 / 2,000" beside "1600 亿美元".
    svg = render_svg(CHARTS["nvidia-ban-cost"], "zh", "wide")
    assert ">1000<" in svg and ",000" not in svg


# --- claims are drawn apart --------------------------------------------------------


def _claimed_group(svg: str) -> str:
    """The marks of every claimed layer (a panel without claims has an empty one)."""
    return "".join(re.findall(r'<g class="claimed">(.*?)</g>', svg, re.S))


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_claimed_bar_is_outlined_and_dashed_a_checked_one_is_not(variant):
    chart = CHARTS["nvidia-ban-cost"]
    claim = next(r for r in chart.rows if r.claimed)
    as_checked = dataclasses.replace(chart, rows=tuple(dataclasses.replace(r, status="checked") for r in chart.rows))
    drawn = _claimed_group(render_svg(chart, "en", variant))
    assert drawn.count("<path") == 1 and 'stroke-dasharray="4,2"' in drawn and 'fill-opacity="0"' in drawn
    assert f'stroke="{BAR}"' in drawn and claim.label["en"] in " ".join(
        re.findall(r">([^<]+)</text>", render_svg(chart, "en", variant))
    )
    assert _claimed_group(render_svg(as_checked, "en", variant)) == ""


def test_the_remark_on_the_share_chart_is_drawn_as_a_claim():
    for variant in VARIANTS:
        assert _claimed_group(render_svg(CHARTS["nvidia-china-share"], "en", variant)).count("<path") == 1


@pytest.mark.parametrize("cid", DRAWN)
def test_no_chart_turns_text_on_its_side(cid):
    # The share chart's axis title once lay rotated: Chinese characters on their sides.
    for lang in LANGUAGES:
        for variant in VARIANTS:
            assert "rotate(" not in render_svg(CHARTS[cid], lang, variant)


# --- contrast ------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _blend(hex_colour: str, alpha: float, background: str) -> str:
    mix = [
        round(int(hex_colour[i : i + 2], 16) * alpha + int(background[i : i + 2], 16) * (1 - alpha)) for i in (1, 3, 5)
    ]
    return "#" + "".join(f"{c:02x}" for c in mix)


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _mark_colours(svg: str) -> list[tuple[str, float]]:
    """Each coloured mark's fill or stroke with its opacity; unseen marks (opacity 0) left out."""
    out = []
    for tag in re.findall(r"<(?:path|line|rect|circle)\b[^>]*>", svg):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        opacity = float(attrs.get("opacity", 1))
        for paint, alpha in (("fill", "fill-opacity"), ("stroke", "stroke-opacity")):
            colour = attrs.get(paint, "")
            if colour.startswith("#") and opacity * float(attrs.get(alpha, 1)) > 0:
                out.append((colour, opacity * float(attrs.get(alpha, 1))))
    return out


def test_the_contrast_check_catches_the_old_colours():
    # The former orange series on white, and the former range bar (45% opacity) on slate.
    assert contrast("#d9822b", PAGE_BACKGROUNDS[0]) < 3
    assert contrast(_blend(BAR, 0.45, PAGE_BACKGROUNDS[1]), PAGE_BACKGROUNDS[1]) < 3
    assert contrast(BAR, PAGE_BACKGROUNDS[1]) >= 3


@pytest.mark.parametrize("colour", [BAR, *SERIES])
@pytest.mark.parametrize("background", PAGE_BACKGROUNDS)
def test_chart_colours_keep_3_to_1_on_both_palettes(colour, background):
    assert contrast(colour, background) >= 3


@pytest.mark.parametrize("cid", DRAWN)
def test_every_drawn_mark_keeps_3_to_1_on_both_palettes(cid):
    for lang in LANGUAGES:
        for variant in VARIANTS:
            marks = _mark_colours(render_svg(CHARTS[cid], lang, variant))
            assert marks, "no coloured marks found"
            for background in PAGE_BACKGROUNDS:
                for colour, alpha in marks:
                    seen = _blend(colour, alpha, background)
                    assert contrast(seen, background) >= 3, (cid, lang, variant, colour, alpha, background)


# --- the share on a time axis, the timeline down a phone ------------------------------


def _translate(fragment: str) -> tuple[float, float]:
    x, y = re.search(r'transform="translate\(([-\d.]+),([-\d.]+)\)"', fragment).groups()
    return float(x), float(y)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_share_chart_spaces_its_points_by_time(variant):
    chart = CHARTS["nvidia-china-share"]
    assert chart.kind == "points"
    svg = render_svg(chart, "en", variant)
    # The dots: circles drawn as arcs, filled for the two checked figures, open for the remark.
    dots = re.findall(r'<path transform="translate\(([-\d.]+),[-\d.]+\)" d="M[\d.]+,0A[^"]*"([^>]*)>', svg)
    assert [("fill-opacity" in rest) for _, rest in dots] == [False, False, True]
    x95, x50, x0 = (float(x) for x, _ in dots)
    d = [datetime.date.fromisoformat(s) for s in ("2021-01-01", "2025-05-01", "2025-10-06")]
    # Equal-width bars would give 1; a time axis gives about 4 years to 5 months.
    assert (x50 - x95) / (x0 - x50) == pytest.approx((d[1] - d[0]) / (d[2] - d[1]), rel=0.1)


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_share_charts_remark_at_zero_sits_above_the_axis_and_shows_its_value(variant):
    # The open dot was drawn half on the axis line, and it alone had no value beside it.
    chart = CHARTS["nvidia-china-share"]
    svg = render_svg(chart, "en", variant)
    height = vega_lite_spec(chart, "en", variant)["height"]
    dots = re.findall(r'<path transform="translate\([-\d.]+,([-\d.]+)\)" d="M([\d.]+),0A', svg)
    y, radius = (float(v) for v in dots[-1])  # the remark's open dot, drawn last
    assert y + radius < height
    assert re.search(r">0%</text>", svg)


def test_the_share_chart_is_titled_as_huangs_account():
    assert CHARTS["nvidia-china-share"].title == {
        "zh": "英伟达在华份额（黄仁勋所述）",
        "en": "NVIDIA's share in China, as Jensen Huang described it",
    }
    [zero] = [r for r in CHARTS["nvidia-china-share"].rows if r.value == 0]
    assert zero.claimed and zero.source == "huang-2025-10-zero" and zero.date.startswith("2025-10")


def test_the_timeline_runs_down_on_phones_and_across_on_wider_screens():
    chart = CHARTS["export-control-timeline"]
    narrow = render_svg(chart, "en", "narrow")
    dates = [(t, _translate(tag)) for tag, t in re.findall(r"(<text[^>]*>)(\d{4}-\d{2}(?:-\d{2})?)</text>", narrow)]
    assert [t for t, _ in dates] == [r.date for r in chart.rows]
    ys = [y for _, (_, y) in dates]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)  # later is lower down
    assert len({x for _, (x, _) in dates}) == 1  # in one column
    wide = vega_lite_spec(chart, "en", "wide")
    assert wide["encoding"]["x"]["type"] == "temporal"


# --- the quote card -------------------------------------------------------------------


def test_the_kunlunxin_figures_are_a_quote_card_not_bars(built_site):
    chart = CHARTS["kunlunxin-supernode-claims"]
    assert chart.kind == "quote" and all(r.claimed for r in chart.rows)
    assert "单机训练性能提升 10 倍，单卡推理性能提升 13 倍" in chart.quote["zh"]
    for lang, claimed in (("zh", "所称，未经证实"), ("en", "claimed, not confirmed")):
        html = built_page(built_site, "strategic-paths", lang).read_text(encoding="utf-8")
        fig = as_read(re.search(r'<figure [^>]*id="chart-kunlunxin-supernode-claims".*?</figure>', html, re.S)[0])
        assert f'<blockquote class="chart__quote"><p>{chart.quote[lang]}</p></blockquote>' in fig
        assert claimed in fig and "<svg" not in fig
        assert re.search(r'<figcaption[^>]*>.*href="[^"]*sources\.html#wenweipo-2025-07-22"', fig, re.S)


# --- the figure -------------------------------------------------------------------------


class _Children(HTMLParser):
    """The tags of the figure's direct children, in order."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.depth, self.children = 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth == 1:
            self.children.append(tag)
        if tag not in self.VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth == 1:
            self.children.append(tag)

    def handle_endtag(self, tag):
        self.depth -= 1


def _children(fig: str) -> list[str]:
    p = _Children()
    p.feed(fig)
    return p.children


def test_the_child_order_check_catches_a_caption_in_the_middle():
    assert _children("<figure><p>t</p><figcaption>c</figcaption><details>d</details></figure>")[-1] == "details"


@pytest.mark.parametrize("cid", sorted(CHARTS))
def test_the_figcaption_is_the_figures_last_child(cid):
    for lang in LANGUAGES:
        fig = figure_html(CHARTS[cid], render_svg(CHARTS[cid], lang), lang, "index.html", SOURCES)
        kids = _children(fig)
        assert kids.count("figcaption") == 1 and kids[-1] == "figcaption", kids


def test_every_data_field_is_escaped():
    chart = CHARTS["china-self-sufficiency"]
    evil = '<img src=x onerror="alert(1)">&'
    row = dataclasses.replace(chart.rows[0], label={"zh": evil, "en": evil}, note={"zh": evil, "en": evil}, date="2024")
    hostile = dataclasses.replace(
        chart, title={"zh": evil, "en": evil}, message={"zh": evil, "en": evil}, rows=(row, *chart.rows[1:])
    )
    for lang in LANGUAGES:
        fig = figure_html(hostile, "<svg></svg>", lang, "index.html", SOURCES)
        assert "<img" not in fig and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;" in fig
        plain = figure_html(chart, "<svg></svg>", lang, "index.html", SOURCES)
        assert "&lt;img" not in plain
