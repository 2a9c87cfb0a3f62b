"""The site's two languages, where each page lives in each of them, and every interface string."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

DEFAULT = "zh"
LANGUAGES = ("zh", "en")
OTHER = {"zh": "en", "en": "zh"}
WORD_SPACED = {"zh": False, "en": True}  # whether spaces separate its words (else: a segmenter finds them)
# BCP 47 tags for <html lang> and hreflang: zh-Hans is the W3C recommendation
# for Simplified Chinese; static-i18n itself keeps the locale "zh".
HREFLANG = {"zh": "zh-Hans", "en": "en"}
OG_LOCALE = {"zh": "zh_CN", "en": "en_US"}
NAMES = {"zh": "中文", "en": "English"}  # each in itself, for readers
NAMES_IN_ENGLISH = {"zh": "Chinese", "en": "English"}  # for findings, which are in English
# Where each language lives, relative to the site root.
ROOT = {"zh": "", "en": "en/"}

# Every interface string of the site's own, for templates, scripts and the generated
# pages (glossary, sources, charts, claims, notices, ...), one table for both languages:
# `area.key` for a generator's strings, read through strings_for(area). The theme's own
# strings come from its language partials.
STRINGS = {
    "zh": {
        "short_title": "H20 解禁解读",
        "language_menu": "选择语言",
        "current_language": "当前语言",
        "permalink": "链接到本节",
        "glossary": "术语表",
        "close": "关闭",
        "credit": "本站使用 {link} 构建",
        "progress": "页面加载进度",
        "feed_title": "更正与更新",
        "reading_time": "约 {n} 分钟读完",
        "last_updated": "最后更新：",
        "paragraph_link": "复制本段链接",
        "parallel.link": "中英对照",
        "parallel.title": "中英对照：{title}",
        "parallel.description": "{title}：中文原文与英文译文逐段对照。",
        "parallel.intro": "中文原文与英文译文逐段对照：每段中文与旁边（手机上为下方）的英文说的是同一件事。",
        "parallel.back": "返回正文",
        "parallel.show": "显示：",
        "parallel.both": "对照",
        "print.link": "打印版",
        "print.title": "全文打印版",
        "print.description": "导读、三个部分与结论的全文，附编号来源，便于打印或存为 PDF。",
        "print.intro": "本页收录全文，适合打印或存为 PDF（浏览器菜单：打印）。",
        "print.sources": "来源",
        "corrections.kind.correction": "更正",
        "corrections.kind.update": "更新",
        "chart.sources": "来源",
        "chart.data": "查看数据表",
        "chart.download": "下载数据（CSV）",
        "chart.label": "项目",
        "chart.series": "类别",
        "chart.value": "数值",
        "chart.date": "日期",
        "chart.source": "来源",
        "chart.note": "说明",
        "chart.status": "核实情况",
        "chart.sep": "；",
        "chart.end": "。",
        "chart.ratio": "H20 相当于 H100 的百分比",
        "chart.h100": "H100 = 100%",
        "chart.own_scale": "与上方的比例不同",
        "chart.chart": "图表",
        "chart.checked": "已核实的数据",
        "chart.claimed": "所称，未经证实",
        "chart.quoted": "引文为文章原文",
        "cite.cite": "如何引用本页",
        "cite.intro": "可直接复制以下引文：",
        "cite.updated": "最后更新于",
        "cite.report": "发现错误？发邮件告诉我们",
        "cite.report_note": "（无需 GitHub 账户；邮件会附上本页地址）",
        "cite.license": "本站文字与数据采用 {link} 许可协议发布。",
        "cite.subject": "错误报告：{title} {url}",
        "cite.license_link": (
            '<a href="https://creativecommons.org/licenses/by/4.0/deed.zh-hans" rel="license" class="nobr">'
            "CC BY 4.0</a>"
        ),
        "claims.original": "原文：",  # shown on English pages only, before the Chinese quote
        "claims.verdict": "核查结论：",
        "claims.by": "说法来源：",
        "claims.evidence": "依据：",
        "claims.no_evidence": "未找到可支持这一说法的公开来源。",
        "claims.seen": "见于：",
        "claims.all": "全部",
        "claims.filter": "按核查结论筛选",
        "claims.sep": "；",
        "claims.colon": "：",
        "claims.quote": "“{}”",
        "corrections.why": "原因：",
        "corrections.pages": "涉及：",
        "corrections.feed": "通过 Atom 订阅更正与更新",
        "corrections.title": "更正与更新",
        "corrections.sep": "、",
        "cover.article": "原文：{outlet}转载，{date}",
        "cover.reviewed": "本站审校：{date}",
        "cover.path": "阅读路径",
        "cover.start": "开始阅读",
        "glossary.used": "出现于：",
        "glossary.sep": "、",
        "glossary.unused": "仅见于本术语表与背景资料。",
        "glossary.source": "参考：",
        "glossary.jump": "按拼音首字母跳转",
        "glossary.filter": "筛选术语",
        "glossary.placeholder": "输入中文、英文名称或释义中的词",
        "glossary.count": "共 {n} 条",
        "glossary.count_one": "共 1 条",
        "glossary.empty": "没有匹配的术语。请换一个词，或清空筛选框。",
        "glossary.kinds": {
            "company": "公司",
            "product": "产品",
            "person": "人物",
            "organisation": "机构",
            "policy": "政策",
            "technical": "技术",
        },
        "notice.outdated": ("此译文可能已过时", "以下章节的原文在翻译后有改动：{sections}。", "阅读最新的英文版本"),
        "notice.untranslated": ("尚未翻译", "本页尚未译成中文，以下为英文原文。", "在英文站点打开"),
        "sources.read": "所读版本",
        "sources.no_url": "链接未记录",
        "sources.no_public_link": "无公开链接",
        "sources.sep": "，",
        "sources.end": "。",
        "sources.quote": "“{}”",
        "sources.dated": "{outlet}，{date}",
        "sources.describe": "〔{}〕",
    },
    "en": {
        "short_title": "H20 unbanned",
        "language_menu": "Choose language",
        "current_language": "current language",
        "permalink": "Link to this section",
        "glossary": "Glossary",
        "close": "Close",
        "credit": "Made with {link}",
        "progress": "Page loading",
        "feed_title": "Corrections and updates",
        "reading_time": "{n} min read",
        "last_updated": "Last updated: ",
        "paragraph_link": "Copy a link to this paragraph",
        "parallel.link": "Side by side",
        "parallel.title": "Side by side: {title}",
        "parallel.description": "{title}: the Chinese original and the English translation, paragraph by paragraph.",
        "parallel.intro": (
            "The Chinese original and its English translation, paragraph by paragraph: "
            "each Chinese paragraph says the same as the English one beside it (below it on a phone)."
        ),
        "parallel.back": "Back to the page",
        "parallel.show": "Show:",
        "parallel.both": "Both",
        "print.link": "Print edition",
        "print.title": "Print edition",
        "print.description": (
            "The overview, the three sections and the conclusion on one page, "
            "with numbered sources, to print or save as PDF."
        ),
        "print.intro": "The whole article on one page, to print or save as PDF (your browser’s Print command).",
        "print.sources": "Sources",
        "corrections.kind.correction": "Correction",
        "corrections.kind.update": "Update",
        "chart.sources": "Sources",
        "chart.data": "Show the data",
        "chart.download": "Download the data (CSV)",
        "chart.label": "Item",
        "chart.series": "Series",
        "chart.value": "Value",
        "chart.date": "Date",
        "chart.source": "Source",
        "chart.note": "Note",
        "chart.status": "Status",
        "chart.sep": "; ",
        "chart.end": ".",
        "chart.ratio": "H20 as % of H100",
        "chart.h100": "H100 = 100%",
        "chart.own_scale": "not to the same scale as above",
        "chart.chart": "Chart",
        "chart.checked": "checked data",
        "chart.claimed": "claimed, not confirmed",
        "chart.quoted": "Quotation translated from the Chinese article by this site",
        "cite.cite": "How to cite this page",
        "cite.intro": "Copy this citation:",
        "cite.updated": "Last updated",
        "cite.report": "Found an error? Email us",
        "cite.report_note": " (no GitHub account needed; the email names this page)",
        "cite.license": "This site’s text and data are published under {link}.",
        "cite.subject": "Error report: {title} {url}",
        "cite.license_link": (
            '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license" class="nobr">CC BY 4.0</a>'
        ),
        "claims.verdict": "Verdict: ",
        "claims.by": "Claim by: ",
        "claims.evidence": "Evidence: ",
        "claims.no_evidence": "No public source supporting the claim was found.",
        "claims.seen": "Appears in: ",
        "claims.original": "Original: ",
        "claims.all": "All",
        "claims.filter": "Filter by verdict",
        "claims.sep": "; ",
        "claims.colon": ": ",
        "claims.quote": "“{}”",
        "corrections.why": "Why: ",
        "corrections.pages": "Pages: ",
        "corrections.feed": "Follow corrections and updates by Atom feed",
        "corrections.title": "Corrections and updates",
        "corrections.sep": ", ",
        "cover.article": "Article: reprinted by {outlet}, {date}",
        "cover.reviewed": "Reviewed by this site: {date}",
        "cover.path": "Reading path",
        "cover.start": "Start reading",
        "glossary.used": "Used in: ",
        "glossary.sep": "; ",
        "glossary.unused": "Not on the article pages: only in this glossary and the background material.",
        "glossary.source": "Reference: ",
        "glossary.jump": "Jump to a letter",
        "glossary.filter": "Filter terms",
        "glossary.placeholder": "A name, or a word from a definition",
        "glossary.count": "{n} terms",
        "glossary.count_one": "1 term",
        "glossary.empty": "No terms match. Try another word, or clear the box.",
        "glossary.kinds": {
            "company": "company",
            "product": "product",
            "person": "person",
            "organisation": "organization",
            "policy": "policy",
            "technical": "technical term",
        },
        "notice.outdated": (
            "This translation may be outdated",
            "The Chinese original of these sections changed after they were translated: {sections}.",
            "Read the current Chinese version",
        ),
        "notice.untranslated": (
            "Not yet translated",
            "This page has not been translated into English yet. Below is the Chinese original.",
            "Open it on the Chinese site",
        ),
        "sources.read": "The copy we read",
        "sources.no_url": "Link not recorded",
        "sources.no_public_link": "No public link",
        "sources.sep": ", ",
        "sources.end": ".",
        "sources.quote": "“{}”",
        "sources.dated": "{outlet}, {date}",
        "sources.describe": "[{}]",
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


def strings_for(area: str) -> dict[str, dict]:
    """One generator's strings, {lang: {key: text}}, from the `area.key` entries of STRINGS."""
    prefix = area + "."
    return {
        lang: {k[len(prefix) :]: v for k, v in table.items() if k.startswith(prefix)} for lang, table in STRINGS.items()
    }
