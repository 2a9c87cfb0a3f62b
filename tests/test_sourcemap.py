"""Findings of the built HTML are reported where the contributor wrote the cause."""

from __future__ import annotations

from site_tools.findings import Finding
from site_tools.languages import PageId
from site_tools.pages import parse_page
from site_tools.sourcemap import to_sources

PAGE = parse_page(
    "---\ntitle: C\ndescription: D.\n---\n# C {#c}\n\nSee [part one](us-motivs.md).\n\n![x](https://example.org/x.png)\n",
    "docs/conclusion.en.md",
    PageId("conclusion", "en"),
)


def built(message: str, rule: str = "LINK-TARGET") -> Finding:
    return Finding("site/en/conclusion.html", 761, 4, rule, message, "fix it")


def test_a_finding_in_a_built_page_moves_to_the_line_of_its_markdown():
    [f] = to_sources(
        [built("<img src> loads https://example.org/x.png from another host", "THIRD-PARTY")], [PAGE], "site"
    )
    assert (f.path, f.line, f.col) == ("docs/conclusion.en.md", 9, 6)  # at the address


def test_a_link_markdown_wrote_as_md_is_found_from_its_built_html_form():
    [f] = to_sources([built('<a href="us-motivs.html"> points to a missing file')], [PAGE], "site")
    assert (f.path, f.line) == ("docs/conclusion.en.md", 7)


def test_a_line_mkdocs_already_reported_is_reported_once():
    mkdocs = Finding("docs/conclusion.en.md", 7, 5, "LINK-TARGET", "Doc file 'conclusion.en.md' contains a link …")
    found = to_sources([mkdocs, built('<a href="us-motivs.md"> points to a missing file')], [PAGE], "site")
    assert found == [mkdocs]


def test_what_a_template_wrote_names_the_page_as_a_whole_never_the_built_file():
    theme = built('<link href="../assets/missing.css"> points to a missing file')
    [f] = to_sources([theme], [PAGE], "site")
    assert (f.path, f.line) == ("docs/conclusion.en.md", 0)
    assert f.message.endswith("(in the part of this page the site's templates write)")


def test_what_a_directive_wrote_from_data_is_reported_at_the_data_line_that_names_it(tmp_path):
    (tmp_path / "docs" / "data").mkdir(parents=True)
    (tmp_path / "docs" / "data" / "claims.yml").write_text(
        "- id: a\n  where:\n    page: us-motives\n    section: domestic-chips-rise\n", encoding="utf-8"
    )
    claims = parse_page(
        "---\ntitle: C\ndescription: D.\n---\n# C {#claims}\n\n::: claims\n",
        "docs/claims.en.md",
        PageId("claims", "en"),
    )
    link = Finding(
        "site/en/claims.html", 339, 8, "LINK-ANCHOR", '<a href="us-motives.html#domestic-chips-rise">: no id', ""
    )
    [f] = to_sources([link], [claims], "site", tmp_path)
    assert (f.path, f.line, f.col) == ("docs/data/claims.yml", 4, 14)
    assert f.message.endswith("(written into docs/claims.en.md by its '::: claims' on line 7)")


def test_a_finding_in_the_sites_own_stylesheet_names_it_in_overrides(tmp_path):
    (tmp_path / "overrides" / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "overrides" / "assets" / "stylesheets" / "site.css").write_text("a{}", encoding="utf-8")
    css = Finding("site/assets/stylesheets/site.css", 3, 1, "THIRD-PARTY", "stylesheet loads https://x.test/f.woff", "")
    [f] = to_sources([css], [PAGE], "site", tmp_path)
    assert f.path == "overrides/assets/stylesheets/site.css"


def test_a_built_file_named_in_a_message_is_named_by_its_markdown():
    anchor = built("<a href=\"conclusion.html#x\">: no id 'x' in site/en/conclusion.html", "LINK-ANCHOR")
    [f] = to_sources([anchor], [PAGE], "site")
    assert "site/" not in f.path + f.message and "no id 'x' in docs/conclusion.en.md" in f.message


def test_a_missing_anchor_on_the_same_page_is_link_anchor_with_a_hint_about_this_page(tmp_path):
    from site_tools.mkdocs_run import warning_to_finding

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.en.md").write_text("# A {#a}\n\nSee [below](#gone).\n", encoding="utf-8")
    same = warning_to_finding(
        tmp_path, "Doc file 'a.en.md' contains a link '#gone', but there is no such anchor on this page."
    )
    assert (same.path, same.line, same.rule) == ("docs/a.en.md", 3, "LINK-ANCHOR")
    assert "on this page" in same.fix and ".md" not in same.fix
    other = warning_to_finding(tmp_path, "Doc file 'a.en.md' contains a link 'b.md', but the target is not found.")
    assert other.rule == "LINK-TARGET"


def test_what_no_page_of_a_print_edition_writes_is_reported_at_its_overview_never_at_another_page():
    def page(stem: str) -> object:
        return parse_page(
            f"---\ntitle: T\ndescription: D.\n---\n# T {{#{stem}}}\n", f"docs/{stem}.en.md", PageId(stem, "en")
        )

    pages = [page("about"), page("conclusion"), page("index")]
    [f] = to_sources(
        [Finding("site/en/print.html", 40, 1, "LINK-ANCHOR", "<a href=\"#gone\">: no id 'gone'")], pages, "site"
    )
    assert f.path == "docs/index.en.md"
