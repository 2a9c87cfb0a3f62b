"""The Content-Security-Policy: fetches from the site's own origin only, and inline
scripts only when a template put them there.

Pages come from untrusted pull requests, so the policy must not trust what the
built pages contain. Hashing every inline script found in the output would allow
an injected one too. Instead, the inline scripts of the templates (the theme's and
ours, in `config.theme.dirs`) are read as patterns: the literal text of each, with
its Jinja expressions (`{{ base_url }}`) matching only characters that cannot leave
a JavaScript string (`[\\w./:-]`). An inline script in the output is allowed, by its
hash, only when it is exactly one of those templates filled in. Anything else, from
Markdown, data or front matter, is not in the policy and the browser refuses it;
the source rules (safety.py) report it at its line before that.

One policy for the whole site: instant navigation keeps the first page's policy in
force, so it must allow every page's template scripts."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_JINJA_EXPR = re.compile(r"\{\{.*?\}\}", re.S)
_JINJA_STATEMENT = re.compile(r"\{%|\{#")
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
# What a template expression may turn into inside an allowed script: a URL path or a
# word, never a quote, backslash, angle bracket or space.
_FILLED = r"[\w./:-]*"
_JS_TYPES = ("", "text/javascript", "module", "application/javascript")


def is_javascript(attrs: str) -> bool:
    """An inline script the browser runs (not JSON, JSON-LD or a template type)."""
    if re.search(r"\ssrc\s*=", attrs, re.I):
        return False
    m = re.search(r"""\stype\s*=\s*["']?([^"'\s>]*)""", attrs, re.I)
    return (m[1].lower() if m else "") in _JS_TYPES


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run in `html`."""
    return [m["body"] for m in _SCRIPT.finditer(html) if is_javascript(m["attrs"])]


def template_patterns(template_dirs: list[Path]) -> list[re.Pattern]:
    """One pattern per inline script in the templates: its text, with each `{{ … }}` a
    harmless fill. Scripts with Jinja statements inside (`{% if %}`) are not used by
    this site's configuration and are left out, so they stay refused."""
    patterns: dict[str, re.Pattern] = {}
    for folder in template_dirs:
        for path in sorted(Path(folder).rglob("*.html")):
            text = path.read_text(encoding="utf-8")
            for m in _SCRIPT.finditer(text):
                body = m["body"]
                if not is_javascript(m["attrs"]) or _JINJA_STATEMENT.search(body):
                    continue
                literal = _JINJA_EXPR.split(body)
                patterns.setdefault(body, re.compile(_FILLED.join(map(re.escape, literal))))
    return list(patterns.values())


def allowed_hashes(pages: list[str], patterns: list[re.Pattern]) -> set[str]:
    """The hashes of the inline scripts in `pages` that are templates filled in."""
    return {
        script_hash(body) for html in pages for body in inline_scripts(html) if any(p.fullmatch(body) for p in patterns)
    }


def policy(hashes: set[str]) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' " + " ".join(sorted(hashes)),
            # No inline style either: the templates write none, and the scripts style through
            # the CSSOM (element.style), which the policy does not govern.
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def add_csp(site_dir: Path, template_dirs: list[Path]) -> None:
    """Put the policy first in every page's <head>, whatever the page's text says."""
    texts = {p: p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")}
    hashes = allowed_hashes(list(texts.values()), template_patterns(template_dirs))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">'
    for path, text in texts.items():
        # Right after <meta charset> (which must come first), or else right after <head>.
        at = _CHARSET.search(text) or _HEAD.search(text)
        if at is None:
            raise ValueError(f"{path.relative_to(site_dir)} has no <head> to put the Content-Security-Policy in")
        path.write_text(text[: at.end()] + "\n    " + meta + text[at.end() :], encoding="utf-8")
