"""Share cards: a 1200×630 PNG per page and language, the picture a chat app or a social
network shows beside a shared link (og:image). Drawn at build time, offline, with Pillow
and an installed CJK font (WenQuanYi Micro Hei in CI and deploy): the page title in its
language, its description, and the site's name. A card is kept under a hash of all that
makes it (site_tools/cache.py), so an unchanged page is not drawn again.

Without a CJK font there are no cards and no og:image tags; the source checks say so once
(CHART-FONT: the charts need the same font)."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from .cache import cache_root

WIDTH, HEIGHT = 1200, 630
CARD_FILE = "assets/cards/{stem}.{lang}.png"  # under the site root, one per page and language
MAX_BYTES = 150_000
# The site's colours (site.css: the header blue, and the text on it).
BACKGROUND, TEXT, MUTED, RULE = (11, 90, 138), (255, 255, 255), (205, 225, 240), (86, 160, 205)
FIGURE = (255, 214, 102)  # the key figure: warm on the blue (5.3:1)
MARGIN = 80
# Characters a Chinese line may not start with (kinsoku): they stay at the end of the line before.
_NO_LINE_START = set("，。、；：！？）》」』”’%％")
_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The file of an installed font that covers Chinese, or None."""
    if shutil.which("fc-list"):
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True).stdout
        files = sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
        preferred = [f for f in files if "wqy-microhei" in f.lower() or "notosanscjk" in f.lower().replace("-", "")]
        if preferred or files:
            return (preferred or files)[0]
    for candidate in ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",):
        if Path(candidate).is_file():
            return candidate
    return None


@lru_cache(maxsize=1)
def latin_font() -> str | None:
    """The file of the system's Latin sans-serif (DejaVu Sans on Debian), for English cards:
    a CJK font draws ’ and “ ” full width, the way Chinese text sets them."""
    if shutil.which("fc-match"):
        out = subprocess.run(["fc-match", "-f", "%{file}", "sans-serif:lang=en"], capture_output=True, text=True)
        if out.stdout and Path(out.stdout).is_file() and "wqy" not in out.stdout.lower():
            return out.stdout
    return None


def _wrap(text: str, font, width: int, lang: str, max_lines: int) -> list[str]:
    """Lines of at most `width` pixels: Chinese by character (no line starting with closing
    punctuation), English by word; the last line ends in … when the text does not fit."""
    units = list(text) if lang == "zh" else text.split(" ")
    joiner = "" if lang == "zh" else " "
    lines, current = [], ""
    for unit in units:
        trial = current + (joiner if current else "") + unit
        if current and font.getlength(trial) > width and unit not in _NO_LINE_START:
            lines.append(current)
            current = unit
        else:
            current = trial
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines[-1] = last.rstrip(" ，,、") + "…"
    return lines


def draw_card(
    title: str,
    description: str,
    label: str,
    host: str,
    lang: str,
    font_file: str,
    figure: tuple[str, str] | None = None,
) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    if lang == "en" and font_file == cjk_font():  # no Latin font here: straight quotes, drawn half width
        title, description, label = (t.translate(_STRAIGHT) for t in (title, description, label))

    def font(size: int):
        return ImageFont.truetype(font_file, size)

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    small = font(30)
    draw.text((MARGIN, 64), label, font=small, fill=MUTED)
    draw.rectangle((MARGIN, 116, MARGIN + 96, 122), fill=RULE)
    big = font(66 if lang == "zh" else 56)
    y = 162
    for line in _wrap(title, big, inner, lang, 2 if figure else 3):
        draw.text((MARGIN, y), line, font=big, fill=TEXT)
        y += 86 if lang == "zh" else 76
    body = font(32)
    y += 18
    if figure:  # the key figure, large, with what it counts
        value, caption = figure
        draw.text((MARGIN, y), value, font=font(92), fill=FIGURE)
        y += 112
        for line in _wrap(caption, body, inner, lang, 1):
            draw.text((MARGIN, y), line, font=body, fill=MUTED)
    else:
        for line in _wrap(description, body, inner, lang, 3 if y < 380 else 2):
            if y > HEIGHT - 130:
                break
            draw.text((MARGIN, y), line, font=body, fill=MUTED)
            y += 46
    draw.text((MARGIN, HEIGHT - 76), host, font=font(26), fill=MUTED)
    out = io.BytesIO()
    # A palette of 64 colours: flat colours and antialiased text, a third of the RGB size.
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(out, "PNG", optimize=True)
    return out.getvalue()


def card(
    title: str, description: str, label: str, host: str, lang: str, figure: tuple[str, str] | None = None
) -> bytes | None:
    """The card's PNG (from the cache when nothing that makes it changed), or None without a
    CJK font. `label` is the small line above the title: the site's name, or on the
    overview's card, whose title is the site's name, the page's. `figure`: the page's key
    figure and its caption, drawn large in place of the description."""
    font_file = cjk_font()
    if font_file is None:
        return None
    import PIL

    key = hashlib.sha256(
        json.dumps([title, description, label, host, lang, figure, font_file, latin_font(), PIL.__version__]).encode()
        + Path(__file__).read_bytes()
    ).hexdigest()
    cached = cache_root() / "cards" / f"{key}.png"
    if cached.is_file():
        return cached.read_bytes()
    data = draw_card(title, description, label, host, lang, (lang == "en" and latin_font()) or font_file, figure)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{key[:8]}.tmp")
        tmp.write_bytes(data)
        tmp.replace(cached)
    except OSError:  # a read-only cache only costs speed
        pass
    return data
