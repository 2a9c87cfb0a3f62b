"""Purging the theme's CSS after the build (site_tools/css_purge.py)."""

from __future__ import annotations


from site_tools.css_purge import drop_unused_variables, known_classes, purge_css
from site_tools.minify import minify_css, minify_html, minify_js


def test_a_rule_whose_classes_occur_in_the_pages_stays_and_one_whose_classes_do_not_goes():
    css = ".md-typeset .admonition{color:red}.md-post__title{color:blue}"
    assert purge_css(css, {"md-typeset", "admonition"}) == ".md-typeset .admonition{color:red}"


def test_a_class_inside_not_does_not_count_as_required():
    css = ".md-typeset a:not(.md-blog){color:red}"
    assert purge_css(css, {"md-typeset", "<a>"}) == css


def test_a_palette_value_no_page_uses_goes_and_the_one_in_use_stays():
    css = "[data-md-color-primary=indigo]{--c:1}[data-md-color-primary=custom]{--c:2}"
    assert purge_css(css, {"data-md-color-primary=custom"}) == "[data-md-color-primary=custom]{--c:2}"


def test_the_palette_switching_rule_goes_because_it_restyles_every_element_at_each_load():
    css = "[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s!important}body{margin:0}"
    assert purge_css(css, set()) == "body{margin:0}"


def test_minifying_a_script_drops_comments_but_keeps_a_comment_marker_inside_a_string():
    assert minify_js("var u = 'http://x/*y*/';\n// gone\n/* gone */ f(u);\n") == "var u='http://x/*y*/';f(u);\n"


def test_minifying_a_stylesheet_keeps_the_space_a_print_rule_writes_before_a_url():
    css = 'a::after {\n  content: " " attr(href); /* the URL */\n}\n'
    assert minify_css(css) == 'a::after{content:" " attr(href)}'


def test_minifying_a_stylesheet_drops_spaces_around_combinators_and_products_and_leading_zeros_not_in_strings():
    css = (
        ".a + p, .b ~ ul > li, li:nth-child(2n + 1) { width: calc(1em + 2px) }\n"
        '@media screen { .c + .d { margin: 0 } }\n[title="x + y"] + p { color: red }\n'
        'p { width: calc(var(--m) * 1em - 2px / 2); aspect-ratio: 16 / 9 }\np::after { content: " * " }\n'
        '.e * .f { margin: 0 }\n.g { padding: 0.7em 10.5em -0.25rem 0; opacity: 0.5; content: "0.5" }\n'
    )
    assert minify_css(css) == (
        ".a+p,.b~ul>li,li:nth-child(2n+1){width:calc(1em + 2px)}"
        '@media screen{.c+.d{margin:0}}[title="x + y"] + p{color:red}'
        'p{width:calc(var(--m)*1em - 2px/2);aspect-ratio:16/9}p::after{content:" * "}'
        ".e * .f{margin:0}"
        '.g{padding:.7em 10.5em -.25rem 0;opacity:.5;content:"0.5"}'
    )


def test_minifying_a_stylesheet_shortens_doubled_hex_colours_and_unquotes_identifier_attributes_only():
    css = (
        "[data-scheme=\"slate\"] .a, [lang='zh-Hans'] + p { color: #FFFFFF; background: #ffffffcc }\n"
        '[title="x y"], [data-n="2"] { border-color: #abcdef; content: "#ffffff"; mask: url(#aabbcc) }\n'
    )
    assert minify_css(css) == (
        "[data-scheme=slate] .a,[lang=zh-Hans]+p{color:#FFF;background:#fffc}"
        '[title="x y"],[data-n="2"]{border-color:#abcdef;content:"#ffffff";mask:url(#aabbcc)}'
    )


def test_a_right_to_left_rule_goes_when_no_page_is_right_to_left():
    css = "[dir=rtl] .md-typeset ul{margin-right:1em}[dir=ltr] .md-typeset ul{margin-left:1em}"
    assert purge_css(css, {"md-typeset", "dir=ltr", "<ul>"}) == "[dir=ltr] .md-typeset ul{margin-left:1em}"


def test_a_rule_for_an_element_no_page_has_goes_and_one_for_an_element_in_use_stays():
    css = ".md-typeset kbd{color:red}.md-typeset table:not([class]) th{color:blue}"
    assert purge_css(css, {"md-typeset", "<table>", "<th>"}) == ".md-typeset table:not([class]) th{color:blue}"


def test_a_custom_property_nothing_reads_goes_and_one_a_rule_reads_stays():
    theme = {"main": ":root{--md-tag-icon:url(x.svg);--md-toc-icon:url(y.svg)}.md-nav{mask:var(--md-toc-icon)}"}
    kept = ":root{--md-toc-icon:url(y.svg)}.md-nav{mask:var(--md-toc-icon)}"
    assert drop_unused_variables(theme, [], set()) == {"main": kept}


def test_a_custom_property_read_only_by_one_that_went_goes_too_and_our_sheets_and_scripts_count_as_readers():
    theme = {"main": ":root{--a:var(--b);--b:1px;--c:2px;--d:3px}"}
    assert drop_unused_variables(theme, [".x{width:var(--c)}"], {"d"}) == {"main": ":root{--c:2px;--d:3px}"}


def test_the_themes_script_keeps_its_md_classes_and_class_literals_but_not_every_word_it_spells(tmp_path):
    (tmp_path / "assets" / "javascripts").mkdir(parents=True)
    (tmp_path / "index.html").write_text('<p class="md-typeset">x</p>', encoding="utf-8")
    (tmp_path / "assets" / "javascripts" / "bundle.1.min.js").write_text(
        'var note="info";e.classList.add("js");h("div",{class:"md-search-result__item"})', encoding="utf-8"
    )
    (tmp_path / "assets" / "javascripts" / "ours.js").write_text('el.className = "term-pop";', encoding="utf-8")
    known = known_classes(tmp_path)
    assert {"md-typeset", "js", "md-search-result__item", "term-pop", "<div>"} <= known
    assert "note" not in known and "info" not in known


def test_blank_lines_and_indentation_between_tags_and_in_text_become_one_line_break():
    assert minify_html("<div>\n   <p>a  b</p>\n\n  <p>c</p>\n</div>") == "<div>\n<p>a  b</p>\n<p>c</p>\n</div>"
    assert minify_html("<span>\n      导读\n    </span>") == "<span>\n导读\n</span>"


def test_whitespace_inside_verbatim_elements_attributes_and_on_one_line_is_left_as_written():
    verbatim = (
        "<pre><span>x</span>\n\n  <span>y</span></pre><script>\n  var a;\n  </script>"
        "<code>a\n   b</code><kbd>\n  k</kbd><textarea>\n  t</textarea>"
    )
    assert minify_html(verbatim) == verbatim
    assert minify_html('<p title="a\n   b">x  y <b>c</b>  d</p>') == '<p title="a\n   b">x  y <b>c</b>  d</p>'
