"""The site's MkDocs plugin (`h20` in mkdocs.yml): its own build steps, each implemented in a module of
this package.

Within one language build: reading time and translation notices, directives
(glossary, sources, charts, the overview's cover) and citations
(on_page_markdown) → glossary terms, marked while Markdown converts the page (a treeprocessor,
site_tools.terms) → the terms' definitions, English quotes, line breaks (on_page_content) → language links and
last-updated date (on_page_context) → per-language search base (on_post_page). After both languages are built:
per-language search indexes and sitemaps, unused theme CSS, then the Content Security Policy
(on_post_build). The source rules run first and are logged as warnings, which
is how `mkdocs serve` shows them; the build script reports them itself and turns
that off with the `report_rules` option."""

from __future__ import annotations

import datetime
import logging
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import jieba
import jinja2
from markupsafe import Markup
import mkdocs.exceptions
import mkdocs.plugins
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.structure.files import File, InclusionLevel

from . import languages as L
from . import reading_time, segmenter
from .cards import CARD_FILE, HEIGHT as CARD_HEIGHT, WIDTH as CARD_WIDTH, card, cjk_font
from .cache import cache_root, prune as prune_cache
from .charts import figure_html, render_svg
from .checks import check_site_data
from .citing import page_footer
from .claims import claim_review_jsonld, expand_markers, render_claims, render_verdicts
from .corrections import FEED, render_corrections, write_feeds
from .cover import CoverError, masthead, reading_path, with_kicker
from .composed import PARALLEL, PRINT, Body, Composed, composed_pages, fill, parallel_html, print_html
from .directives import expand_directives, find_directives
from .gitdates import last_updated, page_date
from .glossary_page import render_glossary
from .linebreaks import THEME_TITLE_CLASSES, break_between_words, keep_together
from .minify import minify_html
from .notices import after_h1, outdated_notice, untranslated_notice
from .pages import published_meta
from .paragraphs import ParagraphIdsExtension, paragraph_ids
from .pagestyles import link_page_sheets, sheet_texts
from .postbuild import finish_site, name_search_dialog, set_search_base
from .site import load_site
from .structured import article_jsonld
from .safety import refused_files
from .sources import link_citations, render_sources
from .terms import DEFINITIONS, PageTerms, TermsExtension, definitions_block, definitions_json
from .translation import outdated_sections
from .typography import curly_quotes, latin_apostrophes

NO_TERMS = {"glossary", "sources"}  # pages that define or list; terms are not marked there
NO_READING_TIME = {"glossary", "sources"}  # looked up, not read through
READ_THROUGH = ("claims", "corrections")  # directives whose text is read, and timed

log = mkdocs.plugins.get_plugin_logger("h20")


def page_id(page) -> L.PageId | None:
    """The page and the language it is published in. A page whose translation is
    pending is published under /en/ from its Chinese file: the URL tells."""
    src = L.PageId.from_src(page.file.src_uri)
    if src is None:
        return None
    return L.PageId(src.stem, "en" if page.url.startswith(L.ROOT["en"]) else "zh")


class SiteConfig(Config):
    # Log the source rules as warnings (what `mkdocs serve` shows). The build
    # script runs the same rules itself, with file:line, and turns this off.
    report_rules = config_options.Type(bool, default=True)


