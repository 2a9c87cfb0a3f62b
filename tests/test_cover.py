"""The overview's cover, reading time per page, and English typography."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from helpers import ROOT, as_read, built_page
from site_tools import reading_time as rt
from site_tools.glossary import Glossary, Term
from site_tools.languages import LANGUAGES
from site_tools.pages import split_front_matter
from site_tools.typography import curly_quotes, latin_apostrophes

ARTICLE_PAGES = ["index", "us-motives", "impact-on-china", "strategic-paths", "conclusion"]
HEADLINE = {"zh": "H20 解禁：中美芯片博弈的新阶段", "en": "H20 unbanned: a new stage in the US–China chip contest"}
DATES = {
    "zh": [
        '<time datetime="2025-07-22">2025 年 7 月 22 日</time>',
        '<time datetime="2026-11-30">2026 年 11 月 30 日</time>',
    ],
    "en": ['<time datetime="2025-07-22">22 July 2025</time>', '<time datetime="2026-11-30">30 November 2026</time>'],
}


def html(site, stem, lang) -> str:
    return built_page(site, stem, lang).read_text(encoding="utf-8")


def cover(site, lang) -> str:
    page = as_read(html(site, "index", lang))
    return page[page.index("<h1 ") : page.index('<h2 id="what-happened"')]


# --- Reading time: the function ---------------------------------------------


def test_chinese_is_read_at_about_400_han_characters_a_minute():
    assert rt.minutes("汉" * 1000, "zh") == 3  # 2.5 minutes, rounded half up
    assert rt.minutes("汉" * 999, "zh") == 2
    assert rt.label(3, "zh") == "约 3 分钟读完"


def test_english_is_read_at_about_220_words_a_minute():
    assert rt.minutes("word " * 2200, "en") == 10
    assert rt.minutes("word " * 2200, "zh") == 1  # no Han characters: Chinese counting sees almost nothing
    assert rt.label(10, "en") == "10 min read"


def test_code_markup_and_link_targets_are_not_read():
    prose = "word " * 220 + "\n"
    code = "```\n" + "code " * 2200 + "\n```\n"
    links = "[a](https://example.org/" + "/x" * 500 + ") " + "<span>" * 300 + "[@some-source]" * 300
    assert rt.minutes(prose + code + links, "en") == 1
    assert rt.minutes(prose + code.strip("`") + links, "en") == 11  # the same words outside a fence are read


def test_even_an_empty_page_takes_a_minute():
    assert rt.minutes("", "en") == 1 and rt.minutes("", "zh") == 1


# --- Reading time: on the pages ---------------------------------------------


@pytest.mark.parametrize("stem", ARTICLE_PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_article_page_shows_its_reading_time_in_its_language(built_site, stem, lang):
    _, _, body = split_front_matter((ROOT / "docs" / f"{stem}.{lang}.md").read_text(encoding="utf-8"))
    expected = rt.label(rt.minutes(body, lang), lang)
    page = html(built_site, stem, lang)
    shown = re.findall(r'<(?:p|span) class="reading-time"[^>]*>([^<]*?)(?: · )?<', page)
    assert shown == [expected]
    # right under the H1, or in the cover's masthead right under it
    h1_end = page.index("</h1>")
    assert page.index('class="reading-time"') - h1_end < 900


def test_reading_time_is_longer_for_the_longer_page(built_site):
    def n(stem, lang):
        return int(re.search(r'class="reading-time"[^>]*>\D*(\d+)', html(built_site, stem, lang))[1])

    assert n("index", "zh") > n("strategic-paths", "zh")
    assert n("index", "en") > n("strategic-paths", "en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_claim_ledger_is_timed_by_the_text_it_generates_not_by_its_one_directive_line(built_site, lang):
    # Its Markdown is a heading and `::: claims`: counted alone, "1 min" on the site's longest page.
    page = html(built_site, "claims", lang)
    shown = int(re.search(r'class="reading-time"[^>]*>\D*(\d+)', page)[1])
    article = page[page.index("<article") : page.index("</article>")]
    assert shown == rt.minutes(article, lang) and shown >= 5


# --- The cover ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cover_has_the_headline_and_both_dates(built_site, lang):
    c = cover(built_site, lang)
    assert f'<p class="cover__headline">{HEADLINE[lang]}</p>' in c
    for date in DATES[lang]:
        assert date in c


def test_cover_names_the_outlet_as_the_sources_page_does(built_site):
    zh, en = cover(built_site, "zh"), cover(built_site, "en")
    assert "《文汇报》" in zh and "《《" not in zh
    assert "<em>Wen Wei Po</em>" in en


def test_cover_dates_come_from_one_place(built_site):
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'reviewed: "2026-11-30"' in config and "article_source: wenweipo-2025-07-22" in config
    for lang in LANGUAGES:
        source = (ROOT / "docs" / f"index.{lang}.md").read_text(encoding="utf-8")
        assert "2026-11-30" not in source and "11 月 30 日" not in source and "30 November" not in source


def _key_figures(c: str) -> list[str]:
    block = c[c.index('<p class="key-figures">') :]
    block = block[block.index("<ul>") : block.index("</ul>")]
    return re.findall(r"<li>(.*?)</li>", block, re.S)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cover_has_three_or_four_key_figures_each_citing_a_listed_source(built_site, lang):
    figures = _key_figures(cover(built_site, lang))
    assert 3 <= len(figures) <= 4
    sources = html(built_site, "sources", lang)
    for fig in figures:
        assert re.match(r"<strong>[^<]*\d[^<]*</strong>", fig), fig[:60]
        cites = re.findall(r'<sup class="cite"><a href="sources\.html#([a-z0-9-]+)"', fig)
        assert cites, f"no citation: {fig[:60]}"
        for sid in cites:
            assert f'<li id="{sid}"' in sources


def test_key_figures_are_the_same_numbers_in_both_languages(built_site):
    zh, en = (_key_figures(cover(built_site, lang)) for lang in LANGUAGES)
    big = [[re.search(r"<strong>(.*?)</strong>", f)[1] for f in figs] for figs in (zh, en)]
    assert big == [["45 亿美元", "95% → 50%", "≈ 15%", "82%"], ["US$4.5 billion", "95% → 50%", "≈ 15%", "82%"]]
    assert (
        "摩根士丹利" in zh[3] and "摩根大通" in zh[3]
    )  # Morgan Stanley's figure, attributed by the article to JPMorgan
    assert "Morgan Stanley" in en[3] and "JPMorgan" in en[3]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cover_starts_reading_at_part_one_then_the_numbered_path(built_site, lang):
    c = cover(built_site, lang)
    path = c[c.index('class="reading-path') : c.index("</nav>")]
    assert re.findall(r'<a href="([^"]+)"', path) == [
        "us-motives.html",
        "impact-on-china.html",
        "strategic-paths.html",
        "conclusion.html",
    ]
    assert "<ol>" in path
    assert ("开始阅读" if lang == "zh" else "Start reading") in path


def test_a_reading_path_naming_a_missing_page_fails_the_build(tmp_path):
    from helpers import copy_project, run_build

    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("strategic-paths, conclusion]", "strategic-path, conclusion]"),
        encoding="utf-8",
    )
    result = run_build(project, "--strict", "--site-dir", str(tmp_path / "out"))
    assert result.returncode != 0
    assert "extra.cover" in result.stdout and "strategic-path" in result.stdout


# --- English typography -------------------------------------------------------


class _Prose(HTMLParser):
    """The text of the article, outside code; with `own_only`, also outside the
    generated glossary tooltips and charts."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "path", "rect", "line", "source"}

    def __init__(self, own_only: bool):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, text inside is skipped)
        self.text: list[str] = []
        self.own_only = own_only

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        generated = self.own_only and (tag == "figure" or "term-defs" in (dict(attrs).get("class") or "").split())
        self.stack.append((tag, generated or tag in ("code", "pre", "script", "style", "svg")))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if any(t == "article" for t, _ in self.stack) and not any(skip for _, skip in self.stack):
            self.text.append(data)


