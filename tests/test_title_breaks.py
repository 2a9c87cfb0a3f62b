"""Chinese titles break between phrases, never inside a word (site_tools/linebreaks.py,
with `word-break: keep-all` on the same elements in site.css)."""

from __future__ import annotations

import re

import pytest

from helpers import built_page, page_stems
from site_tools.htmltext import tokens
from site_tools.linebreaks import SUBTITLE, THEME_TITLE_CLASSES, TITLE_CLASSES, TITLE_TAGS, break_between_words


def titled(example: str, **which) -> str:
    """The example, its words written with | between them, as the build marks it (the
    words known to a longest-match segmenter, and the bars gone)."""
    words = set(re.split(r"<[^>]+>|\|", example)) - {""}

    def cut(text: str):
        at = 0
        while at < len(text):
            word = max((w for w in words if text.startswith(w, at)), key=len, default=text[at])
            yield word
            at += len(word)

    return break_between_words(example.replace("|", ""), cut, **which)


def test_a_heading_gets_a_break_between_two_words_and_none_inside_one():
    assert titled("<h2>双重|影响</h2>") == "<h2>双重<wbr>影响</h2>"
    assert titled("<h2>双重影响</h2>") == "<h2>双重影响</h2>"


def test_a_particle_stays_with_the_word_before_and_a_one_character_word_with_the_word_after():
    assert titled("<h1>美国|的|战略|妥协|与|利益</h1>") == "<h1>美国的<wbr>战略<wbr>妥协<wbr>与利益</h1>"
    assert titled("<h1>中|美|芯片</h1>") == "<h1>中美芯片</h1>"


def test_a_line_may_end_after_a_closing_mark_and_start_with_an_opening_one_and_nothing_else():
    out = titled("<h2>值得|警惕|：|“|现成|”|带来|的|惰性|与|风险</h2>")  # a subtitle too long to stay whole
    assert out == "<h2>值得<wbr>警惕：<wbr>“现成”<wbr>带来的<wbr>惰性<wbr>与风险</h2>"
    assert titled("<h2>《|金融时报|》</h2>") == "<h2>《金融时报》</h2>"


def test_a_short_quotation_is_one_term_and_a_long_one_breaks_between_its_words():
    # "值得警惕：“现成 / 可用”带来的惰性" split the quoted term on a phone.
    out = titled("<h2>值得|警惕|：|“|现成|可用|”|带来|的|惰性</h2>")
    assert out == "<h2>值得<wbr>警惕：<wbr>“现成可用”<wbr>带来的<wbr>惰性</h2>"
    assert titled("<h2>“|一|二三|四五|六七|八九|”</h2>") == "<h2>“一二三<wbr>四五<wbr>六七<wbr>八九”</h2>"


def test_no_break_is_added_at_a_space_or_inside_a_latin_word():
    assert titled("<h2>中国| |AI| |产业</h2>") == "<h2>中国 AI 产业</h2>"
    assert titled("<h2>RTX|4090</h2>") == "<h2>RTX4090</h2>"


def test_a_latin_word_next_to_han_gets_a_break():
    assert titled('<p class="chart__title">H20|禁令</p>') == '<p class="chart__title">H20<wbr>禁令</p>'


def test_words_are_found_across_inline_elements_and_code_is_left_alone():
    assert titled('<h3>对<a href="g">英伟达</a>|的|影响</h3>') == '<h3>对<a href="g">英伟达</a>的<wbr>影响</h3>'
    assert titled("<h3>芯片<code>a|b</code>出口</h3>") == "<h3>芯片<code>ab</code><wbr>出口</h3>"


def test_the_theme_s_titles_are_marked_when_asked_for_by_class():
    html = '<a class="md-nav__link"><span class="md-ellipsis">双重|影响</span></a>'
    assert titled(html, classes={"md-ellipsis"}) == html.replace("|", "<wbr>")
    assert titled(html) == html.replace("|", "")


def test_a_short_subtitle_after_the_colon_stays_whole_and_a_long_one_is_broken():
    link = '<a class="headerlink" href="#c">&para;</a>'  # the heading's ¶ is not part of its subtitle
    out = titled(f"<h2>新合规|芯片|：|技术|妥协|与|市场|防御{link}</h2>")
    assert out == f"<h2>新合规<wbr>芯片：<wbr>技术妥协与市场防御{link}</h2>"
    long = "<h2>中英对照|：|一、|解禁|背后|：|美国|的|战略|妥协|与|利益|考量</h2>"
    assert titled(long).count("<wbr>") > 3


def test_text_outside_titles_is_left_alone():
    assert titled("<p>双重|影响</p><li>双重|影响</li>") == "<p>双重影响</p><li>双重影响</li>"
    assert titled("<h2>双重|影响") == "<h2>双重影响"  # never closed: not a title


@pytest.mark.parametrize("stem", page_stems())
def test_no_phrase_in_a_built_chinese_title_is_too_long_to_wrap(built_site, stem):
    # keep-all makes each phrase unbreakable: the build must have cut every title (a title
    # it missed is one long phrase), and into phrases that fit a phone's line. Not the
    # header's titles: one line, cut with "…", never wrapped (tests/browser/test_reading.py).
    html = built_page(built_site, stem, "zh").read_text(encoding="utf-8").split("</header>", 1)[1]
    for text in _titles(html):
        runs = re.findall(r"[\u3400-\u9fffA-Za-z0-9]+", text.replace("<wbr>", " "))
        longest = max((r for r in runs if re.search(r"[\u3400-\u9fff]", r)), key=len, default="")
        assert len(longest) <= (SUBTITLE if "：" in text else 8), (stem, text)


def _titles(html: str) -> list[str]:
    """The text of each title element, with its <wbr>s."""
    found, title, depth = [], None, 0
    for token in tokens(html):
        tag = token.tag
        opens = bool(tag and not tag.empty and not tag.closing)
        closes = bool(tag and not tag.empty and tag.closing)
        if title is None:
            if opens and (tag.name in TITLE_TAGS or tag.classes & (TITLE_CLASSES | THEME_TITLE_CLASSES)):
                title, depth = [], 1
            continue
        depth += opens - closes
        if depth == 0:
            found.append("".join(title))
            title = None
        elif tag and tag.name == "wbr":
            title.append("<wbr>")
        elif not token.markup and "headerlink" not in "".join(title[-1:]):
            title.append(token.text)
    return found
