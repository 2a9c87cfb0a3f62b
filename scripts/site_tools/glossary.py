"""The glossary: one data file; the terms' forms, definitions and rejected variants."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .datafile import LineDict, bilingual, load_yaml_list, rel
from .dataschema import validate
from .findings import DataError, Finding
from .languages import LANGUAGES

GLOSSARY_FILE = Path("docs/data/glossary.yml")
SCHEMA = "glossary.schema.json"  # in docs/data: every field's type, syntax and meaning
RULE = "DATA-GLOSSARY"


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
        body = re.escape(form[1:]).replace("'", "['’]")
        right = r"(?![A-Za-z0-9])" if re.search(r"[A-Za-z0-9]$", form) else ""
        if re.match(r"[A-Za-z0-9]", form):
            # The left edge is checked after the first character, not before it: a pattern
            # whose every branch starts with a character lets the regex engine skip ahead
            # to the next possible one (five times faster on the site's pages).
            first = re.escape(form[0])
            return f"{first}(?<![A-Za-z0-9]{first}){body}{right}"
        return re.escape(form[0]).replace("'", "['’]") + body + right

    # An empty glossary matches nothing (an empty alternation would match everywhere).
    return re.compile("|".join(bounded(f) for f in sorted(forms, key=len, reverse=True)) or r"(?!x)x")


def load_glossary(root: Path) -> Glossary:
    """The glossary; DataError lists every problem with its line.

    The schema checks each entry; this checks what spans entries: unique ids, a form
    belonging to one term only, no rejected variant that is another term's form."""
    path = root / GLOSSARY_FILE
    name = rel(path, root)
    entries = load_yaml_list(path, root, RULE)
    if not entries:  # emptied by mistake: the pages' terms, and 昇 in 昇腾, would go unexplained
        raise DataError(
            [
                Finding(
                    name,
                    1,
                    1,
                    RULE,
                    "the glossary has no terms",
                    "restore its entries from git, or add '- id: …' entries",
                )
            ]
        )
    findings, invalid = validate(entries, SCHEMA, name, RULE, noun="term")
    terms: list[Term] = []
    seen_ids: dict[str, int] = {}
    seen_forms: dict[tuple[str, str], str] = {}
    for i, entry in enumerate(entries):
        if i in invalid:
            continue
        term = _term(entry)
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


def _forms(entry: LineDict, key: str) -> dict[str, tuple[str, ...]]:
    """zh and en forms of `aliases` or `reject`: one form or a list (valid by the schema)."""
    value = entry.get(key) or {}
    out = {}
    for lang in LANGUAGES:
        items = value.get(lang) or []
        out[lang] = tuple([items] if isinstance(items, str) else items)
    return out


def _term(entry: LineDict) -> Term:
    """A term from an entry the schema has found valid."""
    definition = bilingual(entry["def"])
    return Term(
        entry["id"],
        entry["kind"],
        {lang: entry[lang].strip() for lang in LANGUAGES},
        _forms(entry, "aliases"),
        _forms(entry, "reject"),
        {lang: definition[lang] for lang in LANGUAGES},
        entry.get("source"),
        entry.line,
    )
