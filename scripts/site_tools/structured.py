"""schema.org `Article` JSON-LD for the article pages (the overview, the three sections,
the conclusion): what search engines and link previews read to know what a page is, what
it is based on, and that the English page is a translation of the Chinese one.

Every text comes from the page's front matter or the sources data and goes through
claims.script_json, which escapes what could end the <script> element."""

from __future__ import annotations

import datetime

from .claims import script_json
from .languages import HREFLANG, OTHER, PageId
from .sources import Source


def article_jsonld(
    *,
    pid: PageId,
    headline: str,
    description: str,
    site_url: str,
    site_name: str,
    modified: datetime.date,
    source: Source | None,
) -> str:
    """The page as an Article of this site, based on the article it explains (`source`),
    with the link to its other language: workTranslation on the Chinese page, which is the
    original, translationOfWork on the English one."""
    root = site_url.rstrip("/") + "/"
    other = OTHER[pid.lang]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "url": root + pid.url(),
        "headline": headline,
        "description": description,
        "inLanguage": HREFLANG[pid.lang],
        "dateModified": modified.isoformat(),
        "publisher": {"@type": "Organization", "name": site_name, "url": root},
    }
    if source is not None:
        data["datePublished"] = source.date  # the article's: the site explains it, section by section
        data["isBasedOn"] = {
            "@type": "NewsArticle",
            "headline": source.title["zh"],
            "url": source.url,
            "datePublished": source.date,
            "inLanguage": HREFLANG["zh"],
            "publisher": {"@type": "Organization", "name": source.outlet[pid.lang]},
        }
    counterpart = {"@type": "Article", "url": root + pid.url(other), "inLanguage": HREFLANG[other]}
    data["translationOfWork" if pid.lang == "en" else "workTranslation"] = counterpart
    return script_json(data)
