"""The Vega-Lite spec of a chart, per kind (bar, ratio, timeline, points) and per variant: 'wide'
for tablets and desktops, 'narrow' drawn at its natural size in a phone's content column."""

from __future__ import annotations

import datetime
import json
import unicodedata

from ..languages import strings_for
from ..typography import curly_quotes
from .data import Chart, display_value, shown_value

LABEL_SLACK = 40  # px of room left of the longest axis label (see vega_lite_spec)
# Marks keep >= 3:1 contrast on the light (white) and the dark (slate, #1e2029) page
# (WCAG 1.4.11); text and rules use currentColor.
BAR = "#3b82c4"
SERIES = ["#3b82c4", "#c46f1f", "#279060", "#9b62bd"]
PAGE_BACKGROUNDS = ("#ffffff", "#1e2029")
# The narrow variant is drawn at its natural size in a phone's content column (about 309 px at 375 px).
NARROW_WIDTH = 300
NARROW_FONT = 13
FONT = (
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', "
    "'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"
)

TEXT = strings_for("chart")  # the strings live in languages.py
VARIANTS = ("wide", "narrow")


# Widths in em, erring wide (DejaVu Sans; narrower fonts leave a little room): a figure's
# "120%" measured short was cut off at the chart's edge.
_EM = {"%": 0.95, "W": 1.0, "M": 0.9, "m": 0.98, " ": 0.32, ".": 0.32, ",": 0.32}


def _text_width(text: str, size: float) -> float:
    """An estimate of a label's width: wide (CJK) characters are one em, digits 0.64, others
    about 0.6 (see _EM)."""
    return sum(
        size * (1.0 if unicodedata.east_asian_width(c) in "WF" else _EM.get(c, 0.64 if c.isdigit() else 0.6))
        for c in text
    )


def _day(value: str) -> datetime.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])


def _ms(day: datetime.date) -> int:
    """A date as Vega's UTC timestamp."""
    return int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp() * 1000)


def _base_config(size: int = 12) -> dict:
    return {
        "background": None,
        "font": FONT,
        # Axis figures as the marks' own figures are written (data.display_value): 1600, not 1,600.
        "numberFormat": ".12~g",  # a precision of its own, or the axis turns 1000 into 1e+3
        "view": {"stroke": None},
        "axis": {
            "labelColor": "currentColor",
            "titleColor": "currentColor",
            "domainColor": "currentColor",
            "tickColor": "currentColor",
            "gridColor": "currentColor",
            "gridOpacity": 0.15,
            "labelFontSize": size,
            "titleFontSize": size,
            "titleFontWeight": "normal",
        },
        "legend": {
            "labelColor": "currentColor",
            "titleColor": "currentColor",
            "labelFontSize": size,
            "titleFontSize": size,
            "orient": "bottom",
            "direction": "horizontal",
        },
        "header": {"labelColor": "currentColor", "labelFontSize": size, "labelFontWeight": "bold"},
        "title": {
            "color": "currentColor",
            "fontSize": size,
            "fontWeight": "bold",
            "anchor": "start",
            "offset": 4,
            "subtitleColor": "currentColor",
            "subtitleFontSize": size,
        },
        "text": {"color": "currentColor", "fontSize": size},
    }


def _values(chart: Chart, lang: str) -> list[dict]:
    values = []
    for i, r in enumerate(chart.rows):
        v = display_value(r.value, r.unit, lang)[0] if r.value is not None else None
        lo = display_value(r.low, r.unit, lang)[0] if r.low is not None else None
        hi = display_value(r.high, r.unit, lang)[0] if r.high is not None else None
        values.append(
            {
                "order": i,
                # The page's typography curls quotes in its HTML, not inside a chart's SVG.
                "label": curly_quotes(r.label[lang]) if lang == "en" else r.label[lang],
                "series": (r.series or {}).get(lang, ""),
                "panel": (r.panel or {}).get(lang, ""),
                "value": v,
                "text": shown_value(r, lang),
                "low": lo,
                "high": hi,
                "end": hi if v is None else v,
                "claimed": r.claimed,
                "date": r.date,
            }
        )
    return values


# Marks drawn for claims, not data: outlined and dashed.
def _claimed_mark(kind: str, **extra) -> dict:
    return {
        "type": kind,
        "claimed": True,
        "stroke": BAR,
        "strokeWidth": 2,
        "strokeDash": [4, 2],
        "fill": BAR,
        "fillOpacity": 0,
        **extra,
    }


