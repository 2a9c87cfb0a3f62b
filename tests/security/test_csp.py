"""The Content-Security-Policy allows the templates' inline scripts and nothing a page,
a data file or front matter could add."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT
from site_tools.csp import add_csp, allowed_hashes, inline_scripts, script_hash, template_patterns

THEME = '<script>__md_scope=new URL("{{ config.extra.scope | d(base_url) }}",location)</script>'


@pytest.fixture
def templates(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "base.html").write_text(
        THEME + "\n{% if x %}<script>var t={% if y %}1{% endif %}</script>{% endif %}\n"
        '<script type="application/json">{"base": "{{ base_url }}"}</script>',
        encoding="utf-8",
    )
    return template_patterns([tmp_path / "templates"])


def page(*scripts: str) -> str:
    return '<html><head><meta charset="utf-8"></head><body>' + "".join(scripts) + "</body></html>"


def test_a_template_script_filled_in_is_allowed(templates):
    filled = '<script>__md_scope=new URL("../..",location)</script>'
    assert allowed_hashes([page(filled)], templates) == {script_hash(inline_scripts(filled)[0])}


@pytest.mark.parametrize(
    "injected",
    [
        "<script>alert(1)</script>",
        '<script>__md_scope=new URL("",location);alert(1)//",location)</script>',  # breaks out of the string
        '<script>__md_scope=new URL("x\\",location)</script>',
        "<script>var t=1</script>",  # a template script with a {% %} statement inside is never allowed
    ],
)
def test_an_injected_script_is_not_allowed(templates, injected):
    assert allowed_hashes([page(injected)], templates) == set()


def test_json_is_data_not_script():
    assert inline_scripts('<script type="application/json">{"a": 1}</script><script src="x.js"></script>') == []
    assert inline_scripts("<script>a()</script><script type=module>b()</script>") == ["a()", "b()"]


def test_every_page_gets_the_policy_whatever_its_text_says(tmp_path, templates):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text(page("<p>Content-Security-Policy is a header.</p>"), encoding="utf-8")
    (site / "b.html").write_text("<html><head><title>x</title></head></html>", encoding="utf-8")
    add_csp(site, [tmp_path / "templates"])
    for name in ("a.html", "b.html"):
        text = (site / name).read_text(encoding="utf-8")
        assert text.count('http-equiv="Content-Security-Policy"') == 1
        assert text.index('Content-Security-Policy"') < text.index("</head>")


# --- the built site ---------------------------------------------------------------------------


def _policy(html: str) -> str:
    return re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)[1]


def test_every_built_page_allows_exactly_its_template_scripts(built_site):
    """Nothing the templates put there is refused; nothing else is in the policy."""
    pages = sorted(built_site.rglob("*.html"))
    policy = _policy(pages[0].read_text(encoding="utf-8"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert _policy(html) == policy, path
        for body in inline_scripts(html):
            assert script_hash(body) in policy, (path, body[:60])
    theme_dirs = [ROOT / "overrides", *_theme_templates()]
    assert allowed_hashes([p.read_text(encoding="utf-8") for p in pages], template_patterns(theme_dirs)) == set(
        re.findall(r"'sha256-[^']+'", policy)
    )


def _theme_templates():
    import material

    from pathlib import Path

    return [Path(material.__file__).parent / "templates"]