def prose(page: str, own_only: bool = False) -> str:
    p = _Prose(own_only)
    p.feed(page)
    return "".join(p.text)


@pytest.mark.parametrize("stem", ARTICLE_PAGES + ["timeline", "glossary", "sources"])
def test_english_prose_has_curly_quotes_and_no_straight_ones(built_site, stem):
    text = prose(html(built_site, stem, "en"))
    assert "’" in text
    straight = [text[max(0, m.start() - 30) : m.end() + 10] for m in re.finditer(r"['\"]", text)]
    assert straight == []


def test_the_prose_check_sees_a_straight_quote():
    assert prose('<article><p>NVIDIA\'s "chip" <code>x = "y"</code></p></article>') == 'NVIDIA\'s "chip" '
    assert prose("<article><p>NVIDIA’s “chip”</p></article>") == "NVIDIA’s “chip”"


def _site_markdown(text: str) -> str:
    """Text through the site's own Markdown extensions (as configured in mkdocs.yml)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, configs = [], {}
    for ext in config["markdown_extensions"]:
        name, options = (ext, None) if isinstance(ext, str) else next(iter(ext.items()))
        if name.startswith("pymdownx.emoji"):
            continue  # its options name Python objects
        names.append(name)
        if options:
            configs[name] = options
    return markdown.markdown(text, extensions=names, extension_configs=configs)


def test_smarty_makes_english_quotes_curly_but_leaves_code_and_attributes():
    out = _site_markdown("NVIDIA's \"H20\" -- [it's](https://example.org/ \"NVIDIA's\") `'x'`")
    assert "NVIDIA’s “H20” – " in out
    assert 'title="NVIDIA\'s"' in out or 'title="NVIDIA&#39;s"' in out
    assert "<code>'x'</code>" in out


def test_smarty_leaves_chinese_text_as_written():
    zh = "文章认为，美国的“松绑”并非「战略转向」——而是阶段性调整……"
    assert _site_markdown(zh) == f"<p>{zh}</p>"


@pytest.mark.parametrize("stem", ARTICLE_PAGES[1:])
def test_zh_pages_keep_their_quotation_marks_as_written(built_site, stem):
    _, _, body = split_front_matter((ROOT / "docs" / f"{stem}.zh.md").read_text(encoding="utf-8"))
    marks = "“”‘’「」"
    built = prose(html(built_site, stem, "zh"), own_only=True)
    assert Counter(c for c in built if c in marks) == Counter(c for c in body if c in marks)


def test_curly_quotes_for_generated_text_leave_tags_attributes_and_code():
    before = '<p>The article\'s "term" <a title="it\'s" href="#x">NVIDIA\'s</a> <code>"a"</code></p>'
    after = '<p>The article’s “term” <a title="it\'s" href="#x">NVIDIA’s</a> <code>"a"</code></p>'
    assert curly_quotes(before) == after
    assert curly_quotes("<p>&quot;quoted&quot;</p>") == "<p>“quoted”</p>"


def test_chinese_text_sets_an_apostrophe_inside_a_latin_word_straight_and_leaves_quotes_alone():
    before = '<p>来自 Tom’s Hardware 的‘报道’，<a title="Tom’s">Tom’s</a> <code>Tom’s</code></p>'
    after = "<p>来自 Tom's Hardware 的‘报道’，<a title=\"Tom’s\">Tom's</a> <code>Tom’s</code></p>"
    assert latin_apostrophes(before) == after


def test_the_chinese_pages_draw_no_curly_apostrophe_inside_a_latin_word(built_site):
    html = (built_site / "impact-on-china.html").read_text(encoding="utf-8")
    assert "Tom's Hardware" in html and "Tom’s" not in re.sub(r"<[^>]+>", "", html)


def test_curly_quotes_resume_after_code_and_svg_close_whatever_they_contain():
    before = (
        '<p>"a" <code>"b"</code> "c"<p><svg><path d="x"/><title>"t"</title></svg> it\'s <pre><code>"d"</code></pre> "e"'
    )
    after = (
        '<p>“a” <code>"b"</code> “c”<p><svg><path d="x"/><title>"t"</title></svg> it’s <pre><code>"d"</code></pre> “e”'
    )
    assert curly_quotes(before) == after


def test_glossary_terms_with_an_apostrophe_are_found_when_typeset_curly():
    none = {"zh": (), "en": ()}
    term = Term(
        "peoples-daily",
        "organisation",
        {"zh": "人民日报", "en": "People's Daily"},
        none,
        none,
        {"zh": "", "en": ""},
        None,
        1,
    )
    glossary = Glossary([term])
    assert [t for _, _, t in glossary.find("People’s Daily said", "en")] == ["peoples-daily"]
    assert [t for _, _, t in glossary.find("People's Daily said", "en")] == ["peoples-daily"]
    assert [t for _, _, t in glossary.find("Peoples Daily said", "en")] == []


def test_glossary_terms_are_marked_in_english_text_after_typesetting(built_site):
    page = html(built_site, "index", "en")
    assert re.search(r'<a class="term"[^>]*>NVIDIA</a>', page)
    assert "NVIDIA’s" in prose(page)


def test_the_cover_marks_the_h1_as_its_kicker_and_keeps_its_id():
    from site_tools.cover import with_kicker

    assert with_kicker("# 导读 {#overview}\n\n::: cover\n") == "# 导读 {#overview .cover-kicker}\n\n::: cover\n"
    assert with_kicker("# Overview\n\n## Part {#part}\n") == "# Overview {.cover-kicker}\n\n## Part {#part}\n"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_overview_h1_is_the_cover_kicker(built_site, lang):
    assert re.search(
        r'<h1 class="cover-kicker" id="overview">|<h1 id="overview" class="cover-kicker">',
        html(built_site, "index", lang),
    )
