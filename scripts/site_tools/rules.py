# ruff: noqa: E501  (a table of prose, one entry per line pair)
"""Every rule the build can report, in one table: its id, severity, what triggers it and how
to fix it, in English and Chinese.

`python -m site_tools explain RULE-ID` (or `build.py --explain RULE-ID`) prints an entry. The
rule tables of CONTRIBUTING.md and CONTRIBUTING.zh.md are this table, written out by
`python -m site_tools explain --table en|zh`; tests keep the guides equal to it and every
rule id the code can emit registered here."""

from __future__ import annotations

from dataclasses import dataclass

from .languages import LANGUAGES

SEVERITIES = ("error", "warning", "notice", "error or warning")


@dataclass(frozen=True)
class Rule:
    ids: tuple[str, ...]  # rules explained together share an entry
    severity: str  # "error" fails the build; "warning" fails it with --strict; "notice" never does
    triggered: dict[str, str]  # by language: what makes the build report it
    fix: dict[str, str]  # by language: how to put it right


RULES: tuple[Rule, ...] = (
    Rule(
        ("FRONT-MATTER",),
        "error",
        {
            "en": "No front matter, malformed YAML in it (a key written twice), no `title` / `description`, HTML (`<`, `>`) in them, a `card_figure` without its `card_caption` (or the reverse), or a field other than `title`, `description`, `card_figure`, `card_caption`, `hide`, `search`, `translation`, `translated_from`.",
            "zh": "没有文件头，文件头中的 YAML 格式有误（例如同一个键写了两次），缺少 `title` / `description`，其中含有 HTML（`<`、`>`），只写了 `card_figure` 或 `card_caption` 其中之一，或出现 `title`、`description`、`card_figure`、`card_caption`、`hide`、`search`、`translation`、`translated_from` 以外的字段。",
        },
        {
            "en": "Start the file with `---`, `title: …`, `description: …`, `---`, in the page's language; quote values containing `: `.",
            "zh": "文件开头写 `---`、`title: …`、`description: …`、`---`，用页面本身的语言；含有 `: ` 的值要加引号。",
        },
    ),
    Rule(
        ("HTML-ELEMENT",),
        "error",
        {
            "en": "Raw HTML that runs, embeds or restyles: `<script>`, `<iframe>`, `<style>`, `<form>`, `<svg>`, `<meta>` …",
            "zh": "页面中有会执行、嵌入或改变样式的 HTML：`<script>`、`<iframe>`、`<style>`、`<form>`、`<svg>`、`<meta>` 等。",
        },
        {
            "en": "Write text: a chart is `::: chart ID`, a link `[text](url)`, an image `![alt](file)`. Pages may use `span`, `div`, `p`, lists, tables, `time`, `img`, `a` and similar text elements.",
            "zh": "写成正文：图表用 `::: chart ID`，链接用 `[文字](网址)`，图片用 `![说明](文件)`。页面可以使用 `span`、`div`、`p`、列表、表格、`time`、`img`、`a` 等文本元素。",
        },
    ),
    Rule(
        ("HTML-ATTRIBUTE",),
        "error",
        {
            "en": "An event handler (`onclick=`), `style=`, `data-*` or another attribute outside the short list, in raw HTML or in `{…}` after a heading.",
            "zh": "原始 HTML 或标题后的 `{…}` 中有事件处理属性（`onclick=`）、`style=`、`data-*` 或其他不在允许列表中的属性。",
        },
        {
            "en": "Remove it; the look of the site lives in `overrides/assets/stylesheets/site.css`. Keep `{#id}`, `{.class}`, `lang=`.",
            "zh": "删除该属性；网站样式统一写在 `overrides/assets/stylesheets/site.css`。可以保留 `{#id}`、`{.class}`、`lang=`。",
        },
    ),
    Rule(
        ("LINK-SCHEME",),
        "error",
        {
            "en": "A link or image to `javascript:`, `data:`, `vbscript:` or `file:`.",
            "zh": "链接或图片指向 `javascript:`、`data:`、`vbscript:` 或 `file:`。",
        },
        {
            "en": "Link to an `https` address, a page of the site (`page.md#id`) or `mailto:`.",
            "zh": "链接到 `https` 地址、本站页面（`page.md#id`）或 `mailto:`。",
        },
    ),
    Rule(
        ("FILE-SYMLINK", "FILE-ENCODING"),
        "error",
        {
            "en": "A symbolic link in `docs/`; a file that is not UTF-8 (GBK, for example).",
            "zh": "`docs/` 中有符号链接；文件不是 UTF-8 编码（例如 GBK）。",
        },
        {"en": "Put the file itself in `docs/`; save as UTF-8.", "zh": "把文件本身放进 `docs/`；以 UTF-8 保存。"},
    ),
    Rule(
        ("RULES-SKIPPED",),
        "notice",
        {
            "en": "A data file did not load (its own error is reported), so the checks that need it wait: the glossary's for names and variants, the sources' for citation ids and the charts, the chart registry's for embedded charts.",
            "zh": "某个数据文件未能读取（其本身的错误已单独报告），依赖它的检查暂不进行：依赖术语表的名称与变体检查、依赖来源表的引用 id 检查和图表检查、依赖图表登记表的图表检查。",
        },
        {
            "en": "Fix the error in that data file first; the skipped checks run again on the next check.",
            "zh": "先修正该数据文件中的错误；下次检查时，被跳过的检查会重新进行。",
        },
    ),
    Rule(
        ("SCAFFOLD",),
        "warning",
        {
            "en": "A page still holds a placeholder that `make new-page` wrote: the stand-in description or the comment saying where to write.",
            "zh": "页面中仍留有 `make new-page` 写入的占位内容：代替用的简介，或提示在哪里写正文的注释。",
        },
        {
            "en": "Write the page's own description and text, and delete the comment.",
            "zh": "写上本页自己的简介和正文，并删除那条注释。",
        },
    ),
    Rule(
        ("DATA-CORRECTIONS",),
        "error",
        {
            "en": "An entry of `docs/data/corrections.yml` that does not match its schema (date, kind, pages, both languages).",
            "zh": "`docs/data/corrections.yml` 中的条目不符合其 schema（日期、类型、页面、两种语言）。",
        },
        {"en": "Fix the field the message names (section 11).", "zh": "按提示修改相应字段（第 11 节）。"},
    ),
    Rule(
        ("DATA-SCHEMA",),
        "error",
        {
            "en": "A schema in `docs/data/*.schema.json` cannot be read or is not valid JSON Schema.",
            "zh": "`docs/data/*.schema.json` 中的 schema 无法读取，或不是有效的 JSON Schema。",
        },
        {
            "en": "Restore it from git; schemas change only with the code that reads the data.",
            "zh": "从 git 恢复该文件；schema 只随读取数据的代码一起修改。",
        },
    ),
    Rule(
        ("LINK-EXCLUDED",),
        "error",
        {"en": "A link to a page that is excluded from the built site.", "zh": "链接指向不在构建结果中的页面。"},
        {"en": "Link to a page that is built.", "zh": "链接到会被构建的页面。"},
    ),
    Rule(
        ("SITE-DIR",),
        "notice",
        {
            "en": "The previous site could not be deleted after a successful build.",
            "zh": "构建成功后，旧站点未能删除。",
        },
        {
            "en": "Remove the `.site.old-*` folder by hand; the next build tries again.",
            "zh": "手动删除 `.site.old-*` 文件夹；下一次构建会再次尝试。",
        },
    ),
    Rule(
        ("HEADING-ID",),
        "error",
        {
            "en": "A heading without `{#id}`, or an id that is not English kebab-case.",
            "zh": "标题没有 `{#id}`，或 id 不是英文 kebab-case。",
        },
        {"en": "End the heading with `{#lower-case-words}`.", "zh": "在标题末尾加上 `{#lower-case-words}`。"},
    ),
    Rule(
        ("PARITY-PAGE",),
        "error",
        {"en": "A page exists in one language only.", "zh": "页面只有一种语言的版本。"},
        {
            "en": "Add the other file, or publish a Chinese page early with `translation: pending` (section 4).",
            "zh": "补上另一个文件，或者用 `translation: pending` 先发布中文页面（第 4 节）。",
        },
    ),
    Rule(
        ("PARITY-HEADINGS",),
        "error",
        {
            "en": "The heading ids differ in number, value or order between the languages.",
            "zh": "两种语言的标题 id 数量、取值或顺序不同。",
        },
        {"en": "Give both files the same ids in the same order.", "zh": "两个文件使用相同的 id，顺序也相同。"},
    ),
    Rule(
        ("PARITY-PARAGRAPHS",),
        "error",
        {
            "en": "A section has a different number of body paragraphs (prose at its top level, not in a box, list or table) in the two languages: paragraph links pair them by place.",
            "zh": "某一节在两种语言中的正文段落数不同（指该节顶层的正文段落，不含框、列表和表格）：段落链接按位置把两种语言的段落配对。",
        },
        {
            "en": "Give each Chinese paragraph one English paragraph, in the same order.",
            "zh": "每个中文段落对应一个英文段落，顺序相同。",
        },
    ),
    Rule(
        ("PARITY-NOTES",),
        "error",
        {
            "en": "A section has a different number of admonitions (`context`, `abstract` …) of a kind in the two languages.",
            "zh": "同一节中，某类说明框（`context`、`abstract` 等）在两种语言中的数量不同。",
        },
        {"en": "Add or remove the note so both sides match.", "zh": "增删说明框，使两边一致。"},
    ),
    Rule(
        ("PARITY-CITES",),
        "error",
        {
            "en": "A section cites a source a different number of times in the two languages.",
            "zh": "同一节中，某个来源在两种语言中被引用的次数不同。",
        },
        {"en": "Cite the same sources, the same number of times, in both.", "zh": "两边引用相同的来源，次数也相同。"},
    ),
    Rule(
        ("PARITY-CHARTS",),
        "error",
        {"en": "A section embeds a chart in one language only.", "zh": "同一节中的某个图表只在一种语言中嵌入。"},
        {
            "en": "Put the identical `::: chart ID` line in the same section of both files.",
            "zh": "在两个文件的同一节中写上完全相同的 `::: chart ID` 一行。",
        },
    ),
    Rule(
        ("TERM-PARITY",),
        "error",
        {
            "en": "A glossary term is used in a section in one language but not named in that section in the other.",
            "zh": "某个术语在一种语言的某一节中出现，另一种语言的同一节却没有提到。",
        },
        {
            "en": "Use one of the forms the message lists, or drop the term; add an alias if the other side uses an accepted variant (a plural).",
            "zh": "使用提示中列出的某种写法，或者删去这个术语；如果另一边用的是可以接受的变体（如复数），就把它加为别名。",
        },
    ),
    Rule(
        ("TERM-VARIANT",),
        "error",
        {
            "en": "A rejected variant of a term (`Nvidia`, `辉达`, `升腾` …), anywhere, headings included.",
            "zh": "出现了术语被拒绝的写法（`Nvidia`、`辉达`、`升腾` 等），任何位置都算，包括标题。",
        },
        {"en": "Write the canonical form the message gives.", "zh": "改用提示中给出的规范写法。"},
    ),
    Rule(
        ("FIGURE-PARITY",),
        "error",
        {
            "en": "A number in a paragraph has no equal number in the paired paragraph of the other language (or, in a list, table or box, in the same section), or the share card's figure (`card_figure`) is not the same figure in both languages.",
            "zh": "某一段中的某个数字，在另一种语言与之配对的段落中找不到相等的数字（列表、表格和方框中的数字则在同一节中查找）；或分享卡片上的数字（`card_figure`）在两种语言中不一致。",
        },
        {
            "en": "Write the same figure on both sides, as digits (section 8).",
            "zh": "两边写相同的数字，都用阿拉伯数字（第 8 节）。",
        },
    ),
    Rule(
        ("ZH-TRADITIONAL",),
        "error",
        {"en": "A Traditional character on a Chinese page.", "zh": "中文页面中出现繁体字。"},
        {"en": "Write the Simplified character given.", "zh": "改用提示中给出的简体字。"},
    ),
    Rule(
        ("ZH-COPYWRITING",),
        "error",
        {
            "en": "Missing spaces between Han and Latin/digits, half-width punctuation in Chinese, etc.",
            "zh": "汉字与拉丁字母或数字之间缺少空格、中文中使用半角标点等。",
        },
        {
            "en": "Write the corrected line given, or run `build.py --no-build --fix`.",
            "zh": "照提示给出的整行修改，或运行 `build.py --no-build --fix`。",
        },
    ),
    Rule(
        ("TRANSLATION-OUTDATED",),
        "warning",
        {
            "en": "A Chinese section changed after its English section was recorded.",
            "zh": "英文章节记录之后，对应的中文章节又改动了。",
        },
        {
            "en": "Update the English, then `make translated PAGE=…`.",
            "zh": "更新英文，然后运行 `make translated PAGE=…`。",
        },
    ),
    Rule(
        ("TRANSLATION-UNRECORDED",),
        "warning",
        {"en": "An English page has no `translated_from` block.", "zh": "英文页面没有 `translated_from` 一段。"},
        {
            "en": "After checking the translation, `make translated PAGE=…`.",
            "zh": "检查译文后，运行 `make translated PAGE=…`。",
        },
    ),
    Rule(
        ("DATA-CLAIMS",),
        "error",
        {
            "en": "`docs/data/claims.yml` does not match its schema: malformed YAML, unknown field, missing claim text or explanation in a language, a duplicate id.",
            "zh": "`docs/data/claims.yml` 不符合其 schema：YAML 格式有误、未知字段、某种语言缺少主张或说明、id 重复。",
        },
        {"en": "Fix the entry at the line given (section 11).", "zh": "按给出的行号修改该条目（第 11 节）。"},
    ),
    Rule(
        ("CLAIM-VERDICT",),
        "error",
        {
            "en": "A claim's `verdict` is not one of the ledger's verdicts.",
            "zh": "主张的 `verdict` 不在核查结论的词表中。",
        },
        {
            "en": "Use a verdict the message lists (the claims page explains each).",
            "zh": "使用提示中列出的结论（主张页面解释了每一种）。",
        },
    ),
    Rule(
        ("CLAIM-EVIDENCE",),
        "error",
        {
            "en": "A claim cites a source id that `sources.yml` does not have, or has a verdict that needs evidence and cites none.",
            "zh": "主张引用了 `sources.yml` 中没有的来源 id，或者结论需要证据却没有引用任何证据。",
        },
        {
            "en": "List the source ids that support the verdict, adding the sources if needed.",
            "zh": "列出支持该结论的来源 id，必要时先添加来源。",
        },
    ),
    Rule(
        ("CLAIM-UNKNOWN",),
        "error",
        {
            "en": "`::: claim ID` names an id that is not in `claims.yml`.",
            "zh": "`::: claim ID` 中的 id 不在 `claims.yml` 中。",
        },
        {
            "en": "Use an id from the ledger, or add the claim there.",
            "zh": "使用账本中已有的 id，或者先在账本中添加这条主张。",
        },
    ),
    Rule(
        ("CLAIM-MARKER",),
        "error",
        {
            "en": "A context note without a `::: claim ID` line directly above it, or a `::: claim` line that names nothing or stands elsewhere.",
            "zh": "某个背景说明的正上方没有 `::: claim ID` 行，或者 `::: claim` 行没有写 id，或不在说明框正上方。",
        },
        {
            "en": "Put `::: claim ID` on the line directly above the `!!! context` note it belongs to.",
            "zh": "把 `::: claim ID` 写在它所属的 `!!! context` 说明框的正上方一行。",
        },
    ),
    Rule(
        ("CLAIM-NOTE",),
        "error",
        {
            "en": "A claim whose verdict is not `confirmed` has no context note naming it on its page.",
            "zh": "结论不是 `confirmed` 的主张，在其所在页面上没有任何背景说明指向它。",
        },
        {
            "en": "Add `::: claim ID` above the context note that discusses it, or write one, in both languages.",
            "zh": "在讨论它的背景说明上方加上 `::: claim ID`，或者写一个新的说明，两种语言都要。",
        },
    ),
    Rule(
        ("CLAIM-WHERE",),
        "error",
        {
            "en": "A claim's `where` names a page or section that does not exist.",
            "zh": "主张的 `where` 指向不存在的页面或章节。",
        },
        {
            "en": "Write `page#section-id` with the page's name without language suffix and an existing heading id.",
            "zh": "写成 `page#section-id`：页面名不带语言后缀，章节用已有的标题 id。",
        },
    ),
    Rule(
        ("CLAIM-PARITY",),
        "error",
        {
            "en": "The context notes of a page name different claims in the two languages, section by section.",
            "zh": "同一页面的两种语言中，各节背景说明指向的主张不一致。",
        },
        {
            "en": "Give each note the same `::: claim` line in both languages.",
            "zh": "让两种语言中对应的说明框使用相同的 `::: claim` 行。",
        },
    ),
    Rule(
        ("SOURCE-CITE",),
        "error",
        {"en": "`[@id]` names no entry of `sources.yml`.", "zh": "`[@id]` 在 `sources.yml` 中没有对应条目。"},
        {"en": "Fix the id, or add the source.", "zh": "改正 id，或者新增这个来源。"},
    ),
    Rule(
        ("SOURCE-UNCITED",),
        "warning",
        {
            "en": "A source in `sources.yml` that no page, chart or glossary entry cites; it gets no number and is left off the sources page.",
            "zh": "`sources.yml` 中的某个来源没有被任何页面、图表或术语条目引用；它不会得到编号，也不会出现在资料来源页面上。",
        },
        {"en": "Cite it where it supports a statement, or remove it.", "zh": "在它所支持的陈述处引用它，或者删除它。"},
    ),
    Rule(
        ("DIRECTIVE",),
        "error",
        {"en": "A line `::: name` with an unknown name.", "zh": "`::: name` 一行中的名称未知。"},
        {
            "en": "Use `::: chart ID`; `::: glossary` and `::: sources` generate the glossary and sources pages.",
            "zh": "使用 `::: chart ID`；`::: glossary` 和 `::: sources` 分别用来生成术语表页面和资料来源页面。",
        },
    ),
    Rule(
        ("DATA-GLOSSARY",),
        "error",
        {
            "en": "`glossary.yml`: malformed YAML, unknown field, bad `kind`, missing form or definition, duplicate id, a form shared by two terms, a rejected form that is also accepted.",
            "zh": "`glossary.yml`：YAML 格式有误、未知字段、`kind` 不正确、缺少写法或释义、id 重复、同一写法属于两个术语、被拒绝的写法同时是可接受写法。",
        },
        {"en": "Fix the entry at the line given.", "zh": "按提示的行号修改该条目。"},
    ),
    Rule(
        ("DATA-SOURCES",),
        "error",
        {
            "en": "`sources.yml`: malformed YAML, unknown field, duplicate id, missing `outlet`, neither or both of `title` / `description`, an unpaired `*` in `outlet`, `no_public_link` beside a `url`, bad date, non-https URL.",
            "zh": "`sources.yml`：YAML 格式有误、未知字段、id 重复、缺少 `outlet`、`title` 与 `description` 都没有或两者都有、`outlet` 中的 `*` 不成对、有 `url` 又写了 `no_public_link`、日期不正确、网址不是 https。",
        },
        {"en": "Fix the entry at the line given.", "zh": "按提示的行号修改该条目。"},
    ),
    Rule(
        ("DATA-CHART",),
        "error",
        {
            "en": "`charts.yml` or a chart CSV: unknown field or column, bad `kind`, missing `data` or `data` outside `docs/charts/`, a row without a number, unit, valid date or known source, a figure out of its unit's range, a text cell that a spreadsheet would run as a formula, a CSV over 100 rows or 50,000 bytes or not in UTF-8.",
            "zh": "`charts.yml` 或图表 CSV：未知字段或列、`kind` 不正确、缺少 `data` 或 `data` 不在 `docs/charts/` 中、某行缺少数值、单位、有效日期或已登记的来源、数字超出单位允许的范围、文字单元格会被电子表格当作公式执行、CSV 超过 100 行或 50,000 字节或不是 UTF-8。",
        },
        {"en": "Fix the entry or row at the line given.", "zh": "按提示的行号修改该条目或该行。"},
    ),
    Rule(
        ("CHART-UNKNOWN",),
        "error",
        {"en": "`::: chart ID` with an id not in `charts.yml`.", "zh": "`::: chart ID` 中的 id 不在 `charts.yml` 中。"},
        {
            "en": "Use a registered id (the message lists them) or register the chart.",
            "zh": "使用已登记的 id（提示中会列出），或者先登记这个图表。",
        },
    ),
    Rule(
        ("CHART-UNUSED",),
        "warning",
        {"en": "A registered chart is embedded on no page.", "zh": "已登记的图表没有被任何页面嵌入。"},
        {"en": "Embed it, or remove it from the registry.", "zh": "嵌入它，或者从登记中删除。"},
    ),
    Rule(
        ("CHART-SIZE",),
        "error",
        {
            "en": "A chart's SVG is over 20,000 bytes in one language.",
            "zh": "某个图表在某种语言中的 SVG 超过 20,000 字节。",
        },
        {"en": "Fewer rows or shorter labels.", "zh": "减少行数或缩短标签。"},
    ),
    Rule(
        ("CHART-FONT",),
        "notice",
        {"en": "No Chinese font installed to measure chart labels.", "zh": "没有安装用于测量图表标签的中文字体。"},
        {
            "en": "`apt-get install fonts-wqy-microhei` (Debian).",
            "zh": "`apt-get install fonts-wqy-microhei`（Debian）。",
        },
    ),
    Rule(
        ("LINK-TARGET",),
        "error",
        {
            "en": "A link to a page or file that does not exist (in `docs/`, or in the built HTML). A missing *section* of a page that exists is `LINK-ANCHOR`.",
            "zh": "链接指向不存在的页面或文件（在 `docs/` 中，或在生成的 HTML 中）。页面存在、但其中没有链接到的章节时，报告的是 `LINK-ANCHOR`。",
        },
        {
            "en": "Link to an existing `.md` page without the language suffix: `(us-motives.md)`.",
            "zh": "链接到存在的 `.md` 页面，不带语言后缀：`(us-motives.md)`。",
        },
    ),
    Rule(
        ("LINK-ANCHOR",),
        "error",
        {
            "en": "A `#fragment` that matches no id on the target page (or, for `(#section)`, on this page).",
            "zh": "`#fragment` 在目标页面（`(#section)` 则为本页）上没有对应的 id。",
        },
        {"en": "Link to a heading id that exists.", "zh": "链接到存在的标题 id。"},
    ),
    Rule(
        ("LINK-ABSOLUTE",),
        "error",
        {"en": "A link starting with `/`.", "zh": "链接以 `/` 开头。"},
        {
            "en": "Use a relative link: `[text](us-motives.md#section)`.",
            "zh": "使用相对链接：`[text](us-motives.md#section)`。",
        },
    ),
    Rule(
        ("NAV-OMITTED",),
        "error",
        {"en": "A page file is not in `nav:` of `mkdocs.yml`.", "zh": "页面文件不在 `mkdocs.yml` 的 `nav:` 中。"},
        {
            "en": "Add `  - SLUG.md` to `nav:` (`make new-page` does it).",
            "zh": "在 `nav:` 中加上 `  - SLUG.md`（`make new-page` 会自动添加）。",
        },
    ),
    Rule(
        ("LINK-EXTERNAL",),
        "error",
        {
            "en": "An external link that is not `https`, or a malformed address.",
            "zh": "外部链接不是 `https`，或者地址格式有误。",
        },
        {"en": "Use the `https://` address.", "zh": "使用 `https://` 地址。"},
    ),
    Rule(
        ("LINK-EXTERNAL-DEAD",),
        "error or warning",
        {
            "en": "With `--external` only: a link answered 404 or 410 (error) or did not answer properly (warning).",
            "zh": "仅在使用 `--external` 时：链接返回 404 或 410（错误），或者没有正常响应（警告）。",
        },
        {
            "en": "Find the new address or an archived copy; check again later if it was a timeout.",
            "zh": "找到新地址或存档副本；如果只是超时，稍后再查。",
        },
    ),
    Rule(
        ("LINK-EXTERNAL-REFUSED",),
        "error",
        {
            "en": "With `--external` only: a link, or a redirect it answers with, points to an address that is not public (`localhost`, `10.x`, `169.254.x` …) or not `http(s)`. The check does not ask it.",
            "zh": "仅在使用 `--external` 时：链接或它重定向到的地址不是公网地址（`localhost`、`10.x`、`169.254.x` 等），或者不是 `http(s)`。检查不会访问它。",
        },
        {"en": "Link the public `https` address readers should reach.", "zh": "使用读者应当访问的公网 `https` 地址。"},
    ),
    Rule(
        ("LINK-EXTERNAL-REDIRECT",),
        "warning",
        {
            "en": "With `--external` only: a link redirects in a loop, more than 5 times, or answers 3xx without a `Location`.",
            "zh": "仅在使用 `--external` 时：链接循环重定向、重定向超过 5 次，或者返回 3xx 却没有 `Location`。",
        },
        {"en": "Open it in a browser and link the address it ends at.", "zh": "在浏览器中打开，改用最终到达的地址。"},
    ),
    Rule(
        ("LINK-EXTERNAL-CACHE",),
        "notice",
        {
            "en": "With `--external` only: `.cache/external-links.json` is not valid JSON of the expected shape, or cannot be written. It is ignored and rewritten.",
            "zh": "仅在使用 `--external` 时：`.cache/external-links.json` 不是预期格式的合法 JSON，或者无法写入。该缓存会被忽略并重写。",
        },
        {"en": "Nothing to do.", "zh": "无需处理。"},
    ),
    Rule(
        ("THIRD-PARTY",),
        "error",
        {
            "en": "A page loads something (image, script, style, font …) from another host: an image in the Markdown (found without a build, at its line), or anything in the built HTML or CSS.",
            "zh": "页面从其他域名加载了内容（图片、脚本、样式、字体等）：Markdown 中的图片（不必构建即可发现，报告在其所在行），或生成的 HTML、CSS 中的任何资源。",
        },
        {"en": "Serve the file from the site (`docs/assets/`).", "zh": "从本站提供该文件（放在 `docs/assets/`）。"},
    ),
    Rule(
        ("MKDOCS", "MKDOCS-CONFIG"),
        "error",
        {
            "en": "Any other MkDocs warning, or an invalid `mkdocs.yml`.",
            "zh": "MkDocs 的其他警告，或 `mkdocs.yml` 无效。",
        },
        {"en": "Read the MkDocs message; fix `mkdocs.yml`.", "zh": "阅读 MkDocs 的提示；修改 `mkdocs.yml`。"},
    ),
)

