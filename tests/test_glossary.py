"""The glossary: data, generated pages, sorting and term marking."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from mkdocs.config import load_config

from helpers import ROOT, built_page
from htmldoc import Doc
from site_tools.findings import DataError
from site_tools.glossary import Glossary, Term, load_glossary
from site_tools.glossary_page import sort_key
from site_tools.terms import PageTerms, TermsExtension, definitions_block, definitions_json


def term(tid, zh, en, aliases_zh=(), aliases_en=(), reject_zh=(), reject_en=()) -> Term:
    return Term(
        tid,
        "product",
        {"zh": zh, "en": en},
        {"zh": tuple(aliases_zh), "en": tuple(aliases_en)},
        {"zh": tuple(reject_zh), "en": tuple(reject_en)},
        {"zh": f"{zh}的定义。", "en": f"Definition of {en}."},
        None,
        1,
    )


GLOSSARY = Glossary(
    [
        term("ascend", "昇腾", "Huawei Ascend", ["华为昇腾"], ["Ascend"], ["升腾"]),
        term("ascend-910c", "昇腾 910C", "Ascend 910C"),
        term("h20", "H20", "H20"),
        term("h200", "H200", "H200"),
        term("nature", "《自然》", "Nature"),
        term("toms-hardware", "Tom's Hardware", "Tom's Hardware"),
        term("covington", "Covington & Burling", "Covington & Burling"),
    ]
)


# --- data -------------------------------------------------------------------


def _root_with(tmp_path: Path, glossary_yaml: str) -> Path:
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "glossary.yml").write_text(glossary_yaml, encoding="utf-8")
    return tmp_path


def test_malformed_glossary_yaml_names_the_file_and_line(tmp_path):
    root = _root_with(tmp_path, "- id: cuda\n  kind: technical\n  zh: CUDA\n  en: [CUDA\n")
    with pytest.raises(DataError) as e:
        load_glossary(root)
    f = e.value.findings[0]
    assert (f.path, f.rule) == ("docs/data/glossary.yml", "DATA-GLOSSARY") and f.line >= 4
    assert "malformed YAML" in f.message


def test_a_term_without_an_english_form_is_reported_at_its_line(tmp_path):
    good = (
        "- id: cuda\n  kind: technical\n  zh: CUDA\n  en: CUDA\n"
        "  def: {zh: 英伟达的编程平台。, en: NVIDIA's platform.}\n"
    )
    bad = "- id: h20\n  kind: product\n  zh: H20\n  def: {zh: 芯片。, en: A chip.}\n"
    root = _root_with(tmp_path, good + bad)
    with pytest.raises(DataError) as e:
        load_glossary(root)
    assert [(f.line, f.message) for f in e.value.findings] == [(6, "term 'h20' has no 'en' (canonical en form)")]


def test_a_form_shared_by_two_terms_is_an_error(tmp_path):
    entry = "- id: {id}\n  kind: product\n  zh: 昇腾\n  en: {en}\n  def: {{zh: 芯片。, en: A chip.}}\n"
    root = _root_with(tmp_path, entry.format(id="ascend", en="Ascend") + entry.format(id="ascend2", en="Ascend2"))
    with pytest.raises(DataError) as e:
        load_glossary(root)
    assert "'昇腾' is a form of both 'ascend' and 'ascend2'" in e.value.findings[0].message


# --- sorting ----------------------------------------------------------------


def test_chinese_entries_sort_by_pinyin_and_english_entries_alphabetically():
    terms = [
        term("y", "英伟达", "NVIDIA"),
        term("b", "百度", "Baidu"),
        term("h", "寒武纪", "Cambricon"),
        term("c", "CUDA", "CUDA"),
    ]
    assert [t.name["zh"] for t in sorted(terms, key=lambda t: sort_key(t, "zh"))] == [
        "百度",
        "CUDA",
        "寒武纪",
        "英伟达",
    ]
    assert [t.name["en"] for t in sorted(terms, key=lambda t: sort_key(t, "en"))] == [
        "Baidu",
        "Cambricon",
        "CUDA",
        "NVIDIA",
    ]


# --- term marking -----------------------------------------------------------
# Through Markdown with the site's own extensions (mkdocs.yml), as MkDocs converts a page.


@pytest.fixture(scope="module")
def site_markdown():
    config = load_config(str(ROOT / "mkdocs.yml"))
    return [e for e in config.markdown_extensions if isinstance(e, str)], config.mdx_configs


@pytest.fixture
def convert(site_markdown):
    """Markdown → (HTML, ids of the terms marked, in order)."""
    extensions, configs = site_markdown

    def run(text: str, lang: str = "zh", glossary: Glossary = GLOSSARY) -> tuple[str, list[str]]:
        terms = TermsExtension()
        terms.page = PageTerms(glossary, lang, "glossary.html")
        html = markdown.Markdown(extensions=[*extensions, terms], extension_configs=configs).convert(text)
        return html, terms.page.marked

    return run


@pytest.fixture
def marked(convert):
    """The texts marked as terms in `text`, in order."""

    def run(text: str, lang: str = "zh") -> list[str]:
        return re.findall(r'<a class="term"[^>]*>(.*?)</a>', convert(text, lang)[0])

    return run


def test_a_chinese_term_inside_running_chinese_text_is_marked(marked):
    assert marked("过去三个月，华为昇腾等厂商压缩了份额。") == ["华为昇腾"]


def test_the_longest_form_wins(marked):
    assert marked("昇腾 910C 的效率") == ["昇腾 910C"]


def test_a_latin_term_does_not_match_inside_a_longer_name(marked):
    assert marked("H200 获准出口，H20 没有") == ["H200", "H20"]
    assert marked("the H200 only", "en") == ["H200"]


def test_english_terms_are_whole_words_and_case_sensitive(marked):
    assert marked("Nature said; nature is not the journal. Ascendancy is not a chip.", "en") == ["Nature"]


def test_a_term_is_marked_once_per_page_at_its_first_use_in_document_order(convert):
    html, ids = convert("- 列表里的昇腾\n\n正文里的昇腾与 H20\n\n## 二 {#two}\n\n> 引文里的 H20 和昇腾\n")
    assert ids == ["ascend", "h20"]
    assert re.findall(r'<a class="term"[^>]*>(.*?)</a>', html) == ["昇腾", "H20"]
    assert html.index(">昇腾</a>") < html.index("正文")  # in the list, the first use
    assert convert("寒武纪")[1] == []  # not a glossary term: nothing


def test_a_term_links_to_its_glossary_entry(convert):
    html, _ = convert("the Ascend chips, Ascend again", "en")
    link = Doc(html).first("a", class_="term")
    assert link == {"class": "term", "href": "glossary.html#ascend"}
    assert html.count('class="term"') == 1


@pytest.mark.parametrize(
    "text",
    [
        "`昇腾`",
        "```\n昇腾 = 1\n```",
        "    昇腾 = 1",
        "[昇腾](x.md)",
        "<https://example.org/昇腾>",
        "## 昇腾 {#x}",
        '!!! note "背景：昇腾"\n\n    正文',
        '??? note "昇腾"\n\n    正文',
        "术语\n:   定义",
        "昇腾\n:   定义",
        '<span class="no-terms">昇腾</span>',
        "这一段不标记：昇腾\n{: .no-terms }",
        '<a href="x.html">*昇腾*</a>',
        "<figure>\n<figcaption>昇腾</figcaption>\n</figure>",
        '<div class="no-terms">\n<p>昇腾</p>\n</div>',
    ],
)
def test_code_links_headings_titles_and_marked_off_text_are_left_alone(convert, text):
    assert convert(text)[1] == [], convert(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "`code` 昇腾",
        "[链接](x.md)里之后的昇腾",
        "引用<sup>1</sup>之后的昇腾",
        '<span class="no-terms">H20</span> 之后的昇腾',
        "*强调*之后的昇腾",
    ],
)
def test_text_after_a_skipped_element_is_marked(convert, text):
    html, ids = convert(text)
    assert "ascend" in ids, html
    assert re.search(r"(</code>|</a>|</sup>|</span>|</em>)[^<]*<a class=\"term\"", html)


def test_a_term_is_found_across_typeset_quotes_and_entities(marked):
    # smarty and entities leave placeholders in the tree's text: the term is read through them
    assert marked("What Tom's Hardware reported", "en") == ["Tom’s Hardware"]
    assert marked("Tom&rsquo;s Hardware reported", "en") == ["Tom&rsquo;s Hardware"]
    assert marked("Covington & Burling") == marked("Covington &amp; Burling") == ["Covington &amp; Burling"]
    # in raw HTML too (a directive's output, escaped by html.escape)
    assert marked("<p>Covington &amp; Burling, Tom&#x27;s Hardware</p>") == [
        "Covington &amp; Burling",
        "Tom&#x27;s Hardware",
    ]


def test_stashed_html_comes_out_intact(convert):
    text = (
        '昇腾 <span class="x">H20</span> &amp; H200 :material-chip:\n\n'
        '<div class="box">\n<p>《自然》 <b>粗体</b></p>\n</div>\n\n'
        "```\n<b>code</b>\n```\n"
    )
    html, ids = convert(text)
    assert ids == ["ascend", "h20", "h200", "nature"]
    assert "\x02" not in html and "\x03" not in html and "wzxhzdk" not in html
    assert '<span class="x"><a class="term"' in html and "H20</a></span> &amp; " in html
    assert '<div class="box">\n<p><a class="term"' in html and "《自然》</a> <b>粗体</b></p>\n</div>" in html
    assert "&lt;b&gt;code&lt;/b&gt;" in html and "<svg" in html


def test_a_term_in_a_raw_html_block_counts_in_the_page_order(convert):
    html, ids = convert('<div class="claim">\n<p>昇腾 and H20</p>\n</div>\n\n昇腾与 H20')
    assert ids == ["ascend", "h20"]
    assert html.count('class="term"') == 2 and html.rindex('class="term"') < html.index("昇腾与")


def test_markdown_inside_html_is_marked_and_its_raw_parts_too(convert):
    html, ids = convert('<div lang="en" markdown>\n\n**昇腾**\n\n<p markdown="0">H20 &amp; H200</p>\n\n</div>')
    assert ids == ["ascend", "h20", "h200"], html
    assert "\x02" not in html


def test_a_page_set_to_none_is_converted_unmarked(site_markdown):
    extensions, configs = site_markdown
    terms = TermsExtension()  # page left None: the glossary and sources pages
    html = markdown.Markdown(extensions=[*extensions, terms], extension_configs=configs).convert("昇腾")
    assert html == "<p>昇腾</p>"


def test_the_page_holds_only_where_the_definitions_are_and_the_popover_labels_hidden_and_out_of_search():
    out = definitions_block("en", "../assets/terms.en.json")
    assert re.fullmatch(
        r'\s*<div class="term-defs" hidden data-search-exclude data-term-defs="../assets/terms.en.json" '
        r'data-label-glossary="Glossary" data-label-close="Close"></div>\s*',
        out,
    )


def test_the_definitions_file_has_every_term_as_name_and_text_in_its_language():
    defs = json.loads(definitions_json(GLOSSARY, "zh"))
    assert list(defs) == [t.id for t in GLOSSARY]
    assert defs["ascend"] == [GLOSSARY.terms["ascend"].name["zh"], GLOSSARY.terms["ascend"].definition["zh"]]


def test_definitions_are_text_the_script_never_reads_as_html_and_english_gets_curly_quotes():
    evil = Glossary(
        [
            Term(
                "x",
                "product",
                {"zh": "某某", "en": "Evil"},
                {"zh": (), "en": ()},
                {"zh": (), "en": ()},
                {"zh": "定义", "en": 'It\'s <img src=x onerror="alert(1)">'},
                None,
                1,
            )
        ]
    )
    # Kept as written (the script sets textContent: the browser shows the characters).
    assert json.loads(definitions_json(evil, "en"))["x"][1] == "It’s <img src=x onerror=”alert(1)”>"
    assert json.loads(definitions_json(evil, "zh"))["x"][1] == "定义"


# --- the built site ---------------------------------------------------------


def test_zh_impact_page_marks_ascend_inside_a_chinese_sentence_and_defines_it(built_site):
    html = built_page(built_site, "impact-on-china", "zh").read_text(encoding="utf-8")
    m = re.search(r'[\u4e00-\u9fff，、](<a class="term"[^>]*>)(华为)?昇腾</a>', html)
    assert m and Doc(m[1]).first("a") == {"class": "term", "href": "glossary.html#ascend"}
    defs = json.loads((built_site / "assets" / "terms.zh.json").read_text(encoding="utf-8"))
    assert defs["ascend"][0] == "昇腾" and "华为" in defs["ascend"][1]
    assert 'data-term-defs="./assets/terms.zh.json"' in html


def test_en_impact_page_marks_ascend_and_defines_it(built_site):
    html = built_page(built_site, "impact-on-china", "en").read_text(encoding="utf-8")
    m = re.search(r'(<a class="term"[^>]*>)(Huawei )?Ascend</a>', html)
    assert m and Doc(m[1]).first("a") == {"class": "term", "href": "glossary.html#ascend"}
    defs = json.loads((built_site / "assets" / "terms.en.json").read_text(encoding="utf-8"))
    assert defs["ascend"][0] == "Huawei Ascend" and "Huawei" in defs["ascend"][1]
    assert 'data-term-defs="../assets/terms.en.json"' in html


def test_glossary_pages_list_every_term_with_its_other_language_form_and_where_it_is_used(built_site):
    glossary = load_glossary(ROOT)
    zh = built_page(built_site, "glossary", "zh").read_text(encoding="utf-8")
    en = built_page(built_site, "glossary", "en").read_text(encoding="utf-8")
    for t in glossary:
        assert f'id="{t.id}"' in zh and f'id="{t.id}"' in en
    assert re.search(r'id="cambricon".*?lang="en">Cambricon<.*?出现于：.*?impact-on-china\.html#', zh, re.S)
    assert re.search(r'id="cambricon".*?lang="zh-Hans">寒武纪<.*?Used in: .*?impact-on-china\.html#', en, re.S)
    assert 'class="term"' not in zh and 'class="term"' not in en
