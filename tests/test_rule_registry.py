"""One table of every rule (site_tools/rules.py): what the code can report is in it, what is
in it the code can report, the guides print it, and `explain` reads it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from helpers import ROOT
from site_tools.rules import BY_ID, RULES, SEVERITIES, markdown_table

CODE = "\n".join(
    p.read_text(encoding="utf-8") for p in (ROOT / "scripts" / "site_tools").rglob("*.py") if p.name != "rules.py"
)


# A rule id is a string of capitals, with or without hyphens (MKDOCS, LINK-ANCHOR), that the code
# passes to Finding() or names as a module's RULE. Other capitalised strings ("GET") are not ids.
_ID = r"[A-Z]{2,}(?:-[A-Z0-9]+)*"
_EMITTED = [
    rf'"({_ID}(?:-[A-Z0-9]+))"',  # any hyphenated id, wherever it is written
    rf'Finding\((?:[^()]|\([^()]*\))*?,\s*"({_ID})"',  # the rule argument of a Finding(...)
    rf'^RULE = "({_ID})"',
]


def test_every_rule_id_the_code_can_report_is_registered():
    emitted = {rid for pattern in _EMITTED for rid in re.findall(pattern, CODE, re.MULTILINE)}
    assert {"FRONT-MATTER", "HTML-ELEMENT", "LINK-ANCHOR", "DATA-CHART"} <= emitted  # the scan finds them
    assert {"MKDOCS", "SCAFFOLD", "DIRECTIVE"} <= emitted  # ids without a hyphen too
    assert sorted(emitted - set(BY_ID)) == []


def test_every_registered_rule_is_one_the_code_can_report():
    assert sorted(rid for rid in BY_ID if f'"{rid}"' not in CODE) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ids[0])
def test_every_entry_says_what_triggers_it_and_how_to_fix_it_in_both_languages(rule):
    assert rule.severity in SEVERITIES
    for lang in ("en", "zh"):
        assert rule.triggered[lang].strip() and rule.fix[lang].strip()
    assert re.search(r"[\u4e00-\u9fff]", rule.triggered["zh"] + rule.fix["zh"])


@pytest.mark.parametrize("guide, lang", [("CONTRIBUTING.md", "en"), ("CONTRIBUTING.zh.md", "zh")])
def test_the_contributor_guides_print_the_registry(guide, lang):
    text = (ROOT / guide).read_text(encoding="utf-8")
    assert markdown_table(lang) in text, f"regenerate it: python -m site_tools explain --table {lang}"


def _explain(*args):
    return subprocess.run([sys.executable, "-m", "site_tools", "explain", *args], capture_output=True, text=True)


def test_explain_prints_the_entry_of_any_rule_id_in_any_case():
    result = _explain("link-anchor")
    assert result.returncode == 0
    assert result.stdout.startswith("LINK-ANCHOR\nSeverity: error\nTriggered by: ")
    assert "修改方法" in _explain("LINK-ANCHOR", "--lang", "zh").stdout


def test_explain_names_the_closest_rules_for_an_unknown_id():
    result = _explain("LINK-ANCOR")
    assert result.returncode == 2 and "did you mean LINK-ANCHOR" in result.stderr


def test_the_build_script_explains_too():
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--explain", "TERM-VARIANT"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("TERM-VARIANT\n")


def test_the_readme_names_every_rule_or_its_family():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [rid for rid in BY_ID if rid not in text and f"{rid.split('-')[0]}-*" not in text]
    assert missing == []
