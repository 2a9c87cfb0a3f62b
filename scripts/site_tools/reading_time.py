"""Estimated reading time of a page, from its Markdown prose, in the page's language:
Chinese by Han characters (about 400 a minute), English by words (about 220 a minute)."""

from __future__ import annotations

import html
import math
import re

from .languages import STRINGS

RATE = {"zh": 400, "en": 220}  # Han characters / words a minute

_FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1\s*$", re.M | re.S)
# Not prose: inline code, HTML tags, citations, link targets, heading attributes,
# directive lines, admonition markers (their quoted titles are read).
_NOISE = re.compile(
    r"`[^`\n]*`|<[^>\n]+>|\[@[^\]]*\]|\]\([^)]*\)|\{[:#.][^}\n]*\}|^::: .*$|^\s*(?:!!!|\?\?\?\+?) *[\w-]+", re.M
)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.,-][A-Za-z0-9]+)*")


def prose(markdown: str) -> str:
    """The text a reader reads: Markdown without code, markup, link targets and directives."""
    return html.unescape(_NOISE.sub(" ", _FENCE.sub(" ", markdown)))


def units(text: str, lang: str) -> int:
    """Han characters of Chinese text, words of English text."""
    return len(_HAN.findall(text)) if lang == "zh" else len(_WORD.findall(text))


def minutes(markdown: str, lang: str) -> int:
    """Whole minutes, rounded half up, at least one."""
    return max(1, math.floor(units(prose(markdown), lang) / RATE[lang] + 0.5))


def label(n: int, lang: str) -> str:
    return STRINGS[lang]["reading_time"].format(n=n)


def reading_time_html(n: int, lang: str, links: list[tuple[str, str]] = ()) -> str:
    """The reading time, and links to the other ways of reading the page (side by side, print)."""
    # Kept out of search: it is about the page, not part of it.
    return f'<p class="reading-time" data-search-exclude>{" · ".join([label(n, lang), *ways_html(links)])}</p>'


def ways_html(links: list[tuple[str, str]]) -> list[str]:
    """(href, label) pairs as links; both are the site's own, escaped all the same."""
    return [f'<a href="{html.escape(href)}">{html.escape(text)}</a>' for href, text in links]
