"""The built pages speak their own language and mark each term once."""

from __future__ import annotations

import re
from collections import Counter

import pytest


from helpers import ROOT, built_page, page_stems
from site_tools.languages import DEFAULT, HREFLANG, LANGUAGES, STRINGS
from site_tools.linebreaks import keep_together

HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("stem", page_stems())
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_term_is_marked_at_most_once_per_page(built_site, stem, lang):
    html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
    repeated = [t for t, n in Counter(re.findall(r'<a class="term" href="[^"#]*#([^"]+)"', html)).items() if n > 1]
    assert repeated == []


@pytest.mark.parametrize("stem", page_stems())
def test_english_pages_carry_no_chinese_title_attributes(built_site, stem):
    html = built_page(built_site, stem, "en").read_text(encoding="utf-8")
    assert [t for t in re.findall(r'\btitle="([^"]*)"', html) if HAN.search(t)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_permalinks_and_the_footer_credit_are_in_the_page_language(built_site, lang):
    html = built_page(built_site, "us-motives", lang).read_text(encoding="utf-8")
    assert f'class="headerlink" href="#market-logic" title="{STRINGS[lang]["permalink"]}"' in html
    credit = STRINGS[lang]["credit"].split("{link}")[0].strip()
    assert credit in html.split('class="md-copyright"')[1]


def test_every_language_has_every_interface_string():
    assert STRINGS["zh"].keys() == STRINGS["en"].keys()
    assert all(v.strip() if isinstance(v, str) else v for lang in LANGUAGES for v in STRINGS[lang].values())


# --- what stays together at line ends -------------------------------------------


def test_the_theme_language_in_mkdocs_yml_is_the_default_language_tag_and_has_its_strings():
    # mkdocs.yml cannot import Python: the one copy of the tag outside languages.py is checked here.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    theme_language = re.search(r"^theme:\n(?:  .*\n)*?  language: (\S+)$", config, re.M)[1]
    assert theme_language == HREFLANG[DEFAULT]
    assert (ROOT / "overrides" / "partials" / "languages" / f"{theme_language}.html").exists()


def test_a_citation_is_glued_to_the_word_before_it_and_the_punctuation_after_it():
    out = keep_together('<p>约为 60%<sup class="cite"><a href="s.html#x">[10]</a></sup>。下一句</p>')
    assert '约为 <span class="nobr">60%<sup class="cite"><a href="s.html#x">[10]</a></sup>。</span>下一句' in out


def test_a_citation_after_han_text_takes_one_character_along():
    out = keep_together('<p>恢复对华出口<sup class="cite"><a>[1]</a></sup>。</p>')
    assert '恢复对华出<span class="nobr">口<sup class="cite"><a>[1]</a></sup>。</span>' in out


def test_a_citation_after_a_marked_term_keeps_the_term():
    out = keep_together('<p>由<a class="term" href="g.html#t">英伟达</a><sup class="cite"><a>[1]</a></sup>。</p>')
    assert (
        '<span class="nobr"><a class="term" href="g.html#t">英伟达</a><sup class="cite"><a>[1]</a></sup>。</span>'
        in out
    )


def test_a_citation_after_an_entity_does_not_split_it():
    assert '<span class="nobr">&amp;<sup class="cite">' in keep_together('<p>A&amp;<sup class="cite">[2]</sup></p>')


@pytest.mark.parametrize(
    "text, kept",
    [
        ("功耗 400 W。", "400\u00a0W"),
        ("45 亿美元", "45\u00a0亿美元"),
        ("US$4.5 billion", "US$4.5\u00a0billion"),
        ("3 months", "3\u00a0months"),
    ],
)
def test_a_number_keeps_its_unit(text, kept):
    assert kept in keep_together(f"<p>{text}</p>")


@pytest.mark.parametrize(
    "text, kept",
    [
        ("市场规模 500 亿美元。", '<span class="nobr">500\u00a0亿美元</span>'),
        ("约 1.2 万美元", '<span class="nobr">1.2\u00a0万美元</span>'),
        ("过去 3 个月", '<span class="nobr">3\u00a0个月</span>'),
        ("（2022–2026）", '<span class="nobr">2022–2026</span>'),
        ("the US–China chip contest", '<span class="nobr">US–China</span>'),
        ("1480–1900 亿美元", '1480–<span class="nobr">1900\u00a0亿美元</span>'),
    ],
)
def test_a_chinese_number_keeps_its_whole_unit_and_a_range_of_years_or_a_pair_of_names_stays_whole(text, kept):
    assert kept in keep_together(f"<p>{text}</p>")


def test_a_citation_after_a_chinese_unit_keeps_the_number_the_whole_unit_and_the_citation_together():
    out = keep_together('<p>约 500 亿美元<sup class="cite"><a>[15]</a></sup>。但</p>')
    assert '<span class="nobr">500 亿美元<sup class="cite"><a>[15]</a></sup>。</span>但' in out


@pytest.mark.parametrize(
    "text, kept",
    [
        ("on 15 July 2025, the", "15\u00a0July\u00a02025,"),
        ("RTX Pro 6000D chips", "RTX\u00a0Pro\u00a06000D chips"),
        ("Kimi K2 and", "Kimi\u00a0K2 and"),
        ("under CC BY 4.0.", "CC\u00a0BY\u00a04.0."),
        ("Huawei's CloudMatrix 384", "CloudMatrix\u00a0384"),
        ("the RTX 4090", "RTX\u00a04090"),
    ],
)
def test_a_date_or_a_name_keeps_its_number(text, kept):
    assert kept in keep_together(f"<p>{text}</p>")


def test_ordinary_words_before_a_number_may_still_break():
    assert "chips 2 to 3\u00a0years" in keep_together("<p>chips 2 to 3 years</p>")
    assert "On 15\u00a0April" in keep_together("<p>On 15 April</p>")
    assert "In 2025 the" in keep_together("<p>In 2025 the</p>")


def test_a_number_before_an_ordinary_word_may_break():
    assert "2 the" in keep_together("<p>chapter 2 the end</p>")


def test_an_iso_date_is_kept_on_one_line_but_not_inside_code():
    assert '<span class="nobr">2022-08-26</span>' in keep_together("<p>自 2022-08-26 起</p>")
    assert keep_together("<p><code>2022-08-26 400 W</code></p>") == "<p><code>2022-08-26 400 W</code></p>"


def test_the_theme_configuration_keeps_chinese_as_it_is_and_stays_safe_in_its_script(built_site):
    # Escaped, each Chinese character of the theme's strings took six bytes, not three.
    import json

    html = built_page(built_site, "index", "zh").read_text(encoding="utf-8")
    block = html.split('<script id="__config" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert not re.search(r"\\u[3-9][0-9a-f]{3}", block) and "<" not in block
    assert json.loads(block)["translations"]["clipboard.copied"] == "已复制"
