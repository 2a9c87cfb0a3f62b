"""Screenshots of every page in both languages, light and dark, desktop and phone.

    python -m site_tools screenshots [--site site] [--out test-artifacts/screenshots] [--only STEM ...]

Writes full-page PNGs named LANG-STEM-VARIANT.png and an index.html that shows
them side by side, so a reviewer sees the whole site in a minute. Needs a built
site (make build) and Chromium."""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from site_tools.composed import PARALLEL, PRINT
from site_tools.project import project_root
from site_tools.languages import LANGUAGES, PageId
from site_tools.serve import CHROMIUM_FLAGS, base_path, chromium_path, serve

ROOT: Path  # the project; set by main(), from the caller or the working directory

VARIANTS = {  # name: (width, height, colour scheme)
    "light": (1280, 900, "light"),
    "dark": (1280, 900, "dark"),
    "phone": (375, 800, "light"),
    "phone-dark": (375, 800, "dark"),
}


def main(argv=None, root: Path | None = None) -> int:
    global ROOT
    ROOT = root or project_root()
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--site", default=str(ROOT / "site"))
    p.add_argument("--out", default=str(ROOT / "test-artifacts" / "screenshots"))
    p.add_argument(
        "--only", nargs="*", default=[], help="page stems to shoot, by spaces or commas (default: every page)"
    )
    args = p.parse_args(argv)
    site, out = Path(args.site), Path(args.out)
    if not (site / "index.html").exists():
        raise SystemExit("no built site: run `make build` first")
    pages = [
        *sorted({PageId.from_src(f.name).stem for f in (ROOT / "docs").glob("*.*.md")}),
        # The pages the build makes of other pages: the side-by-side views and the print edition.
        *sorted(f"{PARALLEL.format(stem=p.stem)}" for p in (site / PARALLEL.format(stem="x")).parent.glob("*.html")),
        *([PRINT] if (site / f"{PRINT}.html").exists() else []),
    ]
    only = [stem for arg in args.only for stem in arg.split(",") if stem]
    unknown = [stem for stem in only if stem not in pages]
    if unknown:  # else a typo gets screenshots of the 404 page, named as if they were the page's
        p.error(f"no page {', '.join(unknown)} in this site; its pages are: {' '.join(pages)}")
    stems = only or pages
    chromium = chromium_path()
    if chromium is None:
        raise SystemExit("Chromium not found: apt-get install chromium (or set CHROMIUM=/path/to/chromium)")
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    server, base = serve(site, base_path(ROOT))
    shots = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            for variant, (width, height, scheme) in VARIANTS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    color_scheme=scheme,
                    device_scale_factor=1,
                    has_touch=width < 600,
                    is_mobile=width < 600,  # a phone: touch, no hover (media queries), like the readers'
                )
                tab = context.new_page()
                for stem in stems:
                    for lang in LANGUAGES:
                        name = f"{lang}-{stem.replace('/', '-')}-{variant}.png"
                        tab.goto(base + PageId(stem, lang).url(), wait_until="networkidle")
                        tab.screenshot(path=str(out / name), full_page=True)
                        shots.append((stem, lang, variant, name))
                context.close()
            browser.close()
    finally:
        server.shutdown()
    rows = []
    for stem in stems:
        cells = "".join(
            f'<figure><a href="{n}"><img src="{n}" loading="lazy" alt=""></a><figcaption>'
            f"{html.escape(f'{lang} · {variant}')}</figcaption></figure>"
            for s, lang, variant, n in shots
            if s == stem
        )
        rows.append(f"<h2>{html.escape(stem)}</h2><div class=row>{cells}</div>")
    (out / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Screenshots</title><style>body{font:14px sans-serif}"
        ".row{display:flex;gap:12px;overflow-x:auto;align-items:flex-start}figure{margin:0}"
        "img{width:240px;border:1px solid #ccc}</style>" + "".join(rows),
        encoding="utf-8",
    )
    print(f"{len(shots)} screenshots in {out}/ (open index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
