"""Pages made of other pages' text: the side-by-side view and the print edition.

Both are built from the article pages' HTML as Markdown rendered it (the body, before the
theme wraps it), once both languages are built:

- `parallel/SLUG`: a page's Chinese and English text in rows. Headings and paragraphs carry
  the same ids in both languages (paragraphs.py), so each row starts at one of those ids
  and holds what follows it up to the next one (a paragraph and its chart, a heading and
  its key points), in both languages side by side.
- `print`: the whole article in one language, one page after another, with its sources
  numbered at the end.

Everything here is text in, text out; the plugin collects the bodies and writes the pages."""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import languages as L
from .htmltext import tokens

PARALLEL = "parallel/{stem}"  # the side-by-side view of a page, under each language's root
PRINT = "print"  # the print edition, one per language
# What the theme writes where a composed page's text goes, filled in after both languages.
PLACEHOLDER = '<div class="composed" data-composed="{key}"></div>'
_PLACEHOLDER = re.compile(r'<div class="?composed"? data-composed="?([\w/.-]+)"?></div>')

_ANCHOR = re.compile(r'^<(h[1-6]|p)\b[^>]*?\sid="([^"]+)"')
_ID = re.compile(r'(\sid=")([^"]+)(")')
_IDREFS = re.compile(r'(\s(?:aria-labelledby|aria-describedby|aria-controls|for)=")([^"]+)(")')
_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_DEFS = re.compile(r'\s*<div class="term-defs"[^>]*></div>\s*')
# About the page, not its text: left out of composed pages.
_ABOUT_PAGE = re.compile(
    r'<p class="reading-time"[^>]*>.*?</p>|<span class="(?:reading-time|cover__way)">.*?</span>(?=\s*(?:<span|</p>))'
)
_READING_PATH = re.compile(r'<nav\b[^>]*\sclass="reading-path\b')
_H1 = re.compile(r"^<h1\b([^>]*)>(.*)</h1>$", re.S)


@dataclass(frozen=True)
class Body:
    """A page's text as Markdown rendered it, and the site-root-relative URL it was built for."""

    html: str
    url: str


def blocks(body: str) -> list[str]:
    """The top-level elements of some HTML, each as written (text between them dropped)."""
    out: list[str] = []
    current: list[str] = []
    depth = 0
    for token in tokens(body):
        if depth == 0 and not token.markup:
            if token.text.strip():  # loose text at the top level: a block of its own
                out.append(token.text.strip())
            continue
        current.append(token.text)
        tag = token.tag
        if tag is not None and not tag.empty:
            depth += -1 if tag.closing else 1
        if depth <= 0:
            depth = 0
            block = "".join(current).strip()
            if block:
                out.append(block)
            current = []
    if "".join(current).strip():
        out.append("".join(current).strip())
    return out


def _about_text(body: str) -> str:
    return _ABOUT_PAGE.sub("", _DEFS.sub("\n", body))


def anchor(block: str) -> str | None:
    """The id a row can start at: a heading's, or a paragraph's (`p-…`)."""
    m = _ANCHOR.match(block)
    if m is None or (m[1] == "p" and not m[2].startswith("p-")):
        return None
    return m[2]


def segments(body: str) -> list[tuple[str | None, list[str]]]:
    """The body cut before each anchor: (anchor id or None for what comes first, blocks)."""
    out: list[tuple[str | None, list[str]]] = [(None, [])]
    for block in blocks(_about_text(body)):
        key = anchor(block)
        if key is not None:
            out.append((key, []))
        out[-1][1].append(block)
    return [s for s in out if s[1]]


def rows(zh: str, en: str) -> list[tuple[str | None, list[str], list[str]]]:
    """(anchor, Chinese blocks, English blocks) in the Chinese order. An anchor only one
    language has (a section still being translated) joins the row before it, so nothing
    is lost and rows never cross."""
    zs, es = segments(zh), segments(en)
    shared = {k for k, _ in zs} & {k for k, _ in es}
    out: list[tuple[str | None, list[str], list[str]]] = []
    by_key: dict[str | None, tuple] = {}
    for key, blocks_ in zs:
        if key in shared or not out:
            by_key[key] = (key, [], [])
            out.append(by_key[key])
        out[-1][1].extend(blocks_)
    row = out[0] if out else None
    for key, blocks_ in es:
        if row is None:  # nothing in Chinese at all
            row = (key, [], [])
            out.append(row)
        row = by_key.get(key, row) if key in shared else row
        row[2].extend(blocks_)
    return out


