"""A finding is one thing a contributor must fix: where, which rule, what, how."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the repository root
    line: int  # 1-based; 0 when the finding concerns the whole file
    col: int  # 1-based; 0 when unknown
    rule: str  # stable id, e.g. LINK-ANCHOR
    message: str
    fix: str = ""
    # "error" fails the build; "warning" fails it with --strict (CI); "notice" is about the
    # machine, not the content (e.g. no Chinese font to measure chart labels) and never fails it.
    severity: str = "error"

    def text(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        fix = f" — {self.fix}" if self.fix else ""
        return f"{where}: {self.severity} {self.rule}: {self.message}{fix}"

    def github(self) -> str:
        # GitHub Actions workflow command; newlines and % must be escaped.
        def esc(s: str) -> str:
            return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        props = f"file={self.path},line={max(self.line, 1)},col={max(self.col, 1)},title={self.rule}"
        kind = self.severity if self.severity in ("error", "warning", "notice") else "warning"
        return f"::{kind} {props}::{esc(self.message + (' — ' + self.fix if self.fix else ''))}"


def root_causes_first(f: Finding) -> tuple:
    """The order to fix things in: data files (a broken one causes findings elsewhere), then
    front matter, then the pages, each Chinese original before its translation; within a file
    by line, whole-file notes after the lines."""
    data = f.path.startswith(("docs/data/", "docs/charts/")) or f.rule.startswith(("DATA-", "FILE-"))
    tier = 0 if data else 1 if f.rule == "FRONT-MATTER" else 2
    pair, _, lang = f.path.removesuffix(".md").rpartition(".")
    original = (pair, lang != "zh") if pair and f.path.endswith(".md") else (f.path, False)
    return (tier, *original, f.path, f.line == 0, f.line, f.col, f.rule, f.message)


# A page refused whole (not UTF-8, a symbolic link) is missing from everything built after:
# the nav, the links to it, its translation, the claims placed on it.
REFUSED_FILE = ("FILE-ENCODING", "FILE-SYMLINK")


def without_consequences(findings: list[Finding]) -> tuple[list[Finding], int]:
    """The findings less those that only follow from a refused page (they name it: its file,
    `page.md` or `page.html`), and how many those were. Fixing the root cause brings back any
    that were real, so nothing is lost; until then, one true finding instead of twenty-six."""
    refused = [f.path for f in findings if f.rule in REFUSED_FILE and f.path.endswith(".md")]
    names = set()
    for path in refused:
        file = path.rsplit("/", 1)[-1]
        stem = file.split(".", 1)[0]
        names |= {path, file, f"{stem}.md", f"{stem}.html"}
    if not names:
        return findings, 0
    kept = [
        f for f in findings if f.rule in REFUSED_FILE or not any(name in f.message or f.path == name for name in names)
    ]
    return kept, len(findings) - len(kept)


def to_json(findings: list[Finding]) -> str:
    return json.dumps([asdict(f) for f in findings], ensure_ascii=False, indent=2)


class DataError(Exception):
    """Raised by a loader when its data file cannot be used at all."""

    def __init__(self, findings: list[Finding]):
        super().__init__("\n".join(f.text() for f in findings))
        self.findings = findings
