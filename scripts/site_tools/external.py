"""--external: do the site's external links answer? Never part of a default run
(the network may be slow or closed); good answers are cached for a week.

The links come from pull requests, so the check treats every address as hostile:
- it asks only http(s) addresses whose host resolves only to public addresses
  (`is_public_address`), and connects to the very address it checked, so a name
  that resolves again to somewhere else (DNS rebinding) is never reached;
- it follows redirects itself, at most MAX_REDIRECTS of them, each to an address
  that passes the same test; a refused target, a loop or a 3xx without Location
  is a finding, never an answer;
- each link has one deadline for everything (name lookup, connection, TLS,
  redirects, status line and headers; the body is never read), and the whole
  check has another, so a server that answers one byte at a time costs
  `timeout` seconds and no more.
It connects directly, so it does not go through an HTTP proxy."""

from __future__ import annotations

import functools
import http.client
import ipaddress
import json
import math
import os
import socket
import ssl
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import SplitResult, quote, urldefrag, urljoin, urlsplit

from .findings import Finding

CACHE_DAYS = 7
TIMEOUT = 10.0  # seconds for one link, redirects included
OVERALL = 180.0  # seconds for the whole check
MAX_REDIRECTS = 5
WORKERS = 8
USER_AGENT = "h20-explainer-linkcheck/1.0 (+https://github.com/h20-explainer/h20)"

DEAD, REFUSED, REDIRECT = "LINK-EXTERNAL-DEAD", "LINK-EXTERNAL-REFUSED", "LINK-EXTERNAL-REDIRECT"
CACHE_RULE = "LINK-EXTERNAL-CACHE"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class Answer:
    status: int | str  # the final HTTP status, or what went wrong
    rule: str = DEAD


class Refused(Exception):
    """An address the check will not ask; the message says why."""


