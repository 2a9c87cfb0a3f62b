"""--external: do the site's external links answer? Never part of a default run
(the network may be slow or closed); results are cached for a week."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .findings import Finding

CACHE_DAYS = 7
TIMEOUT = 10.0
USER_AGENT = "h20-explainer-linkcheck/1.0 (+https://github.com/h20-explainer/h20)"


def probe(url: str, timeout: float = TIMEOUT) -> int | str:
    """HTTP status of `url` (HEAD, then GET where HEAD is refused), or an error text."""
    for method in ("HEAD", "GET"):
        req = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status
        except urllib.error.HTTPError as e:
            if method == "HEAD" and e.code in (403, 405, 501):
                continue
            return e.code
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            return f"no answer ({getattr(e, 'reason', e)})"
    return "no answer"


def locate(root: Path, url: str) -> tuple[str, int, int]:
    """Where a contributor wrote the URL: a page or a data file."""
    for path in sorted((root / "docs").rglob("*")):
        if path.suffix in (".md", ".yml", ".csv") and path.is_file():
            for i, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                col = line.find(url)
                if col >= 0:
                    return path.relative_to(root).as_posix(), i, col + 1
    return "docs", 0, 0


def check_external(
    root: Path, urls: set[str], cache_file: Path, timeout: float = TIMEOUT, now: float | None = None
) -> list[Finding]:
    now = time.time() if now is None else now
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    fresh = {
        u for u in urls if u in cache and cache[u]["status"] == 200 and now - cache[u]["checked"] < CACHE_DAYS * 86400
    }
    todo = sorted(urls - fresh)
    with ThreadPoolExecutor(max_workers=8) as pool:
        for url, status in zip(todo, pool.map(lambda u: probe(u, timeout), todo), strict=True):
            cache[url] = {"status": status, "checked": now}
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
    out = []
    for url in sorted(urls):
        status = cache[url]["status"]
        if status == 200 or (isinstance(status, int) and 200 <= status < 400):
            continue
        path, line, col = locate(root, url)
        gone = isinstance(status, int) and status in (404, 410)
        out.append(
            Finding(
                path,
                line,
                col,
                "LINK-EXTERNAL-DEAD",
                f"{url} answered {status}",
                "find the new address or an archived copy" if gone else "check it again later",
                "error" if gone else "warning",
            )
        )
    return out
