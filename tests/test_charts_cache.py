"""Drawn charts are kept on disk between builds, under a hash of all that makes them."""

from __future__ import annotations

import dataclasses

import pytest

import site_tools.charts.render as render
from helpers import ROOT
from site_tools.charts import load_charts
from site_tools.sources import load_sources


@pytest.fixture
def chart():
    charts = load_charts(ROOT, load_sources(ROOT))
    return next(c for c in charts.values() if c.kind != "quote")


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """A new process, as far as the cache can tell: nothing in memory, an empty cache folder."""
    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(render, "_rendered", {})
    return tmp_path


def _no_drawing(spec):
    raise AssertionError("drew a chart that was in the cache")


def test_a_chart_drawn_once_is_taken_from_disk_by_the_next_build(fresh, chart, monkeypatch):
    svg = render.render_svg(chart, "zh")
    assert len(list((fresh / "charts").glob("*.svg"))) == 1
    monkeypatch.setattr(render, "_rendered", {})
    monkeypatch.setattr(render, "_render", _no_drawing)
    assert render.render_svg(chart, "zh") == svg


def test_a_changed_chart_is_drawn_anew(fresh, chart, monkeypatch):
    render.render_svg(chart, "zh")
    monkeypatch.setattr(render, "_rendered", {})
    drawn = []
    monkeypatch.setattr(render, "_render", lambda spec: drawn.append(spec) or "<svg/>")
    changed = dataclasses.replace(chart, rows=chart.rows[:-1])
    render.render_svg(changed, "zh")
    render.render_svg(chart, "en")  # another language is another drawing
    assert len(drawn) == 2


def test_a_cache_that_cannot_be_written_only_makes_the_build_slower(chart, monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("H20_CACHE_DIR", str(blocked))
    monkeypatch.setattr(render, "_rendered", {})
    assert render.render_svg(chart, "zh").startswith("<svg")
    assert blocked.read_text() == "not a folder"
