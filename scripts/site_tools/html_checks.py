"""Rules on the built site: every href and src resolves, and nothing loads from another host."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .findings import Finding

# Elements whose URL the browser fetches by itself (as opposed to a link a reader follows).
_LOADS = {
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("input", "src"),
    ("image", "href"),
    ("use", "href"),
}
_LINK_LOAD_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
    "apple-touch-icon",
    "mask-icon",
}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)|@import\s+(['"])(?P<imp>[^'"]+)\3""")


_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9:-]*)(\s[^>]*)?>")
_ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_OPAQUE = re.compile(r"<!--.*?-->|(<(script|style)\b[^>]*>).*?(</\2\s*>)", re.S | re.I)
_HAS_URL = re.compile(r"\b(?:href|src|srcset|poster|data|style)\s*=")
_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


_NAV_TAG = re.compile(r"<(/?)nav\b")


def _primary_nav_span(text: str) -> tuple[int, int]:
    """Offsets of the site navigation, which every page of a language repeats."""
    start = text.find('<nav class="md-nav md-nav--primary"')
    if start < 0:
        return (0, 0)
    depth = 0
    for m in _NAV_TAG.finditer(text, start):
        depth += -1 if m[1] else 1
        if depth == 0:
            return (start, m.end())
    return (start, len(text))


class _Refs:
    """The URLs and ids of one HTML file. Regular expressions, not a DOM: a
    page of a large site holds thousands of navigation links."""

    def __init__(self, text: str):
        # Blank out comments and script/style bodies, keeping offsets for line numbers.
        text = _OPAQUE.sub(
            lambda m: (
                (m[1] or "") + " " * (len(m[0]) - len(m[1] or "") - len(m[3] or "")) + (m[3] or "")
                if m[1]
                else " " * len(m[0])
            ),
            text,
        )
        self._text = text
        self.ids = {a or b for a, b in _ID.findall(text)}
        self.nav = _primary_nav_span(text)

    def refs(self, skip_nav: bool = False):
        """(offset, tag, attr, url, rel) of every URL, optionally outside the site navigation."""
        spans = [(0, self.nav[0]), (self.nav[1], len(self._text))] if skip_nav else [(0, len(self._text))]
        for begin, stop in spans:
            for m in _TAG.finditer(self._text, begin, stop):
                if not m[2] or not _HAS_URL.search(m[2]):
                    continue
                attrs = {k.lower(): html.unescape(v1 or v2 or v3 or "") for k, v1, v2, v3 in _ATTR.findall(m[2])}
                tag = m[1].lower()
                for attr in ("href", "src", "srcset", "poster", "data", "xlink:href"):
                    value = attrs.get(attr)
                    if value is None:
                        continue
                    name = "href" if attr == "xlink:href" else attr
                    urls = [u.strip().split(" ")[0] for u in value.split(",")] if attr == "srcset" else [value]
                    for u in urls:
                        yield m.start(), tag, name, u.strip(), attrs.get("rel", "")
                style = attrs.get("style")
                if style:
                    for c in _CSS_URL.finditer(style):
                        yield m.start(), tag, "style", c["url"] or c["imp"], ""

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of an offset, computed only for the rare finding."""
        return self._text.count("\n", 0, offset) + 1, offset - self._text.rfind("\n", 0, offset)


def _is_load(tag: str, attr: str, rel: str) -> bool:
    if tag == "link" and attr == "href":
        return bool(set(rel.lower().split()) & _LINK_LOAD_RELS)
    return (tag, attr) in _LOADS or attr == "style"


class SiteIndex:
    """Built files and their ids, parsed once."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self._parsed: dict[Path, _Refs] = {}

    def parsed(self, path: Path) -> _Refs:
        if path not in self._parsed:
            self._parsed[path] = _Refs(path.read_text(encoding="utf-8", errors="replace"))
        return self._parsed[path]


