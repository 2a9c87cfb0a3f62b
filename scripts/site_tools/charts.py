"""Charts from data: a registry (docs/data/charts.yml) and one CSV per chart,
rendered at build time to static SVG with Vega-Lite (vl-convert), in the page's
language, and embedded with `::: chart ID` as an accessible <figure>."""

from __future__ import annotations

import csv
import datetime
import html
import io
import json
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafile import bilingual, load_yaml_list, rel
from .findings import DataError, Finding
from .sources import Source

REGISTRY = Path("docs/data/charts.yml")
RULE = "DATA-CHART"
KINDS = ("bar", "ratio", "timeline")
UNITS = ("%", "US$ bn", "×", "TFLOPS", "GB", "TB/s", "W", "date")
REQUIRED = ("label_zh", "label_en", "value", "unit", "date", "source")
OPTIONAL = ("series_zh", "series_en", "panel_zh", "panel_en", "low", "high", "note_zh", "note_en")
MAX_BYTES = 20_000
LABEL_SLACK = 40  # px of room left of the longest axis label (see vega_lite_spec)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Legible on the light and the dark palette; text and rules use currentColor.
BAR = "#3b82c4"
SERIES = ["#3b82c4", "#d9822b", "#2e9e6a", "#a970c9"]
FONT = ("-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', "
        "'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif")

TEXT = {
    "zh": {"sources": "来源", "data": "查看数据表", "download": "下载数据（CSV）", "label": "项目", "series": "类别",
           "value": "数值", "date": "日期", "source": "来源", "note": "说明", "sep": "；", "end": "。",
           "ratio": "H20 相当于 H100 的百分比", "chart": "图表"},
    "en": {"sources": "Sources", "data": "Show the data", "download": "Download the data (CSV)", "label": "Item",
           "series": "Series", "value": "Value", "date": "Date", "source": "Source", "note": "Note", "sep": "; ",
           "end": ".", "ratio": "H20 as % of H100", "chart": "Chart"},
}


@dataclass(frozen=True)
class Row:
    line: int
    label: dict
    series: dict | None
    panel: dict | None
    value: float
    low: float | None
    high: float | None
    unit: str
    date: str
    source: str
    note: dict | None


@dataclass(frozen=True)
class Chart:
    id: str
    kind: str
    data: str  # path under docs/
    title: dict
    message: dict
    axis: dict
    rows: tuple[Row, ...]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _valid_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _pair(record: dict, prefix: str) -> dict | None:
    """An optional pair of columns, e.g. note_zh / note_en."""
    zh, en = record.get(f"{prefix}_zh", ""), record.get(f"{prefix}_en", "")
    return {"zh": zh, "en": en} if (zh or en) else None


