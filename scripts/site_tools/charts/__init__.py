"""Charts from data: a registry (docs/data/charts.yml) and one CSV per chart,
rendered at build time to static SVG with Vega-Lite (vl-convert), in the page's
language, and embedded with `::: chart ID` as an accessible <figure>.

The pipeline, one module per stage: data (registry and CSV, checked) → spec (Vega-Lite, per kind
and variant) → render (SVG, cached per process) → figure (the HTML around it)."""

from .data import (
    KINDS,
    OPTIONAL,
    REGISTRY,
    REQUIRED,
    RULE,
    SCHEMA,
    STATUSES,
    UNITS,
    Chart,
    Row,
    display_value,
    load_charts,
    load_rows,
    shown_value,
)
from .figure import figure_html
from .render import MAX_BYTES, cjk_font_available, render_svg
from .spec import BAR, PAGE_BACKGROUNDS, SERIES, VARIANTS, chart_json, vega_lite_spec

__all__ = [
    "BAR",
    "KINDS",
    "MAX_BYTES",
    "OPTIONAL",
    "PAGE_BACKGROUNDS",
    "REGISTRY",
    "REQUIRED",
    "RULE",
    "SCHEMA",
    "SERIES",
    "STATUSES",
    "UNITS",
    "VARIANTS",
    "Chart",
    "Row",
    "chart_json",
    "cjk_font_available",
    "display_value",
    "figure_html",
    "load_charts",
    "load_rows",
    "render_svg",
    "shown_value",
    "vega_lite_spec",
]
