"""`make test` tells the truth: when the browser tests are skipped, its last line says so."""

from __future__ import annotations

from helpers import browser_skip_summary


def test_skipped_browser_tests_end_the_run_with_what_to_install():
    reasons = ["('tests/browser/conftest.py', 30, 'Skipped: Chromium not found (install …)')"] * 3
    line = browser_skip_summary(reasons + ["('x.py', 1, 'Skipped: something else')"])
    assert line.startswith("3 browser tests did NOT run") and "apt-get install chromium" in line


def test_a_run_with_the_browser_tests_says_nothing_more():
    assert browser_skip_summary(["('x.py', 1, 'Skipped: something else')"]) is None


def _run_browser_tests_without_chromium(tmp_path, built_site, ci: str):
    """A browser test module run as `make test` runs it, on a machine with no Chromium."""
    import os
    import subprocess
    import sys

    from helpers import ROOT

    (tmp_path / "no_chromium.py").write_text("import site_tools.serve\nsite_tools.serve.chromium_path = lambda: None\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path), H20_BUILT_SITE=str(built_site), CI=ci)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no_chromium", "-p", "no:cacheprovider",
         "tests/browser/test_print.py"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip


def test_without_chromium_the_last_line_of_the_run_says_the_browser_tests_did_not_run(tmp_path, built_site):
    result = _run_browser_tests_without_chromium(tmp_path, built_site, ci="")
    assert result.returncode == 0
    assert "browser tests did NOT run" in result.stdout.strip().splitlines()[-1]


def test_without_chromium_on_ci_the_browser_tests_fail(tmp_path, built_site):
    result = _run_browser_tests_without_chromium(tmp_path, built_site, ci="true")
    assert result.returncode == 1 and "Chromium not found" in result.stdout
