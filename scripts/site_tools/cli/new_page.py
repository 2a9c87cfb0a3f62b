"""Start a new page pair: both language files and the nav entry.

    python scripts/new_page.py SLUG "中文标题" "English title"
    make new-page SLUG=chip-rules TITLE_ZH="芯片规则" TITLE_EN="Chip rules"

The new pages build as they are, so you can preview them; their placeholders are a
warning (SCAFFOLD), which fails --strict and CI until you replace them."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from site_tools.project import project_root
from site_tools.scaffold import EN, ZH
from site_tools.translation import record

ROOT: Path  # the project; set by main(), from the caller or the working directory


def add_to_nav(config: str, slug: str) -> str:
    """Insert the page before the reference pages (timeline, glossary, sources) in mkdocs.yml's nav."""
    lines = config.split("\n")
    start = lines.index("nav:")
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith("  ")), len(lines))
    entries = lines[start + 1 : end]
    if f"  - {slug}.md" in entries:
        return config
    before = next(
        (
            start + 1 + i
            for i, e in enumerate(entries)
            if e.strip() in ("- timeline.md", "- glossary.md", "- sources.md")
        ),
        end,
    )
    lines.insert(before, f"  - {slug}.md")
    return "\n".join(lines)


def main(argv=None, root: Path | None = None) -> int:
    global ROOT
    ROOT = root or project_root()
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("slug", help="URL name in English kebab-case, e.g. chip-rules")
    p.add_argument("title_zh", help="the Chinese title")
    p.add_argument("title_en", help="the English title")
    args = p.parse_args(argv)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args.slug):
        p.error(f"SLUG '{args.slug}' must be English kebab-case, e.g. chip-rules")
    if not args.title_zh.strip() or not args.title_en.strip():
        p.error("both TITLE_ZH and TITLE_EN are needed")
    docs = ROOT / "docs"
    targets = [docs / f"{args.slug}.zh.md", docs / f"{args.slug}.en.md"]
    for t in targets:
        if t.exists():
            p.error(f"{t.relative_to(ROOT)} already exists")
    values = dict(slug=args.slug, title_zh=args.title_zh.strip(), title_en=args.title_en.strip().replace('"', "'"))
    targets[0].write_text(ZH.format(**values), encoding="utf-8")
    targets[1].write_text(EN.format(**values), encoding="utf-8")
    record(ROOT, args.slug)  # the English page follows this (empty) Chinese version
    config = ROOT / "mkdocs.yml"
    config.write_text(add_to_nav(config.read_text(encoding="utf-8"), args.slug), encoding="utf-8")
    for t in targets:
        print(f"created {t.relative_to(ROOT)}")
    print(f"added {args.slug}.md to the nav in mkdocs.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
