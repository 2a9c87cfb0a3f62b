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


def copy_project(dest: Path) -> Path:
    """A copy of the project (docs, theme overrides, scripts, config) to break on purpose."""
    import shutil

    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
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
    no-break spans around citations and dates, no-break spaces between numbers and units."""
    import re

    return re.sub(r'<span class="nobr">(.*?)</span>', r"\1", html, flags=re.S).replace("\u00a0", " ")
