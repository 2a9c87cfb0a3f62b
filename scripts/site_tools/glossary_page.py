"""The glossary page's entries, generated in both languages from the glossary data."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

from .glossary import Glossary, Term
from .languages import OTHER
from .pages import Page, prose_lines

TEXT = {
    "zh": {
        "used": "出现于",
        "unused": "仅见于本术语表与背景资料。",
        "source": "参考",
        "kinds": {"company": "公司", "product": "产品", "person": "人物", "organisation": "机构",
                  "policy": "政策", "technical": "技术"},
    },
    "en": {
        "used": "Used in",
        "unused": "Only in this glossary and the context material.",
        "source": "Reference",
        "kinds": {"company": "company", "product": "product", "person": "person", "organisation": "organization",
                  "policy": "policy", "technical": "technical term"},
    },
}


def sort_key(term: Term, lang: str) -> tuple:
    """Pinyin order for Chinese (Latin-script names sort by their letters), A–Z for English."""
    name = term.name[lang]
    if lang == "zh":
        return (" ".join(lazy_pinyin(name, style=Style.NORMAL, errors="default")).casefold(), name)
    return (name.casefold(), name)


def term_usage(glossary: Glossary, pages: list[Page], lang: str) -> dict[str, list[tuple[Page, str | None, str]]]:
    """For each term id, the (page, section id, section title) where `lang` pages use it, in site order."""
    usage: dict[str, list] = {}
    for page in pages:
        if page.page.lang != lang:
            continue
        for section in page.sections:
            text = "\n".join(t for _, t in prose_lines(section))
            for tid in {tid for _, _, tid in glossary.find(text, lang)}:
                usage.setdefault(tid, []).append((page, section.id, section.title or page.meta.get("title", "")))
    return usage


def render_glossary(glossary: Glossary, pages: list[Page], lang: str, sources) -> str:
    """Markdown for the `::: glossary` line of the glossary page: one entry per term."""
    t = TEXT[lang]
    usage = term_usage(glossary, pages, lang)
    out = []
    for term in sorted(glossary, key=lambda x: sort_key(x, lang)):
        other = OTHER[lang]
        out.append(f'## {term.name[lang]} {{#{term.id}}}')
        out.append("")
        abbreviations = ", ".join(a for a in term.aliases[lang])
        alias = f" · {abbreviations}" if abbreviations else ""
        out.append(f'<span class="term-other" lang="{"zh-Hans" if other == "zh" else "en"}">{term.name[other]}</span>'
                   f'{alias} · <span class="term-kind">{t["kinds"][term.kind]}</span>')
        out.append("")
        out.append(term.definition[lang])
        out.append("")
        links = []
        seen = set()
        for page, section_id, title in usage.get(term.id, []):
            key = (page.page.stem, section_id)
            if key in seen:
                continue
            seen.add(key)
            anchor = f"#{section_id}" if section_id else ""
            title = title.replace("[", "").replace("]", "")
            links.append(f"[{title}]({page.page.stem}.md{anchor})")
        out.append(f"{t['used']}：" + "、".join(links) if lang == "zh" and links
                   else f"{t['used']}: " + "; ".join(links) if links else t["unused"])
        if term.source:
            ref = f"[@{term.source}]" if term.source in sources else f"<{term.source}>"
            out.append("")
            out.append(f"{t['source']}{'：' if lang == 'zh' else ': '}{ref}")
        out.append("")
    return "\n".join(out)
