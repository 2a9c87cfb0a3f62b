"""Our own stylesheets and scripts, smaller, and the pages' blank lines and indentation
between tags (the theme's templates leave many).

Scripts and stylesheets go through rjsmin and rcssmin, the minifiers mkdocs-minify-plugin
uses: whitespace and comments out, nothing renamed. Measured on 2026-11-30 against the
comment-and-indentation stripping done here before: term-hints.js 2.31 -> 1.95 KB and
site.css 3.62 -> 3.51 KB gzipped, 0.5 KB less on every article page."""

from __future__ import annotations

import re

import rcssmin
import rjsmin


def minify_js(js: str) -> str:
    return rjsmin.jsmin(js) + "\n"


# rcssmin keeps the spaces around the combinators "+" and "~" (it cannot tell a selector
# from a calc()). In a selector, where no calc() goes, they are noise: the text between one
# rule's end (or a block's start) and the next "{", not an at-rule's prelude, with no string.
_SELECTOR = re.compile(r"(?:(?<=[{}])|\A)[^{}@\"';]+(?=\{)")
_COMBINATOR = re.compile(r"\s*([+~>])\s*")


# In a declaration's value it also keeps the spaces around "*" and "/" (calc(var(--m) * 1em),
# 16 / 9) and the zero before a decimal point (0.7em), which need neither; not in a selector,
# where "*" is the universal one, nor in a string.
# And a colour's doubled hex digits: #ffffff is #fff, #ffffffcc is #fffc.
_DECLARATIONS = re.compile(r"\{[^{}]*\}")
_VALUE_NOISE = re.compile(
    r"(\"[^\"]*\"|'[^']*'|url\([^)]*\))|\s+([*/])\s+|(?<![\w.#])0(?=\.\d)"
    r"|#([\da-fA-F])\3([\da-fA-F])\4([\da-fA-F])\5(?:([\da-fA-F])\6)?(?![\da-fA-F])"
)


def _value(m: re.Match) -> str:
    if m[3]:
        return "#" + m[3] + m[4] + m[5] + (m[6] or "")
    return m[1] or m[2] or ""


# An attribute selector's value needs no quotes when it is an identifier: [lang=zh-Hans].
_ANY_SELECTOR = re.compile(r"(?:(?<=[{}])|\A)[^{}@;]+(?=\{)")
_QUOTED_IDENTIFIER = re.compile(r"(\[[\w-]+[~|^$*]?=)([\"'])(-?[A-Za-z_][\w-]*)\2\]")


def minify_css(css: str) -> str:
    css = _ANY_SELECTOR.sub(lambda m: _QUOTED_IDENTIFIER.sub(r"\1\3]", m[0]), rcssmin.cssmin(css))
    css = _SELECTOR.sub(lambda m: _COMBINATOR.sub(r"\1", m[0]), css)
    return _DECLARATIONS.sub(lambda m: _VALUE_NOISE.sub(_value, m[0]), css)


# Verbatim elements (their whitespace is content: pre, textarea, and code and kbd, which the
# theme sets pre-wrap; or code whose CSP hash must not change), tags (attribute values are
# left alone), or a run of whitespace that holds a line break.
_VERBATIM_TAG_OR_BREAK = re.compile(
    r"(<(pre|textarea|script|style|code|kbd)\b.*?</\2\s*>)|(<[^>]*>)|[ \t]*\n\s*", re.S | re.I
)


def minify_html(html: str) -> str:
    """Whitespace that holds a line break becomes that one line break, between tags and in text.

    A browser renders the two alike (a run of white space collapses to one space, and a
    line break is white space), so nothing on the page moves; verbatim elements and
    attribute values are not touched. About 0.55 KB gzipped on an article page."""
    return _VERBATIM_TAG_OR_BREAK.sub(lambda m: m[1] or m[3] or "\n", html)
