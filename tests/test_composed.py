"""Pages made of other pages (site_tools/composed.py): the side-by-side view of each article
page, and the print edition."""

from __future__ import annotations

import re

import pytest

from helpers import built_page
from htmldoc import Doc
from site_tools.composed import Body, blocks, parallel_html, print_html, rebase, rows, scope_ids
from site_tools.languages import LANGUAGES, ROOT as LANG_ROOT

ARTICLE = ["index", "us-motives", "impact-on-china", "strategic-paths", "conclusion"]


def parallel(site, stem: str, lang: str) -> str:
    return (site / LANG_ROOT[lang] / "parallel" / f"{stem}.html").read_text(encoding="utf-8")


# --- rows ---------------------------------------------------------------------


def test_the_top_level_blocks_are_whole_elements_and_loose_text():
    assert blocks('<h1 id="a">T</h1>\n<p id="p-1">x <b>y</b></p>\n<hr>\ntext\n<div><div>z</div></div>') == [
        '<h1 id="a">T</h1>',
        '<p id="p-1">x <b>y</b></p>',
        "<hr>",
        "text",
        "<div><div>z</div></div>",
    ]


def test_a_row_starts_at_each_shared_heading_or_paragraph_id_and_holds_what_follows_it():
    zh = '<h2 id="s">甲</h2>\n<p id="p-1">一。</p>\n<div class="admonition">框</div>\n<p id="p-2">二。</p>'
    en = '<h2 id="s">A</h2>\n<p id="p-1">One.</p>\n<div class="admonition">Box</div>\n<p id="p-2">Two.</p>'
    assert [(k, len(z), len(e)) for k, z, e in rows(zh, en)] == [("s", 1, 1), ("p-1", 2, 2), ("p-2", 1, 1)]


def test_a_paragraph_only_one_language_has_joins_the_row_before_it_and_nothing_is_lost():
    zh = '<h2 id="s">甲</h2>\n<p id="p-1">一。</p>\n<p>没有编号的段落。</p>'
    en = '<h2 id="s">A</h2>\n<p id="p-1">One.</p>\n<p id="p-9">Only in English.</p>'
    table = rows(zh, en)
    assert [k for k, _, _ in table] == ["s", "p-1"]
    assert "没有编号的段落" in "".join(table[1][1]) and "Only in English" in "".join(table[1][2])


def test_a_paragraph_only_english_has_in_mid_section_stays_beside_the_paragraph_before_it():
    zh = '<p id="p-1">一。</p>\n<p id="p-2">二。</p>\n<p id="p-3">三。</p>'
    en = '<p id="p-1">One.</p>\n<p id="p-9">Extra.</p>\n<p id="p-2">Two.</p>\n<p id="p-3">Three.</p>'
    table = rows(zh, en)
    assert [(k, len(z), len(e)) for k, z, e in table] == [("p-1", 1, 2), ("p-2", 1, 1), ("p-3", 1, 1)]
    assert "Extra" in table[0][2][1]


def test_links_are_rebased_from_the_page_the_text_was_built_for():
    body = '<a href="glossary.html#h20">H20</a><img src="assets/x.svg"><a href="#s">s</a><a href="https://e.org/">e</a>'
    assert rebase(body, "en/us-motives.html", "parallel/us-motives.html") == (
        '<a href="../en/glossary.html#h20">H20</a><img src="../en/assets/x.svg"><a href="#s">s</a>'
        '<a href="https://e.org/">e</a>'
    )
    assert rebase(body, "us-motives.html", "print.html") == body


def test_ids_in_a_column_get_its_language_and_links_to_a_row_still_reach_the_row():
    cell = (
        '<h2 id="s">A<a class="headerlink" href="#s">¶</a></h2>'
        '<figure id="f" aria-labelledby="f-t"><p id="f-t">T</p></figure><a href="#f">f</a>'
    )
    assert scope_ids(cell, "en", {"s"}) == (
        '<h2 id="s-en">A<a class="headerlink" href="#s">¶</a></h2><figure id="f-en" aria-labelledby="f-t-en">'
        '<p id="f-t-en">T</p></figure><a href="#f-en">f</a>'
    )


def test_the_side_by_side_view_has_a_row_per_id_each_with_a_chinese_and_an_english_cell():
    zh = Body('<h1 id="t">题</h1>\n<p id="p-1">一。</p>', "us-motives.html")
    en = Body('<h1 id="t">Title</h1>\n<p id="p-1">One.</p>', "en/us-motives.html")
    html = parallel_html(zh, en, "parallel/us-motives.html", "zh")
    assert re.findall(r'<div class="parallel__row" id="([^"]+)">', html) == ["t", "p-1"]
    assert re.findall(r'<div class="parallel__cell" lang="([^"]+)">', html) == ["zh-Hans", "en"] * 2
    assert '<h2 id="t-zh">题</h2>' in html  # the page's own H1 is the view's title


