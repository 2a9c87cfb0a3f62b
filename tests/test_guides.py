"""The README and the contributor guides: what they say of the configuration is what
mkdocs.yml holds, and the guides open with the whole round on one screen."""

from __future__ import annotations

import re

import pytest
import yaml

from helpers import ROOT


def _i18n_option(name: str):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(re.search(rf"^\s+{name}: (\S+)$", text, re.M)[1])


def test_the_readme_states_fallback_to_default_as_mkdocs_yml_sets_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    state = "on" if _i18n_option("fallback_to_default") else "off"
    assert f"`fallback_to_default` is {state}" in readme


@pytest.mark.parametrize(
    ("guide", "heading"), [("CONTRIBUTING.md", "## Quick path"), ("CONTRIBUTING.zh.md", "## 快速流程")]
)
def test_each_guide_opens_with_the_round_on_one_screen(guide, heading):
    text = (ROOT / guide).read_text(encoding="utf-8")
    sections = re.findall(r"^## .*$", text, re.M)
    assert sections[0] == heading
    quick = text.split(heading + "\n", 1)[1].split("\n## ", 1)[0]
    assert len(quick.strip().splitlines()) <= 40
    for command in ("make serve", "make new-page", "--no-build", "make translated", "--strict", "make test"):
        assert command in quick, command


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.zh.md", "README.md"])
def test_an_example_of_a_missing_anchor_names_the_rule_the_build_reports(guide):
    text = (ROOT / guide).read_text(encoding="utf-8")
    for line in text.splitlines():
        if "does not contain an anchor" in line:
            assert "LINK-ANCHOR" in line and "LINK-TARGET" not in line, line
