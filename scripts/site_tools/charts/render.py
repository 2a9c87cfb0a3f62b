"""Rendering: a chart's spec to static SVG with vl-convert, the SVG tidied for inline use,
and the fonts the renderer measures labels with.

Drawing a chart is the slowest step of a check (a fifth of a second each, 24 per build), so
each SVG is kept, per process and on disk (`cache_dir()`), under a hash of everything that
makes it: the spec, the renderer's version, the fonts it found, and this module's code."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

from ..cache import cache_root
from .data import Chart
from .spec import chart_json, vega_lite_spec

MAX_BYTES = 20_000  # the budget of one rendered SVG (the CHART-SIZE rule)


@lru_cache(maxsize=1)
def _fonts_registered() -> bool:
    """Make installed CJK fonts known to the renderer, so that labels are measured right."""
    import vl_convert as vlc

    found = False
    for folder in (
        "/usr/share/fonts/truetype/wqy",
        "/usr/share/fonts/opentype/noto",
        "/usr/share/fonts/truetype/noto",
        "/System/Library/Fonts",
        str(Path.home() / ".fonts"),
    ):
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


# The SVG per spec, for the whole process: the build script's checks (CHART-SIZE) and the MkDocs
# plugin both call render_svg, through this one module, and share it. The key is the whole spec
# (chart_json), so a chart whose data or text changed (mkdocs serve) is rendered anew, never stale.
_rendered: dict[str, str] = {}


def cache_dir() -> Path:
    """Where drawn charts are kept between builds (site_tools/cache.py)."""
    return cache_root() / "charts"


@lru_cache(maxsize=1)
def _maker() -> str:
    """What else decides the drawing: the renderer's version, the fonts, this module's code."""
    import vl_convert as vlc

    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return f"{vlc.__version__}|{_fonts_registered()}|{code}"


def render_svg(chart: Chart, lang: str, variant: str = "wide") -> str:
    """The chart as static SVG ("" for a quote card), drawn once and then kept."""
    if chart.kind == "quote":
        return ""
    key = chart_json(chart, lang, variant)
    if key not in _rendered:
        _rendered[key] = _from_disk(key) or _to_disk(key, _render(vega_lite_spec(chart, lang, variant)))
    return _rendered[key]


def _path(key: str) -> Path:
    return cache_dir() / (hashlib.sha256(f"{_maker()}|{key}".encode()).hexdigest() + ".svg")


def _from_disk(key: str) -> str | None:
    try:
        return _path(key).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _to_disk(key: str, svg: str) -> str:
    """Keep it for the next build; a cache that cannot be written is only slower."""
    path = _path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=".tmp", dir=path.parent)
    except OSError:
        return svg
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(svg)
        os.replace(tmp, path)  # whole or not at all, with builds running side by side
    except OSError:
        Path(tmp).unlink(missing_ok=True)
    return svg


def _render(spec: dict) -> str:
    import vl_convert as vlc

    _fonts_registered()
    svg = vlc.vegalite_to_svg(spec)
    # One decimal is plenty for a chart's coordinates, and keeps it small.
    svg = _NUM.sub(lambda m: f"{float(m[1]):.1f}".rstrip("0").rstrip("."), svg)
    svg = re.sub(r'<rect width="[\d.]+" height="[\d.]+" fill="white"/>', "", svg, count=1)
    svg = _tidy(svg)
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


# What the renderer writes for interactive use; the figure around the SVG carries
# its accessible name, so these only cost bytes. Claimed marks keep one class.
_CLAIMED = re.compile(r'\sclass="[^"]*\bclaimed\d+_marks\b[^"]*"')
_DROP_ATTRS = re.compile(
    r'\s(?:role|aria-roledescription|aria-label|aria-hidden|pointer-events|class)="[^"]*"'
    r'|\sopacity="1"|\sfont-family="[^"]*"'
)  # the font comes from the site's CSS
_EMPTY_PATHS = re.compile(r'<path d="M0,0h0v0h0Z"/>|<path d="" display="none"/>')


# Inline in HTML, an <svg> needs no namespace declarations or version; a move by nothing,
# a line's end at 0 and a stroke 1 wide (the defaults; no group of ours sets another width)
# and a group with no attributes change nothing drawn.
_NO_EFFECT = re.compile(
    r'\s(?:xmlns(?::xlink)?|version)="[^"]*"|\stransform="translate\(0,0\)"|\s[xy][12]="0"|\sstroke-width="1"'
)
_GROUP = re.compile(r"<g\b[^>]*>|</g>")


def _tidy(svg: str) -> str:
    svg = _CLAIMED.sub(" data-claimed", svg)
    svg = _DROP_ATTRS.sub("", svg)
    svg = svg.replace(" data-claimed", ' class="claimed"')
    svg = _NO_EFFECT.sub("", _EMPTY_PATHS.sub("", svg))
    return _unwrap_bare_groups(svg)


def _unwrap_bare_groups(svg: str) -> str:
    """Drop each <g> without attributes, with its end tag, keeping what it holds."""
    out, at, bare = [], 0, []  # bare: for each open <g>, whether it is dropped
    for m in _GROUP.finditer(svg):
        out.append(svg[at : m.start()])
        at = m.end()
        if m[0] == "</g>":
            if not (bare and bare.pop()):
                out.append(m[0])
        elif m[0] == "<g>":
            bare.append(True)
        else:
            out.append(m[0])
            if not m[0].endswith("/>"):
                bare.append(False)
    out.append(svg[at:])
    return "".join(out)
