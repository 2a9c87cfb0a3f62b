"""What a rule checks and how to fix it, from the rule registry (site_tools/rules.py).

    python -m site_tools explain LINK-ANCHOR [--lang zh]
    python -m site_tools explain --list
    python -m site_tools explain --table en      (the contributor guide's rule table)

Exit codes: 0 found, 2 an unknown rule id (with the closest ids)."""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from site_tools.languages import LANGUAGES
from site_tools.rules import BY_ID, explain, markdown_table


def main(argv=None, root: Path | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m site_tools explain", description=__doc__.split("\n\n")[0])
    p.add_argument("rule", nargs="?", help="a rule id, e.g. LINK-ANCHOR")
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p.add_argument("--list", action="store_true", help="every rule id")
    p.add_argument("--table", choices=LANGUAGES, help="the rule table of the contributor guide in that language")
    args = p.parse_args(argv)
    if args.table:
        print(markdown_table(args.table))
        return 0
    if args.list or not args.rule:
        print("\n".join(sorted(BY_ID)))
        return 0
    entry = explain(args.rule, args.lang)
    if entry is None:
        close = difflib.get_close_matches(args.rule.upper(), BY_ID, n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (python -m site_tools explain --list)"
        print(f"✗ no rule '{args.rule}'{hint}", file=sys.stderr)
        return 2
    print(entry)
    return 0
