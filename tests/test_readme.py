"""What the README says about the configuration is what mkdocs.yml holds."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT


def _i18n_option(name: str):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.safe_load(re.search(rf"^\s+{name}: (\S+)$", text, re.M)[1])


def test_the_readme_states_fallback_to_default_as_mkdocs_yml_sets_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    state = "on" if _i18n_option("fallback_to_default") else "off"
    assert f"`fallback_to_default` is {state}" in readme
