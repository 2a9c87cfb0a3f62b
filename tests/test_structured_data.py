"""schema.org Article JSON-LD on the article pages (site_tools/structured.py): the fields
schema.org and search engines need, the article it is based on, and the two languages
pointing at each other."""

from __future__ import annotations

import datetime
import json
import re

import pytest

from helpers import ROOT, built_page
from site_tools.languages import HREFLANG, LANGUAGES, PageId
from site_tools.sources import load_sources
from site_tools.structured import article_jsonld

ARTICLE = ["index", "us-motives", "impact-on-china", "strategic-paths", "conclusion"]
SITE = "https://h20-explainer.github.io/h20/"
# What an Article needs here: schema.org's core properties for a search result, and ours.
REQUIRED = {
    "@context",
    "@type",
    "url",
    "headline",
    "description",
    "inLanguage",
    "datePublished",
    "dateModified",
    "isBasedOn",
    "publisher",
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def articles(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [d for d in map(json.loads, blocks) if d.get("@type") == "Article"]


@pytest.mark.parametrize("stem", ARTICLE)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_article_page_describes_itself_as_an_article(built_site, stem, lang):
    html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
    [data] = articles(html)
    assert REQUIRED <= set(data), REQUIRED - set(data)
    assert data["@context"] == "https://schema.org"
    assert data["url"] == SITE + PageId(stem, lang).url()
    assert data["inLanguage"] == HREFLANG[lang] and f'<html lang="{HREFLANG[lang]}"' in html
    assert data["headline"] and len(data["headline"]) <= 110 and data["description"]
    assert ISO_DATE.fullmatch(data["datePublished"]) and ISO_DATE.fullmatch(data["dateModified"])
    based = data["isBasedOn"]
    assert (
        based["@type"] == "NewsArticle"
        and based["url"].startswith("https://")
        and based["datePublished"] == "2025-07-22"
    )
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["url"] == SITE


@pytest.mark.parametrize("stem", ARTICLE)
def test_the_english_page_is_a_translation_of_the_chinese_and_the_chinese_names_its_translation(built_site, stem):
    [zh] = articles(built_page(built_site, stem, "zh").read_text(encoding="utf-8"))
    [en] = articles(built_page(built_site, stem, "en").read_text(encoding="utf-8"))
    assert en["translationOfWork"]["url"] == zh["url"] and "workTranslation" not in en
    assert zh["workTranslation"]["url"] == en["url"] and "translationOfWork" not in zh


@pytest.mark.parametrize("stem", ["glossary", "sources", "timeline", "claims"])
def test_reference_pages_are_not_articles(built_site, stem):
    assert articles(built_page(built_site, stem, "en").read_text(encoding="utf-8")) == []


def test_a_title_cannot_end_the_script_element():
    text = article_jsonld(
        pid=PageId("us-motives", "en"),
        headline="</script><script>alert(1)</script>",
        description="a & b",
        site_url=SITE,
        site_name="H20",
        modified=datetime.date(2026, 11, 30),
        source=load_sources(ROOT).get("wenweipo-2025-07-22"),
    )
    assert "</script" not in text and "<" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script>"
    assert json.loads(text)["translationOfWork"]["url"] == SITE + "us-motives.html"
