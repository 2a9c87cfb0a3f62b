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
    return Term(tid, "product", {"zh": zh, "en": en}, {"zh": tuple(aliases_zh), "en": tuple(aliases_en)},
                {"zh": tuple(reject_zh), "en": tuple(reject_en)}, {"zh": f"{zh}的定义。", "en": f"Definition of {en}."},
                None, 1)


GLOSSARY = Glossary([
    term("ascend", "昇腾", "Huawei Ascend", ["华为昇腾"], ["Ascend"], ["升腾"]),
    term("ascend-910c", "昇腾 910C", "Ascend 910C"),
    term("h20", "H20", "H20"),
    term("h200", "H200", "H200"),
    term("nature", "《自然》", "Nature"),
])


def marked(html: str, lang: str = "zh") -> list[str]:
    out = mark_terms(html, GLOSSARY, lang, "glossary.html")
    return re.findall(r'<span class="term"[^>]*>([^<]*)<span', out)


# --- data -------------------------------------------------------------------

def test_the_glossary_data_has_at_least_40_complete_terms():
    glossary = load_glossary(ROOT)
    assert len(glossary) >= 40
    for t in glossary:
        assert t.name["zh"] and t.name["en"] and t.definition["zh"] and t.definition["en"]


def test_canonical_english_forms_follow_the_entities_own_usage():
    names = {t.id: t.name["en"] for t in load_glossary(ROOT)}
    assert names["nvidia"] == "NVIDIA" and names["kunlunxin"] == "Kunlunxin" and names["cambricon"] == "Cambricon"
    assert names["jpmorgan"] == "JPMorgan"


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
    good = "- id: cuda\n  kind: technical\n  zh: CUDA\n  en: CUDA\n  def: {zh: 英伟达的编程平台。, en: NVIDIA's platform.}\n"
    bad = "- id: h20\n  kind: product\n  zh: H20\n  def: {zh: 芯片。, en: A chip.}\n"
    root = _root_with(tmp_path, good + bad)
    with pytest.raises(DataError) as e:
        load_glossary(root)
    assert [(f.line, f.message) for f in e.value.findings] == [(6, "term 'h20' has no canonical en form")]


def test_a_form_shared_by_two_terms_is_an_error(tmp_path):
    entry = "- id: {id}\n  kind: product\n  zh: 昇腾\n  en: {en}\n  def: {{zh: 芯片。, en: A chip.}}\n"
    root = _root_with(tmp_path, entry.format(id="ascend", en="Ascend") + entry.format(id="ascend2", en="Ascend2"))
    with pytest.raises(DataError) as e:
        load_glossary(root)
    assert "'昇腾' is a form of both 'ascend' and 'ascend2'" in e.value.findings[0].message


# --- sorting ----------------------------------------------------------------

def test_chinese_entries_sort_by_pinyin_and_english_entries_alphabetically():
    terms = [term("y", "英伟达", "NVIDIA"), term("b", "百度", "Baidu"), term("h", "寒武纪", "Cambricon"),
             term("c", "CUDA", "CUDA")]
    assert [t.name["zh"] for t in sorted(terms, key=lambda t: sort_key(t, "zh"))] == ["百度", "CUDA", "寒武纪", "英伟达"]
    assert [t.name["en"] for t in sorted(terms, key=lambda t: sort_key(t, "en"))] == ["Baidu", "Cambricon", "CUDA",
                                                                                      "NVIDIA"]


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


def test_only_the_first_occurrence_per_section_is_marked():
    html = "<p>昇腾与昇腾</p><h2 id='a'>二</h2><p>昇腾</p>"
    assert marked(html) == ["昇腾", "昇腾"]


@pytest.mark.parametrize("html", [
    "<p><code>昇腾</code></p>",
    '<p><a href="x.html">昇腾</a></p>',
    "<h2 id='x'>昇腾</h2>",
    "<pre><code>昇腾 = 1</code></pre>",
    '<p class="admonition-title">背景：昇腾</p>',
])
def test_code_links_headings_and_admonition_titles_are_left_alone(html):
    assert marked(html) == []


def test_the_tooltip_carries_the_definition_in_the_page_language_and_links_to_the_glossary():
    out = mark_terms("<p>the Ascend chips</p>", GLOSSARY, "en", "glossary.html")
    assert 'role="tooltip"' in out and "Definition of Huawei Ascend." in out
    assert '<a href="glossary.html#ascend">' in out and 'tabindex="0"' in out


# --- the built site ---------------------------------------------------------

def test_zh_impact_page_defines_ascend_inside_a_chinese_sentence(built_site):
    html = built_page(built_site, "impact-on-china", "zh").read_text(encoding="utf-8")
    m = re.search(r'[\u4e00-\u9fff，、]<span class="term" tabindex="0" aria-describedby="[^"]+">(华为)?昇腾'
                  r'<span class="term__tip" role="tooltip" id="[^"]+">([^<]+)', html)
    assert m and "华为" in m[2]


def test_en_impact_page_defines_ascend(built_site):
    html = built_page(built_site, "impact-on-china", "en").read_text(encoding="utf-8")
    m = re.search(r'<span class="term" tabindex="0" aria-describedby="[^"]+">(Huawei )?Ascend'
                  r'<span class="term__tip" role="tooltip" id="[^"]+">([^<]+)', html)
    assert m and "Huawei" in m[2]


def test_glossary_pages_list_every_term_with_its_other_language_form_and_where_it_is_used(built_site):
    glossary = load_glossary(ROOT)
    zh = built_page(built_site, "glossary", "zh").read_text(encoding="utf-8")
    en = built_page(built_site, "glossary", "en").read_text(encoding="utf-8")
    for t in glossary:
        assert f'id="{t.id}"' in zh and f'id="{t.id}"' in en
    assert re.search(r'id="cambricon".*?lang="en">Cambricon<.*?出现于：.*?impact-on-china\.html#', zh, re.S)
    assert re.search(r'id="cambricon".*?lang="zh-Hans">寒武纪<.*?Used in: .*?impact-on-china\.html#', en, re.S)
    assert 'class="term"' not in zh and 'class="term"' not in en
