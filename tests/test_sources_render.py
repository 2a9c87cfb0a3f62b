"""How a source reads on the sources page: headline or description, link status, italics, escaping, numbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import copy_project, run_build
from site_tools.findings import DataError
from site_tools.sources import Source, link_citations, load_sources, number_cited, render_sources


def source(sid="s", number=1, outlet=None, **kw) -> Source:
    """A source as load_sources makes it: the outlet as written, and as plain text."""
    marked = outlet or {"zh": "路透社", "en": "*Reuters*"}
    fields = dict(title={"zh": "标题", "en": "Headline"}, date="2025-05-21", url="https://example.org/a", note=None)
    fields.update(kw)
    plain = {lang: text.replace("*", "") for lang, text in marked.items()}
    return Source(number, sid, plain, outlet_marked=marked, **fields)


def entry(s: Source, lang: str) -> str:
    return render_sources({s.id: s}, lang)


# --- headline or description -------------------------------------------------


@pytest.mark.parametrize("lang, quoted, bracketed", [("zh", "“标题”", "〔标题〕"), ("en", "“Headline”", "[Headline]")])
def test_a_real_headline_is_quoted_and_a_description_is_bracketed_without_quotes(lang, quoted, bracketed):
    headline = entry(source(), lang)
    description = entry(source(is_description=True), lang)
    assert quoted in headline and bracketed not in headline
    assert bracketed in description and quoted not in description


# --- link status ---------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, not_recorded, not_public, read",
    [
        ("zh", "链接未记录", "无公开链接", "所读版本"),
        ("en", "Link not recorded", "No public link", "The copy we read"),
    ],
)
def test_a_source_without_url_says_link_not_recorded_unless_it_has_no_public_link(lang, not_recorded, not_public, read):
    linked = entry(source(), lang)
    unrecorded = entry(source(url=None), lang)
    private = entry(source(url=None, no_public_link=True), lang)
    assert f'<a class="sources__read" href="https://example.org/a">{read}</a>' in linked and not_recorded not in linked
    assert not_recorded in unrecorded and not_public not in unrecorded
    assert not_public in private and not_recorded not in private


# --- publication names ---------------------------------------------------------


def test_publication_names_are_italic_in_english_and_plain_in_chinese():
    s = source(outlet={"zh": "新华社（援引《自然》）", "en": "*Xinhua* (citing *Nature*)"})
    assert "<em>Xinhua</em> (citing <em>Nature</em>)" in entry(s, "en")
    assert "新华社（援引《自然》）" in entry(s, "zh") and "<em>" not in entry(s, "zh")
    named = source(is_description=True, title={"zh": "报道：《自然》称……", "en": "report that *Nature* called …"})
    assert "[report that <em>Nature</em> called …]" in entry(named, "en")
    company = entry(source(outlet={"zh": "英伟达", "en": "NVIDIA"}), "en")
    assert "NVIDIA" in company and "<em>" not in company


def test_a_citation_tooltip_names_the_outlet_without_markup():
    out = link_citations("Text [@s].", {"s": source()}, "en")
    assert '"Reuters, 2025-05-21"' in out and "*" not in out


# --- escaping ------------------------------------------------------------------


@pytest.mark.parametrize("field", ["outlet", "title", "note"])
def test_a_field_with_markup_renders_escaped(field):
    s = source(**{field: {"zh": "<script>alert(1)</script>", "en": "<script>alert(1)</script>"}})
    for lang in ("zh", "en"):
        html = entry(s, lang)
        assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_url_with_a_quote_cannot_leave_its_attribute():
    html = entry(source(url='https://example.org/"><script>x</script>'), "en")
    assert "<script>" not in html and 'href="https://example.org/&quot;&gt;&lt;script&gt;' in html


# --- numbering -----------------------------------------------------------------


def test_only_cited_sources_are_numbered_and_an_uncited_one_is_a_finding():
    sources = {sid: source(sid, n, line=n * 10) for n, sid in enumerate(["a", "b", "c"], 1)}
    numbered, findings = number_cited(sources, {"a", "c"})
    assert [s.number for s in numbered.values()] == [1, None, 2]
    [f] = findings
    assert (f.rule, f.line, f.severity) == ("SOURCE-UNCITED", 20, "warning") and "'b'" in f.message
    html = render_sources(numbered, "en")
    assert '<li id="a" value="1">' in html and '<li id="c" value="2">' in html and 'id="b"' not in html
    assert number_cited(sources, {"a", "b", "c"})[1] == []


def test_the_build_reports_a_source_that_nothing_cites(tmp_path):
    project = copy_project(tmp_path / "project")
    data = project / "docs" / "data" / "sources.yml"
    data.write_text(
        data.read_text(encoding="utf-8") + "\n- id: nobody-cites-me\n  outlet: X\n  description: "
        'report on nothing\n  date: "2025"\n',
        encoding="utf-8",
    )
    result = run_build(project, "--no-build")
    assert "SOURCE-UNCITED: source 'nobody-cites-me' is cited nowhere" in result.stdout
    assert "SOURCE-UNCITED" not in run_build(copy_project(tmp_path / "clean"), "--no-build").stdout


# --- the data file -------------------------------------------------------------


def _root(tmp_path: Path, text: str) -> Path:
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "sources.yml").write_text(text, encoding="utf-8")
    return tmp_path


HEAD = "- id: a\n  outlet: X\n  date: '2025'\n"


@pytest.mark.parametrize(
    "text, needle",
    [
        (HEAD, "exactly one of 'title' and 'description'"),
        (HEAD + "  title: T\n  description: D\n", "exactly one of 'title' and 'description'"),
        (
            HEAD + "  title: T\n  url: https://example.org\n  no_public_link: true\n",
            "url is given, but no_public_link says the item has no public link",
        ),
        (HEAD + "  title: T\n  no_public_link: yes please\n", "must be true or false"),
        ("- id: a\n  outlet: '*Reuters'\n  date: '2025'\n  title: T\n", "unpaired '*'"),
        ("- id: a\n  outlet: {zh: '*路透社*', en: Reuters}\n  date: '2025'\n  title: T\n", "'*' in its Chinese outlet"),
    ],
)
def test_bad_source_fields_are_reported(tmp_path, text, needle):
    with pytest.raises(DataError) as e:
        load_sources(_root(tmp_path, text))
    assert any(needle in f.message for f in e.value.findings)


@pytest.mark.parametrize(
    "text, is_description, no_link",
    [
        (HEAD + "  title: T\n", False, False),
        (HEAD + "  description: D\n", True, False),
        (HEAD + "  description: D\n  no_public_link: true\n", True, True),
    ],
)
def test_good_source_fields_load(tmp_path, text, is_description, no_link):
    [s] = load_sources(_root(tmp_path, text)).values()
    assert (s.is_description, s.no_public_link) == (is_description, no_link)


def test_the_plain_outlet_other_renderers_use_carries_no_markup(tmp_path):
    [s] = load_sources(
        _root(tmp_path, "- id: a\n  outlet: '*Xinhua* (citing *Nature*)'\n  date: '2025'\n  title: T\n")
    ).values()
    assert s.outlet["en"] == "Xinhua (citing Nature)"
    assert s.outlet_html("en") == "<em>Xinhua</em> (citing <em>Nature</em>)"


def test_a_citation_is_set_against_the_word_before_it_so_it_never_wraps_alone():
    out = link_citations("Chips [@s]. More\tchips  [@s], and\n[@s] and [@nope].", {"s": source()}, "en")
    assert out.startswith('Chips<sup class="cite">[[1]]') and 'chips<sup class="cite">' in out
    assert '\n<sup class="cite">' in out  # a line break is kept: it may end a Markdown construct
    assert "and [@nope]." in out  # an unknown id stays as written, space and all