def load_rows(path: Path, root: Path, sources: dict[str, Source]) -> tuple[list[Row], list[Finding]]:
    name = rel(path, root)
    findings: list[Finding] = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [Finding(name, 0, 0, RULE, "chart data file not found", "create it or fix 'data:' in the registry")]
    except UnicodeDecodeError as e:
        return [], [Finding(name, 1, 1, RULE, f"not UTF-8 text ({e.reason})", "save the file as UTF-8")]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[Row] = []
    try:
        header = next(reader, None)
        if not header:
            return [], [Finding(name, 1, 1, RULE, "empty CSV", "add a header row: " + ",".join(REQUIRED))]
        header = [h.strip() for h in header]
        for i, col in enumerate(header):
            if col not in REQUIRED + OPTIONAL:
                findings.append(Finding(name, 1, sum(len(h) + 1 for h in header[:i]) + 1, RULE,
                                        f"unknown column '{col}'",
                                        f"use only: {', '.join(REQUIRED + OPTIONAL)}"))
        for col in REQUIRED:
            if col not in header:
                findings.append(Finding(name, 1, 1, RULE, f"missing column '{col}'", f"add a '{col}' column"))
        if findings:
            return [], findings
        for record in reader:
            line = reader.line_num
            if not any(c.strip() for c in record):
                continue
            if len(record) != len(header):
                findings.append(Finding(name, line, 1, RULE, f"{len(record)} fields, the header has {len(header)}",
                                        "quote fields that contain commas"))
                continue
            r = {k: v.strip() for k, v in zip(header, record, strict=True)}
            problems = []
            value = _number(r["value"])
            if value is None:
                problems.append(f"value '{r['value']}' is not a number")
            low = _number(r["low"]) if r.get("low") else None
            high = _number(r["high"]) if r.get("high") else None
            if (r.get("low") and low is None) or (r.get("high") and high is None):
                problems.append("low/high must be numbers")
            if r["unit"] not in UNITS:
                problems.append(f"unit '{r['unit']}' is not one of {', '.join(UNITS)}")
            if not _valid_date(r["date"]):
                problems.append(f"date '{r['date']}' is not YYYY, YYYY-MM or YYYY-MM-DD")
            if not r["source"]:
                problems.append("no source")
            elif r["source"] not in sources:
                problems.append(f"source '{r['source']}' is not in docs/data/sources.yml")
            for lang in ("zh", "en"):
                if not r[f"label_{lang}"]:
                    problems.append(f"no label_{lang}")
            if problems:
                findings.append(Finding(name, line, 1, RULE, "; ".join(problems),
                                        "every row needs a numeric value, a unit, a date and a source id"))
                continue

            rows.append(Row(line, {"zh": r["label_zh"], "en": r["label_en"]}, _pair(r, "series"), _pair(r, "panel"),
                            value, low, high, r["unit"], r["date"], r["source"], _pair(r, "note")))
    except csv.Error as e:
        findings.append(Finding(name, reader.line_num, 1, RULE, f"malformed CSV: {e}", "check the quoting on this line"))
    if not rows and not findings:
        findings.append(Finding(name, 2, 1, RULE, "no data rows", "add at least one row"))
    return rows, findings


def load_charts(root: Path, sources: dict[str, Source]) -> dict[str, Chart]:
    path = root / REGISTRY
    name = rel(path, root)
    findings: list[Finding] = []
    charts: dict[str, Chart] = {}
    for entry in load_yaml_list(path, root, RULE):
        cid = entry.get("id")
        if not isinstance(cid, str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cid):
            findings.append(Finding(name, entry.line, 1, RULE, f"chart id {cid!r} is missing or not kebab-case",
                                    "give the chart an id like 'nvidia-china-share'"))
            continue
        if cid in charts:
            findings.append(Finding(name, entry.line_of("id"), 1, RULE, f"duplicate chart id '{cid}'", "rename one"))
            continue
        for key in sorted(set(entry) - {"id", "kind", "data", "title", "message", "axis"}):
            findings.append(Finding(name, entry.line_of(key), 1, RULE, f"unknown field '{key}' in chart '{cid}'",
                                    "use only id, kind, data, title, message, axis"))
        kind = entry.get("kind")
        if kind not in KINDS:
            findings.append(Finding(name, entry.line_of("kind"), 1, RULE, f"chart '{cid}' has kind {kind!r}",
                                    f"use one of: {', '.join(KINDS)}"))
        texts = [bilingual(entry, k, name, RULE, findings) for k in ("title", "message", "axis")]
        data = entry.get("data")
        if not isinstance(data, str) or not data.endswith(".csv"):
            findings.append(Finding(name, entry.line_of("data"), 1, RULE, f"chart '{cid}' needs 'data: charts/….csv'",
                                    "point 'data' at the chart's CSV file under docs/"))
            continue
        rows, row_findings = load_rows(root / "docs" / data, root, sources)
        findings += row_findings
        if kind in KINDS and all(texts) and rows:
            charts[cid] = Chart(cid, kind, data, *texts, tuple(rows))
    if findings:
        raise DataError(findings)
    return charts


# --- rendering ------------------------------------------------------------------

