"""Validate a YAML data file against a JSON Schema, reporting each problem at its file and line.

The data comes from datafile.load_yaml_list, whose mappings remember their lines;
a schema error's path into the data is walked to the deepest mapping that has one."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from .datafile import LineDict
from .findings import Finding


def load_schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _line(data, path) -> int:
    """Line of the deepest mapping (or key of it) on the error's path."""
    line, node = 1, data
    for step in path:
        if isinstance(node, LineDict) and isinstance(step, str):
            line = node.line_of(step)  # the key's line: `explanation:` when its `en:` is missing
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(step, int) and isinstance(node, LineDict):
            line = node.line  # a list item: the line of its `- `
    return line


def _describe(error: jsonschema.ValidationError, entry_id: str) -> tuple[str, str]:
    where = ".".join(str(p) for p in list(error.absolute_path)[1:]) or "the entry"
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        field = f"{where}.{missing}" if where != "the entry" else missing
        return f"entry '{entry_id}' has no '{field}'", f"add '{missing}:'"
    if error.validator == "additionalProperties":
        return f"entry '{entry_id}': {error.message} in {where}", "remove the field or fix its name"
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"entry '{entry_id}': {where} is {error.instance!r}", f"use one of: {allowed}"
    return f"entry '{entry_id}': {where}: {error.message}", "see the schema for this field"


def schema_findings(
    entries: list, schema: dict, name: str, rule: str, rules_by_field: dict[str, str] | None = None
) -> list[Finding]:
    """One finding per schema error; `rules_by_field` gives some top-level fields a rule of their own."""
    validator = jsonschema.Draft202012Validator(schema)
    out = []
    for error in sorted(validator.iter_errors(entries), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        entry = entries[path[0]] if path and isinstance(path[0], int) and path[0] < len(entries) else None
        entry_id = entry.get("id", "?") if isinstance(entry, dict) else "?"
        field = path[1] if len(path) > 1 else None
        message, fix = _describe(error, entry_id)
        out.append(Finding(name, _line(entries, path), 1, (rules_by_field or {}).get(field, rule), message, fix))
    return out
