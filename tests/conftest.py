"""Shared fixtures: the site is built once per test run, by the build script itself,
and shared by every test worker (pytest-xdist runs the tests on every core)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from helpers import ROOT, browser_skip_summary
from site_tools.sitedir import MARKER


def _run_folder(request, tmp_path_factory) -> Path:
    """The test run's temporary folder, the same for every pytest-xdist worker."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(request.config, "workerinput") else base


@pytest.fixture(scope="session", autouse=True)
def chart_cache(request, tmp_path_factory):
    """Drawn charts are kept for the run, shared by every build the tests start (the
    subprocesses inherit the variable), and never in the user's own cache."""
    os.environ["H20_CACHE_DIR"] = str(_run_folder(request, tmp_path_factory) / "cache")


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The site as the build script makes it: `make test` has just built it with --strict
    and says where (H20_BUILT_SITE); otherwise the first worker to need it builds it."""
    given = os.environ.get("H20_BUILT_SITE")
    if given:
        assert (Path(given) / MARKER).is_file(), f"H20_BUILT_SITE={given} is not a finished build"
        return Path(given)
    base = _run_folder(request, tmp_path_factory)
    site = base / "built-site"
    with FileLock(str(base / "built-site.lock")):
        if not (site / "index.html").exists():
            result = subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "build.py"), "--site-dir", str(site)],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            assert result.returncode == 0, result.stdout + result.stderr
    return site


def pytest_unconfigure(config):
    """After pytest's own last line ("… passed, … skipped"), so that it is the last word."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or hasattr(config, "workerinput"):
        return
    line = browser_skip_summary([str(report.longrepr) for report in reporter.stats.get("skipped", [])])
    if line:
        reporter.write_line(line, red=True, bold=True)