def _name_claims(spec, count: list[int]) -> None:
    """Name each layer that draws claims (names are unique per chart): the name survives in
    the SVG as class="claimed" (see _tidy), for the tests and the stylesheet."""
    if isinstance(spec, dict):
        if isinstance(spec.get("mark"), dict) and spec["mark"].pop("claimed", False):
            count[0] += 1
            spec["name"] = f"claimed{count[0]}"
        for value in spec.values():
            _name_claims(value, count)
    elif isinstance(spec, list):
        for value in spec:
            _name_claims(value, count)


def vega_lite_spec(chart: Chart, lang: str, variant: str = "wide") -> dict:
    """The chart's Vega-Lite spec: 'wide' for tablets and desktops, 'narrow' drawn
    at its natural size in a phone's content column."""
    values = _values(chart, lang)
    if chart.kind == "quote":
        raise ValueError("a quote card has no chart")
    if variant == "narrow":
        draw = {"bar": _narrow_bar, "ratio": _narrow_ratio, "timeline": _narrow_timeline, "points": _narrow_points}
        spec = draw[chart.kind](chart, lang, values)
        config = _base_config(NARROW_FONT)
        padding = {"left": 2, "top": 4, "right": 2, "bottom": 4}
    else:
        spec = {"bar": _wide_bar, "ratio": _wide_ratio, "timeline": _wide_timeline, "points": _points}[chart.kind](
            chart, lang, values
        )
        config = _base_config()
        # Labels are measured with this machine's fonts and drawn with the reader's, which may be
        # wider: the left padding keeps right-aligned axis labels inside the SVG.
        padding = {"left": LABEL_SLACK, "top": 5, "right": 5, "bottom": 5}
    _name_claims(spec, [0])
    # The figure carries the text alternative: no per-mark ARIA labels in the SVG.
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": config,
        "aria": False,
        "padding": padding,
        **spec,
    }


def _bar_layers(
    y: dict, x_title, x_axis, scale: dict | None = None, text_offset: dict | None = None, bar: dict | None = None
) -> list[dict]:
    """Checked bars solid, claimed bars outlined, reported ranges as a thin bar from low to high,
    and the figure at the end of each."""
    x = {"type": "quantitative", "title": x_title, "axis": x_axis}
    if scale:
        x["scale"] = scale
    bar = bar or {"height": {"band": 0.7}}
    thin = {"height": {"band": 0.3}} if "band" in str(bar.get("height")) else {**bar, "height": 6}
    return [
        {
            "transform": [{"filter": "datum.low == null && !datum.claimed"}],
            "mark": {"type": "bar", "color": BAR, **bar},
            "encoding": {"y": y, "x": dict(x, field="value")},
        },
        {
            "transform": [{"filter": "datum.low == null && datum.claimed"}],
            "mark": _claimed_mark("bar", **bar),
            "encoding": {"y": y, "x": dict(x, field="value")},
        },
        {
            "transform": [{"filter": "datum.low != null"}],
            "mark": {"type": "bar", "color": BAR, **thin},
            "encoding": {"y": y, "x": dict(x, field="low"), "x2": {"field": "high"}},
        },
        {
            "mark": {"type": "text", "align": "left", "baseline": "middle", "dx": 4, **(text_offset or {})},
            "encoding": {
                "y": y,
                "x": {"field": "end", "type": "quantitative", **({} if x_axis else {"axis": None})},
                "text": {"field": "text"},
            },
        },
    ]


def _wide_bar(chart: Chart, lang: str, values: list[dict]) -> dict:
    sort = list(dict.fromkeys(v["label"] for v in values))  # the file's order
    y = {
        "field": "label",
        "type": "nominal",
        "sort": sort,
        "title": None,
        "axis": {"labelLimit": 220, "labelPadding": 6},
    }
    panelled = any(v["panel"] for v in values)
    width = 300 if panelled else 360
    # An unseen mark per row stretches the value axis so that the figure after the bar fits.
    for v in values:
        v["room"] = v["end"] * width / max(width - _text_width(v["text"], 12) - 8, 1)
    room = {
        "mark": {"type": "tick", "opacity": 0},
        "encoding": {"y": y, "x": {"field": "room", "type": "quantitative"}},
    }
    layers = [*_bar_layers(y, chart.axis[lang], {"tickCount": 6}), room]
    if panelled:
        return {
            "data": {"values": values},
            "facet": {
                "row": {
                    "field": "panel",
                    "type": "nominal",
                    "title": None,
                    "sort": list(dict.fromkeys(v["panel"] for v in values)),
                    "header": {"labelAngle": 0, "labelOrient": "top", "labelAnchor": "start", "labelPadding": 4},
                }
            },
            "spec": {"layer": layers, "width": 300, "height": {"step": 28}},
            "resolve": {"scale": {"x": "independent", "y": "independent"}},
        }
    return {"data": {"values": values}, "width": width, "height": {"step": 30}, "layer": layers}


