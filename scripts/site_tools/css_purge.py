"""Drop the theme's CSS rules that no page can use.

Material's stylesheet styles every feature (blog, tags, tabs, annotations, …).
After the build, a rule is kept when one of its selectors names only classes
that occur in the built HTML or in the site's JavaScript (which adds classes
at run time, always as literal strings). Everything else in the stylesheet
(at-rules, element and attribute selectors) is kept as it is, except the theme's
custom properties that no kept rule, stylesheet or script reads: most are icons
inlined as SVG data (one per admonition type, tag, task list…), about 3 KB
gzipped on every page."""

from __future__ import annotations

import re
from functools import lru_cache
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
# [data-md-component=announce]; [dir=rtl] styles right-to-left pages, which this site has
# none of. Only values that the pages or scripts use count.
_THEME_ATTR = re.compile(r'(data-md-[\w-]+|dir)="([^"]*)"')
_SELECTOR_ATTR = re.compile(r"\[(data-md-[\w-]+|dir)=[\"']?([\w-]+)")
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
        known.update(f"<{t.lower()}>" for t in _TAG.findall(text))
    ours = {p for p in (site_dir / "assets" / "javascripts").glob("*.js") if not p.name.endswith(".min.js")}
    for script in site_dir.rglob("*.js"):
        text = script.read_text(encoding="utf-8", errors="replace")
        words = _JS_WORD.findall(text)
        # Scripts set theme attributes at run time: any value they spell may occur; and any
        # element they name may be created (search results, the copy button, <mark>…).
        known.update(f"{a}={w}" for a in _JS_THEME_ATTRS for w in words)
        known.update(f"<{w}>" for w in words if w in _ELEMENTS)
        if script in ours:
            known.update(words)
        else:
            known.update(_theme_script_classes(text, words))
    return known


# The classes the theme's scripts add without the md- prefix: the literals they pass to
# classList or to their element factory ("js", "focus-visible", "mermaid", "hll"…).
_JS_CLASS_LITERAL = re.compile(r'(?:classList\.(?:add|remove|toggle)\(|class:|className=)"([^"]+)"')


def _theme_script_classes(text: str, words: list[str]) -> set[str]:
    """Every md- word of a theme script (its own classes and custom properties), and its class literals.

    Not every word: a bundle of 110 KB spells 'note', 'info', 'c', 'k'…, which would keep the
    admonition, code-highlighting and version-picker rules no page uses (2.7 KB gzipped)."""
    classes = {w for w in words if w.startswith("md-")}
    for literal in _JS_CLASS_LITERAL.findall(text):
        classes.update(literal.split())
    return classes


# Elements that a rule can require: `.md-typeset kbd` goes when no page has a <kbd>. Names
# outside this list (SVG's, custom elements) are never required, so their rules stay.
_ELEMENTS = frozenset(
    "a abbr address article aside audio b bdi bdo blockquote button canvas caption cite code col "
    "colgroup data datalist dd del details dfn dialog div dl dt em fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup hr i iframe img input ins kbd label legend li main map mark menu "
    "meter nav noscript object ol optgroup option output p picture pre progress q rp rt ruby s samp "
    "section select small source span strong sub summary sup table tbody td template textarea tfoot th "
    "thead time tr track u ul var video wbr".split()
)
_TYPE = re.compile(r"(?:^|[\s>+~])([a-z][a-z0-9]*)")
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)")


def _types(selector: str) -> set[str]:
    """The element names a selector requires (arguments of :is(), :nth-child()… and [attributes] aside)."""
    bare = re.sub(r"\([^()]*\)|\[[^\]]*\]|::?[\w-]+", " ", selector)
    return {t for t in _TYPE.findall(bare.strip()) if t in _ELEMENTS}


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
        return (
            set(_SELECTOR_CLASS.findall(selector))
            | {f"{k}={v}" for k, v in _SELECTOR_ATTR.findall(selector)}
            | {f"<{t}>" for t in _types(selector)}
        )

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


_VAR_REF = re.compile(r"var\(\s*--([\w-]+)")


def _drop_declarations(nodes, unused: set[str]) -> list:
    out = []
    for node in nodes:
        if node.type == "qualified-rule":
            decls = tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
            kept = [d for d in decls if not (d.type == "declaration" and d.name[2:] in unused and d.name[:2] == "--")]
            if not kept:
                continue
            if len(kept) < len(decls):
                node.content = tinycss2.parse_component_value_list(
                    "".join(tinycss2.serialize([d]) for d in kept).rstrip(";")
                )
            out.append(node)
        elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports") and node.content:
            rules = tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True)
            inner = _drop_declarations(rules, unused)
            if inner:
                node.content = [t for rule in inner for t in (rule, tinycss2.ast.WhitespaceToken(0, 0, " "))]
                out.append(node)
        else:
            out.append(node)
    return out


def _parse(css: str) -> list:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def _serialize(rules: list) -> str:
    return "".join(tinycss2.serialize([r]) for r in rules)


def _declared(css: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--([\w-]+)\s*:", css))


def drop_unused_variables(theme: dict[str, str], others: list[str], known: set[str]) -> dict[str, str]:
    """The theme's sheets without the custom properties nothing reads.

    A property is read when var(--it) occurs in a sheet (until nothing more goes:
    dropping one can leave another unread) or its name occurs in a script (`known`)."""
    while True:
        everything = "".join(theme.values()) + "".join(others)
        read = set(_VAR_REF.findall(everything)) | known
        unused = set().union(*(_declared(css) for css in theme.values())) - read
        if not unused:
            return theme
        theme = {name: _serialize(_drop_declarations(_parse(css), unused)) for name, css in theme.items()}


def purge_theme_css(site_dir: Path) -> None:
    """Purge the theme's stylesheets; minify our own CSS and JavaScript (site_tools/minify.py)."""
    known = known_classes(site_dir)
    folder = site_dir / "assets" / "stylesheets"
    theme, ours = {}, {}
    for path in folder.glob("*.css"):
        css = path.read_text(encoding="utf-8")
        if path.name.endswith(".min.css"):
            theme[path] = minify_css(purge_css(css, known))
        else:
            ours[path] = minify_css(css)
    theme = drop_unused_variables(theme, list(ours.values()), known)
    for path, css in {**theme, **ours}.items():
        path.write_text(css, encoding="utf-8")
    for path in (site_dir / "assets" / "javascripts").glob("*.js"):
        if not path.name.endswith(".min.js"):
            path.write_text(minify_js(path.read_text(encoding="utf-8")), encoding="utf-8")


def page_classes(html: str) -> set[str]:
    """The classes and theme attributes one page's HTML uses (as known_classes, for one page)."""
    known: set[str] = set()
    for value in _CLASS_ATTR.findall(html):
        known.update(value.split())
    known.update(f"{k}={v}" for k, v in _THEME_ATTR.findall(html))
    known.update(f"<{t.lower()}>" for t in _TAG.findall(html))
    return known


@lru_cache(maxsize=8)
def _selectors(css: str) -> tuple[str, ...]:
    """Every selector list of the sheet's rules, @media and @supports included (parsed once)."""
    out = []

    def walk(nodes) -> None:
        for node in nodes:
            if node.type == "qualified-rule":
                out.append(tinycss2.serialize(node.prelude))
            elif node.type == "at-rule" and node.lower_at_keyword in ("media", "supports") and node.content:
                walk(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return tuple(out)


def styles_any(css: str, known: set[str]) -> bool:
    """Whether a rule of the sheet applies to a page with these classes (the purge's test, per page)."""
    return any(_used(prelude, known) for prelude in _selectors(css))