def display_value(value: float, unit: str, lang: str) -> tuple[float, str]:
    """The value as shown in `lang` (US$ bn becomes 亿美元 in Chinese) and its label."""
    if unit == "US$ bn":
        return (value * 10, f"{value * 10:g} 亿美元") if lang == "zh" else (value, f"US${value:g} billion")
    if unit in ("%", "×"):
        return value, f"{value:g}{unit}"
    if unit == "date":
        return value, ""
    return value, f"{value:g} {unit}"


def _range_text(row: Row, lang: str) -> str:
    """'1480 亿至 1900 亿美元' / 'US$148–190 billion'."""
    lo, hi = display_value(row.low, row.unit, lang)[0], display_value(row.high, row.unit, lang)[0]
    if row.unit == "US$ bn":
        return f"{lo:g} 亿至 {hi:g} 亿美元" if lang == "zh" else f"US${lo:g}–{hi:g} billion"
    return f"{display_value(row.low, row.unit, lang)[1]}–{display_value(row.high, row.unit, lang)[1]}"


def _base_config() -> dict:
    return {
        "background": None,
        "font": FONT,
        "view": {"stroke": None},
        "axis": {"labelColor": "currentColor", "titleColor": "currentColor", "domainColor": "currentColor",
                 "tickColor": "currentColor", "gridColor": "currentColor", "gridOpacity": 0.15,
                 "labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": "normal"},
        "legend": {"labelColor": "currentColor", "titleColor": "currentColor", "labelFontSize": 12,
                   "titleFontSize": 12, "orient": "bottom", "direction": "horizontal"},
        "header": {"labelColor": "currentColor", "labelFontSize": 12, "labelFontWeight": "bold"},
        "text": {"color": "currentColor"},
    }


