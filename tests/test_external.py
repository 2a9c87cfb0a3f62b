"""--external against a local server: a dead link is an error at the line that holds it; answers are cached."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from site_tools.external import check_external


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_HEAD(self):
        Handler.hits.append(self.path)
        self.send_response(200 if self.path == "/ok" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_a_dead_link_is_an_error_naming_where_it_is_written(tmp_path, server):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.en.md").write_text(f"fine [x]({server}/ok)\ndead [y]({server}/gone)\n")
    findings = check_external(tmp_path, {f"{server}/ok", f"{server}/gone"}, tmp_path / "cache.json", timeout=5)
    assert [(f.path, f.line, f.rule, f.severity) for f in findings] == [
        ("docs/a.en.md", 2, "LINK-EXTERNAL-DEAD", "error")
    ]


def test_good_answers_are_cached(tmp_path, server):
    (tmp_path / "docs").mkdir()
    Handler.hits.clear()
    urls = {f"{server}/ok"}
    check_external(tmp_path, urls, tmp_path / "cache.json", timeout=5)
    check_external(tmp_path, urls, tmp_path / "cache.json", timeout=5)
    assert Handler.hits == ["/ok"]


def test_no_answer_is_a_warning(tmp_path):
    (tmp_path / "docs").mkdir()
    [f] = check_external(tmp_path, {"http://127.0.0.1:9/"}, tmp_path / "cache.json", timeout=2)
    assert f.severity == "warning" and "no answer" in f.message
