"""The print edition as a PDF per language, printed by Chromium.

    python -m site_tools pdf [--site site] [--out test-artifacts/pdf]

Writes h20-explainer.zh.pdf and h20-explainer.en.pdf: each language's `print` page as the
browser prints it (the site's print stylesheet: no chrome, light palette, a page break
before each section, source URLs written out). Needs a built site and Chromium."""

from __future__ import annotations

import argparse
from pathlib import Path

from site_tools.composed import PRINT
from site_tools.languages import LANGUAGES, ROOT as LANG_ROOT
from site_tools.project import project_root
from site_tools.serve import CHROMIUM_FLAGS, base_path, chromium_path, serve

NAME = "h20-explainer.{lang}.pdf"
# A4, with margins for the page numbers Chromium prints in the footer.
PDF_OPTIONS = {
    "format": "A4",
    "print_background": True,
    "margin": {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
    "display_header_footer": True,
    "header_template": "<span></span>",
    "footer_template": '<div style="width:100%;font-size:8px;text-align:center;color:#555">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
}


def main(argv=None, root: Path | None = None) -> int:
    root = root or project_root()
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--site", default=str(root / "site"))
    p.add_argument("--out", default=str(root / "test-artifacts" / "pdf"))
    args = p.parse_args(argv)
    site, out = Path(args.site), Path(args.out)
    missing = [lang for lang in LANGUAGES if not (site / LANG_ROOT[lang] / f"{PRINT}.html").exists()]
    if missing:
        raise SystemExit(f"no print edition in {site} for {', '.join(missing)}: run `make build` first")
    chromium = chromium_path()
    if chromium is None:
        raise SystemExit("Chromium not found: apt-get install chromium (or set CHROMIUM=/path/to/chromium)")
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    server, base = serve(site, base_path(root))
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            for path in print_pdfs(browser, base, out):
                print(f"{path}  {path.stat().st_size / 1024:.0f} KB")
            browser.close()
    finally:
        server.shutdown()
    return 0


def print_pdfs(browser, base: str, out: Path) -> list[Path]:
    """Each language's print edition at `base` (the served site) printed into `out`."""
    tab = browser.new_page()
    written = []
    try:
        for lang in LANGUAGES:
            tab.goto(f"{base}{LANG_ROOT[lang]}{PRINT}.html", wait_until="networkidle")
            tab.emulate_media(media="print")
            path = out / NAME.format(lang=lang)
            tab.pdf(path=str(path), **PDF_OPTIONS)
            written.append(path)
    finally:
        tab.close()
    return written