def vega_lite_spec(chart: Chart, lang: str) -> dict:
    t = TEXT[lang]
    values = []
    for i, r in enumerate(chart.rows):
        v, text = display_value(r.value, r.unit, lang)
        lo = display_value(r.low, r.unit, lang)[0] if r.low is not None else None
        hi = display_value(r.high, r.unit, lang)[0] if r.high is not None else None
        values.append({"order": i, "label": r.label[lang], "series": (r.series or {}).get(lang, ""),
                       "panel": (r.panel or {}).get(lang, ""), "value": v, "text": text, "low": lo, "high": hi,
                       "date": r.date})
    axis_title = chart.axis[lang]
    # The figure carries the text alternative: no per-mark ARIA labels in the SVG.
    # Labels are measured with this machine's fonts and drawn with the reader's, which may be
    # wider: the left padding keeps right-aligned axis labels inside the SVG.
    spec: dict = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "config": _base_config(),
                  "width": 360, "aria": False, "padding": {"left": LABEL_SLACK, "top": 5, "right": 5, "bottom": 5}}
    sort = list(dict.fromkeys(v["label"] for v in values))  # the file's order
    if chart.kind == "bar":
        for v in values:
            if v["low"] is not None and v["high"] is not None:
                # A reported range is drawn as a range, not as a bar to an invented midpoint.
                v["text"] = _range_text(chart.rows[v["order"]], lang)
                v["end"] = v["high"]
            else:
                v["end"] = v["value"]
        y = {"field": "label", "type": "nominal", "sort": sort, "title": None,
             "axis": {"labelLimit": 220, "labelPadding": 6}}
        x = {"type": "quantitative", "title": axis_title}
        layers = [
            {"transform": [{"filter": "datum.low == null"}],
             "mark": {"type": "bar", "color": BAR, "height": {"band": 0.7}},
             "encoding": {"y": y, "x": dict(x, field="value", axis={"tickCount": 6})}},
            {"transform": [{"filter": "datum.low != null"}],
             "mark": {"type": "bar", "color": BAR, "opacity": 0.45, "height": {"band": 0.7}},
             "encoding": {"y": y, "x": dict(x, field="low"), "x2": {"field": "high"}}},
            {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
             "encoding": {"y": y, "x": {"field": "end", "type": "quantitative"}, "text": {"field": "text"}}},
        ]
        spec["layer"] = layers
        if any(v["panel"] for v in values):
            inner = {"layer": layers, "width": 300, "height": {"step": 28}}
            spec = {"$schema": spec["$schema"], "config": spec["config"], "data": {"values": values}, "aria": False,
                    "padding": spec["padding"],
                    "facet": {"row": {"field": "panel", "type": "nominal", "title": None,
                                      "sort": list(dict.fromkeys(v["panel"] for v in values)),
                                      "header": {"labelAngle": 0, "labelOrient": "top", "labelAnchor": "start",
                                                 "labelPadding": 4}}},
                    "spec": inner, "resolve": {"scale": {"x": "independent", "y": "independent"}}}
            return spec
        spec["height"] = {"step": 30}
    elif chart.kind == "ratio":
        ref = {}
        for v in values:
            ref.setdefault(v["label"], {})[v["series"]] = v
        ratio_rows = []
        for label, by_series in ref.items():
            if "H100" in by_series and "H20" in by_series:
                pct = round(by_series["H20"]["value"] / by_series["H100"]["value"] * 100)
                ratio_rows.append({"label": label, "value": pct, "text": f"{pct}%"})
        values = ratio_rows
        y = {"field": "label", "type": "nominal", "sort": sort, "title": None, "axis": {"labelLimit": 220}}
        spec["height"] = {"step": 30}
        spec["layer"] = [
            {"mark": {"type": "bar", "color": BAR, "height": {"band": 0.7}},
             "encoding": {"y": y, "x": {"field": "value", "type": "quantitative", "title": t["ratio"],
                                        "scale": {"domain": [0, 140]}}}},
            {"mark": {"type": "rule", "color": "currentColor", "strokeDash": [4, 3]},
             "encoding": {"x": {"datum": 100}}},
            {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
             "encoding": {"y": y, "x": {"field": "value", "type": "quantitative"}, "text": {"field": "text"}}},
        ]
    elif chart.kind == "timeline":
        for v in values:
            v["row"] = f"{v['date']}  {v['label']}"
        y = {"field": "row", "type": "nominal", "sort": [v["row"] for v in values], "title": None,
             "axis": {"labelLimit": 300, "labelPadding": 6, "grid": True}}
        spec["height"] = {"step": 22}
        spec["width"] = 260
        spec["mark"] = {"type": "point", "filled": True, "size": 70}
        spec["encoding"] = {
            "y": y,
            "x": {"field": "date", "type": "temporal", "title": axis_title,
                  "axis": {"format": "%Y", "tickCount": "year"}},
            "color": {"field": "series", "type": "nominal", "title": None,
                      "scale": {"range": SERIES}, "sort": None},
        }
    spec["data"] = {"values": values}
    return spec


@lru_cache(maxsize=1)
def _fonts_registered() -> bool:
    """Make installed CJK fonts known to the renderer, so that labels are measured right."""
    import vl_convert as vlc

    found = False
    for folder in ("/usr/share/fonts/truetype/wqy", "/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto",
                   "/System/Library/Fonts", str(Path.home() / ".fonts")):
        if Path(folder).is_dir():
            vlc.register_font_directory(folder)
            found = True
    return found


def cjk_font_available() -> bool:
    if shutil.which("fc-list"):
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
        return bool(out.strip())
    return _fonts_registered()


_NUM = re.compile(r"(\d+\.\d{2,})")


_rendered: dict[tuple[str, str], str] = {}


def render_svg(chart: Chart, lang: str) -> str:
    """The chart as static SVG; rendered once per process (the build script's
    checks and the MkDocs hook share it)."""
    key = (chart_json(chart, lang), lang)
    if key not in _rendered:
        _rendered[key] = _render(chart, lang)
    return _rendered[key]


def _render(chart: Chart, lang: str) -> str:
    import vl_convert as vlc

    _fonts_registered()
    svg = vlc.vegalite_to_svg(vega_lite_spec(chart, lang))
    # One decimal is plenty for a chart's coordinates, and keeps it small.
    svg = _NUM.sub(lambda m: f"{float(m[1]):.1f}".rstrip("0").rstrip("."), svg)
    svg = re.sub(r'<rect width="[\d.]+" height="[\d.]+" fill="white"/>', "", svg, count=1)
    svg = _tidy(svg)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