def check_built_site(site_dir: Path, site_url: str, shown_as: str = "site") -> list[Finding]:
    own_host = urlsplit(site_url).netloc
    base_path = urlsplit(site_url).path or "/"
    index = SiteIndex(site_dir)
    root = site_dir.resolve()
    findings: list[Finding] = []
    # A page of a large site repeats the same navigation links: resolve each
    # (folder, URL) once.
    memo: dict[tuple[str, str, bool], list[tuple[str, str, str]]] = {}

    def where(path: Path) -> str:
        return f"{shown_as}/{path.relative_to(site_dir).as_posix()}"

    def resolve(target: Path, fragment: str, shown: str) -> list[tuple[str, str, str]]:
        if target.is_dir():
            target = target / "index.html"
        try:
            target.resolve().relative_to(root)
        except ValueError:
            return [("LINK-TARGET", f"{shown} points outside the site", "link to a page or file inside docs/")]
        if not target.is_file():
            return [("LINK-TARGET", f"{shown} points to a missing file", "fix the link or add the file")]
        if fragment and target.suffix == ".html" and unquote(fragment) not in index.parsed(target).ids:
            return [
                (
                    "LINK-ANCHOR",
                    f"{shown}: no id '{fragment}' in {where(target)}",
                    "link to a heading id that exists ({#id} after the heading)",
                )
            ]
        return []

    def check_url(folder: Path, tag: str, attr: str, url: str, rel: str) -> list[tuple[str, str, str]]:
        shown = f'<{tag} {attr}="{url}">'
        if not url or url.startswith(("data:", "mailto:", "tel:", "blob:")):
            return []
        if url.startswith("javascript:"):
            return [("LINK-SCHEME", f"{shown} uses javascript:", "use a real link")]
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            host = parts.netloc
            if _is_load(tag, attr, rel) and host != own_host:
                return [
                    (
                        "THIRD-PARTY",
                        f"<{tag} {attr}> loads {url} from another host",
                        "serve the file from the site itself (readers in mainland China and offline "
                        "cannot reach other hosts)",
                    )
                ]
            if tag == "a" and parts.scheme != "https":
                return [("LINK-EXTERNAL", f"external link {url} is not https", "use the https:// address")]
            if parts.scheme == "https" and not re.match(r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?$", host):
                return [("LINK-EXTERNAL", f"malformed URL {url}", "fix the address")]
            if host == own_host and parts.path.startswith(base_path):
                # An absolute link to our own site (canonical, og:url): resolve it too.
                return resolve(site_dir / unquote(parts.path[len(base_path) :]), parts.fragment, shown)
            return []
        path = unquote(parts.path)
        if not path:
            return []  # "#fragment": checked against the page itself by the caller
        if path.startswith("/"):
            # Root-relative (the 404 page): relative to the deployed base path.
            target = site_dir / (path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/"))
        else:
            target = Path(posixpath.normpath(posixpath.join(folder.as_posix(), path)))
        return resolve(target, parts.fragment, shown)

    nav_checked: set[Path] = set()  # folders whose navigation was checked once
    for page in sorted(site_dir.rglob("*.html")):
        refs = index.parsed(page)
        skip_nav = page.parent in nav_checked and refs.nav != (0, 0)
        nav_checked.add(page.parent)
        for offset, tag, attr, url, rel in refs.refs(skip_nav):
            if url.startswith("#"):
                problems = (
                    []
                    if not url[1:] or unquote(url[1:]) in refs.ids
                    else [
                        (
                            "LINK-ANCHOR",
                            f"<{tag} {attr}=\"{url}\">: no id '{url[1:]}' on this page",
                            "link to a heading id that exists ({#id} after the heading)",
                        )
                    ]
                )
            else:
                key = (str(page.parent), url, _is_load(tag, attr, rel))
                if key not in memo:
                    memo[key] = check_url(page.parent, tag, attr, url, rel)
                problems = memo[key]
            for rule, message, fix in problems:
                line, col = refs.position(offset)
                findings.append(Finding(where(page), line, col, rule, message, fix))
    for path in sorted(site_dir.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in _CSS_URL.finditer(text):
            url = m["url"] or m["imp"]
            parts = urlsplit(url)
            if (parts.scheme in ("http", "https") or url.startswith("//")) and parts.netloc != own_host:
                line = text.count("\n", 0, m.start()) + 1
                findings.append(
                    Finding(
                        where(path),
                        line,
                        m.start() - text.rfind("\n", 0, m.start()),
                        "THIRD-PARTY",
                        f"stylesheet loads {url} from another host",
                        "serve the file from the site itself",
                    )
                )
    return findings


def external_links(site_dir: Path) -> set[str]:
    """Every https link a reader can follow out of the site."""
    index = SiteIndex(site_dir)
    out = set()
    for path in site_dir.rglob("*.html"):
        for _, tag, attr, url, _ in index.parsed(path).refs():
            if tag == "a" and attr == "href" and url.startswith("https://"):
                out.add(url)
    return out
