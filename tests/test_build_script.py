"""The build script as contributors meet it: messages, formats, exit codes, and
a site that is only replaced by a successful build."""

from __future__ import annotations

import json
import re

import pytest

from helpers import copy_project, run_build
from site_tools.serve import base_path


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def _edit(project, rel, old, new):
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture(scope="module")
def broken_links(tmp_path_factory):
    """One copy with three independent mistakes, built once: two broken links, and a section
    added to a Chinese page only. (build result, line of each)."""
    project = copy_project(tmp_path_factory.mktemp("links") / "project")
    link = _edit(project, "docs/conclusion.en.md", "(us-motives.md)", "(us-motivs.md)")
    text = (project / "docs" / "index.zh.md").read_text(encoding="utf-8")
    text += "\n见[第一部分](us-motives.md#no-such-section)。\n"
    (project / "docs" / "index.zh.md").write_text(text, encoding="utf-8")
    added = _edit(
        project,
        "docs/us-motives.zh.md",
        "## 市场逻辑",
        "## 新增一节 {#added-in-chinese}\n\n新增的一段。\n\n## 市场逻辑",
    )
    return run_build(project), {"link": link, "anchor": text.count("\n"), "added": added}


def test_a_broken_page_link_is_reported_with_file_line_and_rule(broken_links):
    result, lines = broken_links
    assert result.returncode == 1
    assert f"docs/conclusion.en.md:{lines['link']}:" in result.stdout
    assert "error LINK-TARGET: Doc file 'conclusion.en.md' contains a link 'us-motivs.md'" in result.stdout


def test_a_broken_anchor_is_reported_with_file_and_line(broken_links):
    result, lines = broken_links
    assert result.returncode == 1
    # MkDocs' own validation finds it in the Markdown, located to the line:
    assert re.search(
        rf"docs/index\.zh\.md:{lines['anchor']}:\d+: error LINK-ANCHOR: Doc file 'index\.zh\.md' contains a link "
        r"'us-motives\.md#no-such-section', but the doc 'us-motives\.zh\.md' does not contain an anchor",
        result.stdout,
    ), result.stdout


def test_a_failed_build_leaves_the_previous_site_untouched(project, built_site):
    import shutil

    shutil.copytree(built_site, project / "site")  # a previous build (the run's, not built again)
    before = (project / "site" / "index.html").read_text(encoding="utf-8")
    _edit(project, "docs/index.en.md", "(us-motives.md)", "(missing.md)")
    assert run_build(project).returncode == 1
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == before
    assert not list(project.glob(".site.building-*")), "temporary build folder left behind"


def test_a_missing_translation_fails_naming_the_file(project):
    (project / "docs" / "conclusion.en.md").unlink()
    result = run_build(project, "--no-build")
    assert result.returncode == 1
    assert (
        "docs/conclusion.zh.md:1:1: error PARITY-PAGE: docs/conclusion.zh.md has no counterpart: "
        "docs/conclusion.en.md is missing"
    ) in result.stdout


def test_github_format_prints_annotations(project):
    _edit(project, "docs/impact-on-china.en.md", "Cambricon", "Cambricon Nvidia")
    result = run_build(project, "--no-build", "--format", "github")
    assert result.returncode == 1
    assert "::error file=docs/impact-on-china.en.md,line=" in result.stdout and "title=TERM-VARIANT::" in result.stdout


def test_json_format_is_machine_readable(project):
    _edit(project, "docs/impact-on-china.en.md", "Cambricon", "Cambricon Nvidia")
    result = run_build(project, "--no-build", "--format", "json")
    findings = json.loads(result.stdout)
    assert {f["rule"] for f in findings} == {"TERM-VARIANT"}
    assert set(findings[0]) == {"path", "line", "col", "rule", "message", "fix", "severity"}


def test_malformed_data_is_a_finding_not_a_traceback(project):
    (project / "docs" / "data" / "sources.yml").write_text("- id: x\n  title: [unclosed\n", encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "docs/data/sources.yml:3:1: error DATA-SOURCES: malformed YAML" in result.stdout


def test_a_usage_error_exits_2(project):
    assert run_build(project, "--format", "xml").returncode == 2


def test_unknown_directives_and_charts_are_reported_at_their_line(project):
    path = project / "docs" / "conclusion.zh.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n::: chart no-such-chart\n\n::: gallery\n", encoding="utf-8")
    lines = text.count("\n")
    result = run_build(project, "--no-build")
    assert f"docs/conclusion.zh.md:{lines + 2}:1: error CHART-UNKNOWN: no chart 'no-such-chart'" in result.stdout
    assert f"docs/conclusion.zh.md:{lines + 4}:1: error DIRECTIVE: unknown directive '::: gallery'" in result.stdout


def test_mkdocs_serve_serves_both_languages_and_shows_the_rules_as_warnings(project):
    # `mkdocs serve` reports the build script's rules through the plugin, and keeps serving.
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    _edit(project, "docs/impact-on-china.en.md", "Cambricon", "Cambricon Nvidia")  # a warning, not a crash
    base = base_path(project)  # e.g. /h20/
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        pages = {}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(pages) < 2:
            for path in (base + "index.html", base + "en/impact-on-china.html"):
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as r:
                        pages[path] = r.read().decode("utf-8")
                except OSError:
                    time.sleep(1)
        assert '<html lang="zh-Hans"' in pages[base + "index.html"]
        assert '<html lang="en"' in pages[base + "en/impact-on-china.html"]
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert re.search(
        r"WARNING\s+-\s+h20: docs/impact-on-china\.en\.md:\d+:\d+: error TERM-VARIANT: 'Nvidia' is a "
        r"rejected form of 'NVIDIA'",
        output,
    ), output


def test_a_contributors_untracked_page_is_not_in_the_copies_the_tests_break(tmp_path):
    """CONTRIBUTING's worked example, half done in a checkout, must not break `make test`."""
    import subprocess

    checkout = tmp_path / "checkout"
    (checkout / "docs").mkdir(parents=True)
    (checkout / "mkdocs.yml").write_text("site_name: x\n")
    (checkout / "docs" / "us-motives.zh.md").write_text("---\ntitle: 甲\n---\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=checkout, check=True)
    subprocess.run(["git", "add", "."], cwd=checkout, check=True)
    (checkout / "docs" / "chip-rules.zh.md").write_text("---\ntitle: 写到一半\n---\n", encoding="utf-8")
    project = copy_project(tmp_path / "project", root=checkout)
    assert (project / "docs" / "us-motives.zh.md").exists() and (project / "mkdocs.yml").exists()
    assert not (project / "docs" / "chip-rules.zh.md").exists()


def test_a_broken_link_is_reported_once_and_never_in_the_built_site(broken_links):
    result, _ = broken_links
    lines = [line for line in result.stdout.splitlines() if "us-motivs" in line]
    assert len(lines) == 1 and lines[0].startswith("docs/conclusion.en.md:")
    assert "site/" not in result.stdout


def test_a_section_added_in_chinese_only_is_one_parity_error_and_the_outdated_notice_links_nothing_broken(
    broken_links,
):
    """The English page's "translation outdated" notice names the new section: as a link to the
    Chinese page's section, never to an id the English page (or a view built from it) lacks."""
    result, lines = broken_links
    about_it = [line for line in result.stdout.splitlines() if "added-in-chinese" in line]
    assert len(about_it) == 1, about_it
    assert about_it[0].startswith(f"docs/us-motives.zh.md:{lines['added']}:1: error PARITY-HEADINGS")
