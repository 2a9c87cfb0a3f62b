#!/usr/bin/env python3
"""Performance budget: what a reader downloads, and Lighthouse's scores.

    python scripts/budget.py [--no-lighthouse]

1. First-view transfer of section pages: every response Chromium receives while
   loading the page, gzip-compressed (as a static host serves it), by kind.
   Target: at most 80 KB.
2. Lighthouse 12.2.3, mobile preset, on the home page and a section page in both
   languages. Targets: Performance >= 0.95; Accessibility, Best Practices, SEO = 1.0.

The built site (site/, from `make build`) is served on 127.0.0.1 under its
deployed base path. Prints figures; asserts nothing (speed goals are not tests)."""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import statistics
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BASE_PATH = "/h20/"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
BUDGET_KB = 80
LIGHTHOUSE_DIR = ROOT / "scripts" / "lighthouse"


class Handler(SimpleHTTPRequestHandler):
    """Static files under the base path, gzip-encoded like a static host would."""

    def translate_path(self, path):
        path = urlsplit(path).path
        return super().translate_path("/" + path[len(BASE_PATH):] if path.startswith(BASE_PATH) else "/__none__")

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}{BASE_PATH}"


def kind(url: str, content_type: str) -> str:
    path = urlsplit(url).path
    for suffix, name in ((".html", "HTML"), (".css", "CSS"), (".js", "JS"), (".svg", "SVG"), (".json", "JSON"),
                         (".woff2", "fonts"), (".woff", "fonts"), (".ttf", "fonts")):
        if path.endswith(suffix):
            return name
    return "HTML" if "html" in content_type else "other"


def first_view(base: str, page: str) -> dict[str, int]:
    """Compressed bytes per kind for one cold page load (including what loads right after)."""
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        tab = browser.new_page(viewport={"width": 412, "height": 823})
        seen = []
        tab.on("response", lambda r: seen.append(r))
        tab.goto(base + page, wait_until="load")
        tab.wait_for_load_state("networkidle")
        for r in seen:
            try:
                body = r.body()
            except Exception:  # a redirect or an aborted request has no body
                continue
            k = kind(r.url, r.headers.get("content-type", ""))
            sizes[k] = sizes.get(k, 0) + len(gzip.compress(body, 6))
        browser.close()
    return sizes


def lighthouse(url: str) -> dict[str, float]:
    if not (LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=LIGHTHOUSE_DIR, check=True)
    out = subprocess.run(
        [str(LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"), url, "--output=json", "--quiet",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=" + " ".join(FLAGS)],
        capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"lighthouse failed on {url}:\n{out.stderr[-2000:]}") from None
    return {k: v["score"] for k, v in report["categories"].items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (its performance score is noisy)")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").exists():
        raise SystemExit("no built site: run `make build` first")
    server, base = serve(site)
    try:
        print(f"First-view transfer, gzip-compressed (budget {BUDGET_KB} KB)")
        counted = ["HTML", "CSS", "JS", "SVG", "fonts"]
        also = ["JSON", "other"]  # the search index and the sitemaps, fetched after the page renders
        print(f"{'page':<26}" + "".join(f"{k:>7}" for k in counted) + f"{'total':>8}" + "   |"
              + "".join(f"{k:>9}" for k in ["index", "sitemaps"]))
        for page in ("impact-on-china.html", "en/impact-on-china.html", "us-motives.html", "en/us-motives.html"):
            sizes = first_view(base, page)
            total = sum(sizes.get(k, 0) for k in counted)
            print(f"{page:<26}" + "".join(f"{sizes.get(k, 0) / 1024:>6.1f}K" for k in counted)
                  + f"{total / 1024:>7.1f}K" + f" {'✓' if total <= BUDGET_KB * 1024 else '✗'} |"
                  + "".join(f"{sizes.get(k, 0) / 1024:>8.1f}K" for k in also))
        if not args.no_lighthouse:
            print(f"\nLighthouse 12.2.3, mobile preset, median of {args.runs} runs "
                  "(targets: performance >= 0.95, the others 1.0)")
            print(f"{'page':<28}{'perf':>8}{'a11y':>8}{'best':>8}{'seo':>8}")
            for page in ("index.html", "impact-on-china.html", "en/index.html", "en/impact-on-china.html"):
                runs = [lighthouse(base + page) for _ in range(args.runs)]
                s = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                print(f"{page:<28}{s['performance']:>8.2f}{s['accessibility']:>8.2f}{s['best-practices']:>8.2f}"
                      f"{s['seo']:>8.2f}")
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
