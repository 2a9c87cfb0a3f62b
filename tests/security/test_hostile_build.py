"""A hostile pull request, built as CI builds it: every hazard is refused at its source
line, the build exits 1 (never a traceback, never exit 2), and no site is written."""

from __future__ import annotations

import os

import pytest

from helpers import copy_project, run_build

PAYLOAD = "<script>alert(1)</script>"


def _edit(project, rel, old, new) -> int:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _append(project, rel, text) -> int:
    path = project / rel
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1 + text[: len(text) - len(text.lstrip("\n"))].count("\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """One copy with every source hazard, built once: (result, {hazard: expected line prefix})."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    docs = project / "docs"
    os.symlink("/etc/passwd", docs / "assets" / "passwd.txt")
    os.symlink("/proc/self/environ", docs / "environ.txt")
    # A Chinese page saved as GBK: the first non-ASCII byte is on the title line.
    about = (docs / "about.zh.md").read_text(encoding="utf-8")
    (docs / "about.zh.md").write_bytes(about.encode("gbk", errors="replace"))
    gbk_line = next(i for i, line in enumerate(about.split("\n"), 1) if not line.isascii())
    where = {
        "script": _append(project, "docs/us-motives.en.md", f"\n{PAYLOAD}\n"),
        "iframe": _append(project, "docs/us-motives.zh.md", '\n<iframe srcdoc="<script>alert(2)</script>"></iframe>\n'),
        "title": _edit(project, "docs/conclusion.en.md", "title: Conclusion", f'title: "{PAYLOAD}"'),
        "template": _edit(project, "docs/sources.en.md", "title:", "template: ../..\ntitle:"),
    }
    result = run_build(project)
    return (
        project,
        result,
        {
            "script": f"docs/us-motives.en.md:{where['script']}:1: error HTML-ELEMENT:",
            "iframe": f"docs/us-motives.zh.md:{where['iframe']}:1: error HTML-ELEMENT:",
            "title": f"docs/conclusion.en.md:{where['title']}:1: error FRONT-MATTER:",
            "template": f"docs/sources.en.md:{where['template']}:1: error FRONT-MATTER: the front matter has unknown",
            "symlink": "docs/environ.txt: error FILE-SYMLINK:",
            "symlink-asset": "docs/assets/passwd.txt: error FILE-SYMLINK:",
            "encoding": f"docs/about.zh.md:{gbk_line}:",
        },
    )


def test_the_build_fails_with_findings_not_a_traceback(hostile):
    project, result, _ = hostile
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("hazard", ["script", "iframe", "title", "template", "symlink", "symlink-asset", "encoding"])
def test_each_hazard_is_reported_at_its_source_line(hostile, hazard):
    _, result, expected = hostile
    assert expected[hazard] in result.stdout, result.stdout


def test_nothing_is_published_and_nothing_is_left_behind(hostile):
    project, _, _ = hostile
    assert not (project / "site").exists()
    assert not list(project.glob(".site.building-*"))
    assert (project / "docs" / "us-motives.en.md").exists()  # sources untouched


def test_the_same_copy_without_the_hazards_builds(tmp_path):
    """The control: the copy as it was, with harmless HTML in place of the hostile."""
    project = copy_project(tmp_path / "project")
    _append(project, "docs/us-motives.en.md", '\n<span class="nobr" lang="en">plain words</span> stay text.\n')
    result = run_build(project, "--no-build")
    assert result.returncode == 0, result.stdout


def test_what_follows_from_the_refused_page_is_counted_not_listed(hostile):
    # The GBK page is missing from the nav, from the links to it and from its translation's
    # parity: one finding at the cause, and the summary counts the rest.
    _, result, expected = hostile
    about = [line for line in result.stdout.splitlines() if "about" in line.split(" — ")[0]]
    assert len(about) == 1 and about[0].startswith(expected["encoding"]), about
    assert "more left out: they follow from a page the build refused, FILE-ENCODING; fix that first" in result.stdout
