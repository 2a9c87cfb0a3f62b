"""The build script's source rules: for each, a broken input with the exact
finding (rule, file, line) beside a clean one."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings, strategies as st

from helpers import ROOT
from site_tools.chinese import check_copywriting, check_rejected_variants, check_traditional
from site_tools.figures import figures
from site_tools.glossary import load_glossary
from site_tools.languages import PageId
from site_tools.pages import parse_page
from site_tools.parity import check_heading_ids, check_parity
from site_tools.translation import section_hashes

GLOSSARY = load_glossary(ROOT)
FRONT = "---\ntitle: T\ndescription: D\n---\n"


def page(stem: str, lang: str, body: str):
    return parse_page(FRONT + body, f"docs/{stem}.{lang}.md", PageId(stem, lang))


def rules(findings):
    return [(f.rule, f.path, f.line) for f in findings]


# --- parity -----------------------------------------------------------------


def test_a_page_without_its_counterpart_is_an_error_naming_the_missing_file():
    findings = check_parity([page("a", "zh", "# 甲 {#a}\n")], GLOSSARY)
    assert rules(findings) == [("PARITY-PAGE", "docs/a.zh.md", 1)]
    assert "docs/a.en.md is missing" in findings[0].message
    assert check_parity([page("a", "zh", "# 甲 {#a}\n"), page("a", "en", "# A {#a}\n")], GLOSSARY) == []


def test_heading_ids_must_exist_and_be_kebab_case():
    assert rules(check_heading_ids(page("a", "zh", "# 甲 {#a}\n\n## 乙\n\n## 丙 {#Bing_1}\n"))) == [
        ("HEADING-ID", "docs/a.zh.md", 7),
        ("HEADING-ID", "docs/a.zh.md", 9),
    ]
    assert check_heading_ids(page("a", "zh", "# 甲 {#a}\n\n## 乙 {#yi}\n")) == []


def test_heading_ids_in_a_different_order_are_an_error():
    zh = page("a", "zh", "# 甲 {#a}\n\n## 乙 {#b}\n\n## 丙 {#c}\n")
    en = page("a", "en", "# A {#a}\n\n## C {#c}\n\n## B {#b}\n")
    [f] = check_parity([zh, en], GLOSSARY)
    # In the English file, whose ids follow the original's, naming the Chinese heading's line.
    assert (f.rule, f.path, f.line) == ("PARITY-HEADINGS", "docs/a.en.md", 7)
    assert f.message == "heading #c is number 2 here, but number 2 in docs/a.zh.md:7 is #b"
    assert f.fix.startswith("use the Chinese page's id: {#b}")


def test_a_section_new_in_chinese_is_reported_there_saying_where_the_english_goes():
    zh = page("a", "zh", "# 甲 {#a}\n\n## 新 {#new}\n\n## 乙 {#b}\n")
    en = page("a", "en", "# A {#a}\n\n## B {#b}\n")
    [f] = check_parity([zh, en], GLOSSARY)
    assert (f.rule, f.path, f.line) == ("PARITY-HEADINGS", "docs/a.zh.md", 7)
    assert f.message == "heading #new has no counterpart in docs/a.en.md"
    assert f.fix == "translate this section into docs/a.en.md with the same id, {#new}, before #b (docs/a.en.md:7)"
    at_end = page("a", "zh", "# 甲 {#a}\n\n## 乙 {#b}\n\n## 新 {#new}\n")
    [f] = check_parity([at_end, en], GLOSSARY)
    assert (f.path, f.line) == ("docs/a.zh.md", 9) and f.fix.endswith(", at the end of docs/a.en.md")


def test_a_section_only_the_english_has_is_reported_in_the_english_file():
    zh = page("a", "zh", "# 甲 {#a}\n\n## 乙 {#b}\n")
    en = page("a", "en", "# A {#a}\n\n## Extra {#extra}\n\n## B {#b}\n")
    [f] = check_parity([zh, en], GLOSSARY)
    assert (f.rule, f.path, f.line) == ("PARITY-HEADINGS", "docs/a.en.md", 7)
    assert f.message == "heading #extra has no counterpart in docs/a.zh.md"


def test_a_heading_id_renamed_in_chinese_after_translation_is_reported_in_the_chinese_file():
    from site_tools.translation import section_hashes

    zh_then = page("a", "zh", "# 甲 {#a}\n\n## 乙 {#b}\n")
    record = "".join(f"  {sid}: {h}\n" for sid, h in section_hashes(zh_then).items())
    front = f"---\ntitle: T\ndescription: D\ntranslated_from:\n{record}---\n"
    en = parse_page(front + "# A {#a}\n\n## B {#b}\n", "docs/a.en.md", PageId("a", "en"))
    zh_now = page("a", "zh", "# 甲 {#a}\n\n## 乙 {#b-new}\n")
    [f] = [f for f in check_parity([zh_now, en], GLOSSARY) if f.rule == "PARITY-HEADINGS"]
    assert (f.path, f.line) == ("docs/a.zh.md", 7)
    assert f.message == "heading #b-new is number 2 here, but number 2 in docs/a.en.md:10 is #b"


def test_a_heading_id_renamed_in_english_after_translation_is_reported_in_the_english_file():
    from site_tools.translation import section_hashes

    zh = page("a", "zh", "# 甲 {#a}\n\n## 乙 {#b}\n")
    record = "".join(f"  {sid}: {h}\n" for sid, h in section_hashes(zh).items())
    front = f"---\ntitle: T\ndescription: D\ntranslated_from:\n{record}---\n"
    en = parse_page(front + "# A {#a}\n\n## B {#b-renamed}\n", "docs/a.en.md", PageId("a", "en"))
    [f] = [f for f in check_parity([zh, en], GLOSSARY) if f.rule == "PARITY-HEADINGS"]
    assert (f.path, f.line) == ("docs/a.en.md", 10)


def test_a_page_with_crlf_line_endings_reads_like_any_other():
    zh, en = page("a", "zh", "# 甲 {#a}\n\n增长 82%。\n"), page("a", "en", "# A {#a}\n\nUp 82%.\n")
    crlf = parse_page(en.text.replace("\n", "\r\n"), "docs/a.en.md", PageId("a", "en"))
    assert check_parity([zh, crlf], GLOSSARY) == check_parity([zh, en], GLOSSARY) == []
    assert [s.id for s in crlf.headings] == ["a"]


def test_82_percent_written_out_in_english_matches_82_percent_in_chinese():
    zh = page("a", "zh", "# 甲 {#a}\n\n增长 82%。\n")
    assert check_parity([zh, page("a", "en", "# A {#a}\n\nUp 82 percent.\n")], GLOSSARY) == []
    assert rules(check_parity([zh, page("a", "en", "# A {#a}\n\nUp 28 percent.\n")], GLOSSARY)) != []


def test_a_context_note_missing_in_one_language_is_an_error():
    note = '!!! context "背景"\n    说明。[@reuters-2025-05-21]\n'
    zh = page("a", "zh", f"# 甲 {{#a}}\n\n正文。\n\n{note}")
    en = page("a", "en", "# A {#a}\n\nText, and no note.\n")
    assert sorted(rules(check_parity([zh, en], GLOSSARY))) == [
        ("PARITY-CITES", "docs/a.zh.md", 5),
        ("PARITY-NOTES", "docs/a.zh.md", 5),
    ]
    en_ok = page("a", "en", '# A {#a}\n\nText.\n\n!!! context "Context"\n    Note. [@reuters-2025-05-21]\n')
    assert check_parity([zh, en_ok], GLOSSARY) == []


# --- figures ----------------------------------------------------------------


def test_full_width_digits_and_percent_are_the_same_figures():
    assert [f[0] for f in figures("份额从 ９５％ 降至 ５０%")] == ["95%", "50%"]
    assert [f[0] for f in figures("份额从 95% 降至 50%")] == ["95%", "50%"]


def test_percent_written_out_is_a_percentage():
    assert [f[0] for f in figures("82 percent, 60 per cent and 95%")] == ["82%", "60%", "95%"]


def test_figures_normalise_chinese_and_english_units():
    assert [f[0] for f in figures("45 亿美元，1.2 万美元，95%，10 倍，2027 年")] == [
        "4500000000",
        "12000",
        "95%",
        "10×",
        "2027",
    ]
    assert [f[0] for f in figures("US$4.5 billion, US$12,000, 95%, 10×, 2027")] == [
        "4500000000",
        "12000",
        "95%",
        "10×",
        "2027",
    ]


def test_names_with_digits_are_not_figures():
    assert figures("H20、H100、GB200 NVL72、昇腾 910C、Kimi K2、FY2026") == []


def test_a_figure_missing_in_one_language_names_both_files():
    zh = page("a", "zh", "# 甲 {#a}\n\n损失 45 亿美元。\n")
    en = page("a", "en", "# A {#a}\n\nA loss of US$5.5 billion.\n")
    findings = check_parity([zh, en], GLOSSARY)
    assert sorted(rules(findings)) == [("FIGURE-PARITY", "docs/a.en.md", 7), ("FIGURE-PARITY", "docs/a.zh.md", 7)]
    zh_f = next(f for f in findings if f.path == "docs/a.zh.md")
    # The other file with the line of the paired paragraph (front matter is lines 1-4, the heading 5).
    assert zh_f.message == (
        "figure '45 亿' (= 4500000000) in paragraph 1 of section #a "
        "has no counterpart in its paragraph at docs/a.en.md:7"
    )
    # A figure outside the paragraphs (a list) is looked for in the whole section.
    zh_list = page("a", "zh", "# 甲 {#a}\n\n- 损失 45 亿美元。\n")
    en_list = page("a", "en", "# A {#a}\n\n- A loss of US$5.5 billion.\n")
    [listed, _] = sorted((f for f in check_parity([zh_list, en_list], GLOSSARY)), key=lambda f: f.path, reverse=True)
    assert listed.message == "figure '45 亿' (= 4500000000) in section #a has no counterpart in docs/a.en.md:5"
    en_ok = page("a", "en", "# A {#a}\n\nA loss of US$4.5 billion.\n")
    assert check_parity([zh, en_ok], GLOSSARY) == []


def test_a_parity_finding_says_which_side_changed_when_the_translation_record_tells():
    zh = page("a", "zh", "# 甲 {#a}\n\n损失 45 亿美元。\n")
    recorded = f"---\ntitle: T\ndescription: D\ntranslated_from:\n  a: {section_hashes(zh)['a']}\n---\n"
    en = parse_page(recorded + "# A {#a}\n\nA loss.\n", "docs/a.en.md", PageId("a", "en"))
    [f] = check_parity([zh, en], GLOSSARY)
    assert f.message.endswith("(the Chinese of #a is as it was translated: the difference came in docs/a.en.md)")
    zh_changed = page("a", "zh", "# 甲 {#a}\n\n损失 45 亿美元，另有说明。\n")
    [f] = check_parity([zh_changed, en], GLOSSARY)
    assert f.message.endswith("(the Chinese of #a changed after it was translated: bring docs/a.en.md up to date)")


# --- terms ------------------------------------------------------------------


def test_a_rejected_variant_is_an_error_in_either_language():
    zh = page("a", "zh", "# 甲 {#a}\n\n华为升腾芯片与辉达。\n")
    assert [(f.rule, f.line, f.col) for f in check_rejected_variants(zh, GLOSSARY)] == [
        ("TERM-VARIANT", 7, 3),
        ("TERM-VARIANT", 7, 8),
    ]
    en = page("a", "en", "# A {#a}\n\nNvidia and Kunlun Chip.\n")
    assert [f.message for f in check_rejected_variants(en, GLOSSARY)] == [
        "'Nvidia' is a rejected form of 'NVIDIA'",
        "'Kunlun Chip' is a rejected form of 'Kunlunxin'",
    ]
    assert check_rejected_variants(page("a", "en", "# A {#a}\n\nNVIDIA and Kunlunxin.\n"), GLOSSARY) == []


def test_a_term_dropped_in_translation_is_an_error():
    zh = page("a", "zh", "# 甲 {#a}\n\n寒武纪股价下跌。\n")
    en = page("a", "en", "# A {#a}\n\nThe company's shares fell.\n")
    [f] = check_parity([zh, en], GLOSSARY)
    assert (f.rule, f.path, f.line) == ("TERM-PARITY", "docs/a.zh.md", 7)
    assert "'寒武纪' is used in section #a but docs/a.en.md:5 does not name it there" == f.message
    assert check_parity([zh, page("a", "en", "# A {#a}\n\nCambricon's shares fell.\n")], GLOSSARY) == []


# --- Chinese text -----------------------------------------------------------


def test_traditional_characters_are_reported_with_the_simplified_form():
    [f] = check_traditional(page("a", "zh", "# 甲 {#a}\n\n这是输入測试。\n"), GLOSSARY)
    assert (f.rule, f.line, f.col, f.fix) == ("ZH-TRADITIONAL", 7, 5, "write '测'")
    assert check_traditional(page("a", "zh", "# 甲 {#a}\n\n华为昇腾芯片。\n"), GLOSSARY) == []


def test_a_title_or_description_is_checked_like_the_body_at_its_own_line_and_column():
    front = "---\ntitle: 輝達与华为升腾\ndescription: '说明'\n---\n"
    zh = parse_page(front + "# 甲 {#a}\n\n正文。\n", "docs/a.zh.md", PageId("a", "zh"))
    assert [(f.rule, f.line, f.col) for f in check_traditional(zh, GLOSSARY)] == [
        ("ZH-TRADITIONAL", 2, 8),
        ("ZH-TRADITIONAL", 2, 9),
    ]
    assert [(f.rule, f.line, f.col) for f in check_rejected_variants(zh, GLOSSARY)] == [
        ("TERM-VARIANT", 2, 8),
        ("TERM-VARIANT", 2, 13),
    ]
    clean = parse_page("---\ntitle: 英伟达与华为昇腾\n---\n# 甲 {#a}\n", "docs/a.zh.md", PageId("a", "zh"))
    assert check_traditional(clean, GLOSSARY) == check_rejected_variants(clean, GLOSSARY) == []


def test_a_heading_is_checked_for_traditional_characters():
    [f] = check_traditional(page("a", "zh", "# 測试 {#a}\n\n正文。\n"), GLOSSARY)
    assert (f.rule, f.line, f.col) == ("ZH-TRADITIONAL", 5, 3)


def test_copywriting_wants_spaces_and_full_width_punctuation():
    text = FRONT + "# 甲 {#a}\n\n英伟达H20芯片,售价1.2万美元。\n"
    [f] = check_copywriting(page("a", "zh", text[len(FRONT) :]), text, GLOSSARY)
    assert (f.rule, f.line) == ("ZH-COPYWRITING", 7)
    assert "英伟达 H20 芯片，售价 1.2 万美元。" in f.fix
    ok = FRONT + "# 甲 {#a}\n\n英伟达 H20 芯片，售价 1.2 万美元。\n"
    assert check_copywriting(page("a", "zh", ok[len(FRONT) :]), ok, GLOSSARY) == []


# --- front matter and robustness ----------------------------------------------


def test_malformed_front_matter_is_a_finding_with_its_line():
    p = parse_page("---\ntitle: a: b\n---\n# A {#a}\n", "docs/a.en.md", PageId("a", "en"))
    assert [(f.rule, f.line) for f in p.findings] == [("FRONT-MATTER", 2)]


def test_a_page_saved_with_a_byte_order_mark_reads_like_any_other(tmp_path):
    from site_tools.pages import read_page

    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "a.zh.md"
    path.write_bytes("\ufeff---\ntitle: 甲\ndescription: 乙\n---\n# 甲 {#a}\n\n正文。\n".encode())
    read = read_page(path, tmp_path)
    assert read.findings == [] and read.meta == {"title": "甲", "description": "乙"}


def test_a_card_figure_without_its_caption_is_one_finding_at_the_figure_saying_what_to_add():
    alone = parse_page(
        '---\ntitle: T\ndescription: D\ncard_figure: "82%"\n---\n# A {#a}\n', "docs/a.en.md", PageId("a", "en")
    )
    [f] = alone.findings
    assert (f.rule, f.line, f.message) == (
        "FRONT-MATTER",
        4,
        "the front matter has 'card_figure' without 'card_caption'",
    )
    assert f.fix.startswith("add 'card_caption:' (What the card's figure counts")
    both = '---\ntitle: T\ndescription: D\ncard_figure: "82%"\ncard_caption: Self-sufficiency\n---\n# A {#a}\n'
    assert parse_page(both, "docs/a.en.md", PageId("a", "en")).findings == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_markdown_gives_findings_never_a_traceback(text):
    zh = parse_page(text, "docs/a.zh.md", PageId("a", "zh"))
    en = parse_page(text[::-1], "docs/a.en.md", PageId("a", "en"))
    check_parity([zh, en], GLOSSARY)
    check_rejected_variants(zh, GLOSSARY)
    check_traditional(zh, GLOSSARY)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_yaml_gives_a_data_finding_never_a_traceback(tmp_path_factory, text):
    from site_tools.findings import DataError
    from site_tools.sources import load_sources

    root = tmp_path_factory.mktemp("y")
    (root / "docs" / "data").mkdir(parents=True)
    (root / "docs" / "data" / "sources.yml").write_text(text, encoding="utf-8")
    try:
        load_sources(root)
    except DataError as e:
        assert all(f.path == "docs/data/sources.yml" and f.line >= 0 for f in e.findings)


# --- the real site ------------------------------------------------------------


def test_the_real_site_has_no_findings_in_json_format():
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--no-build", "--strict", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stdout


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_csv_gives_a_data_finding_never_a_traceback(tmp_path_factory, text):
    from site_tools.charts import load_rows
    from site_tools.sources import load_sources

    root = tmp_path_factory.mktemp("c")
    path = root / "docs" / "charts" / "x.csv"
    path.parent.mkdir(parents=True)
    path.write_text("label_zh,label_en,value,unit,date,source\n" + text, encoding="utf-8")
    rows, findings = load_rows(path, root, load_sources(ROOT))
    assert all(f.path == "docs/charts/x.csv" and f.line >= 0 for f in findings)
    assert rows or findings


# --- built HTML ---------------------------------------------------------------


def _site(tmp_path, html: str):
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    (tmp_path / "other.html").write_text('<h2 id="there">x</h2>', encoding="utf-8")
    from site_tools.html_checks import check_built_site

    return check_built_site(tmp_path, "https://h20-explainer.github.io/h20/")


def test_built_html_links_resolve_to_files_and_ids(tmp_path):
    findings = _site(tmp_path, '<p>\n<a href="other.html#nowhere">a</a> <img src="missing.svg"></p>')
    assert [(f.rule, f.path, f.line, f.col) for f in findings] == [
        ("LINK-ANCHOR", "site/index.html", 2, 1),
        ("LINK-TARGET", "site/index.html", 2, 36),
    ]
    assert findings[0].message == "<a href=\"other.html#nowhere\">: no id 'nowhere' in site/other.html"
    assert _site(tmp_path, '<a href="other.html#there">a</a>') == []


def test_external_links_must_be_well_formed_https(tmp_path):
    findings = _site(tmp_path, '<a href="http://example.org/">a</a><a href="https://no_tld/">b</a>')
    assert [(f.rule, f.message) for f in findings] == [
        ("LINK-EXTERNAL", "external link http://example.org/ is not https"),
        ("LINK-EXTERNAL", "malformed URL https://no_tld/"),
    ]
    assert _site(tmp_path, '<a href="https://example.org/">a</a>') == []


def test_a_page_without_a_description_is_reported():
    page = parse_page("---\ntitle: T\n---\n# T {#t}\n", "docs/t.en.md", PageId("t", "en"))
    assert [(f.rule, f.path, f.line, f.message) for f in page.findings] == [
        ("FRONT-MATTER", "docs/t.en.md", 2, "the front matter has no 'description'")
    ]
    ok = parse_page("---\ntitle: T\ndescription: D.\n---\n# T {#t}\n", "docs/t.en.md", PageId("t", "en"))
    assert ok.findings == []


def test_a_byte_order_mark_is_accepted_and_a_legacy_encoding_is_named_at_its_line(tmp_path):
    from site_tools.pages import read_page

    text = "---\ntitle: 甲\ndescription: 乙。\n---\n\n# 甲 {#a}\n"
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "a.zh.md"
    page.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # what Notepad writes
    assert read_page(page, tmp_path).findings == []
    page.write_bytes(text.encode("gbk"))
    [f] = read_page(page, tmp_path).findings
    assert (f.rule, f.line, f.col) == ("FILE-ENCODING", 2, 8) and "GBK" in f.message
