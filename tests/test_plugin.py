"""The site's MkDocs plugin: found by entry point, and its once-per-site steps run once."""

from __future__ import annotations

from mkdocs.plugins import get_plugins

from site_tools import plugin as plugin_module
from site_tools.plugin import SitePlugin


def test_mkdocs_finds_the_plugin_by_its_entry_point():
    assert get_plugins()["h20"].load() is SitePlugin


def _plugin(monkeypatch, calls):
    monkeypatch.setattr(plugin_module, "load_site", lambda root: type("Site", (), {"glossary": [], "corrections": []}))
    monkeypatch.setattr(plugin_module, "finish_site", lambda *a, **k: calls.append("finish"))
    monkeypatch.setattr(plugin_module, "write_feeds", lambda *a, **k: calls.append("feeds"))
    p = SitePlugin()
    p.load_config({"report_rules": False})
    return p


class _Config(dict):
    site_dir = "site"
    site_url = ""


def test_the_site_is_finished_once_after_static_i18n_builds_the_other_language_inside(monkeypatch):
    calls = []
    p = _plugin(monkeypatch, calls)
    p.on_pre_build(config=_Config())  # the default language
    p.on_pre_build(config=_Config())  # static-i18n's nested build of the other language
    p.on_post_build(config=_Config())  # ... which ends first: not yet
    assert calls == []
    p.on_post_build(config=_Config())  # the outer build ends: now, once
    assert calls == ["finish", "feeds"]


def test_a_failed_build_does_not_leave_the_next_one_thinking_it_is_nested(monkeypatch):
    calls = []
    p = _plugin(monkeypatch, calls)
    p.on_pre_build(config=_Config())
    p.on_build_error(error=RuntimeError("page failed"))
    p.on_pre_build(config=_Config())
    p.on_post_build(config=_Config())
    assert calls == ["finish", "feeds"]
