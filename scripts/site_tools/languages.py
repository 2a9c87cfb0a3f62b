"""The site's two languages and where each page lives in each of them."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

DEFAULT = "zh"
LANGUAGES = ("zh", "en")
OTHER = {"zh": "en", "en": "zh"}
# BCP 47 tags for <html lang> and hreflang: zh-Hans is the W3C recommendation
# for Simplified Chinese; static-i18n itself keeps the locale "zh".
HREFLANG = {"zh": "zh-Hans", "en": "en"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_US"}
NAMES = {"zh": "中文", "en": "English"}  # each in itself, for readers
NAMES_IN_ENGLISH = {"zh": "Chinese", "en": "English"}  # for findings, which are in English
# Where each language lives, relative to the site root.
ROOT = {"zh": "", "en": "en/"}

# Interface strings of the site's own templates and scripts, one table for both
# languages (the theme's own strings come from its language partials).
STRINGS = {
    "zh": {
        "short_title": "H20 解禁解读",
        "language_menu": "选择语言",
        "current_language": "当前语言",
        "permalink": "链接到本节",
        "glossary": "术语表",
        "close": "关闭",
        "term_hint": "术语解释",
        "credit": "本站使用 {link} 构建",
        "progress": "页面加载进度",
        "feed_title": "更正与更新",
    },
    "en": {
        "short_title": "H20 unbanned",
        "language_menu": "Choose language",
        "current_language": "current language",
        "permalink": "Link to this section",
        "glossary": "Glossary",
        "close": "Close",
        "term_hint": "Term explained",
        "credit": "Made with {link}",
        "progress": "Page loading",
        "feed_title": "Corrections and updates",
    },
}

_SUFFIXED = re.compile(r"^(?P<stem>.+)\.(?P<lang>zh|en)\.md$")


@dataclass(frozen=True)
class PageId:
    """A page of the site, independent of its language: `us-motives`, `index`."""

    stem: str
    lang: str

    @classmethod
    def from_src(cls, src_uri: str) -> "PageId | None":
        m = _SUFFIXED.match(src_uri)
        return cls(m["stem"], m["lang"]) if m else None

    def src(self, lang: str | None = None) -> str:
        return f"{self.stem}.{lang or self.lang}.md"

    def url(self, lang: str | None = None) -> str:
        """Site-root-relative URL of this page in `lang` (default: its own)."""
        return f"{ROOT[lang or self.lang]}{self.stem}.html"

    def counterpart(self) -> "PageId":
        return PageId(self.stem, OTHER[self.lang])


def language_root_from(page_url: str, lang: str) -> str:
    """Relative URL from a page to the root of its language, ending in '/'."""
    rel = posixpath.relpath(ROOT[lang] or ".", posixpath.dirname(page_url) or ".")
    return "./" if rel == "." else rel + "/"
