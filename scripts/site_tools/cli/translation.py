"""Record that an English page follows the current Chinese page, after a translator checked it.

python scripts/translation.py record STEM [STEM ...]    (make translated PAGE=STEM)
python scripts/translation.py record --all
python scripts/translation.py status                     which English sections are outdated"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from site_tools.languages import PageId
from site_tools.project import project_root
from site_tools.parity import pairs
from site_tools.site import load_site
from site_tools.translation import check_drift, record

ROOT: Path  # the project; set by main(), from the caller or the working directory


def page_stem(name: str) -> str:
    """us-motives, us-motives.en.md, docs/us-motives.zh.md, ./docs/us-motives.en.md: the page us-motives."""
    name = name.strip().replace("\\", "/").removeprefix("./").removeprefix("docs/")
    pid = PageId.from_src(name) if name.endswith(".md") else None
    return pid.stem if pid else name


def main(argv=None, root: Path | None = None) -> int:
    global ROOT
    ROOT = root or project_root()
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="record the current Chinese version in the English page")
    rec.add_argument(
        "stems", nargs="*", metavar="PAGE", help="the page: us-motives, us-motives.en.md or docs/us-motives.en.md"
    )
    rec.add_argument("--all", action="store_true", help="every page pair")
    sub.add_parser("status", help="list outdated English sections")
    args = p.parse_args(argv)
    site = load_site(ROOT)
    if args.command == "status":
        findings = [f for zh, en in pairs(site.pages) for f in check_drift(zh, en)]
        for f in findings:
            print(f.text())
        print(f"{len(findings)} outdated or unrecorded" if findings else "every translation is up to date")
        return 0
    stems = [zh.page.stem for zh, _ in pairs(site.pages)] if args.all else [page_stem(s) for s in args.stems]
    if not stems:
        p.error("name a page (record us-motives) or use --all")
    known = {zh.page.stem for zh, _ in pairs(site.pages)}
    for stem in stems:
        if stem not in known:
            p.error(f"no page pair docs/{stem}.zh.md + docs/{stem}.en.md")
        print(f"recorded {record(ROOT, stem)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
