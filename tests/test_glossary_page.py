"""The glossary page's generated HTML: pinyin order, escaping, jump bar and filter box."""

from __future__ import annotations

import re

from site_tools.glossary import Glossary, Term
from site_tools.glossary_page import initial, render_glossary, sort_key


def term(tid, zh, en, definition=None, kind="company", source=None, aliases_en=()) -> Term:
    definition = definition or {"zh": f"{zh}的定义。", "en": f"Definition of {en}."}
    return Term(
        tid,
        kind,
        {"zh": zh, "en": en},
        {"zh": (), "en": tuple(aliases_en)},
        {"zh": (), "en": ()},
        definition,
        source,
        1,
    )


def names(terms, lang):
    return [t.name[lang] for t in sorted(terms, key=lambda t: sort_key(t, lang))]


# --- order ----------------------------------------------------------------------


def test_book_title_marks_do_not_sort_a_chinese_name_last():
    terms = [
        term("nature", "《自然》", "Nature"),
        term("cambricon", "寒武纪", "Cambricon"),
        term("ft", "《金融时报》", "Financial Times"),
        term("kunlunxin", "昆仑芯", "Kunlunxin"),
        term("nvidia", "英伟达", "NVIDIA"),
    ]
    # 《金融时报》 is jin rong shi bao: between han (寒武纪) and kun (昆仑芯); 《自然》 is zi ran, after ying.
    assert names(terms, "zh") == ["寒武纪", "《金融时报》", "昆仑芯", "英伟达", "《自然》"]
    assert initial(terms[2], "zh") == "J"


def test_the_same_name_without_book_title_marks_sorts_the_same():
    with_marks, without = term("a", "《金融时报》", "x"), term("b", "金融时报", "y")
    assert sort_key(with_marks, "zh")[0] == sort_key(without, "zh")[0] == "jin rong shi bao"


def test_latin_names_sort_by_their_letters_among_pinyin_and_quotes_are_ignored():
    terms = [
        term("toms", "Tom's Hardware", '"Tom\'s Hardware"'),
        term("trump", "特朗普", "Trump"),
        term("tflops", "TFLOPS", "TFLOPS"),
        term("amd", "AMD", "AMD"),
        term("baidu", "百度", "Baidu"),
    ]
    assert names(terms, "zh") == ["AMD", "百度", "特朗普", "TFLOPS", "Tom's Hardware"]  # te < tf < to
    assert names(terms, "en") == ["AMD", "Baidu", "TFLOPS", '"Tom\'s Hardware"', "Trump"]


def test_a_name_that_starts_with_a_digit_is_grouped_apart():
    assert initial(term("8-k", "8-K", "8-K"), "en") == "#"
    assert initial(term("amd", "AMD", "AMD"), "en") == "A"


# --- escaping -------------------------------------------------------------------

HOSTILE = term(
    "hostile",
    "<i>坏</i>公司",
    'Bad "Co" <img src=x onerror=alert(1)>',
    {"zh": '<script>alert(1)</script><b style="color:red">粗</b>', "en": "A & B <b style='x'>bold</b>"},
    kind="<u>kind</u>",
    source="javascript:alert(1)<br>",
    aliases_en=["<em>alias</em>"],
)


def test_every_data_field_is_escaped_not_emitted_as_html():
    out = render_glossary(Glossary([HOSTILE]), [], "zh", {})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b style=&quot;color:red&quot;&gt;粗&lt;/b&gt;" in out
    assert "&lt;i&gt;坏&lt;/i&gt;公司" in out and "&lt;u&gt;kind&lt;/u&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out and "javascript:alert(1)&lt;br&gt;" in out
    for raw in ("<script>alert", "<b style", "<i>", "<u>", "<img", "<em>", "<br>", 'href="javascript'):
        assert raw not in out, raw
    en = render_glossary(Glossary([HOSTILE]), [], "en", {})
    assert "A &amp; B &lt;b style=&#x27;x&#x27;&gt;bold&lt;/b&gt;" in en and "<b style" not in en


def test_an_ordinary_definition_is_rendered_as_written():
    out = render_glossary(
        Glossary([term("amd", "AMD", "AMD", {"zh": "美国芯片设计公司。", "en": "US chip designer."})]), [], "en", {}
    )
    assert '<p class="glossary-entry__def">US chip designer.</p>' in out


# --- jump bar and filter box ----------------------------------------------------

TERMS = Glossary(
    [term("cambricon", "寒武纪", "Cambricon"), term("ft", "《金融时报》", "Financial Times"), term("amd", "AMD", "AMD")]
)


def test_the_jump_bar_links_every_letter_that_has_entries_and_only_those():
    out = render_glossary(TERMS, [], "zh", {})
    linked = re.findall(r'<a href="#(letter-[a-z0-9-]+)">', out)
    assert linked == ["letter-a", "letter-h", "letter-j"]
    assert all(f'id="{target}"' in out for target in linked)
    assert '<span aria-disabled="true">B</span>' in out and 'href="#letter-b"' not in out
    en = render_glossary(TERMS, [], "en", {})
    assert re.findall(r'<a href="#(letter-[a-z0-9-]+)">', en) == ["letter-a", "letter-c", "letter-f"]


def test_each_entry_keeps_its_id_and_the_forms_of_both_languages_for_the_filter():
    out = render_glossary(TERMS, [], "en", {})
    assert re.search(r'<div class="glossary-entry" id="cambricon" data-forms="Cambricon 寒武纪">', out)


def test_the_filter_box_is_hidden_until_the_script_shows_it():
    out = render_glossary(TERMS, [], "zh", {})
    assert re.search(r'<div class="glossary-filter" hidden data-count="共 \{n\} 条"', out)
    assert '<script src="assets/javascripts/glossary-filter.js"></script>' in out
    en = render_glossary(TERMS, [], "en", {})
    assert 'data-count="{n} terms" data-count-one="1 term"' in en
    assert '<script src="../assets/javascripts/glossary-filter.js"></script>' in en