def _narrow_bars(values: list[dict], title: str | None, extra: list[dict] | None = None, domain_min: float = 0) -> dict:
    """Bars for a phone: each label on its own line above its bar, the figure at the bar's end,
    no axis; the scale leaves room for the longest figure."""
    width = NARROW_WIDTH - 4
    room = max(v["end"] * width / max(width - _text_width(v["text"], NARROW_FONT) - 8, 1) for v in values)
    domain = [0, max(room, domain_min)]
    y = {"field": "order", "type": "ordinal", "axis": None, "scale": {"paddingInner": 0, "paddingOuter": 0}}
    label = {
        "mark": {"type": "text", "align": "left", "baseline": "top", "dy": -19, "limit": width},
        "encoding": {
            "y": y,
            "x": {"datum": 0, "type": "quantitative", "scale": {"domain": domain}, "axis": None},
            "text": {"field": "label"},
        },
    }
    bars = _bar_layers(y, None, None, {"domain": domain, "nice": False}, {"yOffset": 8}, {"height": 14, "yOffset": 8})
    spec = {"data": {"values": values}, "width": width, "height": {"step": 46}, "layer": [label, *bars, *(extra or [])]}
    if title:
        spec["title"] = {"text": title}
    return spec


def _narrow_bar(chart: Chart, lang: str, values: list[dict]) -> dict:
    panels = list(dict.fromkeys(v["panel"] for v in values))
    if panels == [""]:
        return _narrow_bars(values, None)
    # Each panel has its own scale (US$5.5 billion beside US$160 billion): the later ones say so,
    # or a shorter bar would read as a smaller figure.
    stacked = [_narrow_bars([v for v in values if v["panel"] == p], p) for p in panels]
    for spec in stacked[1:]:
        spec["title"].update(subtitle=TEXT[lang]["own_scale"], offset=10)
    return {"vconcat": stacked, "spacing": 14}


def _ratios(values: list[dict]) -> list[dict]:
    by_label: dict[str, dict] = {}
    for v in values:
        by_label.setdefault(v["label"], {})[v["series"]] = v
    out = []
    for label, by_series in by_label.items():
        if "H100" in by_series and "H20" in by_series:
            pct = round(by_series["H20"]["value"] / by_series["H100"]["value"] * 100)
            out.append(
                {
                    "order": len(out),
                    "label": label,
                    "value": pct,
                    "end": pct,
                    "text": f"{pct}%",
                    "low": None,
                    "high": None,
                    "claimed": False,
                }
            )
    return out


def _wide_ratio(chart: Chart, lang: str, values: list[dict]) -> dict:
    ratios = _ratios(values)
    y = {
        "field": "label",
        "type": "nominal",
        "sort": [v["label"] for v in ratios],
        "title": None,
        "axis": {"labelLimit": 220},
    }
    return {
        "data": {"values": ratios},
        "width": 360,
        "height": {"step": 30},
        "layer": [
            {
                "mark": {"type": "bar", "color": BAR, "height": {"band": 0.7}},
                "encoding": {
                    "y": y,
                    "x": {
                        "field": "value",
                        "type": "quantitative",
                        "title": TEXT[lang]["ratio"],
                        "scale": {"domain": [0, 140]},
                    },
                },
            },
            {
                "mark": {"type": "rule", "color": "currentColor", "strokeDash": [4, 3]},
                "encoding": {"x": {"datum": 100}},
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4},
                "encoding": {"y": y, "x": {"field": "value", "type": "quantitative"}, "text": {"field": "text"}},
            },
        ],
    }


def _narrow_ratio(chart: Chart, lang: str, values: list[dict]) -> dict:
    # The H100 = 100% reference line, named at its top.
    ref = [
        {
            "mark": {"type": "rule", "color": "currentColor", "strokeDash": [4, 3]},
            "encoding": {"x": {"datum": 100, "type": "quantitative"}},
        },
        {
            "mark": {"type": "text", "align": "center", "baseline": "bottom", "y": -2},
            "encoding": {"x": {"datum": 100, "type": "quantitative"}, "text": {"value": TEXT[lang]["h100"]}},
        },
    ]
    spec = _narrow_bars(_ratios(values), None, ref, domain_min=100)
    spec["padding"] = {"top": 20}
    return spec


