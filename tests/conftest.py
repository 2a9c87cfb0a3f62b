"""Shared fixtures: the site is built once per test run, by the build script itself,
and shared by every test worker (pytest-xdist runs the tests on every core)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from helpers import ROOT


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    base = tmp_path_factory.getbasetemp()
    if hasattr(request.config, "workerinput"):  # a pytest-xdist worker: share the run's folder
        base = base.parent
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
