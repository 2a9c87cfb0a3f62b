"""Browser fixtures: the built site served on 127.0.0.1 under its deployed base
path, and Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from helpers import ROOT
from site_tools.serve import CHROMIUM_FLAGS, base_path, chromium_path, serve

BASE_PATH = base_path(ROOT)  # where the site is deployed (site_url in mkdocs.yml)
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site, BASE_PATH)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "Chromium not found (install Debian's chromium, or set CHROMIUM=/path/to/chromium)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)  # CI must run the browser tests, not skip them
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@dataclass
class Recorder:
    """What a page did: console errors, every request, CSP violations."""

    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign(self, site_url: str) -> list[str]:
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
        return [r for r in self.requests if not r.startswith((origin, "data:", "blob:"))]


def _opener(browser, site_url, contexts: list):
    def _open(
        path: str,
        *,
        width: int = 1280,
        height: int = 900,
        scheme: str = "light",
        touch: bool = False,
        javascript: bool = True,
    ):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=scheme,
            locale="zh-CN" if not path.startswith("en/") else "en-US",
            has_touch=touch,
            is_mobile=touch,
            java_script_enabled=javascript,
        )
        contexts.append(context)
        page = context.new_page()
        rec = Recorder()
        page.on("console", lambda m: rec.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: rec.console_errors.append(str(e)))
        page.on("request", lambda r: rec.requests.append(r.url))
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => "
            "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.goto(site_url + path, wait_until="load")
        # By `load` the theme's bundle and our scripts have run; what may still be on its way
        # is the sitemap that instant navigation needs (tests that navigate wait for it).
        if javascript:
            page.wait_for_function("document.documentElement.classList.contains('js')")
        return page, rec

    return _open


@pytest.fixture
def open_page(browser, site_url):
    """A page in a fresh browser context of its own: for tests that click, type or scroll."""
    contexts = []
    yield _opener(browser, site_url, contexts)
    for c in contexts:
        c.close()


def open_once(browser, site_url, path: str, **options):
    """For a fixture that opens a page once for several tests that only look at it:
    yields (page, recorder) and closes the page's context afterwards."""
    contexts: list = []
    yield _opener(browser, site_url, contexts)(path, **options)
    for c in contexts:
        c.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
