"""A new page pair as `make new-page` writes it, and the rule that it is not published so.

The pair builds as it is, so a contributor can preview it at once; its placeholders (the
description that describes nothing, the comment that says where to write) are a warning,
which fails `--strict` and so CI, naming the line to replace."""

from __future__ import annotations

from .findings import Finding
from .pages import Page

RULE = "SCAFFOLD"
ZH_DESCRIPTION = "本页的一句话简介，写给搜索结果和社交分享。"
EN_DESCRIPTION = "a one-sentence summary of this page for search results and link previews."
ZH_COMMENT = "<!-- 在这里写正文。"
EN_COMMENT = "<!-- Translate the Chinese page here, section by section."

ZH = (
    "---\n"
    "title: {title_zh}\n"
    "description: {title_zh}：" + ZH_DESCRIPTION + "\n"
    "---\n\n"
    "# {title_zh} {{#{slug}}}\n\n"
    + ZH_COMMENT
    + "每个标题都以 {{#英文-id}} 结尾，中英文两页的 id 与顺序一致，例如：## 市场逻辑 {{#market-logic}} -->\n"
)
EN = (
    "---\n"
    'title: "{title_en}"\n'
    'description: "{title_en}: ' + EN_DESCRIPTION + '"\n'
    "---\n\n"
    "# {title_en} {{#{slug}}}\n\n" + EN_COMMENT + " Every heading ends with the same {{#id}} as in Chinese. -->\n"
)

_MARKERS = {
    ZH_DESCRIPTION: "write the page's own one-sentence description",
    EN_DESCRIPTION: "write the page's own one-sentence description",
    ZH_COMMENT: "write the page's text here and delete the comment",
    EN_COMMENT: "translate the Chinese page here and delete the comment",
}


def check_scaffold(page: Page) -> list[Finding]:
    out = []
    for number, line in enumerate(page.text.split("\n"), 1):
        for marker, fix in _MARKERS.items():
            col = line.find(marker)
            if col >= 0:
                out.append(
                    Finding(
                        page.path, number, col + 1, RULE, "make new-page's placeholder is still here", fix, "warning"
                    )
                )
    return out
