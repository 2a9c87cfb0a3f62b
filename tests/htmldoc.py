"""A small HTML reader for the tests: elements with their attributes, and text."""

from __future__ import annotations

from html.parser import HTMLParser


class Doc(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def find_all(self, tag: str, **attrs) -> list[dict]:
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def first(self, tag: str, **attrs) -> dict | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    def heading_ids(self, within_content: bool = True) -> list[str]:
        return [a["id"] for t, a in self.elements if t in ("h1", "h2", "h3", "h4", "h5", "h6") and a.get("id")]
