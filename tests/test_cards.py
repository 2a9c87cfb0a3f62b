"""Share cards (site_tools/cards.py): a 1200×630 PNG per page and language, drawn offline
with a CJK font, named by og:image on the page, and drawn again only when it changes."""

from __future__ import annotations

import io
import os
import re

import pytest
from PIL import Image

from helpers import built_page, page_stems
from site_tools import cards
from site_tools.languages import LANGUAGES

needs_font = pytest.mark.skipif(
    cards.cjk_font() is None and os.environ.get("CI") != "true",
    reason="no CJK font here (Debian: apt-get install fonts-wqy-microhei); CI has one",
)


@needs_font
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_names_its_card_and_the_card_is_a_small_1200x630_png(built_site, lang):
    assert cards.cjk_font(), "CI installs a CJK font: without it there are no cards"
    for stem in page_stems():
        html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
        url = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
        assert url.endswith(f"/assets/cards/{stem}.{lang}.png")
        assert re.search(r'<meta property="og:image:alt" content="[^"]+">', html)
        assert '<meta property="og:image:width" content="1200">' in html
        assert '<meta name="twitter:card" content="summary_large_image">' in html
        data = (built_site / "assets" / "cards" / f"{stem}.{lang}.png").read_bytes()
        assert len(data) <= cards.MAX_BYTES
        assert Image.open(io.BytesIO(data)).size == (1200, 630)


@needs_font
def test_an_unchanged_card_is_not_drawn_again(monkeypatch, tmp_path):
    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path))
    drawn = []
    real = cards.draw_card
    monkeypatch.setattr(cards, "draw_card", lambda *a: drawn.append(a) or real(*a))
    first = cards.card("芯片规则", "说明。", "H20 解禁解读", "example.org/h20", "zh")
    assert cards.card("芯片规则", "说明。", "H20 解禁解读", "example.org/h20", "zh") == first
    cards.card("芯片规则", "另一个说明。", "H20 解禁解读", "example.org/h20", "zh")
    assert len(drawn) == 2


def test_without_a_cjk_font_there_is_no_card(monkeypatch):
    monkeypatch.setattr(cards, "cjk_font", lambda: None)
    assert cards.card("芯片规则", "说明。", "H20 解禁解读", "example.org/h20", "zh") is None


class _Font:
    """Every character 10 px wide: wrapping without a real font."""

    def getlength(self, text):
        return 10 * len(text)


def test_a_chinese_line_never_starts_with_closing_punctuation():
    lines = cards._wrap("一二三四五六七八九，十", _Font(), 90, "zh", 3)
    assert lines == ["一二三四五六七八九，", "十"]


def test_english_wraps_by_word_and_a_long_text_ends_in_an_ellipsis():
    assert cards._wrap("one two three four five six", _Font(), 90, "en", 2) == ["one two", "three…"]
    assert cards._wrap("one two three", _Font(), 90, "en", 2) == ["one two", "three"]


@needs_font
@pytest.mark.parametrize("stem", ["index", "us-motives", "impact-on-china", "strategic-paths", "conclusion"])
def test_the_chinese_and_english_cards_of_an_article_page_differ(built_site, stem):
    zh, en = ((built_site / "assets" / "cards" / f"{stem}.{lang}.png").read_bytes() for lang in LANGUAGES)
    assert zh != en


def _figure_pixels(data: bytes) -> int:
    """How many pixels are drawn in the key figure's colour."""
    from PIL import ImageChops

    image = Image.open(io.BytesIO(data)).convert("RGB")
    diff = ImageChops.difference(image, Image.new("RGB", image.size, cards.FIGURE)).convert("L")
    return diff.point(lambda v: 255 if v < 14 else 0).histogram()[255]


@needs_font
def test_a_page_with_a_key_figure_gets_it_drawn_large_in_place_of_its_description(monkeypatch, tmp_path):
    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path))
    plain = cards.card("二、对中国 AI 产业的双重影响", "说明。", "H20 解禁解读", "example.org/h20", "zh")
    figure = cards.card(
        "二、对中国 AI 产业的双重影响",
        "说明。",
        "H20 解禁解读",
        "example.org/h20",
        "zh",
        ("95% → 50%", "英伟达在华份额"),
    )
    assert _figure_pixels(plain) == 0
    assert _figure_pixels(figure) > 2000  # the figure's strokes, in its colour


@needs_font
def test_the_article_pages_cards_carry_their_key_figures(built_site):
    for stem in ("index", "us-motives", "impact-on-china", "strategic-paths"):
        for lang in LANGUAGES:
            assert _figure_pixels((built_site / "assets" / "cards" / f"{stem}.{lang}.png").read_bytes()) > 2000
