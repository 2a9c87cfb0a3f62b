"""--site-dir: the build goes to a folder of its own and never replaces the project or its sources."""

from __future__ import annotations

import pytest

from helpers import copy_project, run_build
from site_tools.sitedir import MARKER, site_dir_problem


@pytest.mark.parametrize("site_dir", [".", "..", "docs", "docs/site", "overrides", "scripts/out", ".git"])
def test_the_project_and_its_sources_are_refused(tmp_path, site_dir):
    (tmp_path / "p" / "docs").mkdir(parents=True)
    assert site_dir_problem(tmp_path / "p", tmp_path / "p" / site_dir, site_dir) is not None


def test_a_new_folder_an_empty_one_and_a_previous_build_are_accepted(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "built").mkdir()
    (tmp_path / "built" / MARKER).write_text("")
    (tmp_path / "built" / "index.html").write_text("old")
    for name in ("site", "empty", "built"):
        assert site_dir_problem(tmp_path, tmp_path / name, name) is None


def test_a_folder_with_files_no_build_made_is_refused(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "thesis.md").write_text("months of work")
    assert "no build of this site made" in site_dir_problem(tmp_path, tmp_path / "notes", "notes")


def test_the_build_script_refuses_docs_with_exit_2_and_leaves_every_source(tmp_path):
    project = copy_project(tmp_path / "project")
    before = sorted(p.name for p in (project / "docs").iterdir())
    result = run_build(project, "--site-dir", "docs")
    assert result.returncode == 2
    assert "--site-dir docs is the project's docs/ folder or inside it" in result.stderr
    assert sorted(p.name for p in (project / "docs").iterdir()) == before
