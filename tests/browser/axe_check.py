"""axe-core's WCAG checks on a page open in the browser tests."""

from __future__ import annotations

import functools

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# The dark palette changes colours only: the rules about colour are the ones to run again.
WCAG_COLOURS = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}


def violations(page, options) -> list:
    """(rule, first targets) of axe-core's violations on the page. The script (0.5 MB) goes
    into each page once, not once per run."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_script())
    response = page.evaluate("o => axe.run(document, o)", {**options, "resultTypes": ["violations"]})
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in response["violations"]]


@functools.cache
def _axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script
