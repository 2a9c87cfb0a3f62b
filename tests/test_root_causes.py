"""One root cause, one finding: a data file that does not load is reported once, at its line,
and the rules that need it wait (one notice) instead of reporting a consequence per page."""

from __future__ import annotations

import pytest

from helpers import copy_project
from site_tools.checks import check_site_data
from site_tools.findings import Finding, root_causes_first, without_consequences
from site_tools.site import load_site


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("roots") / "project")


def _findings_with(project, rel: str, old: str, new: str) -> list[Finding]:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        return check_site_data(load_site(project))
    finally:
        path.write_text(text, encoding="utf-8")


def test_the_unbroken_copy_has_no_findings(project):
    assert [f for f in check_site_data(load_site(project)) if f.severity != "notice"] == []


def test_a_yaml_error_in_the_glossary_is_one_finding_not_one_per_name_it_protects(project):
    line = (project / "docs/data/glossary.yml").read_text(encoding="utf-8").split("  zh: 英伟达\n")[0].count("\n") + 1
    found = _findings_with(project, "docs/data/glossary.yml", "  zh: 英伟达\n", "  zh: 英伟达: 公司\n")
    [error] = [f for f in found if f.severity == "error"]
    assert (error.path, error.line, error.rule) == ("docs/data/glossary.yml", line, "DATA-GLOSSARY")
    assert error.fix == 'put the value in double quotes: zh: "英伟达: 公司"'
    [notice] = [f for f in found if f.severity == "notice" and f.rule == "RULES-SKIPPED"]
    assert "ZH-TRADITIONAL" in notice.message  # 昇 in 昇腾 would otherwise be reported on every page


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("  en: a, b: c", 'put the value in double quotes: en: "a, b: c"'),
        ("  en: [NVIDIA] chips", 'put the value in double quotes: en: "[NVIDIA] chips"'),
        ("  en: `code`", 'put the value in double quotes: en: "`code`"'),
        ('  en: "open', "close the quote that opens here, with the same quote mark"),
        ("   en: y", "line this key up with the other keys of its entry (same indentation)"),
        ("\ten: y", "indent with spaces, not tabs"),
    ],
)
def test_a_yaml_syntax_error_says_what_to_write_at_the_line_that_holds_it(line, fix):
    from site_tools.datafile import DataError, load_yaml_text

    with pytest.raises(DataError) as raised:
        load_yaml_text(f"- id: x\n  zh: 甲\n{line}\n- id: y\n", "docs/data/glossary.yml", "DATA-GLOSSARY")
    [finding] = raised.value.findings
    assert (finding.line, finding.fix) == (3, fix)


def test_well_formed_yaml_with_quoted_colons_loads():
    from site_tools.datafile import load_yaml_text

    assert load_yaml_text('- id: x\n  en: "a, b: c"\n', "docs/data/glossary.yml", "DATA-GLOSSARY") == [
        {"id": "x", "en": "a, b: c"}
    ]


def test_a_term_missing_its_english_form_is_one_finding_at_the_term(project):
    found = _findings_with(project, "docs/data/glossary.yml", "  en: NVIDIA\n", "")
    errors = [f for f in found if f.severity == "error"]
    assert [(f.path, f.rule) for f in errors] == [("docs/data/glossary.yml", "DATA-GLOSSARY")]
    assert "term 'nvidia' has no 'en'" in errors[0].message


def test_one_bad_field_in_the_sources_is_one_finding_not_one_per_citation(project):
    dated = '  date: "2025-07-22"\n'
    found = _findings_with(project, "docs/data/sources.yml", dated, dated + "  bogus: 1\n")
    errors = [(f.path, f.rule) for f in found if f.severity == "error"]
    assert errors == [("docs/data/sources.yml", "DATA-SOURCES")]
    assert any(f.rule == "RULES-SKIPPED" and "SOURCE-CITE" in f.message for f in found)


def test_findings_come_root_causes_first():
    page = Finding("docs/a.zh.md", 3, 1, "ZH-TRADITIONAL", "x")
    front = Finding("docs/b.zh.md", 2, 1, "FRONT-MATTER", "x")
    data = Finding("docs/data/sources.yml", 40, 1, "DATA-SOURCES", "x")
    whole_file = Finding("docs/data/sources.yml", 0, 0, "RULES-SKIPPED", "x", severity="notice")
    assert sorted([page, whole_file, front, data], key=root_causes_first) == [data, whole_file, front, page]
    assert sorted([page, front, data]) != [data, front, page]  # path order alone would start with a page


def test_a_chinese_original_comes_before_its_translation_and_pages_stay_together():
    zh = Finding("docs/a.zh.md", 9, 1, "PARITY-HEADINGS", "x")
    en = Finding("docs/a.en.md", 3, 1, "TERM-VARIANT", "x")
    other = Finding("docs/b.en.md", 1, 1, "TERM-VARIANT", "x")
    assert sorted([other, en, zh], key=root_causes_first) == [zh, en, other]
    assert sorted([other, en, zh]) == [en, zh, other]  # by path, the translation came first


def test_the_checks_without_a_build_find_an_image_from_another_host_at_its_markdown_line(project):
    image = "\n\n![chart](https://example.org/x.png)\n\n## "
    found = _findings_with(project, "docs/conclusion.en.md", "\n\n## ", image)
    [f] = [f for f in found if f.rule == "THIRD-PARTY"]
    text = (project / "docs" / "conclusion.en.md").read_text(encoding="utf-8")
    assert (f.path, f.line) == ("docs/conclusion.en.md", text[: text.index("\n\n## ")].count("\n") + 3)


def test_findings_that_name_a_refused_page_are_left_out_and_counted():
    cause = Finding("docs/about.zh.md", 2, 8, "FILE-ENCODING", "the file is not UTF-8", "save it as UTF-8")
    follow = [
        Finding("docs/index.zh.md", 80, 12, "LINK-TARGET", "… contains a link 'about.md', but it is not found", ""),
        Finding("docs/about.md", 0, 0, "MKDOCS", "A reference to 'about.md' is included in the 'nav'", ""),
        Finding("docs/about.en.md", 14, 1, "PARITY-HEADINGS", "… number 1 in docs/about.zh.md is missing", ""),
    ]
    unrelated = Finding("docs/index.zh.md", 9, 1, "LINK-TARGET", "… contains a link 'us-motivs.md', but …", "")
    assert without_consequences([cause, *follow, unrelated]) == ([cause, unrelated], 3)
    assert without_consequences([*follow, unrelated]) == ([*follow, unrelated], 0)  # no refused page: all stay


def test_an_emptied_glossary_is_one_finding_at_the_glossary(project):
    path = project / "docs" / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text("# every term deleted by mistake\n", encoding="utf-8")
    try:
        found = check_site_data(load_site(project))
    finally:
        path.write_text(text, encoding="utf-8")
    glossary = [f for f in found if f.path == "docs/data/glossary.yml" and f.severity == "error"]
    assert [(f.rule, f.message) for f in glossary] == [("DATA-GLOSSARY", "the glossary has no terms")]
    assert not [f for f in found if f.rule == "ZH-TRADITIONAL"]  # 昇 in 昇腾 waits for the glossary
