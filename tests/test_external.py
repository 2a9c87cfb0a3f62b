"""--external, against servers on 127.0.0.1 started here (never the real network).

The links come from pull requests: a dead link is an error at the line that holds it, good
answers are cached, and the check asks only public addresses, follows redirects itself, has a
deadline per link and one for the whole run, and survives a broken cache. The local server is
"public" only where a test says so (`public=LOCAL`); by default 127.0.0.1 is refused."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from site_tools import external
from site_tools.external import MAX_REDIRECTS, check_external, is_public_address


def LOCAL(ip: str) -> bool:
    """The test server stands in for a public host; every other address stays refused."""
    return ip == "127.0.0.1"


REDIRECTS = {
    "/to-ok": "/ok",
    "/to-file": "file:///etc/passwd",
    "/to-metadata": "http://169.254.169.254/latest/meta-data/",
    "/loop-a": "/loop-b",
    "/loop-b": "/loop-a",
}


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []
    hosts: list[str] = []
    protocol_version = "HTTP/1.0"

    def do_HEAD(self):
        Handler.hits.append(self.path)
        Handler.hosts.append(self.headers["Host"])
        if self.path.startswith("/slow"):
            return self.trickle(b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")
        if self.path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[self.path])
        elif self.path.startswith("/hop/"):
            self.send_response(302)
            self.send_header("Location", f"/hop/{int(self.path[5:]) + 1}")
        elif self.path == "/no-location":
            self.send_response(302)
        elif self.path == "/head-refused" and self.command == "HEAD":
            self.send_response(405)
        else:
            self.send_response(200 if self.path in ("/ok", "/head-refused") else 404)
        self.end_headers()

    do_GET = do_HEAD

    def trickle(self, answer: bytes) -> None:
        """One byte at a time: each read gets a byte long before a per-read timeout."""
        try:
            for byte in answer:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.hits.clear()
    Handler.hosts.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def root(tmp_path):
    (tmp_path / "docs").mkdir()
    return tmp_path


def check(root, *urls, **kwargs):
    kwargs.setdefault("timeout", 5)
    return check_external(root, set(urls), root / "cache.json", **kwargs)


def rules(findings):
    return [(f.rule, f.severity) for f in findings]


# Good and dead links


def test_a_dead_link_is_an_error_naming_where_it_is_written(root, server):
    (root / "docs" / "a.en.md").write_text(f"fine [x]({server}/ok)\ndead [y]({server}/gone)\n")
    findings = check(root, f"{server}/ok", f"{server}/gone", public=LOCAL)
    assert [(f.path, f.line, f.rule, f.severity) for f in findings] == [
        ("docs/a.en.md", 2, "LINK-EXTERNAL-DEAD", "error")
    ]


def test_good_answers_are_cached(root, server):
    urls = {f"{server}/ok"}
    check_external(root, urls, root / "cache.json", timeout=5, public=LOCAL)
    check_external(root, urls, root / "cache.json", timeout=5, public=LOCAL)
    assert Handler.hits == ["/ok"]


def test_a_link_that_refuses_head_is_asked_with_get(root, server):
    assert check(root, f"{server}/head-refused", public=LOCAL) == []
    assert Handler.hits == ["/head-refused", "/head-refused"]


def test_no_answer_is_a_warning(root):
    [f] = check(root, "http://127.0.0.1:9/", timeout=2, public=LOCAL)
    assert f.severity == "warning" and "no answer" in f.message


# Only public addresses


@pytest.mark.parametrize(
    "ip", ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"]
)
def test_loopback_private_link_local_and_shared_ipv4_addresses_are_not_public(ip):
    assert not is_public_address(ip)


@pytest.mark.parametrize("ip", ["::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "2002:a00:1::", "64:ff9b::a00:1"])
def test_ipv6_addresses_that_are_or_carry_a_non_public_one_are_not_public(ip):
    assert not is_public_address(ip)


@pytest.mark.parametrize("ip", ["93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_global_addresses_are_public(ip):
    assert is_public_address(ip)


def test_the_local_server_itself_is_refused_by_default_and_never_asked(root, server):
    findings = check(root, f"{server}/ok")
    assert rules(findings) == [("LINK-EXTERNAL-REFUSED", "error")]
    assert "127.0.0.1, not a public address" in findings[0].message
    assert Handler.hits == []


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost/",
        "http://10.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "file:///etc/passwd",
        "ftp://example.org/file",
        "https:///no-host",
    ],
)
def test_a_link_to_a_non_public_or_non_http_address_is_refused_without_asking(root, url):
    [f] = check(root, url)
    assert (f.rule, f.severity) == ("LINK-EXTERNAL-REFUSED", "error") and f.message.startswith(f"{url}: not asked: ")


def test_a_name_with_one_non_public_address_among_public_ones_is_refused(root, server, monkeypatch):
    port = int(server.rsplit(":", 1)[1])
    mixed = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in ("127.0.0.1", "10.0.0.5")]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: mixed)
    [f] = check(root, f"http://mixed.example:{port}/ok", public=LOCAL)
    assert f.rule == "LINK-EXTERNAL-REFUSED" and "10.0.0.5" in f.message
    assert Handler.hits == []


def test_the_connection_goes_to_the_address_that_was_checked_not_to_a_second_lookup(root, server, monkeypatch):
    port = int(server.rsplit(":", 1)[1])
    answers = iter([("127.0.0.1", port), ("10.0.0.5", port)])  # a rebinding name: public, then private
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", next(answers))]
    )
    assert check(root, f"http://rebind.example:{port}/ok", public=LOCAL) == []
    assert Handler.hits == ["/ok"] and Handler.hosts == [f"rebind.example:{port}"]


# Redirects, followed by the check itself


def test_a_redirect_to_a_good_page_is_a_good_link(root, server):
    assert check(root, f"{server}/to-ok", public=LOCAL) == []
    assert Handler.hits == ["/to-ok", "/ok"]


@pytest.mark.parametrize("path", ["/to-file", "/to-metadata"])
def test_a_redirect_to_a_non_http_or_non_public_address_is_refused_and_not_followed(root, server, path):
    [f] = check(root, f"{server}{path}", public=LOCAL)
    assert (f.rule, f.severity) == ("LINK-EXTERNAL-REFUSED", "error")
    assert f"redirects to {REDIRECTS[path]}, which is not followed" in f.message
    assert Handler.hits == [path]


def test_a_redirect_without_location_is_a_warning(root, server):
    [f] = check(root, f"{server}/no-location", public=LOCAL)
    assert (f.rule, f.severity) == ("LINK-EXTERNAL-REDIRECT", "warning") and "without a Location" in f.message


def test_a_redirect_loop_is_a_warning(root, server):
    [f] = check(root, f"{server}/loop-a", public=LOCAL)
    assert (f.rule, f.severity) == ("LINK-EXTERNAL-REDIRECT", "warning") and "loop" in f.message
    assert Handler.hits == ["/loop-a", "/loop-b"]


def test_redirects_are_followed_a_bounded_number_of_times(root, server):
    [f] = check(root, f"{server}/hop/0", public=LOCAL)
    assert (f.rule, f.severity) == ("LINK-EXTERNAL-REDIRECT", "warning")
    assert len(Handler.hits) == MAX_REDIRECTS + 1


# Deadlines


def test_a_server_that_answers_one_byte_at_a_time_gets_one_deadline_in_all(root, server):
    started = time.monotonic()
    findings = check(root, f"{server}/slow", f"{server}/ok", timeout=1, public=LOCAL)
    assert time.monotonic() - started < 2.5  # the whole answer would take 12 s
    assert [(f.rule, f.severity, f.message) for f in findings] == [
        ("LINK-EXTERNAL-DEAD", "warning", f"{server}/slow: no complete answer in 1 s")
    ]


def test_the_whole_check_has_a_deadline_of_its_own(root, server):
    urls = [f"{server}/slow/{i}" for i in range(12)]  # more than the check asks at once
    started = time.monotonic()
    findings = check(root, *urls, timeout=10, overall=1, public=LOCAL)
    assert time.monotonic() - started < 2.5
    assert len(findings) == 12 and {(f.rule, f.severity) for f in findings} == {("LINK-EXTERNAL-DEAD", "warning")}
    assert any("not checked" in f.message for f in findings)


# The cache


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "[]",
        '{"u": 200}',
        '{"u": {"status": true, "checked": 1}}',
        '{"u": {"status": 200}}',
        '{"u": {"status": 200, "checked": "yesterday"}}',
        "[" * 100000,
    ],
)
def test_a_broken_cache_is_ignored_with_one_notice_and_rewritten(root, server, text):
    (root / "cache.json").write_text(text)
    findings = check(root, f"{server}/ok", public=LOCAL)
    assert [(f.path, f.rule, f.severity) for f in findings] == [("cache.json", "LINK-EXTERNAL-CACHE", "notice")]
    assert json.loads((root / "cache.json").read_text())[f"{server}/ok"]["status"] == 200


def test_a_good_cache_gives_no_notice(root, server):
    (root / "cache.json").write_text(json.dumps({f"{server}/ok": {"status": 200, "checked": time.time()}}))
    assert check(root, f"{server}/ok", public=LOCAL) == []
    assert Handler.hits == []


def test_the_cache_is_written_whole_or_not_at_all(root, server, monkeypatch):
    old = json.dumps({"https://example.org/": {"status": 200, "checked": 1.0}})
    (root / "cache.json").write_text(old)

    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(external.os, "replace", fail)
    findings = check(root, f"{server}/ok", public=LOCAL)
    assert rules(findings) == [("LINK-EXTERNAL-CACHE", "notice")] and "cannot be written" in findings[0].message
    assert (root / "cache.json").read_text() == old
    assert sorted(p.name for p in root.iterdir()) == ["cache.json", "docs"]  # no temporary file left
