"""The end of every page: how to cite it, and how to report an error without a GitHub account."""

from __future__ import annotations

import datetime
import html
from urllib.parse import quote

from .gitdates import format_date
from .languages import strings_for

TEXT = strings_for("cite")  # the strings live in languages.py


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
    parts.append(f'<p class="page-license">{t["license"].format(link=TEXT[lang]["license_link"])}</p>')
    return '<aside class="page-trust">' + "".join(parts) + "</aside>"
