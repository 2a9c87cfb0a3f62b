"""Build the site with MkDocs and check it; exit 0 only when there is nothing to fix.

    python scripts/build.py [--strict] [--format text|github|json] [--site-dir site]

Every finding is one line: path:line:col: severity RULE-ID: message — how to fix.
Exit codes: 0 clean, 1 findings, 2 usage error or a crash of the build itself.
The site is built into a temporary folder and moved to --site-dir only when
there are no errors, so a failed build never leaves a half-written site."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from site_tools.project import project_root

from site_tools.checks import check_site_data, fix_sources
from site_tools.site import load_site
from site_tools.sourcemap import to_sources
from site_tools.findings import REFUSED_FILE, Finding, root_causes_first, to_json, without_consequences

ROOT: Path  # the project; set by main(), from the caller or the working directory


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--strict", action="store_true", help="treat warnings (e.g. outdated translations) as errors")
    p.add_argument("--format", choices=("text", "github", "json"), default="text")
    p.add_argument("--site-dir", default="site", help="where the finished site goes (default: site)")
    p.add_argument("--no-build", action="store_true", help="check the sources only, without MkDocs")
    p.add_argument("--fix", action="store_true", help="apply the Chinese copywriting fixes to zh pages, then check")
    p.add_argument("--explain", metavar="RULE", help="say what a rule checks and how to fix it, then exit")
    p.add_argument(
        "--external", action="store_true", help="also check that external links answer (cached for a week in .cache/)"
    )
    return p.parse_args(argv)


def strict(findings: list[Finding]) -> list[Finding]:
    """--strict: warnings become errors (notices stay notices)."""
    return [Finding(**{**f.__dict__, "severity": "error"}) if f.severity == "warning" else f for f in findings]


def emit(findings: list[Finding], fmt: str, elapsed: float) -> None:
    findings, suppressed = without_consequences(sorted(set(findings), key=root_causes_first))
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    if fmt == "json":
        print(to_json(findings))
        return
    for f in findings:
        print(f.github() if fmt == "github" else f.text())
    notices = len(findings) - errors - warnings
    summary = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    summary += f", {notices} notice{'s' * (notices != 1)}" if notices else ""
    if suppressed:
        causes = sorted({f.rule for f in findings if f.rule in REFUSED_FILE and f.path.endswith(".md")})
        summary += (
            f" ({suppressed} more left out: they follow from a page the build refused, "
            f"{', '.join(causes)}; fix that first)"
        )
    summary += f" in {elapsed:.1f}s"
    print(("✗ " if errors else "✓ ") + summary, file=sys.stderr if fmt == "github" else sys.stdout)


def main(argv=None, root: Path | None = None) -> int:
    global ROOT
    ROOT = root or project_root()
    args = parse_args(argv)
    if args.explain:
        from site_tools.cli.explain import main as explain

        return explain([args.explain])
    started = time.monotonic()
    logging.getLogger("jieba").setLevel(logging.WARNING)
    if args.fix:
        for diff in fix_sources(ROOT):  # what was changed, as a diff: review it before committing
            print(diff, end="" if diff.endswith("\n") else "\n")
    site = load_site(ROOT)
    findings = check_site_data(site)
    site_dir = (ROOT / args.site_dir).resolve()
    if not args.no_build:
        # Imported here: --no-build (the pre-commit hook) has no use for them, and they cost it time.
        from filelock import Timeout

        from site_tools.sitedir import exclusive, publish, site_dir_problem, staging

        problem = site_dir_problem(ROOT, site_dir, args.site_dir)
        if problem:  # a usage error: nothing is built, nothing is replaced
            print(f"✗ {problem}: choose a new or empty folder, e.g. --site-dir site", file=sys.stderr)
            return 2
        from site_tools.html_checks import check_built_site
        from site_tools.mkdocs_run import THEME_NOTICE, build_site, site_url

        print(THEME_NOTICE, file=sys.stderr)

        try:
            with exclusive(site_dir), staging(site_dir) as tmp:
                findings += build_site(ROOT, tmp, site)
                findings = to_sources(
                    findings + check_built_site(tmp, site_url(ROOT), shown_as=args.site_dir),
                    site.pages,
                    args.site_dir,
                    ROOT,
                )
                if args.external:
                    from site_tools.external import check_external
                    from site_tools.html_checks import external_links

                    findings += check_external(ROOT, external_links(tmp), ROOT / ".cache" / "external-links.json")
                if args.strict:
                    findings = strict(findings)
                if not any(f.severity == "error" for f in findings):
                    notice = publish(tmp, site_dir)
                    if notice:
                        findings.append(Finding(args.site_dir, 0, 0, "SITE-DIR", notice, "", "notice"))
        except Timeout:
            print(f"✗ another build into {args.site_dir} is still running: try again when it ends", file=sys.stderr)
            return 2
    elif args.strict:
        findings = strict(findings)
    emit(findings, args.format, time.monotonic() - started)
    return 1 if any(f.severity == "error" for f in findings) else 0