def _wide_timeline(chart: Chart, lang: str, values: list[dict]) -> dict:
    for v in values:
        v["row"] = f"{v['date']}  {v['label']}"
    y = {
        "field": "row",
        "type": "nominal",
        "sort": [v["row"] for v in values],
        "title": None,
        "axis": {"labelLimit": 300, "labelPadding": 6, "grid": True},
    }
    return {
        "data": {"values": values},
        "width": 330,  # with its labels, within the measure's box (site.css) in both languages
        "height": {"step": 22},
        "mark": {"type": "point", "filled": True, "size": 70, "opacity": 1},
        "encoding": {
            "y": y,
            "x": {
                "field": "date",
                "type": "temporal",
                "title": chart.axis[lang],
                "axis": {"format": "%Y", "tickCount": "year"},
            },
            "color": {"field": "series", "type": "nominal", "title": None, "scale": {"range": SERIES}, "sort": None},
        },
    }


def _narrow_timeline(chart: Chart, lang: str, values: list[dict]) -> dict:
    """Time running down a spine: each event a dot with its date and label beside it, in date
    order; the space between two events grows with the time between them (up to a limit), and
    each new year is marked on the spine just above its first event (placed by date instead, a
    January mark sat beside the November event before it, and read as that event's year)."""
    spine, text_x, row, most = 46, 62, 34, 44
    days = [_day(v["date"]) for v in values]
    ys = [16.0]  # the first year's mark above the first event
    for before, after in zip(days, days[1:], strict=False):
        ys.append(ys[-1] + row + min((after - before).days * 0.12, most))
    height = round(ys[-1] + row)
    for v, y in zip(values, ys, strict=True):
        v.update(y=round(y, 1), dot=round(y + 8, 1), date_text=v["date"])
    years = []
    for year in range(days[0].year + 1, days[-1].year + 1):
        new = datetime.date(year, 1, 1)
        i = next(k for k, d in enumerate(days) if d >= new)
        above = min(18.0, (ys[i] - ys[i - 1]) / 2)  # as far above as the first year's mark, room allowing
        years.append({"y": round(ys[i] + 8 - above, 1), "year": str(days[i].year)})
    years.insert(0, {"y": 6, "year": str(days[0].year)})
    years = list({y["year"]: y for y in reversed(years)}.values())[::-1]  # a year with no event: no mark
    px_x = {"type": "quantitative", "scale": {"domain": [0, NARROW_WIDTH - 4], "nice": False}, "axis": None}
    px_y = {"type": "quantitative", "scale": {"domain": [0, height], "reverse": True, "nice": False}, "axis": None}
    color = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"range": SERIES},
        "sort": None,
        "legend": {"columns": 2, "symbolSize": 90, "labelLimit": 130},
    }
    return {
        "width": NARROW_WIDTH - 4,
        "height": height,
        "layer": [
            {
                "data": {"values": [{"y": 0, "y2": height}]},
                "mark": {"type": "rule", "color": "currentColor", "opacity": 0.5},
                "encoding": {"x": dict(px_x, datum=spine), "y": dict(px_y, field="y"), "y2": {"field": "y2"}},
            },
            {
                "data": {"values": years},
                "layer": [
                    {
                        "mark": {
                            "type": "tick",
                            "color": "currentColor",
                            "orient": "horizontal",
                            "size": 12,
                            "thickness": 2,
                        },
                        "encoding": {"x": dict(px_x, datum=spine), "y": dict(px_y, field="y")},
                    },
                    {
                        "mark": {
                            "type": "text",
                            "align": "right",
                            "baseline": "middle",
                            "dx": -9,
                            "fontWeight": "bold",
                        },
                        "encoding": {
                            "x": dict(px_x, datum=spine),
                            "y": dict(px_y, field="y"),
                            "text": {"field": "year"},
                        },
                    },
                ],
            },
            {
                "data": {"values": values},
                "layer": [
                    {
                        "mark": {"type": "point", "filled": True, "size": 60, "opacity": 1},
                        "encoding": {"x": dict(px_x, datum=spine), "y": dict(px_y, field="dot"), "color": color},
                    },
                    {
                        "mark": {"type": "text", "align": "left", "baseline": "top", "fontSize": 12},
                        "encoding": {
                            "x": dict(px_x, datum=text_x),
                            "y": dict(px_y, field="y"),
                            "text": {"field": "date_text"},
                        },
                    },
                    {
                        "mark": {
                            "type": "text",
                            "align": "left",
                            "baseline": "top",
                            "dy": 15,
                            "limit": NARROW_WIDTH - text_x,
                        },
                        "encoding": {
                            "x": dict(px_x, datum=text_x),
                            "y": dict(px_y, field="y"),
                            "text": {"field": "label"},
                        },
                    },
                ],
            },
        ],
    }


