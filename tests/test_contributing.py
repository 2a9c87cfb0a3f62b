"""Contributing: page scaffolding, translation drift, untranslated pages."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from helpers import ROOT, copy_project, run_build
from site_tools.languages import PageId
from site_tools.pages import parse_page
from site_tools.translation import check_drift, section_hashes

ZH = "---\ntitle: 甲\ndescription: 说明。\n---\n\n# 甲 {#a}\n\n第一段。\n\n## 乙 {#b}\n\n第二段。\n"


def zh_page(text=ZH):
    return parse_page(text, "docs/a.zh.md", PageId("a", "zh"))


def en_page(recorded: dict | None):
    front = "---\ntitle: A\ndescription: D.\n"
    if recorded is not None:
        front += "translated_from:\n" + "".join(f"  {k}: {v}\n" for k, v in recorded.items())
    return parse_page(front + "---\n\n# A {#a}\n\nFirst.\n\n## B {#b}\n\nSecond.\n", "docs/a.en.md", PageId("a", "en"))


@pytest.fixture
def project(tmp_path):
    root = copy_project(tmp_path / "project")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


# --- drift ------------------------------------------------------------------


def test_a_translation_that_records_the_current_chinese_is_up_to_date():
    assert check_drift(zh_page(), en_page(section_hashes(zh_page()))) == []


def test_a_changed_chinese_section_makes_its_english_section_outdated():
    recorded = section_hashes(zh_page())
    changed = zh_page(ZH.replace("第二段。", "第二段，已修改。"))
    [f] = check_drift(changed, en_page(recorded))
    assert (f.rule, f.path, f.line, f.severity) == ("TRANSLATION-OUTDATED", "docs/a.en.md", 13, "warning")
    assert "section #b is outdated" in f.message and "make translated PAGE=a" in f.fix


def test_an_english_page_that_records_nothing_is_reported():
    [f] = check_drift(zh_page(), en_page(None))
    assert f.rule == "TRANSLATION-UNRECORDED"


def _change_zh_section(project):
    path = project / "docs" / "us-motives.zh.md"
    text = path.read_text(encoding="utf-8")
    anchor = "## 市场逻辑"
    assert anchor in text
    i = text.index("\n\n", text.index(anchor)) + 2
    path.write_text(text[:i] + "本段为测试新增的一句话。\n\n" + text[i:], encoding="utf-8")


def test_drift_end_to_end_warning_locally_error_in_strict_mode_and_a_notice(project):
    _change_zh_section(project)
    local = run_build(project)
    assert local.returncode == 0, local.stdout
    assert re.search(
        r"docs/us-motives\.en\.md:\d+:1: warning TRANSLATION-OUTDATED: section #market-logic is "
        r"outdated",
        local.stdout,
    )
    html = (project / "site" / "en" / "us-motives.html").read_text(encoding="utf-8")
    notice = re.search(
        r'<div class="admonition warning translation-notice" data-notice="outdated".*?</div>', html, re.S
    )[0]
    assert "This translation may be outdated" in notice and 'href="#market-logic"' in notice
    # "Read the current Chinese" goes to the changed section, not to the top of the page:
    assert 'href="../us-motives.html#market-logic" hreflang="zh-Hans">Read the current Chinese version' in notice
    strict = run_build(project, "--no-build", "--strict")  # the same rules, without building again
    assert strict.returncode == 1 and "error TRANSLATION-OUTDATED" in strict.stdout
    # The translator updates the English (a paragraph for the new one), then records it:
    en = project / "docs" / "us-motives.en.md"
    text = en.read_text(encoding="utf-8")
    i = text.index("\n\n", text.index("{#market-logic}")) + 2
    en.write_text(text[:i] + "A sentence added for the test.\n\n" + text[i:], encoding="utf-8")
    subprocess.run([sys.executable, "scripts/translation.py", "record", "us-motives"], cwd=project, check=True)
    assert run_build(project, "--strict").returncode == 0
    assert "translation-notice" not in (project / "site" / "en" / "us-motives.html").read_text(encoding="utf-8")


# --- scaffolding --------------------------------------------------------------


def test_new_page_creates_both_files_and_the_nav_entry_and_the_site_still_builds(project):
    result = subprocess.run(
        [sys.executable, "scripts/new_page.py", "chip-rules", "芯片规则", "Chip rules"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    zh = (project / "docs" / "chip-rules.zh.md").read_text(encoding="utf-8")
    en = (project / "docs" / "chip-rules.en.md").read_text(encoding="utf-8")
    assert "title: 芯片规则" in zh and "# 芯片规则 {#chip-rules}" in zh
    assert 'title: "Chip rules"' in en and "# Chip rules {#chip-rules}" in en and "translated_from:" in en
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")[1]
    assert nav.index("- chip-rules.md") < nav.index("- timeline.md")
    build = run_build(project)  # a preview at once
    assert build.returncode == 0, build.stdout
    assert (project / "site" / "chip-rules.html").exists() and (project / "site" / "en" / "chip-rules.html").exists()
    # ... but not a page to publish: its placeholders fail --strict (CI), each at its line.
    strict = run_build(project, "--no-build", "--strict")
    assert strict.returncode == 1
    scaffolds = [line.split(": error")[0] for line in strict.stdout.splitlines() if "SCAFFOLD" in line]
    written = {lang: (project / "docs" / f"chip-rules.{lang}.md").read_text(encoding="utf-8") for lang in ("zh", "en")}
    comment = {lang: text[: text.index("<!--")].count("\n") + 1 for lang, text in written.items()}
    assert scaffolds == [  # the Chinese original first
        "docs/chip-rules.zh.md:3:19",  # the stand-in description, after the title
        f"docs/chip-rules.zh.md:{comment['zh']}:1",  # the comment that says where to write
        "docs/chip-rules.en.md:3:27",
        f"docs/chip-rules.en.md:{comment['en']}:1",
    ]
    # The rest of the guide's round: write both pages, record the translation; --strict passes.
    (project / "docs" / "chip-rules.zh.md").write_text(
        "---\ntitle: 芯片规则\ndescription: 美国芯片出口规则概览。\n---\n\n"
        "# 芯片规则 {#chip-rules}\n\n本页概述芯片规则。\n",
        encoding="utf-8",
    )
    (project / "docs" / "chip-rules.en.md").write_text(
        "---\ntitle: Chip rules\ndescription: An overview of US chip export rules.\n---\n\n"
        "# Chip rules {#chip-rules}\n\nThis page outlines the chip rules.\n",
        encoding="utf-8",
    )
    recorded = subprocess.run(
        [sys.executable, "scripts/translation.py", "record", "docs/chip-rules.en.md"], cwd=project, capture_output=True
    )
    assert recorded.returncode == 0, recorded.stderr
    done = run_build(project, "--no-build", "--strict")
    assert done.returncode == 0 and "✓ 0 errors, 0 warnings" in done.stdout, done.stdout


def test_the_guides_example_page_is_one_no_test_creates():
    # Tests copy only tracked files, and the guide's example must not be a page a test makes either.
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    slug = re.search(r"make new-page SLUG=([a-z0-9-]+)", guide.split("## Quick path", 1)[1])[1]
    assert slug in (ROOT / "CONTRIBUTING.zh.md").read_text(encoding="utf-8")
    for path in (ROOT / "tests").rglob("*.py"):
        assert slug not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(
    "args, message",
    [
        (["Chip_Rules", "芯片", "Chip"], "must be English kebab-case"),
        (["index", "导读", "Overview"], "already exists"),
    ],
)
def test_new_page_refuses_bad_input(project, args, message):
    result = subprocess.run([sys.executable, "scripts/new_page.py", *args], cwd=project, capture_output=True, text=True)
    assert result.returncode == 2 and message in result.stderr


# --- untranslated pages -------------------------------------------------------


def _zh_only_page(project, pending: bool):
    front = "---\ntitle: 新页面\ndescription: 一个尚未翻译的页面。\n" + ("translation: pending\n" if pending else "")
    (project / "docs" / "new-topic.zh.md").write_text(
        front + "---\n\n# 新页面 {#new-topic}\n\n寒武纪是一家公司。\n", encoding="utf-8"
    )
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  - timeline.md", "  - new-topic.md\n  - timeline.md"),
        encoding="utf-8",
    )


def test_a_page_missing_in_english_fails_unless_declared_pending(project):
    _zh_only_page(project, pending=False)
    result = run_build(project, "--no-build")
    assert result.returncode == 1 and "PARITY-PAGE" in result.stdout and "translation: pending" in result.stdout


def test_a_pending_page_is_published_under_en_with_a_not_yet_translated_notice(project):
    _zh_only_page(project, pending=True)
    result = run_build(project, "--strict")
    assert result.returncode == 0, result.stdout
    html = (project / "site" / "en" / "new-topic.html").read_text(encoding="utf-8")
    assert 'data-notice="untranslated"' in html and "Not yet translated" in html
    assert '<div lang="zh-Hans">' in html and '<meta name="robots" content="noindex">' in html
    index = json.loads((project / "site" / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith("new-topic.html") for d in index["docs"])


def test_a_hash_of_digits_only_is_still_a_recorded_version(monkeypatch):
    import site_tools.translation as t

    monkeypatch.setattr(t, "_fingerprint", lambda title, lines: "123456789012")
    zh = zh_page()
    text = "---\ntitle: A\ndescription: D.\ntranslated_from:\n  a: 123456789012\n  b: 123456789012\n---\n# A {#a}\n"
    assert t.outdated_sections(zh, parse_page(text, "docs/a.en.md", PageId("a", "en"))) == []


def test_the_outdated_notice_links_to_a_changed_section_the_original_still_has():
    from site_tools.notices import outdated_notice

    pid = PageId("us-motives", "en")
    sections = [("renamed-in-chinese", "Old"), ("market-logic", "Market logic")]
    notice = outdated_notice(
        pid, "en/us-motives.html", sections, {"renamed-in-chinese", "market-logic"}, {"market-logic"}
    )
    assert 'href="../us-motives.html#market-logic"' in notice
    assert 'href="../us-motives.html"' in outdated_notice(
        pid, "en/us-motives.html", sections, set(), set()
    )  # no broken link


def test_the_outdated_notice_names_a_section_new_in_the_original_by_a_link_to_the_original():
    from site_tools.notices import outdated_notice

    pid = PageId("us-motives", "en")
    notice = outdated_notice(pid, "en/us-motives.html", [("new-in-chinese", "新增一节")], set(), {"new-in-chinese"})
    assert 'href="#new-in-chinese"' not in notice  # this page has no such id
    assert '<a href="../us-motives.html#new-in-chinese" hreflang="zh-Hans">新增一节</a>' in notice
