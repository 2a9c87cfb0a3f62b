"""Front matter from a pull request: known fields only, plain-text titles and descriptions.
Each mistake is one finding at its line; the theme never sees a refused field."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from site_tools.languages import PageId
from site_tools.pages import parse_page, published_meta

GOOD = "title: T\ndescription: D.\n"


def front(extra: str, lang: str = "en"):
    page = parse_page(f"---\n{GOOD}{extra}---\n# T {{#t}}\n", f"docs/t.{lang}.md", PageId("t", lang))
    return page, [(f.line, f.rule, f.message) for f in page.findings]


def test_a_good_front_matter_has_no_finding():
    assert front("hide:\n  - toc\nsearch:\n  boost: 0.5\n")[1] == []


@pytest.mark.parametrize(
    "extra, message",
    [
        ("hide: 5\n", "the front matter: hide is the number 5, but must be a list"),
        ("search: 5\n", "the front matter: search is the number 5, but must be a mapping (field: value)"),
        ("template: ../..\n", "the front matter has unknown field 'template'"),
        ("hide: [sidebar]\n", "the front matter has hide item 1 'sidebar'"),
    ],
)
def test_fields_the_theme_would_crash_on_are_one_finding_at_their_line(extra, message):
    assert front(extra)[1] == [(4, "FRONT-MATTER", message)]


@pytest.mark.parametrize("line, key", [(2, "title"), (3, "description")])
def test_titles_and_descriptions_are_plain_text(line, key):
    hostile = GOOD.replace(f"{key}: ", f"{key}: <img src=x onerror=alert(1)>")
    page = parse_page(f"---\n{hostile}---\n", "docs/t.en.md", PageId("t", "en"))
    [f] = page.findings
    assert (f.line, f.rule) == (line, "FRONT-MATTER") and "must be plain text" in f.message
    assert front("")[1] == []


def test_a_duplicate_key_is_one_finding_not_a_cascade():
    page = parse_page("---\ntitle: T\ntitle: U\ndescription: D.\n---\n", "docs/t.en.md", PageId("t", "en"))
    assert [(f.line, f.message, f.fix) for f in page.findings] == [
        (3, "malformed YAML: duplicate key 'title'", "keep one of the two lines")
    ]


def test_the_theme_never_sees_a_refused_field():
    meta = {"title": "T", "description": "D.", "hide": 5, "search": 5, "template": "../..", "robots": "x"}
    assert set(published_meta(meta, "en")) == {"title", "description"}
    assert set(published_meta({"title": "T", "hide": ["toc"]}, "zh")) == {"title", "hide"}


def test_published_titles_and_descriptions_are_escaped_once():
    zh = published_meta({"title": "A&B", "description": 'say "x"'}, "zh")
    assert zh["description"] == Markup("say &quot;x&quot;") and isinstance(zh["title"], Markup)
    assert zh["title"] == "A&amp;B" and Markup.escape(zh["title"]) == "A&amp;B"  # the theme's | e adds nothing
    en = published_meta({"title": "T", "description": 'the "dual-track" path'}, "en")
    assert en["description"] == "the “dual-track” path"  # curly: nothing left to break <meta content="…">


def test_yaml_aliases_are_refused_so_a_billion_laughs_cannot_hang_the_checks():
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    page = parse_page(f"---\n{GOOD}{laughs}---\n", "docs/t.en.md", PageId("t", "en"))
    [f] = page.findings
    assert (f.line, f.rule) == (5, "FRONT-MATTER") and "aliases" in f.message
