"""Steps on the built site: per-language search and sitemaps, unused theme CSS, and the CSP (csp.py).

static-i18n writes one search index for both languages and one sitemap; the
theme fetches both relative to `__config.base`. Giving each language its own
base, index and sitemap makes search return only the reader's language and
keeps instant navigation inside one language."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from . import languages as L
from .css_purge import purge_theme_css
from .csp import add_csp

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)

# Search settings per language, as the theme's own language files set them;
# zh text is pre-segmented by jieba with U+200B, which the separator must keep.
SEARCH_CONFIG = {
    "zh": {"lang": ["en"], "separator": "[\\s\\u200b\\u3000\\-、。，．？！；：（）“”《》]+", "pipeline": ["stemmer"]},
    "en": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
}


def set_search_base(html: str, page_url: str, lang: str) -> str:
    """Point the theme's `base` at the root of the page's language."""
    if lang == L.DEFAULT:
        return html

    def repl(m: re.Match) -> str:
        cfg = json.loads(m[2])
        cfg["base"] = L.language_root_from(page_url, lang)
        return m[1] + json.dumps(cfg, ensure_ascii=False, separators=(",", ":")) + m[3]

    return _CONFIG.sub(repl, html, count=1)


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_NAME = {"zh": "搜索", "en": "Search"}


def name_search_dialog(html: str, lang: str) -> str:
    """The theme's search dialog has no accessible name (WCAG 4.1.2): give it one."""
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{SEARCH_NAME[lang]}">', 1)


def split_search_index(site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for lang in L.LANGUAGES:
        prefix = L.ROOT[lang]
        if prefix:
            docs = [
                dict(d, location=d["location"][len(prefix) :])
                for d in index["docs"]
                if d["location"].startswith(prefix)
            ]
        else:
            others = tuple(L.ROOT[o] for o in L.LANGUAGES if L.ROOT[o])
            docs = [d for d in index["docs"] if not d["location"].startswith(others)]
        config = dict(index["config"], **SEARCH_CONFIG[lang])
        out = site_dir / prefix / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def write_language_sitemaps(site_dir: Path, site_url: str) -> None:
    """Each language root gets a sitemap of its own pages (with their alternates)."""
    path = site_dir / "sitemap.xml"
    if not path.exists():
        return
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    full = ET.parse(path).getroot()
    for lang in L.LANGUAGES:
        if not L.ROOT[lang]:
            continue
        prefix = site_url.rstrip("/") + "/" + L.ROOT[lang]
        urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
        for url in full.findall(f"{{{SITEMAP_NS}}}url"):
            loc = url.findtext(f"{{{SITEMAP_NS}}}loc", "")
            if loc.startswith(prefix):
                urlset.append(url)
        out = site_dir / L.ROOT[lang] / "sitemap.xml"
        ET.ElementTree(urlset).write(out, encoding="utf-8", xml_declaration=True)


def sitemaps_beside_pages(site_dir: Path) -> None:
    """Instant navigation fetches `sitemap.xml` beside each page's language alternates, so a
    folder of pages below a language root (the side-by-side views) gets that language's."""
    for folder in sorted({p.parent for p in site_dir.rglob("*.html")}):
        rel = folder.relative_to(site_dir).as_posix() + "/"
        lang = next((g for g in L.LANGUAGES if L.ROOT[g] and rel.startswith(L.ROOT[g])), L.DEFAULT)
        own = site_dir / L.ROOT[lang] / "sitemap.xml"
        if folder != own.parent and own.is_file() and not (folder / "sitemap.xml").exists():
            (folder / "sitemap.xml").write_bytes(own.read_bytes())


def finish_site(site_dir: Path, config, csp: bool = True) -> None:
    split_search_index(site_dir)
    write_language_sitemaps(site_dir, config.site_url or "")
    sitemaps_beside_pages(site_dir)
    purge_theme_css(site_dir)
    if csp:
        add_csp(site_dir, [Path(d) for d in config.theme.dirs])