# What the renderer writes for interactive use; the figure around the SVG carries
# its accessible name, so these only cost bytes.
_DROP_ATTRS = re.compile(r'\s(?:role|aria-roledescription|aria-label|aria-hidden|pointer-events|class)="[^"]*"'
                         r'|\sopacity="1"|\sfont-family="[^"]*"')  # the font comes from the site's CSS
_EMPTY_PATHS = re.compile(r'<path d="M0,0h0v0h0Z"/>|<path d="" display="none"/>')


def _tidy(svg: str) -> str:
    svg = _DROP_ATTRS.sub("", svg)
    return _EMPTY_PATHS.sub("", svg)


def figure_html(chart: Chart, svg: str, lang: str, page_url: str, sources: dict[str, Source]) -> str:
    """The <figure>: title, static SVG (its message as the text alternative), caption with
    sources and dates, a collapsible data table and the CSV download."""
    t = TEXT[lang]
    here = posixpath.dirname(page_url) or "."
    sources_href = posixpath.relpath(("en/" if lang == "en" else "") + "sources.html", here)
    csv_href = posixpath.relpath(chart.data, here)
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    cited: dict[str, list[str]] = {}
    for r in chart.rows:
        cited.setdefault(r.source, [])
        if r.date not in cited[r.source]:
            cited[r.source].append(r.date)
    caption_sources = t["sep"].join(
        f'<a href="{sources_href}#{sid}">[{sources[sid].number}]</a> {sources[sid].outlet_html(lang)}'
        f"{'（' if lang == 'zh' else ' ('}{', '.join(dates)}{'）' if lang == 'zh' else ')'}"
        for sid, dates in cited.items())
    has_series = any(r.series for r in chart.rows)
    has_note = any(r.note for r in chart.rows)
    head = [t["label"]] + ([t["series"]] if has_series else []) + [t["value"], t["date"], t["source"]] + (
        [t["note"]] if has_note else [])
    body = []
    for r in chart.rows:
        cells = [esc(r.label[lang])] + ([esc((r.series or {}).get(lang, ""))] if has_series else [])
        _, shown = display_value(r.value, r.unit, lang)
        if r.low is not None and r.high is not None:
            shown = _range_text(r, lang)
        cells += [esc(shown) if r.unit != "date" else "", esc(r.date),
                  f'<a href="{sources_href}#{r.source}">[{sources[r.source].number}]</a>']
        if has_note:
            cells.append(esc((r.note or {}).get(lang, "")))
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    title_id = f"chart-{chart.id}-title"
    desc_id = f"chart-{chart.id}-desc"
    return "\n".join([
        f'<figure class="chart" id="chart-{chart.id}" aria-labelledby="{title_id}" data-chart="{chart.id}">',
        f'<p class="chart__title" id="{title_id}">{esc(chart.title[lang])}</p>',
        f'<div class="chart__svg" role="img" aria-labelledby="{title_id} {desc_id}">{svg}</div>',
        f'<p class="chart__message" id="{desc_id}">{esc(chart.message[lang])}</p>',
        f'<figcaption class="chart__caption">{t["sources"]}{"：" if lang == "zh" else ": "}{caption_sources}'
        f'{t["end"]} <a href="{csv_href}" download>{t["download"]}</a></figcaption>',
        f'<details class="chart__data"><summary>{t["data"]}</summary>',
        '<div class="chart__table"><table>',
        "<thead><tr>" + "".join(f"<th scope=\"col\">{h}</th>" for h in head) + "</tr></thead>",
        "<tbody>" + "".join(body) + "</tbody></table></div></details>",
        "</figure>",
    ])


def chart_json(chart: Chart, lang: str) -> str:
    return json.dumps(vega_lite_spec(chart, lang), ensure_ascii=False)
