"""The built site, page pair by page pair: languages, switcher, hreflang,
heading ids, metadata, per-language search and sitemaps, no third-party host."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from helpers import ROOT, built_page, page_stems
from htmldoc import Doc
from site_tools.html_checks import check_built_site
from site_tools.languages import HREFLANG, LANGUAGES, PageId

STEMS = page_stems()
REQUIRED = [
    "index",
    "us-motives",
    "impact-on-china",
    "strategic-paths",
    "conclusion",
    "glossary",
    "sources",
    "timeline",
]
HAN = re.compile(r"[\u4e00-\u9fff]")
GENERATED = {"glossary"}  # sorted per language: same ids, not the same order


def doc(site, stem, lang) -> Doc:
    return Doc(built_page(site, stem, lang).read_text(encoding="utf-8"))


def test_every_required_page_exists_in_both_languages(built_site):
    for stem in REQUIRED:
        for lang in LANGUAGES:
            assert (ROOT / "docs" / PageId(stem, lang).src()).exists(), f"missing docs/{stem}.{lang}.md"
            assert built_page(built_site, stem, lang).exists(), f"not built: {PageId(stem, lang).url()}"


@pytest.mark.parametrize("stem", STEMS)
def test_html_lang_is_zh_hans_or_en(built_site, stem):
    for lang, tag in HREFLANG.items():
        html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{tag}"', html), f"{stem}.{lang}: <html lang> is not {tag}"


@pytest.mark.parametrize("stem", STEMS)
def test_language_switcher_points_to_the_counterpart(built_site, stem):
    for lang in LANGUAGES:
        d = doc(built_site, stem, lang)
        links = {a["hreflang"]: a["href"] for a in d.find_all("a") if "data-language-switch" in a}
        expected = {HREFLANG[x]: _relative(PageId(stem, x).url(), PageId(stem, lang).url()) for x in LANGUAGES}
        assert links == expected
        for a in d.find_all("a"):
            if "data-language-switch" in a:
                # Instant navigation must not take over a language switch.
                assert a.get("target") == "_self"


@pytest.mark.parametrize("stem", STEMS)
def test_hreflang_alternates_point_to_both_languages_and_x_default(built_site, stem):
    for lang in LANGUAGES:
        d = doc(built_site, stem, lang)
        alts = {a["hreflang"]: a["href"] for a in d.find_all("link", rel="alternate") if a.get("hreflang")}
        here = PageId(stem, lang).url()
        assert alts == {
            "zh-Hans": _relative(PageId(stem, "zh").url(), here),
            "en": _relative(PageId(stem, "en").url(), here),
            "x-default": _relative(PageId(stem, "zh").url(), here),
        }


@pytest.mark.parametrize("stem", [s for s in STEMS if s not in GENERATED])
def test_heading_ids_are_identical_and_in_the_same_order(built_site, stem):
    zh, en = (doc(built_site, stem, lang).heading_ids() for lang in LANGUAGES)
    assert zh == en
    assert zh, "no heading ids"
    for hid in zh:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", hid), f"{hid!r} is not English kebab-case"


def test_glossary_entries_share_ids_across_languages(built_site):
    zh, en = (
        [a["id"] for a in doc(built_site, "glossary", lang).find_all("div", class_="glossary-entry")]
        for lang in LANGUAGES
    )
    assert sorted(zh) == sorted(en) and len(zh) > 40


@pytest.mark.parametrize("stem", STEMS)
def test_meta_description_and_open_graph_in_the_page_language(built_site, stem):
    for lang in LANGUAGES:
        d = doc(built_site, stem, lang)
        desc = d.first("meta", name="description")
        assert desc and desc["content"].strip()
        if lang == "zh":
            assert HAN.search(desc["content"]), "zh description is not Chinese"
        else:
            assert not HAN.search(desc["content"]), "en description contains Chinese"
        og = {m["property"]: m["content"] for m in d.find_all("meta") if m.get("property", "").startswith("og:")}
        assert og["og:locale"] == {"zh": "zh_CN", "en": "en_US"}[lang]
        assert og["og:title"] and og["og:description"] == desc["content"]
        assert d.first("link", rel="icon")


def test_no_html_or_css_loads_from_another_host(built_site):
    findings = [
        f for f in check_built_site(built_site, "https://h20-explainer.github.io/h20/") if f.rule == "THIRD-PARTY"
    ]
    assert findings == []
    for path in list(built_site.rglob("*.html")) + list(built_site.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"fonts\.(googleapis|gstatic)\.com|cdn\.jsdelivr|unpkg\.com|cdnjs", text), path


def test_the_link_checker_would_catch_a_third_party_load(tmp_path):
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<a href="https://example.org/">fine: a link, not a load</a>'
    )
    findings = check_built_site(tmp_path, "https://h20-explainer.github.io/h20/")
    assert [f.rule for f in findings] == ["THIRD-PARTY"]


def test_the_link_checker_reports_an_internal_link_to_a_missing_page(tmp_path):
    # The build runs this checker on every page (a broken link fails the build); here, that it can fail.
    (tmp_path / "index.html").write_text('<a href="us-motives.html">ok</a><a href="no-such-page.html">broken</a>')
    (tmp_path / "us-motives.html").write_text("<p>here</p>")
    findings = check_built_site(tmp_path, "https://h20-explainer.github.io/h20/")
    assert len(findings) == 1 and "no-such-page.html" in findings[0].message


def test_system_font_stack_names_cjk_fonts_and_no_web_font(built_site):
    css = (built_site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    for font in ("PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei"):
        assert font in css
    assert "@font-face" not in css


def test_light_and_dark_palettes_follow_the_system_with_a_toggle(built_site):
    d = doc(built_site, "index", "zh")
    media = {i.get("data-md-color-media") for i in d.find_all("input", class_="md-option")}
    assert media == {"(prefers-color-scheme: light)", "(prefers-color-scheme: dark)"}


def test_footer_text_meets_contrast_in_both_palettes(built_site):
    css = (built_site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    # Footer text on the theme's footer background (#000000de ≈ #202020).
    for var in ("--md-footer-fg-color--light", "--md-footer-fg-color--lighter"):
        m = re.search(rf"{var}:\s*#ffffff([0-9a-f]{{2}})", css)
        assert m, var
        alpha = int(m[1], 16) / 255
        fg = 0x20 + (255 - 0x20) * alpha
        assert _contrast(fg / 255, 0x20 / 255) >= 4.5, var


def test_zh_search_index_holds_only_chinese_pages_segmented_by_word(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and all(not d["location"].startswith("en/") for d in index["docs"])
    assert "\\u200b" in index["config"]["separator"]
    texts = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("impact-on-china.html"))
    assert "\u200b寒武纪\u200b" in texts, "寒武纪 is not one search token"


def test_en_search_index_holds_only_english_pages(built_site):
    index = json.loads((built_site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"]
    assert not any(HAN.search(d["title"]) for d in index["docs"] if d["location"] != "glossary.html")
    assert any(d["location"].startswith("impact-on-china.html") and "Cambricon" in d["text"] for d in index["docs"])


@pytest.mark.parametrize("stem", STEMS)
def test_theme_base_is_the_root_of_the_page_language(built_site, stem):
    # The theme loads search_index.json and sitemap.xml relative to `base`.
    for lang in LANGUAGES:
        html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
        cfg = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
        assert cfg["base"] in ({"zh": (".", "./"), "en": ("./",)}[lang])


def test_sitemaps_list_every_page_with_its_alternates(built_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    urls = {
        u.findtext("s:loc", namespaces=ns): {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)}
        for u in root.findall("s:url", ns)
    }
    base = "https://h20-explainer.github.io/h20/"
    for stem in STEMS:
        for lang in LANGUAGES:
            alts = urls[base + PageId(stem, lang).url()]
            assert alts == {
                "zh-Hans": base + PageId(stem, "zh").url(),
                "en": base + PageId(stem, "en").url(),
                "x-default": base + PageId(stem, "zh").url(),
            }
    en = ET.parse(built_site / "en" / "sitemap.xml").getroot()
    assert {u.findtext("s:loc", namespaces=ns) for u in en.findall("s:url", ns)} == {
        base + PageId(s, "en").url() for s in STEMS
    }


@pytest.mark.parametrize("stem", ["index", "us-motives"])
def test_every_page_carries_a_content_security_policy_with_script_hashes(built_site, stem):
    for lang in LANGUAGES:
        html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
        m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert m and html.index(m[0]) < html.index("<script")
        policy = dict(p.strip().split(" ", 1) for p in m[1].split(";"))
        assert policy["default-src"] == "'self'" and policy["connect-src"] == "'self'"
        assert "unsafe-inline" not in policy["script-src"] and "sha256-" in policy["script-src"]
        assert policy["style-src"] == "'self'"


def _relative(target: str, here: str) -> str:
    import posixpath

    rel = posixpath.relpath(target, posixpath.dirname(here) or ".")
    return rel


def _contrast(a: float, b: float) -> float:
    def lum(c):
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    la, lb = sorted((lum(a), lum(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("stem", STEMS)
def test_the_search_dialog_has_a_name_in_the_page_language(built_site, stem):
    for lang, name in (("zh", "搜索"), ("en", "Search")):
        html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
        assert re.search(rf'<div class="md-search" data-md-component="search" role="dialog" aria-label="{name}">', html)


def test_chinese_typography_leading_measure_and_no_faux_italics(built_site):
    css = (built_site / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    zh = re.search(r"\.md-typeset:lang\(zh-Hans\)\s*\{([^}]*)\}", css)[1]
    assert float(re.search(r"line-height:\s*([\d.]+)", zh)[1]) >= 1.75
    # The measure: 40 ems of body text, for the prose and, on screen, boxes and charts.
    assert re.search(r"html:lang\(zh-Hans\)\s*\{\s*--site-measure:\s*40\s*\}", css)
    measure = r"max-width:calc\(var\(--site-measure\)\*1em\)"
    assert re.search(r"\.md-content__inner>p\{" + measure, css)
    italics = re.search(r"em:lang\(zh-Hans\),\s*i:lang\(zh-Hans\)\s*\{([^}]*)\}", css)[1]
    assert "font-style:normal" in italics.replace(" ", "")


@pytest.mark.parametrize("stem", ["index", "us-motives"])
def test_pages_show_their_last_update_from_git_and_an_edit_link(built_site, stem):
    zh = built_page(built_site, stem, "zh").read_text(encoding="utf-8")
    en = built_page(built_site, stem, "en").read_text(encoding="utf-8")
    assert re.search(r'最后更新：<time datetime="\d{4}-\d{2}-\d{2}">\d{4} 年 \d{1,2} 月 \d{1,2} 日</time>', zh)
    assert re.search(r'Last updated: <time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} [A-Z][a-z]+ \d{4}</time>', en)
    assert re.search(rf'<a href="https://github\.com/[^"]+/edit/main/docs/{stem}\.zh\.md" title="编辑此页"', zh)
    assert re.search(rf'<a href="https://github\.com/[^"]+/edit/main/docs/{stem}\.en\.md" title="Edit this page"', en)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_print_editions_sources_read_as_the_sources_page_does(built_site, lang):
    """Typeset alike (curly quotes, dates kept whole), not a rawer copy of the same list."""

    def entries(stem: str) -> list[str]:
        html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
        return re.findall(r'<li id="[^"]*" value="\d+">.*?</li>', html, re.S)

    assert entries("print") == entries("sources") != []
