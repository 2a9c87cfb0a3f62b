"""`make test` tells the truth: when the browser tests are skipped, its last line says so."""

from __future__ import annotations

from helpers import browser_skip_summary


def test_skipped_browser_tests_end_the_run_with_what_to_install():
    reasons = ["('tests/browser/conftest.py', 30, 'Skipped: Chromium not found (install …)')"] * 3
    line = browser_skip_summary(reasons + ["('x.py', 1, 'Skipped: something else')"])
    assert line.startswith("3 browser tests did NOT run") and "apt-get install chromium" in line


def test_a_run_with_the_browser_tests_says_nothing_more():
    assert browser_skip_summary(["('x.py', 1, 'Skipped: something else')"]) is None
