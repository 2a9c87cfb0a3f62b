"""Each theme partial we override is the installed theme's partial plus one intended
change, written down here. When a theme update touches an overridden partial, the
test names it: copy the theme's new version into overrides/ and re-apply the change."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from helpers import ROOT

THEME = Path(material.__file__).parent / "templates"
_THEIR_HEADER = re.compile(r"\A\{#-\n  This file was automatically generated - do not edit\n-#\}\n")
_OUR_HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)  # why we override it

# partial: [(the theme's text, ours)], each the smallest change that says what we did.
CHANGES: dict[str, list[tuple[str, str]]] = {
    # The language links in the phone drawer, after the repository link.
    "partials/nav.html": [
        (
            '      {% include "partials/source.html" %}\n    </div>\n  {% endif %}\n',
            '      {% include "partials/source.html" %}\n    </div>\n  {% endif %}\n'
            "  {% if config.extra.alternate %}\n"
            '    <div class="md-nav__languages">\n'
            '      {% include "partials/language-links.html" %}\n'
            "    </div>\n"
            "  {% endif %}\n",
        )
    ],
    # A short site title for phones beside the full one.
    "partials/header.html": [
        (
            '        <div class="md-header__topic">\n          <span class="md-ellipsis">\n'
            "            {{ config.site_name }}\n",
            '        <div class="md-header__topic">\n          <span class="md-ellipsis site-title--full">\n'
            "            {{ config.site_name }}\n"
            "          </span>\n"
            '          <span class="md-ellipsis site-title--short" aria-hidden="true">\n'
            "            {{ ui.short_title }}\n",
        )
    ],
    # No data-md-component="source": the theme would ask api.github.com for stars on every page.
    "partials/source.html": [(' class="md-source" data-md-component="source">', ' class="md-source">')],
    # The credit in the page's language.
    "partials/copyright.html": [
        (
            "  {% if not config.extra.generator == false %}\n    Made with\n"
            '    <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">\n'
            "      Material for MkDocs\n    </a>\n  {% endif %}\n",
            '  {{ ui.credit | replace("{link}", \'<a href="https://squidfunk.github.io/mkdocs-material/" '
            'target="_blank" rel="noopener">Material for MkDocs</a>\') }}\n',
        )
    ],
    # An accessible name for the progress bar.
    "partials/progress.html": [('role="progressbar">', 'role="progressbar" aria-label="{{ ui.progress }}">')],
    # The language menu's label in the page's language, and our language links.
    "partials/alternate.html": [
        ("aria-label=\"{{ lang.t('select.language') }}\"", 'aria-label="{{ ui.language_menu }}"'),
        (
            '      <ul class="md-select__list">\n'
            "        {% for alt in config.extra.alternate %}\n"
            '          <li class="md-select__item">\n'
            '            <a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" class="md-select__link">\n'
            "              {{ alt.name }}\n"
            "            </a>\n"
            "          </li>\n"
            "        {% endfor %}\n"
            "      </ul>\n",
            '      {% include "partials/language-links.html" %}\n',
        ),
    ],
}

# Templates that extend the theme's base.html rather than copy a partial: the blocks they fill.
BLOCKS = {"main.html": ["extrahead", "content"]}


def unintended(theirs: str, ours: str, changes: list[tuple[str, str]]) -> str | None:
    """None when `ours` is `theirs` with exactly `changes` applied; otherwise what differs."""
    expected = _THEIR_HEADER.sub("", theirs)
    for old, new in changes:
        if expected.count(old) != 1:
            return f"the theme's text to change occurs {expected.count(old)} times (expected once): {old[:60]!r}"
        expected = expected.replace(old, new)
    if _OUR_HEADER.sub("", ours) != expected:
        return "the override differs from the theme's partial by more than the intended change"
    return None


@pytest.mark.parametrize("partial", sorted(CHANGES))
def test_the_override_is_the_installed_theme_partial_with_only_its_intended_change(partial):
    problem = unintended((THEME / partial).read_text(), (ROOT / "overrides" / partial).read_text(), CHANGES[partial])
    assert problem is None, (
        f"overrides/{partial}: {problem}. If the theme was updated, copy its {partial} into overrides/ "
        "and re-apply the change described in tests/test_theme_overrides.py."
    )


def test_a_theme_update_near_our_change_is_noticed():
    theirs = '<div class="md-progress" data-md-component="progress" role="progressbar" hidden></div>\n'
    ours = '<div class="md-progress" data-md-component="progress" role="progressbar" aria-label="{{ ui.progress }}">'
    assert unintended(theirs, ours + "</div>\n", CHANGES["partials/progress.html"]) is not None


def test_a_change_of_ours_beyond_the_intended_one_is_noticed():
    theirs = (THEME / "partials/progress.html").read_text()
    ours = (ROOT / "overrides/partials/progress.html").read_text().replace("md-progress", "md-progress site-bar")
    assert unintended(theirs, ours, CHANGES["partials/progress.html"]) is not None


def test_every_copied_partial_is_listed_here():
    copied = {
        str(p.relative_to(ROOT / "overrides"))
        for p in (ROOT / "overrides").rglob("*.html")
        if (THEME / p.relative_to(ROOT / "overrides")).exists()
    }
    assert copied == set(CHANGES) | set(BLOCKS)


@pytest.mark.parametrize("template", sorted(BLOCKS))
def test_the_blocks_we_fill_exist_in_the_theme_base_template(template):
    base = (THEME / "base.html").read_text()
    for block in BLOCKS[template]:
        assert re.search(r"\{%-? block " + block + r" -?%\}", base), f"base.html has no block {block}"
