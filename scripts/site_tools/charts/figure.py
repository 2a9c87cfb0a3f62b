"""The chart's <figure> on the page: title, both drawings (or a quote card), the text alternative,
a legend for claims, the data table, and the caption with sources, dates and the CSV download."""

from __future__ import annotations

import html
import posixpath

from ..languages import PageId, strings_for
from ..sources import Source
from .data import Chart, shown_value
from .render import render_svg

TEXT = strings_for("chart")  # the strings live in languages.py


def figure_html(chart: Chart, svg: str, lang: str, page_url: str, sources: dict[str, Source]) -> str:
    """The <figure>: title, the chart drawn twice (`svg`, the wide variant, and the narrow one
    for phones; the stylesheet shows one) with its message as the text alternative, or for a
    quote card the article's words; a legend when claims are drawn; a collapsible data table;
    and last, the caption with sources, dates and the CSV download."""
    t = TEXT[lang]
    esc = lambda s: html.escape(str(s), quote=True)  # noqa: E731
    here = posixpath.dirname(page_url) or "."
    sources_href = esc(posixpath.relpath(PageId("sources", lang).url(), here))
    csv_href = esc(posixpath.relpath(chart.data, here))
    cited: dict[str, list[str]] = {}
    for r in chart.rows:
        cited.setdefault(r.source, [])
        if r.date not in cited[r.source]:
            cited[r.source].append(r.date)
    open_, close = ("（", "）") if lang == "zh" else (" (", ")")
    caption_sources = t["sep"].join(
        f'<a href="{sources_href}#{esc(sid)}">[{sources[sid].number}]</a> {sources[sid].outlet_html(lang)}'
        f"{open_}{esc(', '.join(dates))}{close}"
        for sid, dates in cited.items()
    )
    has_series = any(r.series for r in chart.rows)
    has_note = any(r.note for r in chart.rows)
    has_claims = any(r.claimed for r in chart.rows)
    head = (
        [t["label"]]
        + ([t["series"]] if has_series else [])
        + [t["value"], t["date"], t["source"]]
        + ([t["status"]] if has_claims else [])
        + ([t["note"]] if has_note else [])
    )
    body = []
    for r in chart.rows:
        cells = [esc(r.label[lang])] + ([esc((r.series or {}).get(lang, ""))] if has_series else [])
        cells += [
            esc(shown_value(r, lang)),
            esc(r.date),
            f'<a href="{sources_href}#{esc(r.source)}">[{sources[r.source].number}]</a>',
        ]
        if has_claims:
            cells.append(esc(t["claimed"] if r.claimed else t["checked"]))
        if has_note:
            cells.append(esc((r.note or {}).get(lang, "")))
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    cid = esc(chart.id)
    title_id, desc_id = f"chart-{cid}-title", f"chart-{cid}-desc"
    claimed_key = (
        f'<span class="chart__entry"><span class="chart__key chart__key--claimed" aria-hidden="true">'
        f"</span>{esc(t['claimed'])}</span>"
    )
    if chart.kind == "quote":
        # Nothing is drawn, so no swatch: the label names the quote itself.
        drawing = [
            f'<p class="chart__legend chart__legend--claimed"><span class="chart__tag">{esc(t["claimed"])}</span></p>',
            f'<blockquote class="chart__quote"><p>{esc(chart.quote[lang])}</p></blockquote>',
            f'<p class="chart__message" id="{desc_id}">{esc(chart.message[lang])}</p>',
        ]
        note = f" {esc(t['quoted'])}{t['end']}"
    else:
        narrow = render_svg(chart, lang, "narrow")
        drawing = [
            f'<div class="chart__svg" role="img" aria-labelledby="{title_id} {desc_id}">'
            f'<div class="chart__wide">{svg}</div><div class="chart__narrow">{narrow}</div></div>'
        ]
        if has_claims:
            drawing.append(
                f'<p class="chart__legend"><span class="chart__entry"><span class="chart__key '
                f'chart__key--checked" aria-hidden="true"></span>{esc(t["checked"])}</span> '
                f"{claimed_key}</p>"
            )
        drawing.append(f'<p class="chart__message" id="{desc_id}">{esc(chart.message[lang])}</p>')
        note = ""
    return "\n".join(
        [
            f'<figure class="chart chart--{esc(chart.kind)}" id="chart-{cid}" aria-labelledby="{title_id}" '
            f'data-chart="{cid}">',
            f'<p class="chart__title" id="{title_id}">{esc(chart.title[lang])}</p>',
            *drawing,
            f'<details class="chart__data"><summary>{esc(t["data"])}</summary>',
            '<div class="chart__table"><table>',
            "<thead><tr>" + "".join(f'<th scope="col">{esc(h)}</th>' for h in head) + "</tr></thead>",
            "<tbody>" + "".join(body) + "</tbody></table></div></details>",
            f'<figcaption class="chart__caption">{esc(t["sources"])}{"：" if lang == "zh" else ": "}{caption_sources}'
            f'{t["end"]}{note} <a href="{csv_href}" download>{esc(t["download"])}</a></figcaption>',
            "</figure>",
        ]
    )
