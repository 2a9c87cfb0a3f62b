"""axe-core's WCAG checks on a page open in the browser tests."""

from __future__ import annotations

import functools

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
# The dark palette changes colours only: the rules about colour are the ones to run again.
WCAG_COLOURS = {"runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}

# axe parses every colour string it reads through color.js, for each element again: on
# the glossary that is a third of its contrast check, which is most of the browser tests'
# time. A colour string always parses to the same colour, so the page remembers each one
# (axe-core's own proposal: dequelabs/axe-core#5295). A string that fails to parse is not
# remembered, and fails as before.
REMEMBER_PARSED_COLOURS = """() => {
  const Color = axe.commons.color.Color, parse = Color.prototype.parseString, seen = new Map();
  Color.prototype.parseString = function (text) {
    const known = seen.get(text);
    if (known) {
      [this.r, this.g, this.b, this.alpha] = known;
      return this;
    }
    parse.call(this, text);
    seen.set(text, [this.r, this.g, this.b, this.alpha]);
    return this;
  };
}"""


def violations(page, options, *, remember_colours: bool = True) -> list:
    """(rule, first targets) of axe-core's violations on the page. The script (0.5 MB) goes
    into each page once, not once per run."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_script())
        if remember_colours:
            page.evaluate(REMEMBER_PARSED_COLOURS)
    response = page.evaluate("o => axe.run(document, o)", {**options, "resultTypes": ["violations"]})
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in response["violations"]]


@functools.cache
def _axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script