def is_public_address(ip: str) -> bool:
    """True for a global unicast address; IPv6 forms that carry an IPv4 address
    (mapped, 6to4, Teredo, NAT64) must carry a public one."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return False
    if not addr.is_global or addr.is_multicast:
        return False
    if isinstance(addr, ipaddress.IPv6Address):
        inner = [addr.ipv4_mapped, addr.sixtofour, addr.teredo and addr.teredo[1]]
        if addr in _NAT64:
            inner.append(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
        return all(is_public_address(str(v4)) for v4 in inner if v4)
    return True


class _Deadline:
    """Every socket operation gets only the time left before the link's deadline, so a
    trickle of bytes cannot keep a read alive (a plain timeout restarts at each byte)."""

    deadline: float

    def _arm(self) -> None:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("deadline passed")
        self.settimeout(left)

    def recv_into(self, *args, **kwargs):
        self._arm()
        return super().recv_into(*args, **kwargs)

    def recv(self, *args, **kwargs):
        self._arm()
        return super().recv(*args, **kwargs)

    def send(self, *args, **kwargs):
        self._arm()
        return super().send(*args, **kwargs)

    def sendall(self, *args, **kwargs):
        self._arm()
        return super().sendall(*args, **kwargs)


class _DeadlineSocket(_Deadline, socket.socket):
    pass


class _DeadlineSSLSocket(_Deadline, ssl.SSLSocket):
    pass


@functools.cache
def _tls() -> ssl.SSLContext:
    ctx = ssl.create_default_context()
    ctx.sslsocket_class = _DeadlineSSLSocket
    return ctx


class _Connection(http.client.HTTPConnection):
    """http.client over a socket opened beforehand, to the address that was checked."""

    def __init__(self, sock: socket.socket, host: str, port: int):
        super().__init__(host, port)
        self.sock = sock

    def connect(self):  # never open a connection of its own, to an address nobody checked
        raise http.client.NotConnected("the checked connection is closed")


def _parse(url: str) -> tuple[SplitResult, str, int]:
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        host = parts.hostname or ""
    except ValueError as e:
        raise Refused(f"not a valid address ({e})") from None
    if parts.scheme not in ("http", "https"):
        raise Refused("only http and https addresses are asked")
    if not host:
        raise Refused("the address has no host")
    return parts, host, port


def _lookup(host: str, port: int, deadline: float) -> list[tuple]:
    """getaddrinfo cannot be interrupted: it runs in a thread of its own that is left
    behind (a daemon, it does not hold the program) when the deadline passes."""
    box: dict = {}

    def run():
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as e:
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(max(0.0, deadline - time.monotonic()))
    if t.is_alive():
        raise TimeoutError("name lookup")
    if "error" in box:
        raise OSError(f"name lookup failed: {box['error']}")
    return box["infos"]


def _addresses(host: str, port: int, deadline: float, public: Callable[[str], bool]) -> list[tuple]:
    infos = _lookup(host, port, deadline)
    if not infos:
        raise OSError("name lookup found no address")
    for info in infos:
        ip = info[4][0]
        if not public(ip):
            raise Refused(f"{host} resolves to {ip}, not a public address")
    return infos


def _connect(infos: list[tuple], deadline: float) -> socket.socket:
    error: OSError = OSError("no address to connect to")
    for family, kind, proto, _, sockaddr in infos:
        sock = _DeadlineSocket(family, kind, proto)
        sock.deadline = deadline
        try:
            sock._arm()
            sock.connect(sockaddr)
            return sock
        except OSError as e:
            sock.close()
            error = e
            if isinstance(e, TimeoutError):
                break
    raise error


def _exchange(url: str, method: str, deadline: float, public: Callable[[str], bool]) -> tuple[int, str | None]:
    """One request, no redirect followed: the status and the Location header."""
    parts, host, port = _parse(url)
    ascii_host = host.encode("idna").decode("ascii")
    ascii_host = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    default = 443 if parts.scheme == "https" else 80
    headers = {
        "Host": ascii_host if port == default else f"{ascii_host}:{port}",
        "User-Agent": USER_AGENT,
        "Accept": "*/*",
        "Connection": "close",
    }
    safe = "/%:@!$&'()*+,;=~-._"
    target = quote(parts.path or "/", safe=safe) + (f"?{quote(parts.query, safe=safe + '?')}" if parts.query else "")
    sock = _connect(_addresses(host, port, deadline, public), deadline)
    conn = None
    try:
        if parts.scheme == "https":
            sock = _tls().wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
            sock.deadline = deadline
            sock._arm()
            sock.do_handshake()
        conn = _Connection(sock, host, port)
        conn.request(method, target, headers=headers)
        resp = conn.getresponse()  # status line and headers only: the body is never read
        return resp.status, resp.getheader("Location")
    finally:
        if conn:
            conn.close()  # the response too
        sock.close()


def _ask(url: str, deadline: float, public: Callable[[str], bool]) -> tuple[int, str | None]:
    """HEAD, then GET where HEAD is refused."""
    status, location = _exchange(url, "HEAD", deadline, public)
    if status in (403, 405, 501):
        status, location = _exchange(url, "GET", deadline, public)
    return status, location


def _shown(url: str) -> str:
    """A redirect target as a finding shows it: one line, not too long (a server chose it)."""
    text = "".join(c if c.isprintable() else "?" for c in url)
    return text if len(text) <= 200 else text[:199] + "…"


def probe(
    url: str, timeout: float = TIMEOUT, *, public: Callable[[str], bool] = is_public_address, stop: float = math.inf
) -> Answer:
    """Where `url` ends, following redirects, in `timeout` seconds in all (and before the
    monotonic time `stop`)."""
    started = time.monotonic()
    deadline = min(started + timeout, stop)
    chain = [urldefrag(url).url]
    try:
        for _ in range(MAX_REDIRECTS + 1):
            status, location = _ask(chain[-1], deadline, public)
            if not 300 <= status < 400:
                return Answer(status)
            if not location:
                return Answer(f"answered {status} without a Location to go to", REDIRECT)
            target = urldefrag(urljoin(chain[-1], location.strip())).url
            if target in chain:
                return Answer(f"redirects in a loop: {' → '.join(map(_shown, [*chain, target]))}", REDIRECT)
            chain.append(target)
        return Answer(f"redirects more than {MAX_REDIRECTS} times: {' → '.join(map(_shown, chain))}", REDIRECT)
    except Refused as e:
        if len(chain) == 1:
            return Answer(f"not asked: {e}", REFUSED)
        return Answer(f"redirects to {_shown(chain[-1])}, which is not followed: {_shown(str(e))}", REFUSED)
    except TimeoutError:
        return Answer(f"no complete answer in {round(deadline - started, 1):g} s")
    except (OSError, http.client.HTTPException, ValueError) as e:
        return Answer(f"no answer ({_shown(str(e))})")


def locate(root: Path, url: str) -> tuple[str, int, int]:
    """Where a contributor wrote the URL: a page or a data file."""
    for path in sorted((root / "docs").rglob("*")):
        if path.suffix in (".md", ".yml", ".csv") and path.is_file():
            for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                col = line.find(url)
                if col >= 0:
                    return path.relative_to(root).as_posix(), i, col + 1
    return "docs", 0, 0


def _entry_ok(entry: object) -> bool:
    if not isinstance(entry, dict) or set(entry) != {"status", "checked"}:
        return False
    status, checked = entry["status"], entry["checked"]
    return (
        isinstance(status, (int, str))
        and not isinstance(status, bool)
        and isinstance(checked, (int, float))
        and not isinstance(checked, bool)
        and math.isfinite(checked)
    )


def load_cache(cache_file: Path) -> tuple[dict, str]:
    """The cache, and why it was ignored (empty when it was not)."""
    try:
        text = cache_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, ""
    except (OSError, UnicodeError) as e:
        return {}, f"cannot be read ({e})"
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return {}, "is not valid JSON"
    if not isinstance(data, dict) or not all(isinstance(k, str) and _entry_ok(v) for k, v in data.items()):
        return {}, 'is not a JSON object of {"url": {"status": …, "checked": …}}'
    return data, ""


def save_cache(cache_file: Path, cache: dict) -> str:
    """Write the cache whole or not at all (temporary file, then os.replace); why not, if not."""
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_file.parent, prefix=f".{cache_file.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(cache, f, indent=1, sort_keys=True)
            os.replace(tmp, cache_file)
        except BaseException:
            with suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as e:
        return f"cannot be written ({e}); this run's answers are not kept"
    return ""


def _finding(root: Path, url: str, answer: Answer) -> Finding | None:
    status = answer.status
    if isinstance(status, int) and 200 <= status < 300:
        return None
    path, line, col = locate(root, url)
    message = f"{url} answered {status}" if isinstance(status, int) else f"{url}: {status}"
    if answer.rule == REFUSED:
        return Finding(path, line, col, REFUSED, message, "link the public https address readers should reach")
    if answer.rule == REDIRECT:
        fix = "open it in a browser and link the address it ends at"
        return Finding(path, line, col, REDIRECT, message, fix, "warning")
    gone = status in (404, 410)
    fix = "find the new address or an archived copy" if gone else "check it again later"
    return Finding(path, line, col, DEAD, message, fix, "error" if gone else "warning")


def check_external(
    root: Path,
    urls: set[str],
    cache_file: Path,
    timeout: float = TIMEOUT,
    now: float | None = None,
    *,
    overall: float = OVERALL,
    public: Callable[[str], bool] = is_public_address,
) -> list[Finding]:
    """`timeout`: seconds for one link, all included; `overall`: seconds for the whole check;
    `public`: which resolved addresses may be asked (tests stand a local server in)."""
    now = time.time() if now is None else now
    stop = time.monotonic() + overall
    try:
        cache_name = cache_file.relative_to(root).as_posix()
    except ValueError:
        cache_name = str(cache_file)
    out = []
    cache, problem = load_cache(cache_file)
    if problem:
        out.append(
            Finding(cache_name, 0, 0, CACHE_RULE, f"the link cache {problem}: ignored and rewritten", "", "notice")
        )
    answers = {
        u: Answer(200)
        for u in urls
        if u in cache and cache[u]["status"] == 200 and 0 <= now - cache[u]["checked"] < CACHE_DAYS * 86400
    }
    todo = sorted(urls - set(answers))

    def ask(url: str) -> Answer:
        if time.monotonic() >= stop:
            return Answer(f"not checked: the whole check stops after {overall:g} s")
        return probe(url, timeout, public=public, stop=stop)

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for url, answer in zip(todo, pool.map(ask, todo), strict=True):
            answers[url] = answer
            cache[url] = {"status": answer.status, "checked": now}
    problem = save_cache(cache_file, cache)
    if problem:
        out.append(Finding(cache_name, 0, 0, CACHE_RULE, f"the link cache {problem}", "", "notice"))
    for url in sorted(urls):
        finding = _finding(root, url, answers[url])
        if finding:
            out.append(finding)
    return out
