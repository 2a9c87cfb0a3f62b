"""Figures: the numbers of a section, normalised so that zh and en compare.

亿 = 10⁸ and 万 = 10⁴; billion, million; % (and "percent") and ×/倍; full-width digits
and ％ as ASCII ones; English month names become
month numbers, so 45 亿美元 ↔ US$4.5 billion, 1.2 万美元 ↔ US$12,000 and
2025 年 7 月 15 日 ↔ 15 July 2025 give the same figures."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_SCALE = {
    "万亿": Decimal(10) ** 12,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "trillion": Decimal(10) ** 12,
    "billion": Decimal(10) ** 9,
    "million": Decimal(10) ** 6,
}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A number with an optional scale word, percent or multiplier. Numbers glued to
# Latin letters belong to names (H20, 910C, GB200, FY2026) and are not figures.
_FIGURE = re.compile(
    rf"(?<![A-Za-z0-9.,])(?P<num>{_NUM})(?![A-Za-z0-9])"
    r"(?:\s*(?P<scale>万亿|亿|万|trillion\b|billion\b|million\b))?"
    r"(?:\s*(?P<unit>%|×|倍|x(?![A-Za-z])|times\b|per\s?cent\b))?"
)
# Full-width digits and signs (８２％) are the same figures as ASCII ones, one character each.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
# "148–190 billion": the scale word applies to both ends of the range.
_RANGE = re.compile(
    rf"(?<![A-Za-z0-9.,])(?P<a>{_NUM})\s*(?:–|-|to)\s*(?:US\$)?(?P<b>{_NUM})\s*"
    r"(?P<scale>trillion|billion|million)\b"
)
_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")
# Not prose: citations, link targets, heading attributes, HTML tags, inline code, directives.
_NOISE = re.compile(r"\[@[^\]]*\]|\]\([^)]*\)|\{[#.][^}]*\}|<[^>]+>|`[^`]*`|^::: .*$", re.M)


def _value(num: str, scale: str | None, unit: str | None) -> str:
    try:
        v = Decimal(num.replace(",", ""))
    except InvalidOperation:
        return num
    if scale:
        v *= _SCALE[scale.strip()]
    text = format(v.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if unit and (unit == "%" or unit.startswith("per")):
        return text + "%"
    if unit in ("×", "倍", "x", "times"):
        return text + "×"
    return text


def figures(text: str) -> list[tuple[str, str, int]]:
    """(normalised value, as written, offset) for each figure in a piece of prose."""
    text = _NOISE.sub(lambda m: " " * len(m[0]), text.translate(_FULL_WIDTH))
    text = _RANGE.sub(lambda m: f"{m['a']} {m['scale']} – {m['b']} {m['scale']}".ljust(len(m[0])), text)
    out = [(str(MONTHS[m[1].lower()]), m[1], m.start()) for m in _MONTH.finditer(text)]
    for m in _FIGURE.finditer(text):
        out.append((_value(m["num"], m["scale"], m["unit"]), m[0].strip(), m.start()))
    return sorted(out, key=lambda f: f[2])
