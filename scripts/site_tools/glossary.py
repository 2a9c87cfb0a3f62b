"""The glossary: one data file; the terms' forms, definitions and rejected variants."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .datafile import LineDict, bilingual, load_yaml_list, rel
from .findings import DataError, Finding
from .languages import LANGUAGES

GLOSSARY_FILE = Path("docs/data/glossary.yml")
RULE = "DATA-GLOSSARY"
KINDS = ("company", "product", "person", "organisation", "policy", "technical")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_FIELDS = {"id", "kind", "zh", "en", "aliases", "reject", "def", "source"}


@dataclass(frozen=True)
class Term:
    id: str
    kind: str
    name: dict  # canonical form per language
    aliases: dict  # lang -> tuple of other accepted forms
    reject: dict  # lang -> tuple of rejected variants
    definition: dict
    source: str | None
    line: int

    def forms(self, lang: str) -> tuple[str, ...]:
        return (self.name[lang], *self.aliases[lang])


class Glossary:
    def __init__(self, terms: list[Term]):
        self.terms = {t.id: t for t in terms}

    def __iter__(self):
        return iter(self.terms.values())

    def __len__(self):
        return len(self.terms)

    @cached_property
    def _matchers(self) -> dict[str, tuple[re.Pattern, dict[str, str]]]:
        out = {}
        for lang in LANGUAGES:
            owner = {form: t.id for t in self for form in t.forms(lang)}
            out[lang] = (_alternation(owner), owner)
        return out

    def find(self, text: str, lang: str):
        """Yield (start, end, term id) of every term in `text`, leftmost-longest, no overlaps."""
        pattern, owner = self._matchers[lang]
        for m in pattern.finditer(text):
            yield m.start(), m.end(), owner[_straight(m[0])]

    @cached_property
    def _rejects(self) -> dict[str, tuple[re.Pattern, dict[str, Term]]]:
        out = {}
        for lang in LANGUAGES:
            owner = {v: t for t in self for v in t.reject[lang]}
            out[lang] = (_alternation(owner), owner)
        return out

    def find_rejected(self, text: str, lang: str):
        """Yield (start, end, variant, term) for every rejected variant in `text`."""
        pattern, owner = self._rejects[lang]
        for m in pattern.finditer(text):
            yield m.start(), m.end(), m[0], owner[_straight(m[0])]


def _straight(text: str) -> str:
    return text.replace("’", "'")


def _alternation(forms) -> re.Pattern:
    """One regex for many forms, longest first (昇腾 910C before 昇腾, H200 before H20).

    Latin letters and digits at a form's edge must not touch more of them
    ("H20" is not in "H200", "Nature" is not in "Natured"); Han characters need
    no boundary, as Chinese has no spaces between words. An apostrophe matches
    the typeset ’ too: "Tom's Hardware" is written straight, shown curly."""

    def bounded(form: str) -> str:
        left = r"(?<![A-Za-z0-9])" if re.match(r"[A-Za-z0-9]", form) else ""
        right = r"(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9]$", form) else ""
        return left + re.escape(form).replace("'", "['’]") + right

    # An empty glossary matches nothing (an empty alternation would match everywhere).
    return re.compile("|".join(bounded(f) for f in sorted(forms, key=len, reverse=True)) or r"(?!x)x")


def load_glossary(root: Path) -> Glossary:
    path = root / GLOSSARY_FILE
    name = rel(path, root)
    entries = load_yaml_list(path, root, RULE)
    findings: list[Finding] = []
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[tuple[str, str], str] = {}
    for entry in entries:
        term = _term(entry, name, findings)
        if term is None:
            continue
        if term.id in seen_ids:
            findings.append(
                Finding(
                    name,
                    entry.line_of("id"),
                    1,
                    RULE,
                    f"duplicate term id '{term.id}' (first on line {seen_ids[term.id]})",
                    "ids must be unique; merge or rename the entries",
                )
            )
            continue
        seen_ids[term.id] = entry.line
        for lang in LANGUAGES:
            for form in term.forms(lang):
                other = seen_forms.get((lang, form))
                if other and other != term.id:
                    findings.append(
                        Finding(
                            name,
                            entry.line,
                            1,
                            RULE,
                            f"'{form}' is a form of both '{other}' and '{term.id}'",
                            "a form may belong to one term only",
                        )
                    )
                seen_forms[(lang, form)] = term.id
        terms.append(term)
    for term in terms:
        for lang in LANGUAGES:
            for variant in term.reject[lang]:
                if (lang, variant) in seen_forms:
                    findings.append(
                        Finding(
                            name,
                            term.line,
                            1,
                            RULE,
                            f"'{variant}' is rejected for '{term.id}' but is a form of '{seen_forms[(lang, variant)]}'",
                            "a rejected variant cannot also be an accepted form",
                        )
                    )
    if findings:
        raise DataError(findings)
    return Glossary(terms)


def _forms(entry: LineDict, key: str, name: str, findings: list[Finding]) -> dict[str, tuple[str, ...]]:
    value = entry.get(key) or {}
    line = entry.line_of(key)
    if not isinstance(value, dict):
        findings.append(
            Finding(
                name,
                line,
                1,
                RULE,
                f"'{key}' of '{entry.get('id')}' must map zh and en to lists",
                f"write '{key}: {{zh: [...], en: [...]}}'",
            )
        )
        return {lang: () for lang in LANGUAGES}
    out = {}
    for lang in LANGUAGES:
        items = value.get(lang) or []
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            findings.append(
                Finding(
                    name,
                    line,
                    1,
                    RULE,
                    f"'{key}.{lang}' of '{entry.get('id')}' must be a list of text",
                    f"write '{lang}: [form one, form two]'",
                )
            )
            items = []
        out[lang] = tuple(items)
    for lang in set(value) - set(LANGUAGES):
        findings.append(Finding(name, line, 1, RULE, f"'{key}' has unknown language '{lang}'", "keep only zh and en"))
    return out


def _term(entry: LineDict, name: str, findings: list[Finding]) -> Term | None:
    tid = entry.get("id")
    if not isinstance(tid, str) or not _ID.match(tid):
        findings.append(
            Finding(
                name,
                entry.line,
                1,
                RULE,
                f"term id {tid!r} is missing or not kebab-case",
                "give the term an English kebab-case id, e.g. 'ascend-910c'",
            )
        )
        return None
    before = len(findings)
    for key in sorted(set(entry) - _FIELDS):
        findings.append(
            Finding(
                name,
                entry.line_of(key),
                1,
                RULE,
                f"unknown field '{key}' in term '{tid}'",
                f"use only: {', '.join(sorted(_FIELDS))}",
            )
        )
    kind = entry.get("kind")
    if kind not in KINDS:
        findings.append(
            Finding(
                name,
                entry.line_of("kind"),
                1,
                RULE,
                f"term '{tid}' has kind {kind!r}",
                f"use one of: {', '.join(KINDS)}",
            )
        )
    names = {}
    for lang in LANGUAGES:
        v = entry.get(lang)
        if not isinstance(v, str) or not v.strip():
            findings.append(
                Finding(
                    name,
                    entry.line_of(lang) if lang in entry else entry.line,
                    1,
                    RULE,
                    f"term '{tid}' has no canonical {lang} form",
                    f"add '{lang}: …' with the form used on {lang} pages",
                )
            )
        else:
            names[lang] = v.strip()
    definition = bilingual(entry, "def", name, RULE, findings)
    aliases = _forms(entry, "aliases", name, findings)
    reject = _forms(entry, "reject", name, findings)
    source = entry.get("source")
    if source is not None and not isinstance(source, str):
        findings.append(
            Finding(
                name,
                entry.line_of("source"),
                1,
                RULE,
                f"term '{tid}' source must be a source id or URL",
                "write 'source: reuters-2025-05-21' or an https URL",
            )
        )
    if len(findings) > before:
        return None
    return Term(tid, kind, names, aliases, reject, definition, source, entry.line)
