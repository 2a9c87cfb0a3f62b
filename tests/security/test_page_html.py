"""A page from a pull request may use a little HTML, never script: each hazard is one
finding at its line and column, and the same text without the hazard passes."""

from __future__ import annotations

import pytest

from site_tools.safety import check_page_html, url_scheme_refused


def findings(*lines: str):
    return [(f.line, f.col, f.rule) for f in check_page_html("docs/a.en.md", list(enumerate(lines, 10)))]


@pytest.mark.parametrize(
    "hostile, harmless",
    [
        ("<script>alert(1)</script>", "<span>alert(1)</span>"),
        ('<iframe srcdoc="&lt;script&gt;alert(2)&lt;/script&gt;"></iframe>', "<p>a frame</p>"),
        ('<object data="x.swf"></object>', '<img src="x.svg" alt="x">'),
        ("<style>body{display:none}</style>", '<span class="nobr">x</span>'),
        ('<meta http-equiv="refresh" content="0;url=https://example.org">', "<br>"),
        ('<form action="https://example.org"><input name="q"></form>', "<dl><dt>q</dt></dl>"),
        ("<svg onload=alert(3)></svg>", "<figure></figure>"),
    ],
)
def test_elements_that_run_or_embed_are_refused(hostile, harmless):
    assert findings(hostile)[0] == (10, 1, "HTML-ELEMENT")
    assert findings(harmless) == []


@pytest.mark.parametrize(
    "hostile, harmless",
    [
        ('<img src="x.svg" alt="x" onerror="alert(4)">', '<img src="x.svg" alt="x">'),
        ('<div style="position:fixed;inset:0;background:red">DEFACED</div>', '<div class="note">x</div>'),
        ('<span data-md-component="search">x</span>', '<span lang="en">x</span>'),
        ('<a href="#a" ONMOUSEOVER="alert(5)">x</a>', '<a href="#a" title="t">x</a>'),
    ],
)
def test_event_handlers_styles_and_data_attributes_are_refused(hostile, harmless):
    assert findings(hostile) == [(10, 1, "HTML-ATTRIBUTE")]
    assert findings(harmless) == []


def test_attr_list_braces_may_not_add_handlers():
    assert findings('## Title {#title onclick="alert(6)"}') == [(10, 18, "HTML-ATTRIBUTE")]  # at the attribute
    assert findings("## Title {#title .wide lang=en}") == []


@pytest.mark.parametrize(
    "hostile",
    [
        "[x](javascript:alert(7))",
        "[x](JaVaScRiPt:alert(7))",
        "[x](java&#115;cript:alert(7))",
        "[x](<javascript:alert(7)>)",
        "![x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x]: vbscript:msgbox(1)",
        '<a href=" java\tscript:alert(7)">x</a>',
        '<a href="file:///etc/passwd">x</a>',
    ],
)
def test_links_that_run_code_or_open_local_files_are_refused(hostile):
    assert [rule for _, _, rule in findings(hostile)] == ["LINK-SCHEME"]


@pytest.mark.parametrize(
    "harmless",
    [
        "[x](https://example.org/a:b)",
        "[x](us-motives.md#a)",
        "[x](mailto:a@example.org)",
        "[x](#top)",
        "[x]: https://e.org",
    ],
)
def test_web_page_and_mail_links_pass(harmless):
    assert findings(harmless) == []
    assert url_scheme_refused(harmless.split("(")[-1].rstrip(")")) is None


def test_html_written_as_code_is_text_not_html():
    assert findings("Write `<script>` as code.", "```html", "<script>alert(8)</script>", "```") == []
    assert findings("Write <script> as code.") == [(10, 7, "HTML-ELEMENT")]


def test_autolinks_are_links_not_elements():
    assert findings("See <https://example.org/a>.") == []


def test_findings_carry_the_line_of_the_hazard():
    assert findings("Fine text.", "", "More <script>x</script>") == [(12, 6, "HTML-ELEMENT")]


@pytest.mark.parametrize(
    "elsewhere, col, here",
    [
        ("![chart](https://example.org/c.png)", 10, "![chart](assets/c.png)"),
        ("![chart](<//cdn.example.org/c.png>)", 11, "![chart](../assets/c.png)"),
        ('<img src="http://example.org/c.png" alt="c">', 1, '<img src="assets/c.png" alt="c">'),
        ('<img alt="c" src=" HTTPS://example.org/c.png">', 1, '<img alt="c" src="c.png">'),
    ],
)
def test_an_image_from_another_host_is_found_in_the_markdown_without_a_build(elsewhere, col, here):
    assert findings("Text.", elsewhere) == [(11, col, "THIRD-PARTY")]
    assert findings("Text.", here) == []


def test_a_link_to_another_host_is_a_link_not_a_load():
    assert findings("[the report](https://example.org/r.pdf)", '<a href="https://example.org/">site</a>') == []
