"""Paragraph ids, the same in both languages (site_tools/paragraphs.py), and the rule that
keeps the languages' paragraphs pairable (PARITY-PARAGRAPHS)."""

from __future__ import annotations

import re

import pytest

from helpers import built_page
from site_tools.languages import LANGUAGES, PageId
from site_tools.pages import parse_page
from site_tools.paragraphs import body_paragraphs, paragraph_ids
from site_tools.glossary import Glossary
from site_tools.parity import check_parity

FRONT = "---\ntitle: T\ndescription: D\n---\n"
ARTICLE = ["index", "us-motives", "impact-on-china", "strategic-paths", "conclusion"]


def page(lang: str, body: str):
    return parse_page(FRONT + body, f"docs/a.{lang}.md", PageId("a", lang))


def test_a_body_paragraph_is_prose_at_the_top_of_a_section_not_a_box_list_table_or_html():
    zh = page(
        "zh",
        '# 甲 {#a}\n\n第一段，\n接着写。\n\n- 列表\n\n!!! note "框"\n    框里的段落。\n\n'
        "<p>原始 HTML</p>\n\n| 表 |\n\n第二段。\n",
    )
    [section] = [s for s in zh.sections if s.id == "a"]
    assert body_paragraphs(section) == [(7, "第一段， 接着写。"), (19, "第二段。")]


def test_an_inserted_paragraph_changes_no_other_id():
    before = paragraph_ids(page("zh", "# 甲 {#a}\n\n一。\n\n二。\n"), None)["a"]
    after = paragraph_ids(page("zh", "# 甲 {#a}\n\n一。\n\n新的一段。\n\n二。\n"), None)["a"]
    assert after[0] == before[0] and after[2] == before[1] and len(set(after)) == 3


def test_the_english_paragraphs_take_the_ids_of_the_chinese_ones_at_the_same_place():
    zh, en = page("zh", "# 甲 {#a}\n\n一。\n\n二。\n"), page("en", "# A {#a}\n\nOne.\n\nTwo.\n")
    assert paragraph_ids(zh, en) == paragraph_ids(zh, None)


def test_a_section_with_another_number_of_paragraphs_is_one_finding_naming_both_files():
    zh, en = page("zh", "# 甲 {#a}\n\n一。\n\n二。\n"), page("en", "# A {#a}\n\nOne. Two.\n")
    found = [f for f in check_parity([zh, en], Glossary([])) if f.rule == "PARITY-PARAGRAPHS"]
    assert [(f.path, f.line) for f in found] == [("docs/a.en.md", 5)]
    assert found[0].message == "section #a has 1 paragraphs here but 2 in docs/a.zh.md:5"
    assert "a" not in paragraph_ids(zh, en)  # no ids rather than wrong ones
    en_ok = page("en", "# A {#a}\n\nOne.\n\nTwo.\n")
    assert [f for f in check_parity([zh, en_ok], Glossary([])) if f.rule == "PARITY-PARAGRAPHS"] == []


@pytest.mark.parametrize("stem", ARTICLE)
def test_each_article_page_has_the_same_paragraph_ids_in_both_languages_in_the_same_order(built_site, stem):
    ids = {
        lang: re.findall(r'<p id="(p-[0-9a-f]{8})"', built_page(built_site, stem, lang).read_text(encoding="utf-8"))
        for lang in LANGUAGES
    }
    assert ids["zh"] and ids["zh"] == ids["en"] and len(set(ids["zh"])) == len(ids["zh"])


def test_a_section_whose_chinese_changed_after_translation_is_a_warning_while_the_english_catches_up():
    from site_tools.translation import section_hashes

    zh = page("zh", "# 甲 {#a}\n\n一。\n")
    recorded = f"---\ntitle: T\ndescription: D\ntranslated_from:\n  a: {section_hashes(zh)['a']}\n---\n"
    en = parse_page(recorded + "# A {#a}\n\nOne.\n", "docs/a.en.md", PageId("a", "en"))
    zh_grown = page("zh", "# 甲 {#a}\n\n一。\n\n二。\n")
    [f] = [f for f in check_parity([zh_grown, en], Glossary([])) if f.rule == "PARITY-PARAGRAPHS"]
    assert f.severity == "warning"


def test_a_share_card_figure_must_be_the_same_figure_in_both_languages():
    def with_figure(lang, figure, caption="C"):
        front = f"---\ntitle: T\ndescription: D\ncard_figure: {figure}\ncard_caption: {caption}\n---\n"
        return parse_page(front + "# A {#a}\n\nText.\n", f"docs/a.{lang}.md", PageId("a", lang))

    def found(zh, en):
        return [(f.path, f.line, f.message) for f in check_parity([zh, en], Glossary([])) if f.rule == "FIGURE-PARITY"]

    assert found(with_figure("zh", "45 亿美元"), with_figure("en", "US$4.5 billion")) == []
    assert found(with_figure("zh", "45 亿美元"), with_figure("en", "US$5.5 billion")) == [
        ("docs/a.en.md", 4, "the share card's figure 'US$5.5 billion' is not the figure of docs/a.zh.md:4")
    ]
    assert found(with_figure("zh", "82%"), page("en", "# A {#a}\n\nText.\n")) == [
        ("docs/a.zh.md", 4, "the share card's figure '82%' is not the figure of docs/a.en.md (none there)")
    ]


def test_a_figure_moved_to_another_paragraph_is_found_at_its_line_naming_the_paired_paragraph():
    zh = page("zh", "# 甲 {#a}\n\n售价 1.2 万美元。\n\n销量很大。\n")
    moved = page("en", "# A {#a}\n\nIt is dear.\n\nIt sells US$12,000 worth.\n")
    found = [(f.path, f.line, f.message) for f in check_parity([zh, moved], Glossary([])) if f.rule == "FIGURE-PARITY"]
    assert found == [
        (
            "docs/a.zh.md",
            7,
            "figure '1.2 万' (= 12000) in paragraph 1 of section #a "
            "has no counterpart in its paragraph at docs/a.en.md:7",
        ),
        (
            "docs/a.en.md",
            9,
            "figure '12,000' (= 12000) in paragraph 2 of section #a "
            "has no counterpart in its paragraph at docs/a.zh.md:9",
        ),
    ]
    kept = page("en", "# A {#a}\n\nIt sells for US$12,000.\n\nIt sells well.\n")
    assert [f for f in check_parity([zh, kept], Glossary([])) if f.rule == "FIGURE-PARITY"] == []
