"""The date a page last changed, from git, written in the page's language."""

from __future__ import annotations

import datetime
import subprocess
from functools import lru_cache
from pathlib import Path

from .languages import STRINGS

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@lru_cache(maxsize=None)
def _commit_date(path: str, mtime: float) -> datetime.date | None:
    """Date of the last commit that touched `path` (None outside git or for a new file)."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", path],
            cwd=Path(path).parent,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        return datetime.date.fromisoformat(out) if out else None
    except (OSError, ValueError, subprocess.SubprocessError):
        return None


def format_date(date: datetime.date, lang: str) -> str:
    return (
        f"{date.year} 年 {date.month} 月 {date.day} 日"
        if lang == "zh"
        else f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    )


def last_updated(path: Path, lang: str) -> str | None:
    """'最后更新：2026 年 11 月 30 日' / 'Last updated: 30 November 2026', as HTML."""
    if not path.exists():
        return None
    date = _commit_date(str(path), path.stat().st_mtime)
    if date is None:
        return None
    return f'{STRINGS[lang]["last_updated"]}<time datetime="{date.isoformat()}">{format_date(date, lang)}</time>'


def page_date(path: Path) -> datetime.date | None:
    """The date of the last commit that touched a page (None outside git or for a new file)."""
    return _commit_date(str(path), path.stat().st_mtime) if path.exists() else None
