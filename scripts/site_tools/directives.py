"""Block directives: a line `::: name [argument]` that the build replaces with
generated content (the glossary entries, the source list, a chart)."""

from __future__ import annotations

import re
from typing import Callable

from .findings import Finding

DIRECTIVE = re.compile(r"^::: *(?P<name>[a-z-]+)(?: +(?P<arg>\S+))? *$", re.M)
RULE = "DIRECTIVE"


def find_directives(markdown: str) -> list[tuple[int, str, str | None]]:
    """(1-based line, name, argument) of each directive."""
    return [(markdown.count("\n", 0, m.start()) + 1, m["name"], m["arg"]) for m in DIRECTIVE.finditer(markdown)]


def check_directives(markdown: str, known: set[str], path: str, line_offset: int = 0) -> list[Finding]:
    return [
        Finding(
            path,
            line + line_offset,
            1,
            RULE,
            f"unknown directive '::: {name}'",
            f"use one of: {', '.join('::: ' + k for k in sorted(known))}",
        )
        for line, name, _ in find_directives(markdown)
        if name not in known
    ]


def expand_directives(markdown: str, handlers: dict[str, Callable[[str | None], str]]) -> str:
    def repl(m: re.Match) -> str:
        handler = handlers.get(m["name"])
        return handler(m["arg"]) if handler else m[0]

    return DIRECTIVE.sub(repl, markdown)
