"""Performance budget: what a reader downloads, and Lighthouse's scores.

    python -m site_tools budget [--no-lighthouse] [--runs 3] [--compare OTHER_SITE_DIR]

1. First-view transfer of the five article pages: every response Chromium
   receives while loading the page, gzip-compressed (as a static host serves
   it), by kind. Budget: at most 70 KB each.
2. Lighthouse 12.2.3, mobile preset, median of --runs runs, on the home page and
   a section page in both languages: Performance (target >= 0.98), total
   blocking time (target <= 100 ms); Accessibility, Best Practices, SEO (1.00).
   --compare runs the same pages of another built site (e.g. a default Material
   site built from the same text) in the same session, alternating.

Sites are served on 127.0.0.1 under their base path, gzip-encoded. Prints
figures; asserts nothing (speed goals are not tests)."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from site_tools.composed import PARALLEL, PRINT
from site_tools.project import project_root
from site_tools.serve import CHROMIUM_FLAGS, base_path, chromium_path, serve

ROOT: Path  # the project; set by main(), from the caller or the working directory

BUDGET_KB = 70
ARTICLE = ("index.html", "us-motives.html", "impact-on-china.html", "strategic-paths.html", "conclusion.html")
LIGHTHOUSE_PAGES = ("index.html", "us-motives.html", "en/index.html", "en/us-motives.html")


def kind(url: str, content_type: str) -> str:
    path = urlsplit(url).path
    for suffix, name in (
        (".html", "HTML"),
        (".css", "CSS"),
        (".js", "JS"),
        (".svg", "SVG"),
        (".json", "JSON"),
        (".woff2", "fonts"),
        (".woff", "fonts"),
        (".ttf", "fonts"),
    ):
        if path.endswith(suffix):
            return name
    return "HTML" if "html" in content_type else "other"


def first_view(base: str, page: str) -> dict[str, int]:
    """Compressed bytes per kind for one cold page load (including what loads right after)."""
    from playwright.sync_api import sync_playwright

    sizes: dict[str, int] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
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


def page_path(site: Path, page: str) -> str:
    """`us-motives.html`, or `us-motives/` on a site built with directory URLs."""
    if page.endswith("index.html") or (site / page).exists():
        return page.removesuffix("index.html")
    return page.removesuffix(".html") + "/"


def lighthouse(url: str) -> dict[str, float]:
    """Scores (0–1) of the four categories, and total blocking time in ms."""
    LIGHTHOUSE_DIR = ROOT / "scripts" / "lighthouse"  # noqa: N806 (pinned in its package-lock.json)
    if not (LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=LIGHTHOUSE_DIR, check=True)
    out = subprocess.run(
        [
            str(LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"),
            url,
            "--output=json",
            "--quiet",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=" + " ".join(CHROMIUM_FLAGS),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, CHROME_PATH=chromium_path() or ""),
    )
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"lighthouse failed on {url}:\n{out.stderr[-2000:]}") from None
    scores = {k: v["score"] for k, v in report["categories"].items()}
    scores["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    return scores


def main(argv=None, root: Path | None = None) -> int:
    global ROOT
    ROOT = root or project_root()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"))
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (its performance score is noisy)")
    parser.add_argument("--compare", help="another built site to measure beside this one (served at /)")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").exists():
        raise SystemExit("no built site: run `make build` first")
    if chromium_path() is None:
        raise SystemExit("Chromium not found: apt-get install chromium (or set CHROMIUM=/path/to/chromium)")
    sites = [("this site", site, *serve(site, base_path(ROOT)))]
    if args.compare:
        sites.append(("compared", Path(args.compare), *serve(Path(args.compare), "/")))
    try:
        print(f"First-view transfer, gzip-compressed (budget {BUDGET_KB} KB)")
        counted = ["HTML", "CSS", "JS", "SVG", "fonts"]
        also = ["JSON", "other"]  # the search index and the sitemaps, fetched after the page renders
        print(
            f"{'page':<34}"
            + "".join(f"{k:>7}" for k in counted)
            + f"{'total':>8}"
            + "   |"
            + "".join(f"{k:>9}" for k in ["index", "sitemaps"])
        )
        # The side-by-side views and print editions hold two pages' or five pages' text: their
        # weight is shown, not held to the budget (– in place of ✓/✗).
        composed = [
            f"{lang}{PARALLEL.format(stem=a.removesuffix('.html'))}.html" for lang in ("", "en/") for a in ARTICLE
        ]
        composed += [f"{lang}{PRINT}.html" for lang in ("", "en/")]
        for page in [p for lang in ("", "en/") for p in (lang + a for a in ARTICLE)] + composed:
            if not (site / page).exists():
                continue
            sizes = first_view(sites[0][3], page)
            total = sum(sizes.get(k, 0) for k in counted)
            verdict = "–" if page in composed else "✓" if total <= BUDGET_KB * 1024 else "✗"
            print(
                f"{page:<34}"
                + "".join(f"{sizes.get(k, 0) / 1024:>6.1f}K" for k in counted)
                + f"{total / 1024:>7.1f}K"
                + f" {verdict} |"
                + "".join(f"{sizes.get(k, 0) / 1024:>8.1f}K" for k in also)
            )
        if not args.no_lighthouse:
            print(
                f"\nLighthouse 12.2.3, mobile preset, median of {args.runs} runs, served gzipped "
                "(targets: performance >= 0.98, TBT <= 100 ms, the others 1.00)"
            )
            print(f"{'site':<11}{'page':<22}{'perf':>7}{'TBT ms':>8}{'a11y':>7}{'best':>7}{'seo':>7}")
            for page in LIGHTHOUSE_PAGES:
                runs: dict[str, list] = {name: [] for name, *_ in sites}
                for _ in range(args.runs):  # alternate the sites, so that drift hits both alike
                    for name, root, _, base in sites:
                        runs[name].append(lighthouse(base + page_path(root, page)))
                for name, results in runs.items():
                    s = {k: statistics.median(r[k] for r in results) for k in results[0]}
                    print(
                        f"{name:<11}{page:<22}{s['performance']:>7.2f}{s['tbt']:>8.0f}{s['accessibility']:>7.2f}"
                        f"{s['best-practices']:>7.2f}{s['seo']:>7.2f}"
                    )
    finally:
        for _, _, server, _ in sites:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
