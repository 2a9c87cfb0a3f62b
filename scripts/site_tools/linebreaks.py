"""Keep together at line ends what a reader must see together: a citation with
the word before it and the punctuation after it, a number with its unit, an ISO
date, a Chinese word in a heading. Runs on a page's HTML after Markdown (see htmltext)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .htmltext import ALWAYS_SKIP, OpenElements, Token, rewrite_text, tokens

NBSP = "\u00a0"
# A Chinese unit of several characters, after its number (500 亿美元, 3 个月).
_HAN_UNIT = r"\d[\d,.]*[ \u00a0]?(?:[亿万]?美元|[亿万]元|个月)"
# A citation (one or more <sup class="cite">) glued to what stands before it (a Latin
# word or number, whole; a Chinese number with its unit; a Han character; an entity; a
# marked term) and to the closing punctuation after it.
_CITE = re.compile(
    rf"((?<![\w.]){_HAN_UNIT}|[A-Za-z0-9$][\w$%.,×\-]*|&#?\w+;|<a\b[^>]*>[^<]*</a>|[^\s<>;])"
    r'((?:<sup class="cite">.*?</sup>)+[。，、；：！？）」』”.,;:!?)]*)',
    re.S,
)
# Units that follow a number after a space, in either language.
_UNITS = (
    r"亿|万|倍|年|月|日|个|名|家|款|次|nm|W|GB|TB/s|TFLOPS|billion|million|percent|months?|years?|days?"
    r"|chips?|×|%"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NUMBER_UNIT = re.compile(rf"(?<![\w.])((?:US\$)?\d[\d,.]*) (?=(?:{_UNITS}|{_MONTHS})(?![A-Za-z]))")
# A month with its year (15 July 2025); a model or licence name with its number (RTX Pro
# 6000D, Kimi K2, CC BY 4.0, CloudMatrix 384): the capitalised words before a model number
# (a number with a letter), or an acronym or CamelCase name before a number. Not an ordinary
# word before a number ("On 15 April"), which made long unbreakable runs.
_MONTH_YEAR = re.compile(rf"\b({_MONTHS}) (?=\d{{4}}\b)")
_NAME_NUMBER = re.compile(r"(?<![\w$])((?:[A-Z][A-Za-z]* ){1,2})(?=([A-Z]?\d[\w.]*)\b)")
_CAPITALS = re.compile(r"[A-Z][a-z]*[A-Z]")


def _name_number(m: re.Match) -> str:
    if re.search(r"[A-Za-z]", m[2]) or _CAPITALS.search(m[1].split()[-1]):
        return m[1].replace(" ", NBSP)
    return m[1]


# Whole on one line: an ISO date, a range of years (2022–2026), a pair of names joined by a
# dash (US–China, which breaks after the dash), and in Chinese a number with a unit of
# several characters, which may otherwise break between them (500 亿美 / 元).
_WHOLE = re.compile(
    r"(?<![\w.-])(\d{4}-\d{2}(?:-\d{2})?|(?:19|20)\d\d–(?:19|20)\d\d|[A-Z][A-Za-z]*–[A-Z][A-Za-z]*)(?![\w-])"
    rf"|(?<![\w.])({_HAN_UNIT})"
)


def keep_together(content: str) -> str:
    content = _CITE.sub(r'<span class="nobr">\1\2</span>', content)

    def text(run: str) -> str:
        run = _NUMBER_UNIT.sub(lambda m: m[1] + NBSP, run)
        run = _MONTH_YEAR.sub(lambda m: m[1] + NBSP, run)
        run = _NAME_NUMBER.sub(_name_number, run)
        return _WHOLE.sub(lambda m: f'<span class="nobr">{m[0]}</span>', run)

    return rewrite_text(content, text, skip_classes={"nobr"})


# Chinese headings and titles break between phrases, never inside a word ("美国的战 / 略妥协"):
# each boundary between two phrases gets a <wbr>, and the stylesheet (word-break: keep-all
# on these same elements) allows no other break between Han characters. A phrase is a word
# with the one-character words that lean on it: particles on the word before ("美国的"),
# any other one-character word on the word after ("与利益", "中美", "新阶段"), so no line
# of a title starts with 的 or ends with 与.
TITLE_TAGS = {"h1", "h2", "h3", "h4"}  # h4: a section's subheading in the print edition
TITLE_CLASSES = {"cover__headline", "chart__title", "claim__title", "reading-path", "admonition-title"}
# The theme's titles in the navigation, the header and the footer.
THEME_TITLE_CLASSES = {"md-ellipsis"}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]")
PARTICLES = set("的了着过地得们")
SUBTITLE = 10  # characters: at most this after a title's colon, and it is not broken
# A short quotation or title is one term and stays on one line: “现成可用”, 《金融时报》.
_SHORT_QUOTE = re.compile(r"[“‘《「『][^“”‘’《》「」『』]{1,8}[”’》」』]")


def break_between_words(
    content: str,
    cut: Callable[[str], Iterable[str]],
    *,
    tags: set[str] = TITLE_TAGS,
    classes: set[str] = TITLE_CLASSES,
) -> str:
    """`content` with a <wbr> at each boundary between two phrases of a title element
    (named in `tags`, or carrying one of `classes`), as `cut` (a word segmenter) finds the
    words; never where a line may not end or start (_breakable)."""
    out: list[str] = []
    title: list[Token] | None = None  # the open title's tokens
    depth = 0
    for token in tokens(content):
        tag = token.tag
        opens = bool(tag and not tag.empty and not tag.closing)
        closes = bool(tag and not tag.empty and tag.closing)
        if title is None:
            out.append(token.text)
            if opens and (tag.name in tags or tag.classes & classes):
                title, depth = [], 1
            continue
        depth += opens - closes
        if depth == 0:  # the title's own end tag
            out.append(_title_words(title, cut) + token.text)
            title = None
        else:
            title.append(token)
    if title is not None:  # never closed: left as it was
        out.extend(t.text for t in title)
    return "".join(out)


def _title_words(title: list[Token], cut: Callable[[str], Iterable[str]]) -> str:
    skipped = OpenElements(ALWAYS_SKIP)
    runs: list[tuple[int, str]] = []  # (token index, text) of the title's words
    permalink = False  # the heading's ¶ link (&para;): not one of its words
    for i, token in enumerate(title):
        if token.tag:
            skipped.feed(token.tag)
            if "headerlink" in token.tag.classes:
                permalink = True
            elif permalink and token.tag.closing and token.tag.name == "a":
                permalink = False
        elif not token.markup and not skipped.skipping and not permalink:
            runs.append((i, token.text))
    text = "".join(run for _, run in runs)
    boundaries, at, before = set(), 0, None
    for word in cut(text):
        if before is not None and word not in PARTICLES and not _leans_on_next(before):
            boundaries.add(at)
        at, before = at + len(word), word
    for quote in _SHORT_QUOTE.finditer(text):
        boundaries -= set(range(quote.start() + 1, quote.end()))
    # A short subtitle after the title's colon stays whole, so a title in two lines breaks at
    # the colon ("新合规芯片： / 技术妥协与市场防御", not "…技术 / 妥协与市场防御").
    colon = text.find("：")
    if 0 < colon and len(text) - colon - 1 <= SUBTITLE:
        boundaries -= set(range(colon + 2, len(text)))
    pieces = [t.text for t in title]
    start = 0
    for i, run in runs:
        marked = []
        for j, ch in enumerate(run):
            at = start + j
            if at in boundaries and _breakable(text[at - 1], ch):
                marked.append("<wbr>")
            marked.append(ch)
        pieces[i] = "".join(marked)
        start += len(run)
    return "".join(pieces)


def _leans_on_next(word: str) -> bool:
    return len(word) == 1 and bool(_HAN.match(word)) and word not in PARTICLES


# Marks a line may end after, and marks a line may start with.
_ENDS = set("，。、；：！？”’）》」』】〕")
_STARTS = set("“‘（《「『【〔")


def _breakable(before: str, after: str) -> bool:
    """A break may go between these two: a word or an end mark before, a word or a start
    mark after, and not inside a Latin word."""
    latin = _WORD.match(before) and _WORD.match(after) and not (_HAN.match(before) or _HAN.match(after))
    return bool((_WORD.match(before) or before in _ENDS) and (_WORD.match(after) or after in _STARTS) and not latin)
