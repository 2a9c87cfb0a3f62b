"""Translation drift: every English page records, per section, a hash of the
Chinese section it translates (`translated_from` in its front matter). When a
Chinese section changes, its English section is reported as outdated, and the
English page shows a notice until a translator updates it and records again."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .findings import Finding
from .pages import Page, parse_page, sections_by_id, split_front_matter

FIELD = "translated_from"


# A `::: claim` line names the ledger entry of the note below it: not text to
# translate (CLAIM-PARITY compares them), so adding one outdates no translation.
_CLAIM_MARKER = re.compile(r"^::: *claim\b")


def _fingerprint(title: str, lines: list[str]) -> str:
    kept = (line.strip() for line in lines if line.strip() and not _CLAIM_MARKER.match(line))
    text = "\n".join([title.strip(), *kept])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def section_hashes(zh: Page) -> dict[str, str]:
    """Section id → fingerprint of the Chinese section (heading and text)."""
    return {
        sid: _fingerprint(sec.title, [t for _, t in sec.lines])
        for sid, sec in sections_by_id(zh).items()
        if sid != "(top)"
    }


def outdated_sections(zh: Page, en: Page) -> list[str]:
    recorded = en.meta.get(FIELD)
    if not isinstance(recorded, dict):
        return []
    # str(): an unquoted hash of digits only reads as a number.
    return [sid for sid, digest in section_hashes(zh).items() if str(recorded.get(sid)) != digest]


def check_drift(zh: Page, en: Page) -> list[Finding]:
    recorded = en.meta.get(FIELD)
    stem = zh.page.stem
    if not isinstance(recorded, dict):
        return [
            Finding(
                en.path,
                1,
                1,
                "TRANSLATION-UNRECORDED",
                f"{en.path} does not record which version of {zh.path} it translates",
                f"after checking the translation, run: make translated PAGE={stem}",
                "warning",
            )
        ]
    sections, originals = sections_by_id(en), sections_by_id(zh)
    # A section only one side has is a PARITY-HEADINGS error already: one finding, not two.
    return [
        Finding(
            en.path,
            sections[sid].line,
            1,
            "TRANSLATION-OUTDATED",
            f"section #{sid} is outdated: its Chinese original in {zh.path} changed after it was translated",
            f"update the English of #{sid}, then run: make translated PAGE={stem}",
            "warning",
        )
        for sid in outdated_sections(zh, en)
        if sid in sections and sid in originals
    ]


def record(root: Path, stem: str) -> str:
    """Write the current Chinese section hashes into the English page's front matter."""
    zh_path, en_path = root / "docs" / f"{stem}.zh.md", root / "docs" / f"{stem}.en.md"
    zh = parse_page(zh_path.read_text(encoding="utf-8"), f"docs/{stem}.zh.md", _pid(stem, "zh"))
    text = en_path.read_text(encoding="utf-8")
    front, body_start, body = split_front_matter(text)
    if front is None:
        raise ValueError(f"docs/{stem}.en.md has no front matter")
    kept = re.sub(rf"(?m)^{FIELD}:.*(?:\n[ \t]+.*)*\n?", "", front + "\n").rstrip("\n")
    hashes = section_hashes(zh)
    block = "\n".join(
        [
            f"{FIELD}:  # the Chinese sections this translation follows (make translated PAGE={stem})",
            *(f'  {sid}: "{digest}"' for sid, digest in hashes.items()),
        ]
    )  # quoted: 123456 is no number
    en_path.write_text(f"---\n{kept}\n{block}\n---\n{body}", encoding="utf-8")
    return f"docs/{stem}.en.md"


def _pid(stem: str, lang: str):
    from .languages import PageId

    return PageId(stem, lang)
