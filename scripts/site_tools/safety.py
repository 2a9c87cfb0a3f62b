"""What a pull request may not put in docs/: anything that would run script in a
reader's browser, restyle the site, or publish a file from outside the repository.

Pages are text with a little HTML (spans, lists, <time>); scripts, frames, forms,
styles and event handlers come from the templates only. Each hazard is one rule,
reported at its line by the source checks, and the MkDocs plugin leaves refused
files out of the build (`refused_files`), so a hostile page is never half-built
and never ends in a traceback. The Content-Security-Policy (csp.py) is the second
line: it allows only the templates' own inline scripts, whatever gets through."""

from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from .findings import Finding

# Elements a page may write as raw HTML: text structure only.
ELEMENTS = frozenset(
    "a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em "
    "figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp small "
    "span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr".split()
)
# Attributes a page may set, in raw HTML or in attr_list braces; plus aria-*.
ATTRIBUTES = frozenset(
    "alt cite class colspan datetime dir height href id lang markdown open role rowspan scope span src "
    "start title width reversed type value abbr headers".split()
)
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SCHEMES = ("http", "https", "mailto")

RULE_ELEMENT = "HTML-ELEMENT"
RULE_ATTRIBUTE = "HTML-ATTRIBUTE"
RULE_SCHEME = "LINK-SCHEME"
RULE_SYMLINK = "FILE-SYMLINK"
RULE_ENCODING = "FILE-ENCODING"
RULE_THIRD_PARTY = "THIRD-PARTY"

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_AUTOLINK = re.compile(r"<(?:https?|ftp)://[^<>\s]*>|<[^<>\s@]+@[^<>\s]+>", re.I)
# [text](url "title"), ![alt](url), and reference definitions [id]: url
_MD_LINK = re.compile(r"\]\(\s*<?(?P<url>[^)\s>]*)")
_ANGLE_DESTINATION = re.compile(r"(\]\(\s*)<[^<>\n]*>")  # [x](<url>): a link, not an element
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?(?P<url>[^)\s>]*)")
_MD_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(?P<url>[^\s>]+)")
# attr_list: {#id .class key=value key="value"}, after a heading, a link, a paragraph
_ATTR_LIST = re.compile(r"\{:?(?P<body>\s*[#.\w][^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"""(?P<key>[^\s=#.{}]+)\s*=""")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")


def _blank(match: re.Match) -> str:
    return " " * len(match[0])


def html_text(lines: list[tuple[int, str]]) -> str:
    """The page's lines with code (fenced blocks, `spans`) and autolinks blanked, so that
    `<script>` written as code is not taken for HTML; line and column numbers are kept."""
    out, in_fence = [], False
    for _, line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append("")
            continue
        out.append("" if in_fence else _AUTOLINK.sub(_blank, _CODE_SPAN.sub(_blank, line)))
    return "\n".join(out)


def url_scheme_refused(url: str) -> str | None:
    """The scheme of a URL a browser would run or that leaves the web (javascript:, data:,
    vbscript:, file:), as a browser reads it: entities decoded, whitespace and controls ignored."""
    cleaned = _IGNORED_IN_URL.sub("", html.unescape(url))
    m = _SCHEME.match(cleaned)
    if m and m[1].lower() not in SCHEMES:
        return m[1].lower()
    return None


def loads_from_elsewhere(url: str) -> bool:
    """Whether an image address names another host (http://, https:// or //host/…): a page
    that asks a third party for anything hangs for readers in mainland China."""
    cleaned = _IGNORED_IN_URL.sub("", html.unescape(url))
    return bool(re.match(r"(?:https?:)?//[^/]", cleaned, re.I))


def _third_party(url: str) -> tuple[str, str]:
    return (
        f"the image loads {url} from another host",
        "save the file in docs/assets/ and point to it there, e.g. ![alt](assets/name.png)",
    )


def attribute_refused(name: str) -> bool:
    name = name.lower()
    return not (name in ATTRIBUTES or name.startswith("aria-"))


class _Scanner(HTMLParser):
    def __init__(self, path: str, first_line: int):
        super().__init__(convert_charrefs=True)
        self.path, self.first_line, self.findings = path, first_line, []

    def _add(self, rule: str, message: str, fix: str) -> None:
        line, col = self.getpos()
        self.findings.append(Finding(self.path, self.first_line + line - 1, col + 1, rule, message, fix))

    def handle_starttag(self, tag, attrs):
        if tag not in ELEMENTS:
            self._add(
                RULE_ELEMENT,
                f"<{tag}> is not allowed in a page: scripts, frames, forms, styles and embeds come from the "
                "site's templates, never from content",
                "remove it; a chart is '::: chart ID', a link is [text](url), an image ![alt](file)",
            )
            return
        for name, value in attrs:
            if attribute_refused(name):
                self._add(
                    RULE_ATTRIBUTE,
                    f"<{tag} {name}=…>: the attribute '{name}' is not allowed in a page (event handlers, inline "
                    "styles and data attributes would run code or restyle the site)",
                    "remove it; the site's look lives in overrides/assets/stylesheets/site.css",
                )
            elif name in URL_ATTRIBUTES and value and url_scheme_refused(value):
                self._add(RULE_SCHEME, *_scheme_message(url_scheme_refused(value)))
            elif tag == "img" and name == "src" and value and loads_from_elsewhere(value):
                self._add(RULE_THIRD_PARTY, *_third_party(value))

    handle_startendtag = handle_starttag


def _scheme_message(scheme: str) -> tuple[str, str]:
    return (
        f"a '{scheme}:' link is not allowed: it would run code or open a local file in the reader's browser",
        "link to an http(s) address, a page of the site (page.md#id) or mailto:",
    )


def check_page_html(path: str, lines: list[tuple[int, str]]) -> list[Finding]:
    """Raw HTML, attr_list attributes and link targets of a page body, at their lines.

    `lines` are the body's (line number, text), front matter excluded."""
    if not lines:
        return []
    first = lines[0][0]
    text = html_text(lines)
    scanner = _Scanner(path, first)
    scanner.feed(_ANGLE_DESTINATION.sub(lambda m: m[1] + " " * (len(m[0]) - len(m[1])), text))
    scanner.close()
    out = scanner.findings
    for offset, line in enumerate(text.split("\n")):
        lineno = first + offset
        for m in _MD_IMAGE.finditer(line):
            if loads_from_elsewhere(m["url"]):
                out.append(Finding(path, lineno, m.start("url") + 1, RULE_THIRD_PARTY, *_third_party(m["url"])))
        for m in _MD_LINK.finditer(line):
            scheme = url_scheme_refused(m["url"])
            if scheme:
                out.append(Finding(path, lineno, m.start("url") + 1, RULE_SCHEME, *_scheme_message(scheme)))
        m = _MD_REFERENCE.match(line)
        if m and url_scheme_refused(m["url"]):
            out.append(
                Finding(path, lineno, m.start("url") + 1, RULE_SCHEME, *_scheme_message(url_scheme_refused(m["url"])))
            )
        for attrs in _ATTR_LIST.finditer(line):
            for pair in _ATTR_PAIR.finditer(attrs["body"]):
                if attribute_refused(pair["key"]):
                    out.append(
                        Finding(
                            path,
                            lineno,
                            attrs.start("body") + pair.start() + 1,
                            RULE_ATTRIBUTE,
                            f"{{… {pair['key']}=…}}: the attribute '{pair['key']}' is not allowed in a page "
                            "(event handlers, inline styles and data attributes would run code or restyle the site)",
                            "keep only {#id}, {.class} or lang=…",
                        )
                    )
    return sorted(set(out))


# --- files -----------------------------------------------------------------------


def symlinks(docs: Path) -> list[Path]:
    """Every symbolic link under docs/ (files and folders, not followed): MkDocs would copy
    what they point to, /etc/passwd or /proc/self/environ included, into the site."""
    found = []
    for folder, dirs, files in os.walk(docs, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            if path.is_symlink():
                found.append(path)
    return sorted(found)


def symlink_findings(root: Path) -> list[Finding]:
    return [
        Finding(
            path.relative_to(root).as_posix(),
            0,
            0,
            RULE_SYMLINK,
            "a symbolic link in docs/ is not published: it could point outside the repository",
            "replace the link with the file itself",
        )
        for path in symlinks(root / "docs")
    ]


def decode(data: bytes, shown: str) -> tuple[str | None, Finding | None]:
    """A source file's text (UTF-8, a byte-order mark dropped), or a finding at the line
    of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        return None, Finding(
            shown,
            line,
            col,
            RULE_ENCODING,
            f"the file is not UTF-8 (byte 0x{data[e.start]:02x} here; GBK or another legacy encoding?)",
            "save it as UTF-8 (in VS Code: 'Save with Encoding' → UTF-8)",
        )


def refused_files(docs: Path) -> set[str]:
    """Paths under docs/ (posix, relative to it) that the build must leave out: symbolic
    links, and Markdown pages that are not UTF-8 (MkDocs would stop with a traceback)."""
    out = {p.relative_to(docs).as_posix() for p in symlinks(docs)}
    for path in docs.rglob("*.md"):
        rel = path.relative_to(docs).as_posix()
        if rel in out or any(rel.startswith(s + "/") for s in out):
            continue
        if decode(path.read_bytes(), rel)[1] is not None:
            out.add(rel)
    return out
