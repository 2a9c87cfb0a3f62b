"""Run the MkDocs build in-process and turn its warnings into findings with file and line."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from .findings import Finding

# MkDocs' own link validation ("validation:" in mkdocs.yml) names the page and
# the link but not the line: find the line in the page.
_DOC_LINK = re.compile(
    r"Doc file '(?P<file>[^']+)' contains (?:a|an) (?:link(?: to)?|absolute link|unrecognized relative link) "
    r"'(?P<link>[^']+)'(?P<rest>.*)",
    re.S,
)
_ANCHOR = re.compile(
    r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but .*?"
    r"(?:doesn't|does not) (?:contain|have) an anchor '#(?P<anchor>[^']+)'",
    re.S,
)
_NOT_IN_NAV = re.compile(r"pages exist in the docs directory, but are not included in the \"nav\"")


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


def _locate(root: Path, docs_file: str, needle: str) -> tuple[int, int]:
    path = root / "docs" / docs_file
    try:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            col = line.find(needle)
            if col >= 0:
                return i, col + 1
    except OSError:
        pass
    return 1, 1


def warning_to_finding(root: Path, message: str) -> Finding:
    message = message.strip()
    m = _DOC_LINK.match(message)
    if m:
        line, col = _locate(root, m["file"], m["link"])
        anchor = _ANCHOR.match(message)
        if anchor:
            rule, fix = "LINK-ANCHOR", "link to a heading id that exists on the target page ({#id} after the heading)"
        elif m["link"].startswith("#"):  # "… but there is no such anchor on this page"
            rule, fix = "LINK-ANCHOR", "link to a heading id that exists on this page ({#id} after the heading)"
        elif "which is excluded from the built site" in message:
            rule, fix = "LINK-EXCLUDED", "link to a page that is built, or stop excluding the target"
        elif "absolute link" in message:
            rule, fix = "LINK-ABSOLUTE", "use a relative link to the .md file, e.g. [text](us-motives.md#section)"
        else:
            rule, fix = "LINK-TARGET", "link to an existing page without the language suffix, e.g. (us-motives.md)"
        return Finding(f"docs/{m['file']}", line, col, rule, message, fix)
    if _NOT_IN_NAV.search(message):
        return Finding("mkdocs.yml", 1, 1, "NAV-OMITTED", message, "add the page to 'nav' in mkdocs.yml")
    file = re.search(r"'([^']+\.md)'", message)
    return Finding(f"docs/{file[1]}" if file else "mkdocs.yml", 0, 0, "MKDOCS", message, "see the MkDocs message above")


# The theme's own end-of-life notice prints only when the `mkdocs` command runs
# (`make serve`); the build script shows this line instead, once per build.
THEME_NOTICE = (
    "note: Material for MkDocs, the theme, reaches end of life on 2027-05-05; "
    "README.md, 'Platform', says what that means for this site."
)


def build_site(root: Path, site_dir: Path, site=None, config_file: str = "mkdocs.yml") -> list[Finding]:
    """Build into site_dir; return MkDocs' warnings and errors as findings. Our plugin's
    rule warnings are turned off: the caller runs the same rules with file and line.
    `site`: the SiteData the caller already loaded and checked, so the plugin uses it."""
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    findings: list[Finding] = []
    try:
        cfg = load_config(str(root / config_file), site_dir=str(site_dir), strict=False)
        if "h20" in cfg.plugins:
            cfg.plugins["h20"].config.report_rules = False
            if site is not None:
                cfg.plugins["h20"].use_site(site)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except exceptions.ConfigurationError as e:
        findings.append(Finding(config_file, 1, 1, "MKDOCS-CONFIG", str(e).strip(), "fix mkdocs.yml"))
    except exceptions.MkDocsException as e:
        findings.append(Finding(config_file, 0, 0, "MKDOCS", str(e).strip(), "see the MkDocs message"))
    finally:
        logger.removeHandler(collector)
    findings += [warning_to_finding(root, record.getMessage()) for record in collector.records]
    return findings


def site_url(root: Path, config_file: str = "mkdocs.yml") -> str:
    from mkdocs.config import load_config

    return load_config(str(root / config_file)).site_url or ""
