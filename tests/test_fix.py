"""`build.py --fix`: autocorrect's spacing and punctuation, applied only where it is safe,
shown as a diff. Each trap is a line autocorrect alone would damage."""

from __future__ import annotations

import pytest

from helpers import ROOT, copy_project, run_build
from site_tools.chinese import fix_copywriting
from site_tools.glossary import load_glossary
from site_tools.languages import PageId
from site_tools.pages import parse_page

GLOSSARY = load_glossary(ROOT)


def fixed(body: str, front: str = "title: 标题\n") -> str:
    text = f"---\n{front}---\n\n# 标题 {{#top}}\n\n{body}\n"
    page = parse_page(text, "docs/trap.zh.md", PageId("trap", "zh"))
    return fix_copywriting(page, GLOSSARY).split("# 标题 {#top}\n\n", 1)[1].rstrip("\n")


def test_spacing_and_punctuation_are_fixed_in_plain_prose():
    assert fixed("数据来自2025-07-22的报道,H20很重要.") == "数据来自 2025-07-22 的报道，H20 很重要。"


@pytest.mark.parametrize(
    "line",
    [
        "多琳·波格丹-马丁说，AI 芯片很重要。",  # a glossary name
        "让-保罗·萨特是作家。",  # a name that is in no glossary, joined by a hyphen and a middle dot
        "他说：“美国AI芯片政策松绑了”。",  # a quotation, kept as quoted
        "见 `make new-page SLUG=ai芯片`。",  # code
        "见 [官网](https://example.org/ai芯片/h20芯片)。",  # a link target
        '见 <abbr title="AI芯片">AI</abbr>。',  # an HTML attribute
    ],
)
def test_names_quotations_code_link_targets_and_html_are_never_touched(line):
    assert fixed(line) == line


def test_the_text_around_a_protected_span_is_still_fixed():
    assert fixed("让-保罗·萨特和H20同在，见[官网](https://example.org/ai芯片)。") == (
        "让-保罗·萨特和 H20 同在，见[官网](https://example.org/ai芯片)。"
    )


def test_fenced_code_is_left_as_written():
    assert fixed("```text\nAI芯片,H20\n```") == "```text\nAI芯片,H20\n```"


def test_front_matter_keys_and_values_are_left_as_written():
    front = "---\ntitle: AI芯片,H20\ndescription: 数据来自2025年.\ntranslated_from:\n  top: 0123456789ab\n---\n"
    text = front + "\n# 标题 {#top}\n\nAI芯片很重要.\n"
    out = fix_copywriting(parse_page(text, "docs/trap.zh.md", PageId("trap", "zh")), GLOSSARY)
    assert out == front + "\n# 标题 {#top}\n\nAI 芯片很重要。\n"  # the body is fixed, the front matter not


def test_a_crlf_line_keeps_its_line_ending():
    assert fixed("AI芯片很重要\r") == "AI 芯片很重要\r"


def test_the_command_prints_a_diff_of_what_it_changed_and_writes_the_file(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs" / "us-motives.zh.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace("美国政府", "美国政府用AI芯片", 1), encoding="utf-8")
    result = run_build(project, "--no-build", "--fix")
    assert "--- a/docs/us-motives.zh.md\n+++ b/docs/us-motives.zh.md\n" in result.stdout
    assert "+" in result.stdout and "用 AI 芯片" in result.stdout
    assert page.read_text(encoding="utf-8") == original.replace("美国政府", "美国政府用 AI 芯片", 1)
