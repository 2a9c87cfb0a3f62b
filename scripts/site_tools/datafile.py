"""Load YAML data files so that every mapping remembers the line it came from.

Contributors edit these files by hand; every complaint about them must name
the file and the line, never show a traceback."""

from __future__ import annotations

import re

from pathlib import Path

import yaml

from .findings import DataError, Finding
from .safety import decode


class LineDict(dict):
    """A mapping from a YAML file, with the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# libyaml's parser when PyYAML has it (ten times faster: the pre-commit hook reads every data
# file); the pure-Python one otherwise. Both give the same nodes, marks and messages here.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


def _refuse_aliases(text: str) -> None:
    """No aliases (*a): data files never need them, and a few nested ones ("billion laughs")
    expand to more than any check can walk. Found among the parser's events, at the alias."""
    if "*" not in text:
        return
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.events.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in these files: write the value out", event.start_mark
            )


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"keys must be text, found {key!r}", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key '{key}'", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay text: "2025-07" and "2025-07-22" must look alike to the code.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_yaml_text(text: str, name: str, rule: str, first_line: int = 1):
    """YAML text whose mappings remember their lines (counted from `first_line`, for a
    page's front matter), or DataError at the line of a syntax error or a duplicate key."""
    text = "\n" * (first_line - 1) + text
    try:
        _refuse_aliases(text)
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
        if "quoted scalar" in str(getattr(e, "context", "")) and getattr(e, "context_mark", None):
            mark = e.context_mark  # an unclosed quote: where it opens, not the end of the file
        line, col = (mark.line + 1, mark.column + 1) if mark else (first_line, 1)
        problem = getattr(e, "problem", None) or str(e)
        source = text.split("\n")[line - 1] if 0 < line <= text.count("\n") + 1 else ""
        raise DataError(
            [Finding(name, line, col, rule, f"malformed YAML: {problem}", _yaml_fix(problem, source))]
        ) from None


_KEY_VALUE = re.compile(r"^(\s*(?:- )?[\w-]+):[ \t]+(.+?)\s*$")


def _yaml_fix(problem: str, line: str) -> str:
    """What to do about a YAML syntax error, from the problem and the line it is on."""
    m = _KEY_VALUE.match(line)
    quoted = f'{m[1].strip()}: "{m[2]}"' if m and '"' not in m[2] else None
    if "tab character" in problem:
        return "indent with spaces, not tabs"
    if "quoted scalar" in problem or "end of stream" in problem:
        return "close the quote that opens here, with the same quote mark"
    if quoted and ("mapping values" in problem and ": " in m[2] or m[2][0] in "[{`@*&!%|>"):
        return f"put the value in double quotes: {quoted}"
    if "mapping values" in problem:
        return "line this key up with the other keys of its entry (same indentation)"
    return "fix the YAML syntax at this position; a value holding ': ' or ' #', or starting with [ { ` @, needs quotes"


def load_yaml_list(path: Path, root: Path, rule: str) -> list[LineDict]:
    """A YAML file holding a list of mappings, or DataError with file and line."""
    name = rel(path, root)
    try:
        text, not_utf8 = decode(path.read_bytes(), name)
    except FileNotFoundError:
        raise DataError([Finding(name, 0, 0, rule, "file not found", "create it or restore it from git")]) from None
    if not_utf8:
        raise DataError([not_utf8])
    data = load_yaml_text(text, name, rule)
    if data is None:
        data = []
    if not isinstance(data, list) or not all(isinstance(x, LineDict) for x in data):
        raise DataError(
            [
                Finding(
                    name,
                    1,
                    1,
                    rule,
                    "expected a list of entries (each starting with '- id: …')",
                    "write one '- ' entry per item",
                )
            ]
        )
    return data


def bilingual(value) -> dict[str, str]:
    """A field that is one text for both languages or {zh: …, en: …}, as {zh, en}.

    Only for values the data file's schema has found valid (dataschema.validate)."""
    return {"zh": value, "en": value} if isinstance(value, str) else {"zh": value["zh"], "en": value["en"]}
