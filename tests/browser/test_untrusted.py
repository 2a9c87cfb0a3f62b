"""Hostile content, as a reader's browser meets it: no dialog, no injected script runs.

Data fields (glossary, sources, claims, corrections) are text: built from a copy whose
data carries script, the pages show the payload as text. And should markup ever slip
past the source rules, the Content-Security-Policy refuses it: a built page with a
script injected after the build, its policy made afresh, runs none of it while the
templates' own scripts still run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import ROOT, copy_project, run_build
from site_tools.csp import add_csp
from site_tools.serve import base_path, serve


BASE_PATH = base_path(ROOT)  # where the site is deployed, e.g. /h20/
PAYLOAD = "<img src=x onerror=alert(document.domain)><script>alert(document.cookie)</script>"


def _edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_data_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("data") / "project")
    _edit(project, "docs/data/glossary.yml", "总部位于加利福尼亚州圣克拉拉", "总部位于" + PAYLOAD)
    _edit(project, "docs/data/glossary.yml", "whose GPUs and CUDA", f"whose GPUs {PAYLOAD} and CUDA")
    _edit(project, "docs/data/sources.yml", "Reprint of the article", f"Reprint {PAYLOAD} of the article")
    _edit(project, "docs/data/claims.yml", "Huang announced it in Beijing", f"Huang announced it {PAYLOAD} in Beijing")
    _edit(project, "docs/data/corrections.yml", 'en: "Rewrote the', f'en: "Rewrote {PAYLOAD} the')
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr  # data text is not a mistake: it is escaped
    server, url = serve(project / "site", BASE_PATH)
    yield url
    server.shutdown()


def _visit(browser, url: str):
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url, wait_until="load")
    page.wait_for_function("document.documentElement.classList.contains('js')")
    return context, page, dialogs


@pytest.fixture(scope="module")
def hostile_tab(browser):
    """One tab for the hostile site's pages (a context each cost the six a second apiece)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    "path",
    ["glossary.html", "en/glossary.html", "en/sources.html", "en/claims.html", "en/corrections.html", "index.html"],
)
def test_script_in_data_shows_as_text_and_never_runs(hostile_tab, hostile_data_site, path):
    dialogs = []

    def listener(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    hostile_tab.on("dialog", listener)
    hostile_tab.goto(hostile_data_site + path, wait_until="load")
    hostile_tab.wait_for_function("document.documentElement.classList.contains('js')")
    hostile_tab.wait_for_timeout(300)
    hostile_tab.remove_listener("dialog", listener)
    assert dialogs == []
    assert "<script>alert(document.cookie)</script>" in hostile_tab.locator("body").inner_text() or path == "index.html"


@pytest.fixture(scope="module")
def injected_site(built_site, tmp_path_factory):
    """The real site, with markup injected into one page after the build and the policy redone."""
    import material

    site = tmp_path_factory.mktemp("injected") / "site"
    shutil.copytree(built_site, site)
    page = site / "en" / "us-motives.html"
    html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text(encoding="utf-8"))
    html = html.replace(
        "</article>",
        '<script>window.injected = 1</script><img src="x" onerror="window.injected = 2">'
        '<iframe srcdoc="<script>parent.injected = 3</script>"></iframe>'
        '<a id="js-link" href="javascript:window.injected=4">x</a>'
        '<style>#styled-by-tag { color: rgb(1, 2, 3) }</style><p id="styled-by-tag">x</p>'
        '<p id="styled-inline" style="color: rgb(4, 5, 6)">x</p></article>',
        1,
    )
    page.write_text(html, encoding="utf-8")
    for other in site.rglob("*.html"):
        if other != page:
            text = other.read_text(encoding="utf-8")
            other.write_text(re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", text), encoding="utf-8")
    add_csp(site, [ROOT / "overrides", Path(material.__file__).parent / "templates"])
    server, url = serve(site, BASE_PATH)
    yield url
    server.shutdown()


def test_injected_markup_is_refused_by_the_policy_and_the_templates_still_run(browser, injected_site):
    context, page, dialogs = _visit(browser, injected_site + "en/us-motives.html")
    page.locator("#js-link").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.injected") is None
    for styled in ("#styled-by-tag", "#styled-inline"):  # nor may it restyle the page
        assert page.locator(styled).evaluate("e => getComputedStyle(e).color") not in ("rgb(1, 2, 3)", "rgb(4, 5, 6)")
    # The templates' inline scripts ran: the theme's storage helper and search on demand.
    assert page.evaluate("typeof __md_get") == "function"
    assert page.evaluate("XMLHttpRequest.prototype.send.toString().includes('onDemand')")
    context.close()