def finer(table: list[tuple[str | None, list[str], list[str]]]) -> list[tuple[str | None, list[str], list[str]]]:
    """Rows cut further where both languages have the same blocks in the same order (a
    paragraph, then its key points, then its chart): one row per block."""
    out = []
    for key, zb, eb in table:
        if len(zb) == len(eb) > 1 and all(_tag(a) == _tag(b) for a, b in zip(zb, eb, strict=True)):
            out.append((key, [zb[0]], [eb[0]]))
            out.extend((None, [a], [b]) for a, b in zip(zb[1:], eb[1:], strict=True))
        else:
            out.append((key, zb, eb))
    return out


def _tag(block: str) -> str:
    m = re.match(r"<([a-zA-Z0-9]+)(?:[^>]*?\sclass=\"([^\"]*)\")?", block)
    return f"{m[1]}.{m[2] or ''}" if m else ""


def rebase(body: str, from_url: str, to_url: str) -> str:
    """Relative links and image sources of a body built for `from_url`, made right for `to_url`."""
    if posixpath.dirname(from_url) == posixpath.dirname(to_url):
        return body
    return _URL_ATTR.sub(lambda m: m[1] + html.escape(rebase_url(html.unescape(m[2]), from_url, to_url)) + m[3], body)


def rebase_url(url: str, from_url: str, to_url: str) -> str:
    """One address as written on the page at `from_url`, as it must be written at `to_url`."""
    parts = urlsplit(url)
    if not url or url.startswith(("#", "/")) or parts.scheme or parts.netloc:
        return url
    src_dir, dest_dir = posixpath.dirname(from_url), posixpath.dirname(to_url)
    new = posixpath.relpath(posixpath.normpath(posixpath.join(src_dir, parts.path)), dest_dir or ".")
    return new + ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")


def shown_in(url: str) -> tuple[str | None, str | None]:
    """(stem, lang) of the pages a composed page at `url` shows: `(stem, None)` for a
    side-by-side view (both languages), `(None, lang)` for a print edition (every article
    page of the language); `(None, None)` for any other page."""
    for lang in L.LANGUAGES:
        rel = url.removeprefix(L.ROOT[lang]) if L.ROOT[lang] else url
        if rel == url and L.ROOT[lang]:
            continue
        if rel == f"{PRINT}.html":
            return None, lang
        m = re.fullmatch(PARALLEL.format(stem=r"([\w-]+)") + r"\.html", rel)
        if m:
            return m[1], None
    return None, None


def scope_ids(body: str, suffix: str, keep: set[str]) -> str:
    """Every id in `body` made unique to one column (`x` -> `x-en`), with what refers to
    it; links to a row's anchor (in `keep`) still go to the row."""

    def one(i: str) -> str:
        return f"{i}-{suffix}"

    body = _ID.sub(lambda m: m[1] + one(m[2]) + m[3], body)
    body = _IDREFS.sub(lambda m: m[1] + " ".join(one(i) for i in m[2].split()) + m[3], body)

    def href(m: re.Match) -> str:
        if not m[2].startswith("#") or m[2][1:] in keep or not m[2][1:]:
            return m[0]
        return m[1] + "#" + one(m[2][1:]) + m[3]

    return _URL_ATTR.sub(href, body)


def demote_h1(block: str) -> str:
    """A page's own H1 inside a composed page, which has its own: an H2."""
    m = _H1.match(block)
    return f"<h2{m[1]}>{m[2]}</h2>" if m else block


_HEADING_TAG = re.compile(r"<(/?)h([1-5])\b")


def demote(block: str) -> str:
    """Every heading of a page one level down, inside a composed page that holds several: the
    page's title an H2 under the composed page's H1, its sections H3 under that title (they
    were H2, as large as the title above them)."""
    return _HEADING_TAG.sub(lambda m: f"<{m[1]}h{int(m[2]) + 1}", block)


def parallel_html(zh: Body, en: Body, url: str, lang: str) -> str:
    """The rows of the side-by-side view at `url`, in the interface language `lang`."""
    s = L.STRINGS[lang]
    table = finer(rows(rebase(zh.html, zh.url, url), rebase(en.html, en.url, url)))
    keep = {k for k, _, _ in table if k}
    out = [
        # Radios before the rows, so that CSS alone shows one language or both (no script).
        '<div class="parallel-view">',
        f'<span class="parallel-view__label" data-search-exclude>{html.escape(s["parallel.show"])}</span>',
    ]
    for value, label in (("both", s["parallel.both"]), ("zh", L.NAMES["zh"]), ("en", L.NAMES["en"])):
        checked = " checked" if value == "both" else ""
        out.append(
            f'<input type="radio" name="parallel-show" id="parallel-{value}" value="{value}"{checked}>'
            f'<label for="parallel-{value}">{html.escape(label)}</label>'
        )
    out.append('<div class="parallel">')
    for key, zb, eb in table:
        attr = f' id="{key}"' if key else ""
        out.append(f'<div class="parallel__row"{attr}>')
        for code, part in (("zh", zb), ("en", eb)):
            cell = "\n".join(demote_h1(b) for b in part)
            out.append(f'<div class="parallel__cell" lang="{L.HREFLANG[code]}">{scope_ids(cell, code, keep)}</div>')
        out.append("</div>")
    out.append("</div></div>")
    return "\n".join(out)


