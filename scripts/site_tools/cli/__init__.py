"""The project's command line: `python -m site_tools VERB [options]`, one verb per job.

Each verb is a module here with `main(argv, root)`; the Makefile's targets and the
scripts in scripts/ (build.py, which contributors and CI know) call the same functions."""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path

# verb: (module, arguments put before the user's, what it does)
VERBS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "build": ("build", (), "build the site and check it (exit 0 only when there is nothing to fix)"),
    "check": ("build", ("--no-build",), "check the sources only, without building (about a second)"),
    "explain": ("explain", (), "what a rule checks and how to fix it: explain RULE-ID [--lang zh]"),
    "new-page": ("new_page", (), "start a new page pair: both language files and the nav entry"),
    "translated": ("translation", ("record",), "record that an English page follows the current Chinese one"),
    "status": ("translation", ("status",), "which English sections are outdated against the Chinese"),
    "bench": ("bench", (), "build and check times for synthetic sites of growing size"),
    "budget": ("budget", (), "first-view download sizes and Lighthouse scores of the built site"),
    "screenshots": ("screenshots", (), "every page in both languages, light, dark and at 375 px"),
    "pdf": ("pdf", (), "the print edition as a PDF per language, printed by Chromium"),
}


def usage() -> str:
    width = max(map(len, VERBS))
    lines = [f"  {verb:<{width}}  {what}" for verb, (_, _, what) in VERBS.items()]
    return "usage: python -m site_tools VERB [options]   (VERB --help for its options)\n\n" + "\n".join(lines)


def run(verb: str, argv: list[str], root: Path | None = None) -> int:
    module, before, _ = VERBS[verb]
    # Each verb's argparse names the program from argv[0]: its usage lines then read as the
    # command that was typed, not "__main__.py".
    sys.argv[0] = f"python -m site_tools {verb}"
    return importlib.import_module(f"{__name__}.{module}").main([*before, *argv], root=root)


def guarded(call) -> int:
    """The exit-code contract: 0 clean, 1 findings, 2 a usage error or a crash of our own code.
    Content problems are findings, never tracebacks; a traceback here is a bug to report."""
    try:
        return call()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `build.py | head`: the reader stopped reading, not a crash
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except BaseException:
        traceback.print_exc()
        print("✗ the build crashed (exit 2): this is a bug in the build, not in your content", file=sys.stderr)
        return 2


def script(module: str, root: Path) -> int:
    """For the scripts in scripts/: run one module on the copy of the project they sit in."""
    return guarded(lambda: importlib.import_module(f"{__name__}.{module}").main(sys.argv[1:], root=root))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(usage())
        return 0 if argv else 2
    if argv[0] not in VERBS:
        print(f"unknown verb {argv[0]!r}\n\n{usage()}", file=sys.stderr)
        return 2
    return guarded(lambda: run(argv[0], argv[1:]))
