"""The overview's cover: the masthead (`::: cover`: headline, the article's date,
the site's review date, reading time) and the numbered reading path
(`::: reading-path`). Facts come from `extra.cover` in mkdocs.yml, the source
list and the pages' titles; the key figures are written in the pages themselves.

Both are returned as Markdown (md_in_html), so the page's own Markdown pass
links the pages and applies the English typography to them."""

from __future__ import annotations

import datetime
import html
import re

from .gitdates import format_date
from .pages import Page
from .reading_time import label, ways_html
from .sources import Source
from .languages import strings_for

TEXT = strings_for("cover")  # the strings live in languages.py
# "一、" / "1. " at the start of a section title: the reading path numbers the steps itself.
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+\.\s+)")


class CoverError(ValueError):
    """extra.cover in mkdocs.yml names a source or page that does not exist."""


def _text(s: str) -> str:
    """Data as Markdown text: no HTML, no Markdown links or emphasis."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", html.escape(s, quote=False))


def _date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def _time(value, lang: str) -> str:
    d = _date(value)
    return f'<time datetime="{d.isoformat()}">{format_date(d, lang)}</time>'


def with_kicker(markdown: str) -> str:
    """Mark the page's H1 as the cover's kicker (a class, not :has(), which older phone browsers lack)."""

    def mark(m: re.Match) -> str:
        text, attrs = m["text"], m["attrs"]
        return f"# {text} {{{attrs} .cover-kicker}}" if attrs is not None else f"# {text} {{.cover-kicker}}"

    return re.sub(r"^# (?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?[ \t]*$", mark, markdown, count=1, flags=re.M)


def masthead(
    cover: dict, headline: str, sources: dict[str, Source], lang: str, minutes: int, ways: list[tuple[str, str]] = ()
) -> str:
    t = TEXT[lang]
    source = sources.get(cover.get("article_source"))
    if source is None:
        raise CoverError(f"extra.cover.article_source {cover.get('article_source')!r} is not in the source list")
    # The outlet as the sources page sets it: 《文汇报》 in Chinese, italics in English.
    outlet = f"[{source.outlet_html(lang)}](sources.md#{source.id})"
    return "\n".join(
        [
            '<div class="cover no-terms" markdown>',
            f'<p class="cover__headline" markdown="span">{_text(headline)}</p>',
            '<p class="cover__meta" markdown="span">',
            f'<span class="cover__date">{t["article"].format(outlet=outlet, date=_time(source.date, lang))}</span>',
            f'<span class="cover__date">{t["reviewed"].format(date=_time(cover.get("reviewed"), lang))}</span>',
            f'<span class="reading-time">{label(minutes, lang)}</span>',
            *(f'<span class="cover__way">{link}</span>' for link in ways_html(ways)),
            "</p>",
            "</div>",
            "",
        ]
    )


def reading_path(cover: dict, pages: list[Page], lang: str) -> str:
    t = TEXT[lang]
    titles = {p.page.stem: p.meta.get("title", "") for p in pages if p.page.lang == lang}
    steps = cover.get("reading_path") or []
    missing = [s for s in steps if s not in titles]
    if missing or not steps:
        raise CoverError(f"extra.cover.reading_path names no page or a missing page: {missing or steps}")
    items = [f"{i}. [{_text(_NUMBERING.sub('', titles[stem]))}]({stem}.md)" for i, stem in enumerate(steps, 1)]
    return "\n".join(
        [
            f'<nav class="reading-path no-terms" aria-label="{t["path"]}" markdown>',
            f'<p class="reading-path__title">{t["start"]}</p>',
            "",
            *items,
            "",
            "</nav>",
            "",
        ]
    )
