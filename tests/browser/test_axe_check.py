"""The browser tests' axe-core runs: remembering parsed colours (axe_check.py) makes the
contrast check faster and changes none of its findings."""

from __future__ import annotations

import pytest

from axe_check import REMEMBER_PARSED_COLOURS, WCAG_COLOURS, _axe_script, violations

pytestmark = pytest.mark.browser

# The same colour strings again and again, in several syntaxes, on several backgrounds,
# some passing and some failing, some through transparency (the cases a memo could mix up).
_SWATCHES = [
    ("#767676", "#ffffff"),  # 4.54: passes
    ("#777777", "#ffffff"),  # 4.48: fails
    ("rgb(118, 118, 118)", "#ffffff"),
    ("rgba(0, 0, 0, 0.54)", "#ffffff"),  # passes over white
    ("rgba(0, 0, 0, 0.54)", "#cccccc"),  # the same string fails over grey
    ("hsl(0 0% 46%)", "#ffffff"),
    ("oklch(0.55 0 0)", "#ffffff"),
    ("#ffffff", "hsl(210 10% 30%)"),
    ("#ffffff", "rgba(0, 0, 0, 0.2)"),  # white on a faint veil over white: fails
]
_PAGE = "<!doctype html><html lang='en'><title>t</title><main>{}</main></html>".format(
    "".join(
        f"<div style='background:{bg}'><p id='s{i}-{n}' style='color:{fg}'>Sample text {n}</p></div>"
        for n in range(3)
        for i, (fg, bg) in enumerate(_SWATCHES)
    )
)


def _contrast(page, remember: bool) -> dict:
    page.set_content(_PAGE)
    page.evaluate(_axe_script())
    if remember:
        page.evaluate(REMEMBER_PARSED_COLOURS)
    result = page.evaluate(
        "() => axe.run(document, {runOnly: ['color-contrast']}).then(r => ({"
        "failed: r.violations.flatMap(v => v.nodes.map(n => n.target[0])).sort(),"
        "passed: r.passes.flatMap(v => v.nodes.map(n => n.target[0])).sort()}))"
    )
    return result


def test_remembering_parsed_colours_changes_no_finding(browser):
    context = browser.new_context()
    try:
        page = context.new_page()
        plain, remembered = _contrast(page, remember=False), _contrast(page, remember=True)
        assert remembered == plain
        # And the check still finds what it should: the failing swatches, every time.
        assert {t.split("-")[0] for t in plain["failed"]} == {"#s1", "#s4", "#s8"}
        assert len(plain["failed"]) == 9 and len(plain["passed"]) == 18
    finally:
        context.close()


def test_a_page_with_an_unparsable_colour_still_runs(browser):
    # A colour axe cannot parse is not remembered: each read fails as it would unpatched.
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content("<!doctype html><html lang='en'><title>t</title><p>text</p></html>")
        page.evaluate(_axe_script())
        page.evaluate(REMEMBER_PARSED_COLOURS)
        failures = page.evaluate(
            "() => [0, 1].map(() => { try { new axe.commons.color.Color().parseString('nonsense'); "
            "return null; } catch (e) { return e.message; } })"
        )
        assert failures == ['Unable to parse color "nonsense"'] * 2
        assert violations(page, WCAG_COLOURS) == []
    finally:
        context.close()