BY_ID: dict[str, Rule] = {rid: rule for rule in RULES for rid in rule.ids}

_MARK = {"en": {"warning": " (warning)", "notice": " (notice)"}, "zh": {"warning": "（警告）", "notice": "（提示）"}}
_HEAD = {
    "en": "| Rule | Triggered by | How to fix |\n|---|---|---|",
    "zh": "| 规则 | 触发条件 | 修改方法 |\n|---|---|---|",
}
_SEP = {"en": ", ", "zh": "、"}


def explain(rule_id: str, lang: str = "en") -> str | None:
    """The entry of one rule as a contributor reads it, or None for an unknown id."""
    rule = BY_ID.get(rule_id.strip().upper())
    if rule is None:
        return None
    label = {"en": ("Triggered by", "How to fix", "Severity"), "zh": ("触发条件", "修改方法", "级别")}[lang]
    return (
        f"{' / '.join(rule.ids)}\n"
        f"{label[2]}: {rule.severity}\n"
        f"{label[0]}: {rule.triggered[lang]}\n"
        f"{label[1]}: {rule.fix[lang]}"
    )


def markdown_table(lang: str) -> str:
    """The rule table of the contributor guide in `lang`."""
    assert lang in LANGUAGES
    rows = [
        f"| {_SEP[lang].join(f'`{i}`' for i in rule.ids)}{_MARK[lang].get(rule.severity, '')} "
        f"| {rule.triggered[lang]} | {rule.fix[lang]} |"
        for rule in RULES
    ]
    return _HEAD[lang] + "\n" + "\n".join(rows)
