"""Chinese text: Simplified characters only (OpenCC), copywriting conventions
(autocorrect: spaces between Han and Latin/digits, full-width punctuation),
and no rejected term variants in either language."""

from __future__ import annotations

import re
from functools import lru_cache

from .findings import Finding
from .glossary import Glossary
from .pages import Page, prose_lines, shown_front_matter

_HAN = re.compile(r"[\u3400-\u9fff]")
# Lines that are not Chinese prose: front matter keys, admonition titles are prose, directives are not.
_DIRECTIVE = re.compile(r"^::: ")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def traditional_chars(text: str, allowed: frozenset[str]) -> list[tuple[int, str, str]]:
    """(offset, character, simplified form) of each Traditional character."""
    conv = _t2s()
    if conv.convert(text) == text:  # nearly every line: one call instead of one per character
        return []
    out = []
    for i, ch in enumerate(text):
        if _HAN.match(ch) and ch not in allowed:
            s = conv.convert(ch)
            if s != ch:
                out.append((i, ch, s))
    return out


def check_traditional(page: Page, glossary: Glossary) -> list[Finding]:
    if page.page.lang != "zh":
        return []
    # Characters of the glossary's canonical forms are Simplified by definition (昇 in 昇腾).
    allowed = frozenset("".join(t.name["zh"] + "".join(t.aliases["zh"]) for t in glossary))
    out = []
    for lineno, offset, line in _text_lines(page):
        for col, ch, simp in traditional_chars(line, allowed):
            out.append(
                Finding(
                    page.path,
                    lineno,
                    offset + col + 1,
                    "ZH-TRADITIONAL",
                    f"Traditional character '{ch}' on a Simplified Chinese page",
                    f"write '{simp}'",
                )
            )
    return out


def _text_lines(page: Page):
    """(line, column offset, text) of what readers read: the title and description, then each
    heading (the title part: prose_lines leaves headings out) and the body's prose."""
    yield from shown_front_matter(page)
    lines = page.text.split("\n")
    for section in page.sections:
        if section.level:
            yield section.line, max(lines[section.line - 1].find(section.title), 0), section.title
        for lineno, line in prose_lines(section):
            yield lineno, 0, line


def _autocorrect(glossary: Glossary):
    """autocorrect, told to leave alone the glossary names it would otherwise
    change (多琳·波格丹-马丁 keeps its hyphen). A text rule silences the whole
    text around it, so only those names get one."""
    import json

    import autocorrect_py

    autocorrect_py.load_config("{}")
    forms = sorted({f for t in glossary for f in t.forms("zh") if autocorrect_py.format(f) != f})
    autocorrect_py.load_config(json.dumps({"textRules": {f: 0 for f in forms}}, ensure_ascii=False))
    return autocorrect_py


def check_copywriting(page: Page, text: str, glossary: Glossary) -> list[Finding]:
    """autocorrect's lint on a zh page: one finding per line it would change."""
    if page.page.lang != "zh":
        return []
    autocorrect_py = _autocorrect(glossary)
    out = []
    result = autocorrect_py.lint_for(text, "md")
    for r in result.lines:
        out.append(
            Finding(
                page.path,
                r.line,
                r.col,
                "ZH-COPYWRITING",
                f"spacing or punctuation: '{r.old.strip()}'",
                f"write '{r.new.strip()}' (or run scripts/build.py --fix)",
            )
        )
    return out


# What the fixer never edits, though autocorrect would: inline code, link targets, raw HTML
# tags, {attribute lists}, citations, addresses, quotations (the article's words, as quoted),
# and names joined by a hyphen or a middle dot (多琳·波格丹-马丁 is not 多琳·波格丹 - 马丁).
_PROTECTED = re.compile(
    r"`[^`\n]*`"
    r"|\]\([^)\n]*\)"
    r"|<[^>\n]*>"
    r"|\{[^}\n]*\}"
    r"|\[@[^\]\n]*\]"
    r"|(?:https?|mailto):[^\s)>]+"
    r"|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』|\"[^\"\n]*\""
    r"|[\u3400-\u9fff]+(?:[-‐·‧・•][\u3400-\u9fff]+)+"
)


def _safe_edits(line: str, fixed: str) -> str:
    """`fixed`'s edits of `line`, less every edit inside a protected span."""
    import difflib  # here: only --fix needs it, and the checks start faster without it

    spans = [m.span() for m in _PROTECTED.finditer(line)]

    def protected(i1: int, i2: int) -> bool:
        if i1 == i2:  # an insertion: only between two characters of a span
            return any(a < i1 < b for a, b in spans)
        return any(a < i2 and i1 < b for a, b in spans)

    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes():
        out.append(line[i1:i2] if tag == "equal" or protected(i1, i2) else fixed[j1:j2])
    return "".join(out)


def fix_copywriting(page: Page, glossary: Glossary) -> str:
    """The page with autocorrect's spacing and punctuation fixes, line by line, where they are
    safe: not in front matter, fenced code or directives, and never inside a protected span."""
    autocorrect_py = _autocorrect(glossary)

    def fmt(line: str) -> str:  # as Markdown, as the lint reads it (a citation keeps to its word)
        return autocorrect_py.format_for(line, "md")

    lines = page.text.split("\n")
    body = {lineno for section in page.sections for lineno, _ in prose_lines(section)}
    for lineno in sorted(body):
        line = lines[lineno - 1]
        if _HAN.search(line):
            text, cr = (line[:-1], "\r") if line.endswith("\r") else (line, "")
            lines[lineno - 1] = _safe_edits(text, fmt(text)) + cr
    return "\n".join(lines)


def check_rejected_variants(page: Page, glossary: Glossary) -> list[Finding]:
    out = []
    for lineno, offset, line in _text_lines(page):
        for lang in ("zh", "en"):
            for start, _, variant, term in glossary.find_rejected(line, lang):
                out.append(
                    Finding(
                        page.path,
                        lineno,
                        offset + start + 1,
                        "TERM-VARIANT",
                        f"'{variant}' is a rejected form of '{term.name[lang]}'",
                        f"write '{term.name[lang]}' (docs/data/glossary.yml lists the forms)",
                    )
                )
    return out
