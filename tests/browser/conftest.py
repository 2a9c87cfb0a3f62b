"""Browser fixtures: the built site served on 127.0.0.1 under its deployed base
path, and Debian's Chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import BROWSER_MISSING, ROOT
from site_tools.serve import CHROMIUM_FLAGS, base_path, chromium_path, serve

BASE_PATH = base_path(ROOT)  # where the site is deployed (site_url in mkdocs.yml)


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site, BASE_PATH)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = f"{BROWSER_MISSING} (install Debian's chromium, or set CHROMIUM=/path/to/chromium)"
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


# Opening a browser context costs Chromium a new renderer process, about four times what
# loading a page into an open tab costs. So each worker keeps one tab per kind of device
# (touch or not, JavaScript or not, interface language), and every test that opens a page
# borrows one: it is given its own viewport, colour scheme and listeners, and handed back
# with its storage cleared, on a blank page. A test that needs two pages at once gets a
# fresh context for the second.
_CSP_LISTENER = (
    "document.addEventListener('securitypolicyviolation', e => "
    "console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
)


_STARTED = "document.documentElement.classList.contains('js')"


class Tabs:
    def __init__(self, browser, site_url: str):
        self.browser, self.site_url = browser, site_url
        self.idle: dict[tuple, object] = {}
        self.lent: list[tuple] = []  # (key, page, recorder handlers, own context or None)
        self.sessions: dict = {}  # a DevTools session per kept tab

    def open(self, path, *, width=1280, height=900, scheme="light", touch=False, javascript=True):
        locale = "en-US" if path.startswith("en/") else "zh-CN"
        key = (touch, javascript, locale)
        page, own = self.idle.pop(key, None), None
        if page is None:
            context = self.browser.new_context(
                viewport={"width": width, "height": height},
                locale=locale,
                has_touch=touch,
                is_mobile=touch,
                java_script_enabled=javascript,
            )
            page = context.new_page()
            page.add_init_script(_CSP_LISTENER)
            if any(k == key for k, *_ in self.lent):
                own = context  # a second page of the same kind in one test
        page.set_viewport_size({"width": width, "height": height})
        page.emulate_media(media="screen", color_scheme=scheme)  # a lent page may come back printing
        rec = Recorder()
        handlers = [
            ("console", lambda m: rec.console_errors.append(m.text) if m.type == "error" else None),
            ("pageerror", lambda e: rec.console_errors.append(str(e))),
            ("request", lambda r: rec.requests.append(r.url)),
        ]
        for event, handler in handlers:
            page.on(event, handler)
        self.lent.append((key, page, handlers, own))
        page.goto(self.site_url + path, wait_until="load")
        # By `load` the theme's bundle and our scripts have run; what may still be on its way
        # is the sitemap that instant navigation needs (tests that navigate wait for it).
        # The theme's bundle marks <html> as it starts, before `load`: one evaluate confirms it
        # (a wait_for_function would first inject Playwright's helper script: ~40 ms a page).
        if javascript and not page.evaluate(_STARTED):
            page.wait_for_function(_STARTED)
        return page, rec

    def give_back(self, since: int = 0):
        """Hand back the pages lent since the `since`-th (a fixture's own, not an outer one's)."""
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(self.site_url))
        returned, self.lent = self.lent[since:], self.lent[:since]
        for key, page, handlers, own in returned:
            for event, handler in handlers:
                page.remove_listener(event, handler)
            if own is not None or page.is_closed():
                (own or page.context).close()
                continue
            if page.url.startswith(origin):
                page.evaluate("() => sessionStorage.clear()")
            page.goto("about:blank")
            # Cleared only once no page of the site is left in the tab: an instant navigation
            # still in flight when the test ended stores the theme's palette again as it
            # lands, and the next test would open in that palette, not the one it asked for.
            self._devtools(page).send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "local_storage"})
            page.context.clear_cookies()
            page.context.clear_permissions()  # a test may have granted the clipboard
            if key in self.idle:
                self.sessions.pop(page, None)
                page.context.close()
            else:
                self.idle[key] = page

    def _devtools(self, page):
        if page not in self.sessions:
            self.sessions[page] = page.context.new_cdp_session(page)
        return self.sessions[page]

    def close(self):
        for page in self.idle.values():
            page.context.close()


@pytest.fixture(scope="session")
def tabs(browser, site_url):
    t = Tabs(browser, site_url)
    yield t
    t.close()


@pytest.fixture
def open_page(tabs):
    """Opens a page of the site: open_page(path, width=, height=, scheme=, touch=, javascript=)
    returns (page, recorder)."""
    since = len(tabs.lent)
    yield tabs.open
    tabs.give_back(since)


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory):
    """Where the tests' screenshots go: $H20_TEST_ARTIFACTS (CI uploads it), else the run's
    temporary folder; never the working tree."""
    given = os.environ.get("H20_TEST_ARTIFACTS")
    folder = Path(given) if given else tmp_path_factory.mktemp("artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
