"""The command line: `python -m site_tools VERB`, one verb per job, on the project it runs in."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import ROOT, copy_project
from site_tools.cli import VERBS


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "site_tools", *args], cwd=cwd, capture_output=True, text=True)


def test_without_a_verb_it_lists_every_verb_and_exits_2(tmp_path):
    result = _cli(cwd=tmp_path)
    assert result.returncode == 2
    for verb in VERBS:
        assert f"  {verb} " in result.stdout


def test_an_unknown_verb_is_a_usage_error_not_a_traceback(tmp_path):
    result = _cli("biuld", cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown verb 'biuld'" in result.stderr and "Traceback" not in result.stderr


def test_outside_a_project_it_says_so(tmp_path):
    result = _cli("check", cwd=tmp_path)
    assert result.returncode == 1 and "no mkdocs.yml" in result.stderr


def test_check_reads_the_project_of_the_working_directory_even_from_a_subfolder(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "docs" / "us-motives.en.md").unlink()  # one page missing its translation
    result = _cli("check", cwd=project / "docs")
    assert result.returncode == 1
    assert "docs/us-motives.zh.md" in result.stdout


@pytest.mark.parametrize(
    "given", ["us-motives", "us-motives.en.md", "docs/us-motives.en.md", "./docs/us-motives.zh.md"]
)
def test_translated_accepts_the_page_as_a_name_a_file_or_a_path(given):
    from site_tools.cli.translation import page_stem

    assert page_stem(given) == "us-motives"
    assert page_stem("docs/us-motives.fr.md") != "us-motives"  # not a language of the site: left as written


def test_screenshots_of_a_page_the_site_does_not_have_is_a_usage_error_naming_the_pages_it_has(built_site, tmp_path):
    # "us-motives,index" was once taken for one page, and the 404 page was shot under its name.
    result = _cli("screenshots", "--site", str(built_site), "--out", str(tmp_path), "--only", "us-motive", cwd=ROOT)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("usage: python -m site_tools screenshots")
    assert "no page us-motive in this site" in result.stderr
    assert " us-motives " in result.stderr and " print" in result.stderr
    assert list(tmp_path.iterdir()) == []
