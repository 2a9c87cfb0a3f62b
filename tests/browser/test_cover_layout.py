"""The overview's cover and the headings as readers see them, in Chromium."""

from __future__ import annotations

import io

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["index.html", "en/index.html", "us-motives.html", "en/us-motives.html"])
def test_headings_are_set_bold(open_page, path):
    page, _ = open_page(path)
    for selector in (".md-content h1", ".md-content h2"):
        weight = page.locator(selector).first.evaluate("e => getComputedStyle(e).fontWeight")
        assert int(weight) >= 600, f"{selector} on {path}: font-weight {weight}"


def _ink(png: bytes) -> int:
    from PIL import Image

    histogram = Image.open(io.BytesIO(png)).convert("L").histogram()
    return sum(histogram[:128])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "stem, selectors",
    [("us-motives", (".md-content h1", ".md-content h2")), ("index", ("nav.reading-path li:nth-child(2) a",))],
)
def test_headings_and_the_reading_path_are_drawn_bold_with_the_fonts_at_hand(open_page, lang, stem, selectors):
    # A weight the font lacks may be drawn regular: Chinese at 600 came out as thin as 400
    # with WenQuanYi Micro Hei, which has no semibold for the browser to pick or make.
    path = f"{stem}.html" if lang == "zh" else f"en/{stem}.html"
    page, _ = open_page(path)
    for selector in selectors:
        element = page.locator(selector).first
        drawn = _ink(element.screenshot())
        element.evaluate("e => e.style.setProperty('font-weight', '400', 'important')")
        regular = _ink(element.screenshot())
        element.evaluate("e => e.style.removeProperty('font-weight')")
        assert drawn > 1.2 * regular, f"{selector} on {path}: {drawn} dark pixels, {regular} at weight 400"


def test_the_weight_check_sees_a_thin_heading(open_page):
    page, _ = open_page("en/us-motives.html")
    # Through the CSSOM: the policy refuses a <style> element, as it would a contributor's.
    page.locator(".md-content h2").first.evaluate("e => e.style.setProperty('font-weight', '300', 'important')")
    weight = page.locator(".md-content h2").first.evaluate("e => getComputedStyle(e).fontWeight")
    assert int(weight) < 600


@pytest.mark.parametrize("path", ["index.html", "en/index.html"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_cover_fits_and_opens_with_the_headline_and_the_start_button(open_page, artifacts, path, width):
    page, _ = open_page(path, width=width)
    headline = page.locator(".cover__headline")
    button = page.locator("nav.reading-path li:first-child a")
    hb, bb = headline.bounding_box(), button.bounding_box()
    # The headline is the largest text on the page, inside the viewport, above the reading path.
    size = float(headline.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    h1 = float(page.locator(".md-content h1").evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert size > 1.5 * h1
    assert hb["x"] >= 0 and hb["x"] + hb["width"] <= width
    assert bb["x"] + bb["width"] <= width and bb["y"] > hb["y"]
    # Key figures: large numbers, side by side on a wide screen, one under the other on a phone.
    numbers = page.locator("p.key-figures + ul > li > strong")
    assert numbers.count() == 4
    tops = {round(numbers.nth(i).bounding_box()["y"]) for i in range(4)}
    assert len(tops) == (4 if width == 375 else 2)
    page.screenshot(path=str(artifacts / f"cover-{path.replace('/', '-')}-{width}.png"), full_page=False)


@pytest.mark.parametrize("path, target", [("index.html", "us-motives.html"), ("en/index.html", "en/us-motives.html")])
def test_start_reading_leads_to_part_one(open_page, site_url, path, target):
    page, _ = open_page(path, width=375)
    page.locator("nav.reading-path li:first-child a").click()
    page.wait_for_url(site_url + target)
    assert page.locator(".md-content h1").first.get_attribute("id") == "us-motives"


@pytest.mark.parametrize("path", ["index.html", "en/index.html"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_other_ways_to_read_share_a_row_of_their_own_under_the_dates(open_page, path, width):
    # Before: at 1280 px "Print edition" wrapped alone under "Side by side".
    page, _ = open_page(path, width=width)
    tops = page.evaluate("""() => [...document.querySelectorAll('.cover__meta > span')].map(s =>
      [s.className, Math.round(s.getBoundingClientRect().top)])""")
    ways = {top for cls, top in tops if cls == "cover__way"}
    assert len(ways) == 1 and min(ways) > max(top for cls, top in tops if cls != "cover__way")