def print_html(bodies: list[tuple[str, Body]], url: str) -> str:
    """The print edition's text at `url`: each page's body in turn, in a section with the
    page's stem as its id (`part-us-motives`). Links to those pages and to the sources page become links
    inside the edition (the sources list follows the text on the same page)."""
    here = posixpath.dirname(url)
    inside = {
        posixpath.relpath(posixpath.join(here, f"{stem}.html"), here or "."): f"part-{stem}" for stem, _ in bodies
    }
    inside["sources.html"] = ""

    def local(m: re.Match) -> str:
        path, _, frag = m[2].partition("#")
        if path not in inside:
            return m[0]
        return m[1] + "#" + (frag or inside[path] or "sources") + m[3]

    out = []
    for stem, body in bodies:
        # The overview's "start reading" list points at the parts that follow: left out.
        parts = [b for b in blocks(_about_text(rebase(body.html, body.url, url))) if not _READING_PATH.match(b)]
        text = "\n".join(demote(b) for b in parts)
        out.append(f'<section class="print-part" id="part-{stem}">\n{_URL_ATTR.sub(local, text)}\n</section>')
    return "\n".join(out)


def fill(page_html: str, text: str) -> str:
    """The written page with its placeholder replaced by `text`."""
    return _PLACEHOLDER.sub(lambda _: text, page_html, count=1)


@dataclass(frozen=True)
class Composed:
    """A composed page of one language: what MkDocs builds (a shell with a placeholder),
    and the page whose dates and share card it shares."""

    key: str  # "parallel/us-motives", "print"
    lang: str
    base: str  # "us-motives"; the print edition's is "index"
    markdown: str

    @property
    def src_uri(self) -> str:
        return f"{self.key}.{self.lang}.md"

    @property
    def url(self) -> str:
        return f"{L.ROOT[self.lang]}{self.key}.html"


def composed_pages(
    lang: str, titles: dict[tuple[str, str], str], stems: list[str], sources_list: str
) -> list[Composed]:
    """The side-by-side view of each of `stems` that exists in both languages, and the
    print edition of them all, for the `lang` build. `titles`: {(stem, lang): title}."""
    s = L.STRINGS[lang]
    out = []
    for stem in stems:
        if (stem, "zh") not in titles or (stem, "en") not in titles:
            continue
        key = PARALLEL.format(stem=stem)
        title = titles[(stem, lang)]
        back = posixpath.relpath(f"{stem}.html", posixpath.dirname(key))
        body = [
            f'<p class="composed-intro" data-search-exclude>{html.escape(s["parallel.intro"])} '
            f'<a href="{back}">{html.escape(s["parallel.back"])}</a></p>',
        ]
        out.append(
            Composed(
                key,
                lang,
                stem,
                _shell(
                    s["parallel.title"].format(title=title), s["parallel.description"].format(title=title), body, key
                ),
            )
        )
    present = [stem for stem in stems if (stem, lang) in titles]
    if present:
        body = [
            f'<p class="composed-intro" data-search-exclude>{html.escape(s["print.intro"])}</p>',
        ]
        tail = [f'<h2 id="sources">{html.escape(s["print.sources"])}</h2>', "", sources_list]
        # On paper the edition opens with the overview's own masthead: its screen title is not printed.
        shell = _shell(s["print.title"], s["print.description"], body, PRINT, tail, h1_class="composed-screen-only")
        out.append(Composed(PRINT, lang, present[0], shell))
    return out


def _shell(title: str, description: str, before: list[str], key: str, after: list[str] = (), h1_class: str = "") -> str:
    # JSON strings are YAML strings: any title is safe in the front matter.
    fields = {"title": title, "description": description}
    front = "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in fields.items()) + "---\n"
    cls = f' class="{h1_class}"' if h1_class else ""
    return "\n\n".join([front, f"<h1{cls}>{html.escape(title)}</h1>", *before, PLACEHOLDER.format(key=key), *after, ""])
