"""The glossary: data, generated pages, sorting and term marking."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT, built_page
from site_tools.findings import DataError
from site_tools.glossary import Glossary, Term, load_glossary
from site_tools.glossary_page import sort_key
from site_tools.terms import mark_terms


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
    ]
)


def marked(html: str, lang: str = "zh") -> list[str]:
    out = mark_terms(html, GLOSSARY, lang, "glossary.html")
    return re.findall(r'<a class="term"[^>]*>([^<]*)</a>', out)


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


def test_a_chinese_term_inside_running_chinese_text_is_marked():
    assert marked("<p>过去三个月，华为昇腾等厂商压缩了份额。</p>") == ["华为昇腾"]


def test_the_longest_form_wins():
    assert marked("<p>昇腾 910C 的效率</p>") == ["昇腾 910C"]


def test_a_latin_term_does_not_match_inside_a_longer_name():
    assert marked("<p>H200 获准出口，H20 没有</p>") == ["H200", "H20"]
    assert marked("<p>the H200 only</p>", "en") == ["H200"]


def test_english_terms_are_whole_words_and_case_sensitive():
    assert marked("<p>Nature said; nature is not the journal. Ascendancy is not a chip.</p>", "en") == ["Nature"]


def test_a_term_is_marked_once_per_page_at_its_first_use():
    assert marked("<p>昇腾与昇腾</p><h2 id='a'>二</h2><p>昇腾</p>") == ["昇腾"]
    assert marked("<p>昇腾</p><p>寒武纪</p>") == ["昇腾"]  # not a glossary term: nothing


@pytest.mark.parametrize(
    "html",
    [
        "<p><code>昇腾</code></p>",
        '<p><a href="x.html">昇腾</a></p>',
        "<h2 id='x'>昇腾</h2>",
        "<pre><code>昇腾 = 1</code></pre>",
        '<p class="admonition-title">背景：昇腾</p>',
    ],
)
def test_code_links_headings_and_admonition_titles_are_left_alone(html):
    assert marked(html) == []


def test_a_term_links_to_its_glossary_entry_and_its_definition_is_appended_once_hidden():
    out = mark_terms("<p>the Ascend chips, Ascend again</p>", GLOSSARY, "en", "glossary.html")
    assert '<a class="term" href="glossary.html#ascend" data-term="ascend">Ascend</a>' in out
    defs = re.search(r'<div class="term-defs" hidden data-search-exclude data-term-defs[^>]*>(.*)</div>', out, re.S)
    assert defs and defs[1].count("data-term-def=") == 1
    assert 'data-term-def="ascend" data-name="Huawei Ascend">Definition of Huawei Ascend.</div>' in defs[1]
    assert 'data-label-glossary="Glossary"' in out


def test_a_page_without_terms_gets_no_definitions_block():
    assert "term-defs" not in mark_terms("<p>nothing here</p>", GLOSSARY, "en", "glossary.html")


def test_definitions_are_escaped():
    evil = Glossary(
        [
            Term(
                "x",
                "product",
                {"zh": "某某", "en": "Evil"},
                {"zh": (), "en": ()},
                {"zh": (), "en": ()},
                {"zh": "定义", "en": '<img src=x onerror="alert(1)">'},
                None,
                1,
            )
        ]
    )
    out = mark_terms("<p>Evil</p>", evil, "en", "glossary.html")
    assert "<img" not in out and "&lt;img src=x" in out


# --- the built site ---------------------------------------------------------


def test_zh_impact_page_marks_ascend_inside_a_chinese_sentence_and_defines_it(built_site):
    html = built_page(built_site, "impact-on-china", "zh").read_text(encoding="utf-8")
    assert re.search(
        r'[\u4e00-\u9fff，、]<a class="term" href="glossary.html#ascend" data-term="ascend">(华为)?昇腾</a>', html
    )
    m = re.search(r'<div data-term-def="ascend" data-name="昇腾">([^<]+)</div>', html)
    assert m and "华为" in m[1]


def test_en_impact_page_marks_ascend_and_defines_it(built_site):
    html = built_page(built_site, "impact-on-china", "en").read_text(encoding="utf-8")
    assert re.search(r'<a class="term" href="glossary.html#ascend" data-term="ascend">(Huawei )?Ascend</a>', html)
    m = re.search(r'<div data-term-def="ascend" data-name="Huawei Ascend">([^<]+)</div>', html)
    assert m and "Huawei" in m[1]


def test_glossary_pages_list_every_term_with_its_other_language_form_and_where_it_is_used(built_site):
    glossary = load_glossary(ROOT)
    zh = built_page(built_site, "glossary", "zh").read_text(encoding="utf-8")
    en = built_page(built_site, "glossary", "en").read_text(encoding="utf-8")
    for t in glossary:
        assert f'id="{t.id}"' in zh and f'id="{t.id}"' in en
    assert re.search(r'id="cambricon".*?lang="en">Cambricon<.*?出现于：.*?impact-on-china\.html#', zh, re.S)
    assert re.search(r'id="cambricon".*?lang="zh-Hans">寒武纪<.*?Used in: .*?impact-on-china\.html#', en, re.S)
    assert 'class="term"' not in zh and 'class="term"' not in en
