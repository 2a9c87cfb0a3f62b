"""Chinese text: Simplified characters only (OpenCC), copywriting conventions
(autocorrect: spaces between Han and Latin/digits, full-width punctuation),
and no rejected term variants in either language."""

from __future__ import annotations

import re
from functools import lru_cache

from .findings import Finding
from .glossary import Glossary
from .pages import Page, prose_lines

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
    for section in page.sections:
        for lineno, line in prose_lines(section):
            for col, ch, simp in traditional_chars(line, allowed):
                out.append(
                    Finding(
                        page.path,
                        lineno,
                        col + 1,
                        "ZH-TRADITIONAL",
                        f"Traditional character '{ch}' on a Simplified Chinese page",
                        f"write '{simp}'",
                    )
                )
    return out


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


def fix_copywriting(text: str, glossary: Glossary) -> str:
    return _autocorrect(glossary).format_for(text, "md")


def check_rejected_variants(page: Page, glossary: Glossary) -> list[Finding]:
    out = []
    for section in page.sections:
        lines = list(prose_lines(section))
        if section.level:
            lines.insert(0, (section.line, section.title))
        for lineno, line in lines:
            for lang in ("zh", "en"):
                for start, _, variant, term in glossary.find_rejected(line, lang):
                    out.append(
                        Finding(
                            page.path,
                            lineno,
                            start + 1,
                            "TERM-VARIANT",
                            f"'{variant}' is a rejected form of '{term.name[lang]}'",
                            f"write '{term.name[lang]}' (docs/data/glossary.yml lists the forms)",
                        )
                    )
    return out
