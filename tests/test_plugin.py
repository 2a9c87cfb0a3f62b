"""The site's MkDocs plugin: found by entry point, and its once-per-site steps run once."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.plugins import get_plugins

from site_tools import plugin as plugin_module
from site_tools.glossary import Glossary, Term
from site_tools.plugin import SitePlugin
from site_tools.terms import PageTerms


def test_mkdocs_finds_the_plugin_by_its_entry_point():
    assert get_plugins()["h20"].load() is SitePlugin


def _plugin(monkeypatch, calls):
    monkeypatch.setattr(plugin_module, "load_site", lambda root: type("Site", (), {"glossary": [], "corrections": []}))
    monkeypatch.setattr(plugin_module, "finish_site", lambda *a, **k: calls.append("finish"))
    monkeypatch.setattr(plugin_module, "write_feeds", lambda *a, **k: calls.append("feeds"))
    monkeypatch.setattr(plugin_module.segmenter, "site_dictionary", lambda paths: None)
    p = SitePlugin()
    p.load_config({"report_rules": False})
    return p


class _Config(dict):
    docs_dir = "docs"
    config_file_path = "mkdocs.yml"
    theme = SimpleNamespace(custom_dir=None)
    site_dir = "site"
    site_url = ""
    extra: dict = {}


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


# --- glossary terms: a Markdown extension, with the page set by the plugin ---


def test_the_term_extension_is_added_once_though_static_i18n_runs_on_config_again():
    p = SitePlugin()
    p.load_config({"report_rules": False})
    config = SimpleNamespace(docs_dir="/project/docs", markdown_extensions=["toc", "smarty"])
    p.on_config(config)
    p.on_config(config)  # the nested build of the other language: the same config object
    assert config.markdown_extensions == ["toc", "smarty", p.terms, p.paragraphs]


def test_the_definitions_of_the_terms_marked_while_converting_are_appended_once(monkeypatch):
    none = {"zh": (), "en": ()}
    glossary = Glossary(
        [Term("h20", "product", {"zh": "H20", "en": "H20"}, none, none, {"zh": "芯片。", "en": "A chip."}, None, 1)]
    )
    p = SitePlugin()
    page = SimpleNamespace(file=SimpleNamespace(src_uri="us-motives.en.md"), url="en/us-motives.html")
    for marked, blocks in ((["h20"], 1), ([], 0)):
        p.terms.page = PageTerms(glossary, "en", "glossary.html", marked)  # as the treeprocessor leaves it
        html = p.on_page_content("<p>text</p>", page=page, config=None, files=None)
        assert html.count('data-term-defs="../assets/terms.en.json"') == blocks
        assert p.terms.page is None  # the next page starts unmarked
