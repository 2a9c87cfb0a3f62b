"""The end of every page: how to cite it, and how to report an error without a GitHub account."""

from __future__ import annotations

import datetime
import html
from urllib.parse import quote

from .gitdates import format_date

TEXT = {
    "zh": {
        "cite": "如何引用本页",
        "intro": "可直接复制以下引文：",
        "updated": "最后更新于",
        "report": "发现错误？发邮件告诉我们",
        "report_note": "（无需 GitHub 账户；邮件会附上本页地址）",
        "license": "本站文字与数据采用 {link} 许可协议发布。",
        "subject": "错误报告：{title} {url}",
    },
    "en": {
        "cite": "How to cite this page",
        "intro": "Copy this citation:",
        "updated": "Last updated",
        "report": "Found an error? Email us",
        "report_note": " (no GitHub account needed; the email names this page)",
        "license": "This site’s text and data are published under {link}.",
        "subject": "Error report: {title} {url}",
    },
}
LICENSE_LINK = {
    "zh": '<a href="https://creativecommons.org/licenses/by/4.0/deed.zh-hans" rel="license">CC BY 4.0</a>',
    "en": '<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>',
}


def citation(title: str, site_name: str, url: str, date: datetime.date, lang: str) -> str:
    """The citation as plain text, in the page's language."""
    if lang == "zh":
        return f"《{title}》，{site_name}，{TEXT['zh']['updated']} {format_date(date, 'zh')}，{url}"
    return f"“{title}.” {site_name}. {TEXT['en']['updated']} {format_date(date, 'en')}. {url}"


def report_href(email: str, title: str, url: str, lang: str) -> str:
    t = TEXT[lang]
    subject = quote(t["subject"].format(title=title, url=url), safe="")
    return f"mailto:{quote(email, safe='@')}?subject={subject}"


def page_footer(title: str, site_name: str, url: str, date: datetime.date, lang: str, email: str | None) -> str:
    """HTML after the page's content: the citation box, then the error-report link."""
    t = TEXT[lang]
    e = html.escape
    parts = [
        f'<details class="cite-box"><summary>{t["cite"]}</summary><p>{t["intro"]}</p>'
        f'<p class="cite-box__text">{e(citation(title, site_name, url, date, lang))}</p></details>'
    ]
    if email:
        parts.append(
            f'<p class="report-error"><a href="{e(report_href(email, title, url, lang))}">{t["report"]}</a>'
            f"{t['report_note']}</p>"
        )
    parts.append(f'<p class="page-license">{t["license"].format(link=LICENSE_LINK[lang])}</p>')
    return '<aside class="page-trust">' + "".join(parts) + "</aside>"