def _narrow_points(chart: Chart, lang: str, values: list[dict]) -> dict:
    return _points(chart, lang, values, narrow=True)


def _points(chart: Chart, lang: str, values: list[dict], narrow: bool = False) -> dict:
    """Values on a time axis: checked points joined by a line, a claim as an open dot joined
    by a dashed line and named beside it (a speaker's remark is not a measurement)."""
    days = [_day(v["date"]) for v in values]
    start = datetime.date(min(days).year - (1 if min(days).month < 4 else 0), 10 if min(days).month < 4 else 1, 1)
    end = max(days) + datetime.timedelta(days=150)
    for v, d in zip(values, days, strict=True):
        v["t"] = _ms(d)
    checked = [v for v in values if not v["claimed"]]
    links = [
        {"t": checked[-1]["t"], "value": checked[-1]["value"], "t2": v["t"], "value2": v["value"]}
        for v in values
        if v["claimed"] and checked
    ]
    top = max(100, max(v["end"] for v in values))
    x = {
        "field": "t",
        "type": "temporal",
        "title": None,
        "scale": {"domain": [_ms(start), _ms(end)], "nice": False},
        "axis": {
            "format": "%Y",
            "values": [_ms(datetime.date(year, 1, 1)) for year in range(start.year + 1, end.year + 1)],
            "grid": False,
        },
    }
    y = {
        "field": "value",
        "type": "quantitative",
        "title": chart.axis[lang],
        # A little room under zero: a point at 0 sits above the axis line, not half on it.
        "scale": {"domain": [-top / 20, top], "nice": False},
        # Its title upright above the axis, clear of the top point's label: turned on its
        # side, a Chinese title lay on its side ("份额（%）").
        "axis": {
            "values": [0, top / 2, top],
            "titleAngle": 0,
            "titleAlign": "left",
            "titleAnchor": "end",
            "titleY": -18,
            "titleX": 0,
        },
    }
    return {
        "width": NARROW_WIDTH - 40 if narrow else 360,
        "height": 150 if narrow else 180,
        "layer": [
            {
                "data": {"values": checked},
                "mark": {"type": "line", "color": BAR, "strokeWidth": 2},
                "encoding": {"x": x, "y": y},
            },
            {
                "data": {"values": links},
                "mark": {"type": "rule", "color": BAR, "strokeWidth": 2, "strokeDash": [4, 3]},
                "encoding": {"x": x, "y": y, "x2": {"field": "t2"}, "y2": {"field": "value2"}},
            },
            {
                "data": {"values": checked},
                "layer": [
                    {
                        "mark": {"type": "point", "filled": True, "size": 70, "color": BAR, "opacity": 1},
                        "encoding": {"x": x, "y": y},
                    },
                    {
                        "mark": {"type": "text", "align": "left", "baseline": "bottom", "dx": 6, "dy": -4},
                        "encoding": {"x": x, "y": y, "text": {"field": "text"}},
                    },
                ],
            },
            {
                "data": {"values": [v for v in values if v["claimed"]]},
                "layer": [
                    {
                        "mark": _claimed_mark("point", size=80, strokeDash=[2, 1], opacity=1),
                        "encoding": {"x": x, "y": y},
                    },
                    {
                        "mark": {"type": "text", "align": "right", "baseline": "bottom", "dx": -14, "dy": -6},
                        "encoding": {"x": x, "y": y, "text": {"field": "label"}},
                    },
                    {  # its value, as the checked points have theirs
                        "mark": {"type": "text", "align": "left", "baseline": "bottom", "dx": 6, "dy": -4},
                        "encoding": {"x": x, "y": y, "text": {"field": "text"}},
                    },
                ],
            },
        ],
    }


def chart_json(chart: Chart, lang: str, variant: str = "wide") -> str:
    return json.dumps(vega_lite_spec(chart, lang, variant), ensure_ascii=False)
