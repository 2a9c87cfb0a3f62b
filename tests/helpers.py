"""Helpers shared by the tests."""

from __future__ import annotations

from pathlib import Path

from site_tools.languages import PageId

ROOT = Path(__file__).resolve().parent.parent


def page_stems() -> list[str]:
    """Every page of the site, by its language-independent name."""
    return sorted({PageId.from_src(p.name).stem for p in (ROOT / "docs").glob("*.*.md")})


def built_page(site: Path, stem: str, lang: str) -> Path:
    return site / PageId(stem, lang).url()


def copy_project(dest: Path, root: Path = ROOT) -> Path:
    """A copy of the project (docs, theme overrides, scripts, config) to break on purpose.

    Only the files git tracks: a contributor's work in progress (an untracked new page,
    say) belongs to their checkout, not to the copies the tests break."""
    import shutil
    import subprocess

    names = ("docs", "overrides", "scripts", "mkdocs.yml")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", *names], cwd=root, capture_output=True, text=True, check=False
    )
    if listed.returncode != 0:  # not a git checkout (an unpacked archive): copy everything
        for name in names[:-1]:
            shutil.copytree(root / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        shutil.copy(root / "mkdocs.yml", dest / "mkdocs.yml")
        return dest
    for rel in filter(None, listed.stdout.split("\0")):
        source = root / rel
        if source.is_file():  # tracked but deleted in the checkout: not there
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / rel)
    return dest


def run_build(project: Path, *args: str):
    import os
    import subprocess
    import sys

    env = dict(os.environ)
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "build.py"), *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


def as_read(html: str) -> str:
    """Built HTML as its text reads, without the line-break helpers (site_tools/linebreaks.py):
    no-break spans around citations and dates, no-break spaces between numbers and units,
    word breaks in Chinese titles."""
    import re

    html = re.sub(r'<span class="nobr">(.*?)</span>', r"\1", html, flags=re.S)
    return html.replace("\u00a0", " ").replace("<wbr>", "")


BROWSER_MISSING = "Chromium not found"  # how tests/browser/conftest.py starts its skip reason


def browser_skip_summary(skip_reasons: list[str]) -> str | None:
    """The last words of a run whose browser tests could not run: say so, and how to fix it."""
    count = sum(BROWSER_MISSING in reason for reason in skip_reasons)
    if not count:
        return None
    return (
        f"{count} browser tests did NOT run: Chromium was not found. The site's pages were not opened in a "
        "browser. Install it (Debian: sudo apt-get install chromium fonts-wqy-microhei) or set "
        "CHROMIUM=/path/to/chromium, then run make test again."
    )
