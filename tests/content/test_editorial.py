"""Editorial requirements of this site's text and data, as opposed to the code's
behaviour: how many glossary terms, which pages carry key points, which disputed
claims must carry a context note. A change of content may change these; a
change of code should not."""

from __future__ import annotations

import re

import pytest

from helpers import ROOT, built_page, page_stems
from site_tools.glossary import load_glossary
from site_tools.languages import LANGUAGES

STEMS = page_stems()


def test_the_glossary_data_has_at_least_40_complete_terms():
    glossary = load_glossary(ROOT)
    assert len(glossary) >= 40
    for t in glossary:
        assert t.name["zh"] and t.name["en"] and t.definition["zh"] and t.definition["en"]


def test_canonical_english_forms_follow_the_entities_own_usage():
    names = {t.id: t.name["en"] for t in load_glossary(ROOT)}
    assert names["nvidia"] == "NVIDIA" and names["kunlunxin"] == "Kunlunxin" and names["cambricon"] == "Cambricon"
    assert names["jpmorgan"] == "JPMorgan"


@pytest.mark.parametrize(
    "stem", [s for s in STEMS if s not in ("glossary", "sources", "timeline", "claims", "corrections", "about")]
)
def test_section_pages_have_key_points_and_content_pages_context_notes(built_site, stem):
    for lang in LANGUAGES:
        html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
        assert 'class="admonition abstract"' in html


CONTEXT_NOTES = {  # claim → page that must carry a context note about it, in both languages
    "ascend-910c-vs-h100": ("us-motives", "60%"),
    "82-percent-forecast": ("impact-on-china", "Morgan Stanley", "摩根士丹利"),
    "95-to-50-share": ("impact-on-china", "2021"),
    "one-charge": ("index", "5.5", "55"),
    "160b-market-value": ("index", "148", "1480"),
}


@pytest.mark.parametrize("claim", CONTEXT_NOTES)
def test_disputed_claims_carry_a_context_note_in_both_languages(built_site, claim):
    stem, *needles = CONTEXT_NOTES[claim]
    for lang in LANGUAGES:
        html = built_page(built_site, stem, lang).read_text(encoding="utf-8")
        notes = re.findall(r'<div class="admonition context">(.*?)</div>', html, re.S)
        assert notes, f"{stem}.{lang}: no context note"
        assert any(any(n in note for n in needles) for note in notes), f"{stem}.{lang}: no note on {claim}"
        assert all('class="cite"' in note for note in notes), f"{stem}.{lang}: a context note cites no source"
