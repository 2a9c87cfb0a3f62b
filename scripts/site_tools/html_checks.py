"""Rules on the built site: every href and src resolves, and nothing loads from another host."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .findings import Finding

# Elements whose URL the browser fetches by itself (as opposed to a link a reader follows).
_LOADS = {("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
          ("iframe", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("embed", "src"),
          ("object", "data"), ("input", "src"), ("image", "href"), ("use", "href")}
_LINK_LOAD_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch",
                   "manifest", "apple-touch-icon", "mask-icon"}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]+)\1\s*\)|@import\s+(['"])(?P<imp>[^'"]+)\3""")


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[int, int, str, str, str, str]] = []  # line, col, tag, attr, url, rel
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        line, col = self.getpos()
        d = dict(attrs)
        for key in ("id", "name"):
            if d.get(key):
                self.ids.add(d[key])
        for attr in ("href", "src", "srcset", "poster", "data", "xlink:href"):
            value = d.get(attr)
            if value is None:
                continue
            if attr == "xlink:href":
                attr = "href"
            urls = [u.strip().split(" ")[0] for u in value.split(",")] if attr == "srcset" else [value]
            for u in urls:
                self.refs.append((line, col + 1, tag, attr, u.strip(), d.get("rel", "") or ""))
        style = d.get("style")
        if style:
            for m in _CSS_URL.finditer(style):
                self.refs.append((line, col + 1, tag, "style", m["url"] or m["imp"], ""))

    handle_startendtag = handle_starttag


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
            p = _Refs()
            p.feed(path.read_text(encoding="utf-8", errors="replace"))
            self._parsed[path] = p
        return self._parsed[path]


def check_built_site(site_dir: Path, site_url: str, shown_as: str = "site") -> list[Finding]:
    own_host = urlsplit(site_url).netloc
    base_path = urlsplit(site_url).path or "/"
    index = SiteIndex(site_dir)
    findings: list[Finding] = []

    def where(path: Path) -> str:
        return f"{shown_as}/{path.relative_to(site_dir).as_posix()}"

    def check_url(path: Path, line: int, col: int, tag: str, attr: str, url: str, rel: str):
        if not url or url.startswith(("data:", "mailto:", "javascript:", "tel:", "blob:")):
            if url.startswith("javascript:"):
                findings.append(Finding(where(path), line, col, "LINK-SCHEME", f"<{tag} {attr}> uses javascript:",
                                        "use a real link"))
            return
        parts = urlsplit(url)
        if parts.scheme or url.startswith("//"):
            host = parts.netloc
            if _is_load(tag, attr, rel) and host != own_host:
                findings.append(Finding(where(path), line, col, "THIRD-PARTY",
                                        f"<{tag} {attr}> loads {url} from another host",
                                        "serve the file from the site itself (readers in mainland China and offline "
                                        "cannot reach other hosts)"))
            elif parts.scheme not in ("https",) and tag == "a":
                findings.append(Finding(where(path), line, col, "LINK-EXTERNAL", f"external link {url} is not https",
                                        "use the https:// address"))
            elif parts.scheme == "https" and not re.match(r"^[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?$", host):
                findings.append(Finding(where(path), line, col, "LINK-EXTERNAL", f"malformed URL {url}",
                                        "fix the address"))
            if host == own_host and parts.path.startswith(base_path):
                # An absolute link to our own site (canonical, hreflang, og:url): resolve it too.
                _resolve(path, line, col, tag, attr, site_dir / unquote(parts.path[len(base_path):]), parts.fragment,
                         url)
            return
        if url.startswith("#"):
            target = path
        else:
            p = unquote(parts.path)
            if p.startswith("/"):
                # Root-relative (the 404 page): relative to the deployed base path.
                target = site_dir / (p[len(base_path):] if p.startswith(base_path) else p.lstrip("/"))
            else:
                target = Path(posixpath.normpath(posixpath.join(path.parent.as_posix(), p)))
        _resolve(path, line, col, tag, attr, target, parts.fragment, url)

    def _resolve(path, line, col, tag, attr, target: Path, fragment: str, url: str):
        if target.is_dir():
            target = target / "index.html"
        try:
            target.resolve().relative_to(site_dir.resolve())
        except ValueError:
            findings.append(Finding(where(path), line, col, "LINK-TARGET", f"<{tag} {attr}=\"{url}\"> points outside the site",
                                    "link to a page or file inside docs/"))
            return
        if not target.exists():
            findings.append(Finding(where(path), line, col, "LINK-TARGET", f"<{tag} {attr}=\"{url}\"> points to a missing file",
                                    "fix the link or add the file"))
            return
        if fragment and target.suffix == ".html" and unquote(fragment) not in index.parsed(target).ids:
            findings.append(Finding(where(path), line, col, "LINK-ANCHOR",
                                    f"<{tag} {attr}=\"{url}\">: no id '{fragment}' in {where(target)}",
                                    "link to a heading id that exists ({#id} after the heading)"))

    for path in sorted(site_dir.rglob("*.html")):
        for line, col, tag, attr, url, rel in index.parsed(path).refs:
            check_url(path, line, col, tag, attr, url, rel)
    for path in sorted(site_dir.rglob("*.css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in _CSS_URL.finditer(text):
            url = m["url"] or m["imp"]
            parts = urlsplit(url)
            if (parts.scheme in ("http", "https") or url.startswith("//")) and parts.netloc != own_host:
                line = text.count("\n", 0, m.start()) + 1
                findings.append(Finding(where(path), line, m.start() - text.rfind("\n", 0, m.start()), "THIRD-PARTY",
                                        f"stylesheet loads {url} from another host", "serve the file from the site itself"))
    return findings
