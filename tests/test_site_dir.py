"""--site-dir: the build goes to a folder of its own and never replaces the project or its sources."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import Timeout

from helpers import copy_project, run_build
from site_tools.sitedir import MARKER, exclusive, publish, site_dir_problem, staging


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


# --- building into it: staged, swapped in whole, one build at a time -----------------------------


def test_a_finished_build_replaces_the_previous_site_and_leaves_nothing_beside_it(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    with staging(site) as tmp:
        (tmp / "index.html").write_text("new")
        assert publish(tmp, site) is None
    assert sorted(p.name for p in site.iterdir()) == [MARKER, "index.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_an_old_site_that_cannot_be_deleted_does_not_block_the_build(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (tmp_path / "site.old").mkdir()  # what earlier versions left behind
    (tmp_path / "site.old" / "stuck").write_text("")
    (tmp_path / "site.old").chmod(0o500)  # read-only: its files cannot be deleted
    site.mkdir()
    monkeypatch.setattr(shutil, "rmtree", lambda path, ignore_errors=False: None)  # as if nothing can be deleted
    with staging(site) as tmp:
        (tmp / "index.html").write_text("new")
        notice = publish(tmp, site)
    assert (site / "index.html").read_text() == "new"
    assert notice and "could not be deleted" in notice
    (tmp_path / "site.old").chmod(0o700)


def test_a_build_stopped_by_sigterm_leaves_no_half_built_folder(tmp_path):
    code = (
        "import os, signal, sys, time\n"
        "from pathlib import Path\n"
        "from site_tools.sitedir import staging\n"
        f"with staging(Path({str(tmp_path / 'site')!r})) as tmp:\n"
        "    (tmp / 'half.html').write_text('x')\n"
        "    print(tmp, flush=True)\n"
        "    time.sleep(30)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    staged = Path(proc.stdout.readline().strip())
    assert staged.is_dir()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 128 + signal.SIGTERM
    assert not staged.exists()
    assert list(tmp_path.iterdir()) == []


def test_what_a_killed_build_left_behind_is_removed_by_the_next(tmp_path):
    (tmp_path / ".site.building-x1").mkdir()
    (tmp_path / ".site.old-x2").mkdir()
    (tmp_path / ".other.building-x3").mkdir()  # another folder's build: not ours to remove
    with staging(tmp_path / "site"):
        pass
    assert [p.name for p in tmp_path.iterdir()] == [".other.building-x3"]


def test_a_second_build_into_the_same_folder_waits_for_the_first(tmp_path):
    site = tmp_path / "site"
    with exclusive(site):
        with pytest.raises(Timeout):
            with exclusive(site, wait=0.2):
                pass
    with exclusive(site, wait=0.2):  # free again once the first is done
        pass
    with exclusive(tmp_path / "other", wait=0.2):  # another folder: no waiting
        with exclusive(site, wait=0.2):
            pass