def test_the_print_edition_leaves_out_the_overviews_reading_path_which_points_at_what_follows():
    body = Body(
        '<p>导读。</p>\n<nav aria-label="阅读顺序" class="reading-path no-terms"><ol><li>一</li></ol></nav>',
        "index.html",
    )
    assert "reading-path" not in print_html([("index", body)], "print.html")


def test_the_print_edition_sets_each_pages_headings_one_level_down_under_its_own_title():
    # A part's sections were H2, as large as the part's title above them.
    body = Body('<h1 id="a">一</h1>\n<h2 id="b">甲</h2>\n<p>x</p>\n<h3 id="c">乙</h3>', "us-motives.html")
    html = print_html([("us-motives", body)], "print.html")
    assert re.findall(r"</?h\d", html) == ["<h2", "</h2", "<h3", "</h3", "<h4", "</h4"]


def test_the_print_edition_links_to_its_own_parts_and_sources_inside_the_page():
    bodies = [
        (
            "index",
            Body('<p>见<a href="us-motives.html">第一部分</a><a href="sources.html#ft">[1]</a></p>', "index.html"),
        ),
        ("us-motives", Body('<h1 id="us-motives">一</h1><p><a href="us-motives.html#x">x</a></p>', "us-motives.html")),
    ]
    html = print_html(bodies, "print.html")
    assert re.findall(r'href="([^"]+)"', html) == ["#part-us-motives", "#ft", "#x"]
    assert re.findall(r'<section class="print-part" id="([^"]+)">', html) == ["part-index", "part-us-motives"]


# --- the built site -----------------------------------------------------------


@pytest.mark.parametrize("stem", ARTICLE)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_article_page_links_to_its_side_by_side_view_and_the_view_links_back(built_site, stem, lang):
    page = built_page(built_site, stem, lang).read_text(encoding="utf-8")
    assert f'href="parallel/{stem}.html"' in page
    assert f'href="../{stem}.html"' in parallel(built_site, stem, lang)


@pytest.mark.parametrize("stem", ARTICLE)
def test_the_side_by_side_view_pairs_every_paragraph_of_both_languages_in_the_same_rows(built_site, stem):
    ids = re.findall(r'<p id="(p-[0-9a-f]{8})"', built_page(built_site, stem, "zh").read_text(encoding="utf-8"))
    for lang in LANGUAGES:
        html = parallel(built_site, stem, lang)
        zh = re.findall(r'<p id="(p-[0-9a-f]{8})-zh"', html)
        en = re.findall(r'<p id="(p-[0-9a-f]{8})-en"', html)
        assert zh == en == ids
        rows_ = re.findall(r'<div class="parallel__row" id="(p-[0-9a-f]{8})">', html)
        assert rows_ == ids  # each paragraph starts its own row, with its id: a link lands on it


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_side_by_side_view_is_out_of_search_and_of_the_sitemap_and_has_no_duplicate_ids(built_site, lang):
    import json

    index = json.loads((built_site / LANG_ROOT[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if "parallel/" in d["location"] or "print.html" in d["location"]]
    assert "parallel/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    html = parallel(built_site, "us-motives", lang)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_side_by_side_view_speaks_the_interface_language_and_each_column_its_own(built_site, lang):
    doc = Doc(parallel(built_site, "us-motives", lang))
    assert doc.first("html")["lang"] == {"zh": "zh-Hans", "en": "en"}[lang]
    defs = doc.first("div", class_="term-defs")
    expected = {"zh": "../assets/terms.zh.json", "en": "../../assets/terms.en.json"}[lang]
    assert defs["data-term-defs"] == expected  # the definitions of the interface language
    other = {"zh": "en", "en": ""}[lang]
    alternate = doc.first("link", rel="alternate", hreflang={"zh": "en", "en": "zh-Hans"}[lang])
    assert alternate["href"].endswith(f"{other + '/' if other else ''}parallel/us-motives.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_print_edition_holds_every_part_in_order_and_the_numbered_sources(built_site, lang):
    html = (built_site / LANG_ROOT[lang] / "print.html").read_text(encoding="utf-8")
    assert re.findall(r'<section class="print-part" id="part-([^"]+)">', html) == ARTICLE
    assert '<ol class="sources">' in html and html.index('<ol class="sources">') > html.rindex("print-part")
    cited = set(re.findall(r'<sup class="cite"><a href="#([^"]+)"', html))
    listed = set(re.findall(r'<li id="([^"]+)" value="\d+"', html))
    assert cited and cited <= listed  # every citation goes to its entry on the same page
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))