class SitePlugin(mkdocs.plugins.BasePlugin[SiteConfig]):
    def __init__(self):
        super().__init__()
        self.command = "build"
        self.root = Path.cwd()
        self.site = None
        self.given_site = None  # use_site(): data the caller loaded, for one build
        self.site_names: dict[str, str] = {}
        self.cards: dict[str, tuple] = {}  # share card file -> what it shows, drawn after both languages
        # static-i18n builds the other language by running a whole MkDocs build
        # inside its own on_post_build. Counting our builds in progress tells the
        # nested build from the outer one without reading static-i18n's state;
        # tests/test_plugin.py checks that both languages pass through here once.
        self.depth = 0
        # Glossary terms are marked by a Markdown treeprocessor; the page it marks is
        # set in on_page_markdown, right before MkDocs converts the page.
        self.terms = TermsExtension()
        self.paragraphs = ParagraphIdsExtension()  # ids the same in both languages, set per page
        # Composed pages (side-by-side views, print editions): filled in after both languages
        # from the bodies of the pages they show.
        self.bodies: dict[tuple[str, str], Body] = {}
        self.composed: dict[str, tuple[Composed, Path]] = {}  # src_uri -> page, written file

    def use_site(self, site) -> None:
        """Build with the data the caller has loaded and checked (the build script), instead
        of loading it again; `mkdocs serve` never calls this and reloads on every change."""
        self.given_site = site

    def on_startup(self, *, command, dirty):
        self.command = command

    def on_config(self, config):
        self.root = Path(config.docs_dir).parent  # the project: its data files sit beside docs/
        # MkDocs passes the list to Python-Markdown for every page, which takes extension
        # objects as well as names. static-i18n's nested build runs on_config again on
        # the same config: the extension is added once.
        for ext in (self.terms, self.paragraphs):
            if not any(e is ext for e in config.markdown_extensions):
                config.markdown_extensions.append(ext)
        return config

    def on_env(self, env, *, config, files):
        # The theme's configuration block (`tojson`) with its Chinese strings as they are, not
        # as \uXXXX escapes: on each Chinese page, 58 bytes less after compression. `tojson`
        # still escapes <, >, & and ' for the script element.
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
        # The theme's templates compiled once and kept: each language's build would compile all
        # of them again (about 2 s of a build). Jinja checks each entry against the template's source.
        folder = cache_root() / "templates"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:  # no cache where none can be written: only slower
            return env
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
        return env

    def on_build_error(self, *, error):
        self.depth = 0

    def on_pre_build(self, *, config):
        self.depth += 1
        if self.depth > 1:
            return  # the other language's build, inside static-i18n: same data
        # Reloaded on every build so that `mkdocs serve` picks up data edits.
        self.site = self.given_site or load_site(self.root)
        self.cards = {}
        self.bodies, self.composed = {}, {}
        if self.config.report_rules:
            for f in check_site_data(self.site):
                log.warning(f.text())
        # Search: jieba segments the Chinese with the words the site's text contains (not its
        # whole dictionary: 2.5 s a build), and keeps every glossary term one word.
        jieba.setLogLevel(logging.WARNING)
        text = [Path(config.docs_dir), Path(config.config_file_path), Path(__file__).parent]
        if config.theme.custom_dir:
            text.append(Path(config.theme.custom_dir))
        forms = [form for term in self.site.glossary for form in term.forms("zh")]
        segmenter.prepare(jieba.dt, segmenter.site_dictionary(text), forms)

    @mkdocs.plugins.event_priority(100)  # before static-i18n sorts the files by language
    def on_files(self, files, *, config):
        # Symbolic links and pages that are not UTF-8 are left out (the build reports them):
        # MkDocs would publish what a link points to, or stop with a traceback.
        refused = refused_files(Path(config.docs_dir))
        for file in list(files):
            if any(file.src_uri == r or file.src_uri.startswith(r + "/") for r in refused):
                files.remove(file)
        return files

    @mkdocs.plugins.event_priority(-200)  # after static-i18n has chosen this language's files
    def on_nav(self, nav, *, config, files):
        """Add this language's composed pages: out of the navigation and of search, built
        from a generated shell (static-i18n reads only files on disk, so they come after it)."""
        lang = _build_language(config)
        site = self.site
        titles = {(p.page.stem, p.page.lang): _text(p.meta.get("title")) for p in site.pages}
        sources = _typeset(render_sources(site.sources, lang), lang)  # as on the sources page
        for c in composed_pages(lang, titles, article_stems(config), sources):
            file = File.generated(config, c.src_uri, content=c.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
            file.dest_uri = c.url
            files.append(file)
            self.composed[c.src_uri] = (c, Path(file.abs_dest_path))
        return nav

    def on_page_markdown(self, markdown, *, page, config, files):
        pid = page_id(page)
        self.terms.page = None
        self.paragraphs.ids = None
        if pid is None:
            return markdown
        if page.file.src_uri in self.composed:
            page.meta = dict(published_meta(page.meta, pid.lang), search={"exclude": True}, robots="noindex")
            page.meta["hide"] = ["navigation", "toc"]
            page.edit_url = None  # nothing to edit: it is made of other pages
            return markdown
        page.meta = published_meta(page.meta, pid.lang)
        site = self.site
        by = {(p.page.stem, p.page.lang): p for p in site.pages}
        zh = by.get((pid.stem, "zh"))
        self.paragraphs.ids = paragraph_ids(zh, by.get((pid.stem, "en"))) if zh else None
        self.paragraphs.link_title = L.STRINGS[pid.lang]["paragraph_link"]
        if pid.stem not in NO_TERMS:
            glossary_href = posixpath.relpath(L.PageId("glossary", pid.lang).url(), posixpath.dirname(page.url) or ".")
            self.terms.page = PageTerms(site.glossary, pid.lang, glossary_href)
        source_lang = L.PageId.from_src(page.file.src_uri).lang
        notices = []
        if source_lang != pid.lang:
            # Published untranslated (`translation: pending`): say so, mark the text's
            # language, keep it out of this language's search and of search engines.
            page.meta["search"] = {"exclude": True}
            page.meta["robots"] = "noindex"
            notices.append(untranslated_notice(pid, page.url))
        else:
            stale = _outdated(site, pid)
            if stale:
                by = {p.page: p for p in site.pages}
                here, original = by.get(pid), by.get(L.PageId(pid.stem, L.OTHER[pid.lang]))
                notices.append(outdated_notice(pid, page.url, stale, _heading_ids(here), _heading_ids(original)))
        cover = config.extra.get("cover") or {}
        handlers = {
            # The claim ledger's pages; a note's `::: claim` line becomes its verdict below.
            "claims": lambda _: render_claims(
                site.claims,
                site.sources,
                site.pages,
                pid.lang,
                L.language_root_from(page.url, L.DEFAULT) + "assets/",
            ),
            "verdicts": lambda _: render_verdicts(pid.lang),
            "corrections": lambda _: render_corrections(site.corrections, site.pages, pid.lang),
            "glossary": lambda _: render_glossary(site.glossary, site.pages, pid.lang, site.sources),
            "sources": lambda _: render_sources(site.sources, pid.lang),
            "chart": lambda cid: _chart(site, cid, pid.lang, page.url),
            "cover": lambda _: _cover(
                lambda: masthead(cover, config.site_name, site.sources, pid.lang, minutes, self._ways(pid, page.url))
            ),
            "reading-path": lambda _: _cover(lambda: reading_path(cover, site.pages, pid.lang)),
        }
        # Reading time: counted in the language of the text, labelled in the page's; on the
        # claim ledger and the corrections page, of the text they generate (it was "1 min" on
        # the longest page). A page with a cover shows it in the cover's masthead.
        generated = {name: handlers[name] for name in READ_THROUGH}
        minutes = reading_time.minutes(expand_directives(markdown, generated), source_lang)
        if any(name == "cover" for _, name, _ in find_directives(markdown)):
            markdown = with_kicker(markdown)
        elif pid.stem not in NO_READING_TIME:
            notices.insert(0, reading_time.reading_time_html(minutes, pid.lang, self._ways(pid, page.url)))
        for block in reversed(notices):  # each goes right under the H1: the first ends up on top
            markdown = after_h1(markdown, block)
        if source_lang != pid.lang:
            markdown = f'<div lang="{L.HREFLANG[source_lang]}" markdown>\n\n{markdown}\n\n</div>'
        markdown = expand_directives(markdown, handlers)
        return link_citations(expand_markers(markdown, site.claims, pid.lang), site.sources, pid.lang)

    def on_page_content(self, html, *, page, config, files):
        pid = page_id(page)
        if pid is None or page.file.src_uri in self.composed:
            return html
        html = _PERMALINK_TITLE.sub(lambda m: m[1] + L.STRINGS[pid.lang]["permalink"] + '"', html)
        terms, self.terms.page = self.terms.page, None
        if terms and terms.marked:  # where the popover finds the definitions of the marked terms
            html += definitions_block(
                terms.lang, L.language_root_from(page.url, L.DEFAULT) + DEFINITIONS.format(lang=terms.lang)
            )
        html = _typeset(html, L.PageId.from_src(page.file.src_uri).lang)
        self.bodies[(pid.stem, pid.lang)] = Body(html, page.url)
        return html

    def on_template_context(self, context, *, template_name, config):
        # Pages without a source file (404.html): the build's theme language tells.
        return _interface(context, "en" if config.theme["language"] == "en" else L.DEFAULT)

    def on_page_context(self, context, *, page, config, nav):
        pid = page_id(page)
        if pid is None:
            return context
        updated = last_updated(self._source(page), pid.lang)
        if updated:
            page.meta["revision_date"] = updated
        # The theme's language selector and <link rel=alternate hreflang> read this.
        config.extra["alternate"] = [
            {"name": L.NAMES[lang], "link": pid.url(lang), "lang": L.HREFLANG[lang]} for lang in L.LANGUAGES
        ] + [{"link": pid.url(L.DEFAULT), "lang": "x-default"}]
        _interface(context, pid.lang)
        self._trust(context, page, config, pid)
        context["og_locale"] = L.OG_LOCALE[pid.lang]
        self._card(context, page, config, pid)
        context["og_locale_alternate"] = L.OG_LOCALE[L.OTHER[pid.lang]]
        return context

    def _ways(self, pid: L.PageId, page_url: str) -> list[tuple[str, str]]:
        """(href, label) of the page's side-by-side view and, on the overview, the print edition."""
        s, here = L.STRINGS[pid.lang], posixpath.dirname(page_url) or "."
        out = []
        for c, _ in self.composed.values():
            if c.lang == pid.lang and (
                c.key == PARALLEL.format(stem=pid.stem) or (c.key == PRINT and pid.stem == "index")
            ):
                out.append((posixpath.relpath(c.url, here), s["print.link" if c.key == PRINT else "parallel.link"]))
        return out

    def _source(self, page) -> Path:
        """The file a page's dates come from: its own, or for a composed page, its base page's."""
        composed = self.composed.get(page.file.src_uri)
        src = L.PageId(composed[0].base, composed[0].lang).src() if composed else page.file.src_uri
        return self.root / "docs" / src

    def _card(self, context, page, config, pid: L.PageId) -> None:
        """The page's share card (og:image), drawn in on_post_build; none without a CJK font."""
        if cjk_font() is None or not config.site_url:
            return
        composed = self.composed.get(page.file.src_uri)
        if composed:  # the card of the page it shows
            root = config.site_url.rstrip("/") + "/"
            name = CARD_FILE.format(stem=composed[0].base, lang=pid.lang)
            if name in self.cards:
                context["og_image"] = {
                    "url": root + name,
                    "alt": self.cards[name][0],
                    "width": CARD_WIDTH,
                    "height": CARD_HEIGHT,
                }
            return
        name = CARD_FILE.format(stem=pid.stem, lang=pid.lang)
        root = config.site_url.rstrip("/") + "/"
        title = _text(page.meta.get("title") or page.title)
        host = (urlsplit(root).netloc + urlsplit(root).path).rstrip("/")
        # The overview's card carries the site's name, large, and the page's ("导读") above it.
        headline, label = (config.site_name, title) if pid.stem == "index" else (title, config.site_name)
        meta = page.meta
        # Both or neither (the schema says so; a refused field is already left out of `meta`).
        shown = (_text(meta.get("card_figure")), _text(meta.get("card_caption")))
        figure = shown if all(shown) else None
        self.cards[name] = (headline, _text(meta.get("description")), label, host, pid.lang, figure)
        context["og_image"] = {"url": root + name, "alt": headline, "width": CARD_WIDTH, "height": CARD_HEIGHT}

    def _trust(self, context, page, config, pid: L.PageId) -> None:
        """For the template: the citation box and error-report link (end of every page), the
        corrections feed's <link>, and the claims page's ClaimReview JSON-LD."""
        site = self.site
        self.site_names[pid.lang] = config.site_name  # for the feeds, written after both languages
        lang_root = (config.site_url or "").rstrip("/") + "/" + L.ROOT[pid.lang]
        url = page.canonical_url or lang_root + page.url
        title = page.meta.get("title") or page.title or ""
        title = _text(title)
        date = page_date(self._source(page)) or datetime.date.today()
        context["trust_footer"] = page_footer(
            title, config.site_name, url, date, pid.lang, config.extra.get("report_email")
        )
        context["feed_href"] = posixpath.relpath(L.ROOT[pid.lang] + FEED, posixpath.dirname(page.url) or ".")
        cover = config.extra.get("cover") or {}
        article = site.sources.get(cover.get("article_source", ""))  # the article this site explains
        context["claim_review_jsonld"] = (
            claim_review_jsonld(site.claims, article, pid.lang, url, config.site_name, lang_root)
            if pid.stem == "claims"
            else None
        )
        context["article_jsonld"] = (
            article_jsonld(
                pid=pid,
                headline=title,
                description=_text(page.meta.get("description")),
                site_url=config.site_url or "",
                site_name=config.site_name,
                modified=date,
                source=article,
            )
            if pid.stem in ("index", *cover.get("reading_path", ()))
            else None
        )

    def on_post_page(self, output, *, page, config):
        pid = page_id(page)
        if pid is None:
            return output
        output = link_page_sheets(output, L.language_root_from(page.url, L.DEFAULT), sheet_texts(config.theme.dirs))
        if not L.WORD_SPACED[pid.lang]:  # the theme's titles, as the page's own (on_page_content)
            # Not the header's: a line of fixed height, where a title is cut with "…" (Chromium
            # breaks at a <wbr> even in nowrap text, and the lines ran down over the page).
            header, end, rest = output.partition("</header>")
            if '<header class="md-header' not in header:
                header, end, rest = "", "", output
            output = header + end + break_between_words(rest, jieba.cut, tags=set(), classes=THEME_TITLE_CLASSES)
        return minify_html(name_search_dialog(set_search_base(output, page.url, pid.lang), pid.lang))

    @mkdocs.plugins.event_priority(-200)
    def on_post_build(self, *, config):
        self.depth -= 1
        if self.depth > 0:
            return  # the nested language build: act once, after the last language is written
        self._fill_composed(config)
        for lang in L.LANGUAGES:
            out = Path(config.site_dir) / DEFINITIONS.format(lang=lang)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(definitions_json(self.site.glossary, lang), encoding="utf-8")
        for name, shown in self.cards.items():
            data = card(*shown)
            if data is not None:
                out = Path(config.site_dir) / name
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(data)
        finish_site(Path(config.site_dir), config, csp=self.command != "serve")
        # The corrections log's Atom feeds, one per language root.
        write_feeds(Path(config.site_dir), self.site.corrections, config.site_url or "", self.site_names, L.ROOT)
        prune_cache()

    def _fill_composed(self, config) -> None:
        """Write the text of the composed pages into their built shells."""
        stems = article_stems(config)
        for c, path in self.composed.values():
            if not path.exists():
                continue
            root = L.language_root_from(c.url, L.DEFAULT)
            defs = definitions_block(c.lang, root + DEFINITIONS.format(lang=c.lang))
            if c.key == PRINT:
                text = print_html([(s, self.bodies[(s, c.lang)]) for s in stems if (s, c.lang) in self.bodies], c.url)
            else:
                text = parallel_html(self.bodies[(c.base, "zh")], self.bodies[(c.base, "en")], c.url, c.lang)
            path.write_text(minify_html(fill(path.read_text(encoding="utf-8"), text + defs)), encoding="utf-8")


def article_stems(config) -> list[str]:
    """The article's pages, in reading order: the overview, then the cover's reading path."""
    return ["index", *((config.extra.get("cover") or {}).get("reading_path") or ())]


def _build_language(config) -> str:
    """The language static-i18n is building now (it sets the theme's language per build)."""
    return next(
        (
            lang
            for lang in L.LANGUAGES
            if L.HREFLANG[lang] == config.theme["language"] or lang == config.theme["language"]
        ),
        L.DEFAULT,
    )


def _text(value) -> str:
    """A front-matter title or description as plain text (published_meta escaped it for the theme)."""
    return value.unescape() if isinstance(value, Markup) else str(value or "")


def _cover(render) -> str:
    try:
        return render()
    except (CoverError, ValueError) as e:  # a wrong extra.cover in mkdocs.yml is a configuration error
        raise mkdocs.exceptions.PluginError(f"mkdocs.yml extra.cover: {e}") from None


def _typeset(html: str, text_lang: str) -> str:
    """English typography for the text Markdown's smarty never saw (tooltips, charts, sources),
    straight apostrophes in the Latin words of Chinese text, Chinese titles broken between
    words only, and what must not break across lines kept together, in either language."""
    if L.WORD_SPACED[text_lang]:
        return keep_together(curly_quotes(html))
    return keep_together(break_between_words(latin_apostrophes(html), jieba.cut))


def _heading_ids(page) -> set[str]:
    return {s.id for s in page.headings if s.id} if page else set()


def _outdated(site, pid: L.PageId) -> list[tuple[str, str]]:
    """(id, heading) of the sections of an English page whose Chinese original changed: the
    English heading, or the Chinese one for a section new in Chinese."""
    if pid.lang != "en":
        return []
    by = {(p.page.stem, p.page.lang): p for p in site.pages}
    zh, en = by.get((pid.stem, "zh")), by.get((pid.stem, "en"))
    if zh is None or en is None:
        return []
    titles = {s.id: s.title for page in (zh, en) for s in page.headings if s.id}  # English wins
    return [(sid, titles.get(sid, sid)) for sid in outdated_sections(zh, en)]


def _chart(site, cid, lang, page_url):
    chart = site.charts.get(cid)
    if chart is None:  # reported by the CHART-UNKNOWN rule
        return f"::: chart {cid}"
    return "\n" + figure_html(chart, render_svg(chart, lang), lang, page_url, site.sources) + "\n"


_PERMALINK_TITLE = re.compile(r'(<a class="headerlink" href="#[^"]*" title=")[^"]*"')


def _interface(context, lang: str):
    """What the site's templates need to speak the page's language."""
    context["ui"] = L.STRINGS[lang]
    context["page_lang"] = lang
    context["page_hreflang"] = L.HREFLANG[lang]
    context["hreflang"] = L.HREFLANG  # every language's tag (the sitemap's alternates)
    context["default_lang"] = L.DEFAULT
    return context
