"""Keep together at line ends what a reader must see together: a citation with
the word before it and the punctuation after it, a number with its unit, an ISO
date. Runs on a page's HTML after Markdown (see htmltext)."""

from __future__ import annotations

import re

from .htmltext import rewrite_text

NBSP = "\u00a0"
# A citation (one or more <sup class="cite">) glued to what stands before it (a
# Latin word or number, whole; a Han character; an entity; a marked term) and to
# the closing punctuation after it.
_CITE = re.compile(
    r"([A-Za-z0-9$][\w$%.,×\-]*|&#?\w+;|<a\b[^>]*>[^<]*</a>|[^\s<>;])"
    r'((?:<sup class="cite">.*?</sup>)+[。，、；：！？）」』”.,;:!?)]*)',
    re.S,
)
# Units that follow a number after a space, in either language.
_UNITS = (
    r"亿|万|倍|年|月|日|个|名|家|款|次|nm|W|GB|TB/s|TFLOPS|billion|million|percent|months?|years?|days?"
    r"|chips?|×|%"
)
_NUMBER_UNIT = re.compile(rf"(?<![\w.])((?:US\$)?\d[\d,.]*) (?=(?:{_UNITS})(?![A-Za-z]))")
_ISO_DATE = re.compile(r"(?<![\w-])(\d{4}-\d{2}(?:-\d{2})?)(?![\w-])")


def keep_together(content: str) -> str:
    content = _CITE.sub(r'<span class="nobr">\1\2</span>', content)

    def text(run: str) -> str:
        run = _NUMBER_UNIT.sub(lambda m: m[1] + NBSP, run)
        return _ISO_DATE.sub(r'<span class="nobr">\1</span>', run)

    return rewrite_text(content, text, skip_classes={"nobr"})
