"""The claim ledger: one data file, rendered as note badges, the claims page and its
ClaimReview JSON-LD, and checked by the build (CLAIM-* rules)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import ROOT, built_page, copy_project, run_build
from site_tools.claims import VERDICTS, claim_review_jsonld, load_claims, script_json
from site_tools.csp import inline_scripts, script_hash
from site_tools.sources import load_sources
from site_tools.typography import inside_quotes

CLAIMS, LOAD_FINDINGS = load_claims(ROOT)
SOURCES = load_sources(ROOT)
NAMED = [
    "ascend-910c-exceeds-h100",
    "self-sufficiency-82-percent",
    "nvidia-share-95-to-50",
    "inventory-loss-and-impairment",
    "market-value-160b",
]
JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


# --- the data ---------------------------------------------------------------------------------------------------


def test_the_ledger_loads_clean_with_at_least_20_claims_including_the_five_key_ones():
    assert LOAD_FINDINGS == []
    assert len(CLAIMS) >= 20
    assert set(NAMED) <= set(CLAIMS)


def test_the_key_verdicts_say_what_the_context_notes_say():
    assert CLAIMS["ascend-910c-exceeds-h100"].verdict == "disputed"
    assert CLAIMS["self-sufficiency-82-percent"].verdict == "misattributed"
    assert "morgan-stanley-2025-05" in CLAIMS["self-sufficiency-82-percent"].evidence
    assert CLAIMS["nvidia-share-95-to-50"].verdict == "misframed"
    # F1: Huang did tie the fall to Chinese rivals; the mismatch is the time span.
    assert "formidable" in CLAIMS["nvidia-share-95-to-50"].explanation["en"]
    assert CLAIMS["inventory-loss-and-impairment"].verdict == "misframed"


def test_the_published_schema_allows_exactly_the_verdict_vocabulary():
    schema = json.loads((ROOT / "docs/data/claims.schema.json").read_text(encoding="utf-8"))
    assert schema["items"]["properties"]["verdict"]["enum"] == list(VERDICTS)


# --- the claims page ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_claims_page_lists_every_claim_with_its_verdict(built_site, lang):
    html = built_page(built_site, "claims", lang).read_text(encoding="utf-8")
    listed = re.findall(r'<li class="claim" id="([^"]+)" data-verdict="([^"]+)">(.*?)</li>', html, re.S)
    assert [(cid, v) for cid, v, _ in listed] == [(c.id, c.verdict) for c in CLAIMS.values()]
    for cid, verdict, body in listed:
        label = getattr(VERDICTS[verdict], lang)
        assert f'claim-badge--{verdict}">{label}</span>' in body, cid
        assert f'href="{CLAIMS[cid].page}.html#{CLAIMS[cid].section}"' in body, cid


@pytest.mark.parametrize(
    "claim, quoted",
    [
        ('AI should be a "means for good"', "“AI should be a ‘means for good’”"),
        ("人工智能应是“向善的手段”", "“人工智能应是‘向善的手段’”"),
        ("No quotation inside", "“No quotation inside”"),
    ],
)
def test_a_quotation_within_a_quoted_claim_takes_single_quotes(claim, quoted):
    # Before: “AI should be a “means for good”” — two closing quotes in a row.
    assert "“{}”".format(inside_quotes(claim)) == quoted


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_claim_on_the_claims_page_ends_in_two_closing_quotes(built_site, lang):
    html = built_page(built_site, "claims", lang).read_text(encoding="utf-8")
    assert "””</p>" not in html


@pytest.mark.parametrize("lang, evidence", [("zh", "英伟达博客，"), ("en", "NVIDIA blog, ")])
def test_evidence_names_the_outlet_and_date_with_the_languages_own_comma(built_site, lang, evidence):
    html = built_page(built_site, "claims", lang).read_text(encoding="utf-8")
    assert f"</a> {evidence}" in html
    if lang == "zh":
        assert "英伟达博客, " not in html


def test_a_context_note_shows_the_verdict_from_the_ledger_and_links_to_its_entry(built_site):
    html = built_page(built_site, "impact-on-china", "en").read_text(encoding="utf-8")
    assert '<a class="claim-badge claim-badge--misattributed" href="claims.html#self-sufficiency-82-percent"' in html
    zh = built_page(built_site, "impact-on-china", "zh").read_text(encoding="utf-8")
    assert 'claim-badge--misattributed" href="claims.html#self-sufficiency-82-percent"' in zh and ">出处有误</a>" in zh
    assert "::: claim" not in html and "::: claim" not in zh


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_claims_page_carries_a_claimreview_for_every_claim(built_site, lang):
    html = built_page(built_site, "claims", lang).read_text(encoding="utf-8")
    [raw] = JSONLD.findall(html)
    items = json.loads(raw)["@graph"]
    assert len(items) >= 20 and len(items) == len(CLAIMS)
    assert {i["url"].rsplit("#", 1)[1] for i in items} >= set(NAMED)
    for item, claim in zip(items, CLAIMS.values(), strict=True):
        assert item["@type"] == "ClaimReview"
        assert item["claimReviewed"] == claim.claim[lang]
        assert item["url"].endswith(f"{'en/' if lang == 'en' else ''}claims.html#{claim.id}")
        assert item["reviewRating"]["@type"] == "Rating"
        assert item["reviewRating"]["alternateName"] == getattr(VERDICTS[claim.verdict], lang)
        assert item["author"]["@type"] == "Organization" and item["author"]["name"] and item["author"]["url"]
        reviewed = item["itemReviewed"]
        assert reviewed["@type"] == "Claim" and reviewed["author"]["name"] == claim.by[lang]
        assert reviewed["appearance"]["url"] == SOURCES["wenweipo-2025-07-22"].url
        assert reviewed["firstAppearance"]["datePublished"] == "2025-07-22"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["datePublished"])


def test_a_numeric_rating_is_given_only_for_verdicts_that_judge_truth():
    items = json.loads(
        claim_review_jsonld(
            CLAIMS, SOURCES["wenweipo-2025-07-22"], "en", "https://x.test/claims.html", "S", "https://x.test/"
        )
    )["@graph"]
    by_id = {i["url"].rsplit("#", 1)[1]: i["reviewRating"] for i in items}
    assert by_id["huang-three-trips"] == {
        "@type": "Rating",
        "alternateName": "Confirmed",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert by_id["gartner-quote"] == {"@type": "Rating", "alternateName": "No source found"}


def test_data_cannot_close_the_jsonld_script_element():
    hostile = {"claim": "</script><script>alert(1)</script><!--"}
    text = script_json(hostile)
    assert "</script" not in text.lower() and "<!--" not in text
    assert json.loads(text) == hostile  # still the same data for a JSON-LD reader
    assert "</script" in json.dumps(hostile)  # what plain json.dumps would have written


def test_jsonld_is_not_hashed_into_the_content_security_policy(built_site):
    html = built_page(built_site, "claims", "zh").read_text(encoding="utf-8")
    [raw] = JSONLD.findall(html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)[1]
    assert script_hash(raw) not in csp.split()  # as if it were a script
    assert inline_scripts(f'<script type="application/ld+json">{raw}</script>') == []


# --- the build's CLAIM rules, each on a broken copy of the project -------------------------------------------------


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("claims") / "project")


@pytest.fixture
def broken(project, tmp_path):
    """A fresh copy of the project, to break one thing in."""
    import shutil

    dest = tmp_path / "project"
    shutil.copytree(project, dest)
    return dest


def test_the_unbroken_copy_passes_the_claim_rules(project):
    result = run_build(project, "--no-build", "--strict")
    assert result.returncode == 0, result.stdout
    assert "CLAIM-" not in result.stdout and "DATA-CLAIMS" not in result.stdout


def _break_note_with_unknown_claim(p: Path):
    page = p / "docs/us-motives.zh.md"
    _replace(page, "::: claim gb200-deployed-at-scale", "::: claim gb200-deployed")
    return f"docs/us-motives.zh.md:{_line_of(page, '::: claim gb200-deployed')}:11: error CLAIM-UNKNOWN"


def _break_note_missing_for_non_confirmed_claim(p: Path):
    page = p / "docs/index.en.md"
    _replace(page, "::: claim market-value-160b\n", "")
    line = _line_of(p / "docs/data/claims.yml", "- id: market-value-160b")
    return f"docs/data/claims.yml:{line}:1: error CLAIM-NOTE: claim 'market-value-160b' is partly-confirmed"


def _break_verdict_outside_vocabulary(p: Path):
    data = p / "docs/data/claims.yml"
    _replace(data, "  verdict: disputed\n", "  verdict: wrong\n")
    return f"docs/data/claims.yml:{_line_of(data, 'verdict: wrong')}:1: error CLAIM-VERDICT"


def _break_unknown_evidence(p: Path):
    data = p / "docs/data/claims.yml"
    _replace(data, "evidence: [reuters-2025-04-16]", "evidence: [reuters-2025-04-61]")
    return (
        f"docs/data/claims.yml:{_line_of(data, 'reuters-2025-04-61')}:1: error CLAIM-EVIDENCE: "
        "claim 'market-value-160b' cites unknown source 'reuters-2025-04-61'"
    )


def _break_missing_english(p: Path):
    data = p / "docs/data/claims.yml"
    _replace(
        data,
        '    en: "This site found no public source for the quote; it is kept only as the article\'s quotation."\n',
        "",
    )
    line = _line_of(data, "这句引语") - 1  # the `explanation:` key above the zh line
    return f"docs/data/claims.yml:{line}:1: error DATA-CLAIMS: claim 'gartner-quote' has no 'explanation.en'"


@pytest.mark.parametrize(
    "breakage",
    [
        _break_note_with_unknown_claim,
        _break_note_missing_for_non_confirmed_claim,
        _break_verdict_outside_vocabulary,
        _break_unknown_evidence,
        _break_missing_english,
    ],
    ids=lambda f: f.__name__[len("_break_") :],
)
def test_a_broken_ledger_fails_the_build_at_file_and_line(broken, breakage):
    expected = breakage(broken)
    result = run_build(broken, "--no-build", "--strict")
    assert result.returncode == 1
    assert expected in result.stdout, result.stdout


def test_a_note_on_several_claims_gives_each_claim_and_its_badge_a_line_of_its_own():
    from site_tools.claims import expand_markers

    md = '::: claim h20-unit-price h20-far-below-h100\n!!! context "Context"\n    Text.'
    line = expand_markers(md, CLAIMS, "en").split("\n")[1]
    title = CLAIMS["h20-unit-price"].title["en"]
    assert line.count("<br>") == 2 and f'<br>{title}: <a class="claim-badge' in line
    single = expand_markers(md.replace(" h20-far-below-h100", ""), CLAIMS, "en").split("\n")[1]
    assert "<br>" not in single


def test_evidence_sets_english_publication_names_in_italics_as_the_sources_page_does(built_site):
    html = built_page(built_site, "claims", "en").read_text(encoding="utf-8")
    assert "</a> <em>Reuters</em>, " in html
    assert "</a> Reuters, " not in html


def test_a_claims_title_and_explanation_set_english_publication_names_in_italics(built_site):
    en, zh = (built_page(built_site, "claims", lang).read_text(encoding="utf-8") for lang in ("en", "zh"))
    assert re.search(r'claim__title"><em>(?:<a [^>]*>)?Nature(?:</a>)?</em> on ', en)
    assert "<em>Nature</em>’s news coverage" in en
    assert "*Nature*" not in en
    assert "*" not in re.search(r'id="nature-kimi-k2".*?</li>', zh, re.S)[0]
