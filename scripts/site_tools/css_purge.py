"""Drop the theme's CSS rules that no page can use.

Material's stylesheet styles every feature (blog, tags, tabs, annotations, …).
After the build, a rule is kept when one of its selectors names only classes
that occur in the built HTML or in the site's JavaScript (which adds classes
at run time, always as literal strings). Everything else in the stylesheet
(at-rules, variables, element and attribute selectors) is kept as it is."""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

from .minify import minify_css, minify_js

_CLASS_ATTR = re.compile(r'class="([^"]*)"')
_JS_WORD = re.compile(r"[A-Za-z_][\w-]{1,}")
# Attributes the theme's script sets (so their values come from its strings, not the HTML).
# The palette attributes are copied from the palette inputs in the HTML, so they are not here.
_JS_THEME_ATTRS = ("data-md-state", "data-md-scrollfix", "data-md-copying", "data-md-type")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
# Theme attributes name a palette, component or state: [data-md-color-primary=indigo],
# [data-md-component=announce]. Only values that the pages or scripts use count.
_THEME_ATTR = re.compile(r'(data-md-[\w-]+)="([^"]*)"')
_SELECTOR_ATTR = re.compile(r"\[(data-md-[\w-]+)=[\"']?([\w-]+)")
# Dropped although used. The theme sets [data-md-color-switching] on <body> while it
# applies the palette, at every page load as well as on a switch, and this rule
# (`[data-md-color-switching] * {transition-duration: 0s !important}`) then restyles
# every element twice: on a phone, the longest task of the load (Lighthouse mobile,
# /en/us-motives: total blocking time 138 → 98 ms, median of 5). Without it, a
# palette switch fades the colours for the theme's 0.25 s instead of snapping.
_DROPPED = ("[data-md-color-switching]",)


def known_classes(site_dir: Path) -> set[str]:
    known: set[str] = set()
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for value in _CLASS_ATTR.findall(text):
            known.update(value.split())
        known.update(f"{k}={v}" for k, v in _THEME_ATTR.findall(text))
    for script in site_dir.rglob("*.js"):
        words = _JS_WORD.findall(script.read_text(encoding="utf-8", errors="replace"))
        known.update(words)
        # Scripts set theme attributes at run time: any value they spell may occur.
        known.update(f"{a}={w}" for a in _JS_THEME_ATTRS for w in words)
    return known


def _split_selectors(prelude: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(prelude[start:i])
            start = i + 1
    out.append(prelude[start:])
    return out


def _used(prelude: str, known: set[str]) -> bool:
    # Classes inside :not(…) exclude rather than require: ignore them.
    def required(selector: str) -> set[str]:
        selector = re.sub(r":not\([^()]*\)", "", selector)
        return set(_SELECTOR_CLASS.findall(selector)) | {f"{k}={v}" for k, v in _SELECTOR_ATTR.findall(selector)}

    return any(required(s) <= known and not any(d in s for d in _DROPPED) for s in _split_selectors(prelude))


def _purge(nodes, known: set[str]) -> list:
    out = []
    for node in nodes:
        if node.type == "qualified-rule":
            if _used(tinycss2.serialize(node.prelude), known):
                out.append(node)
        elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports") and node.content:
            inner = _purge(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True), known)
            if inner:
                node.content = [t for rule in inner for t in (rule, tinycss2.ast.WhitespaceToken(0, 0, " "))]
                out.append(node)
        elif node.type != "comment" and node.type != "whitespace":
            out.append(node)
    return out


def purge_css(css: str, known: set[str]) -> str:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return "".join(tinycss2.serialize([r]) for r in _purge(rules, known))


def purge_theme_css(site_dir: Path) -> None:
    """Purge the theme's stylesheets; minify our own CSS and JavaScript (site_tools/minify.py)."""
    known = known_classes(site_dir)
    folder = site_dir / "assets" / "stylesheets"
    for path in folder.glob("*.css"):
        css = path.read_text(encoding="utf-8")
        if path.name.endswith(".min.css"):
            css = purge_css(css, known)
        else:
            css = minify_css(css)
        path.write_text(css, encoding="utf-8")
    for path in (site_dir / "assets" / "javascripts").glob("*.js"):
        if not path.name.endswith(".min.js"):
            path.write_text(minify_js(path.read_text(encoding="utf-8")), encoding="utf-8")
