"""Validate a YAML data file against its JSON Schema, reporting each problem at its file and line.

The schemas are docs/data/*.schema.json (draft 2020-12), published there so that
editors complete and check the data files; they share common.schema.json by `$ref`,
resolved offline from that folder (a `referencing` Registry, never the network).

The data comes from datafile.load_yaml_list, whose mappings remember their lines;
a schema error's path into the data is walked to the deepest mapping that has one.
The message says what is wrong with which field, the fix how to put it right; both
come from the schema where they can: `patternErrorMessage` and `errorMessage` (also
shown by VS Code), `x-fix`, the field's `title`, `description` and `examples`."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: data that validated clean before needs neither (see validate)
    import jsonschema
    import referencing

from .cache import cache_root
from .datafile import LineDict
from .findings import Finding
from .ids import valid_date

# The schemas belong with the code that reads the data: this checkout's docs/data.
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "docs" / "data"
COMMON = "common.schema.json"


@lru_cache(maxsize=1)
def _formats() -> jsonschema.FormatChecker:
    import jsonschema

    formats = jsonschema.FormatChecker(formats=())
    formats.checks("date")(lambda v: not isinstance(v, str) or valid_date(v, partial=False))
    formats.checks("partial-date")(lambda v: not isinstance(v, str) or valid_date(v))
    return formats


class SchemaError(Exception):
    """A schema cannot be read or used; reported as a finding at the schema's file."""

    def __init__(self, finding: Finding):
        super().__init__(finding.text())
        self.finding = finding


def load_schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _registry(folder: Path) -> referencing.Registry:
    """Every schema of the folder, under its file name (its $id), for `$ref` between them."""
    import referencing
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in sorted(folder.glob("*.schema.json")):
        resources.append((path.name, DRAFT202012.create_resource(load_schema(path))))
    return referencing.Registry().with_resources(resources).crawl()


@lru_cache(maxsize=32)  # checking a schema costs more than using it: once per schema and process
def validator(schema_name: str, folder: Path = SCHEMA_DIR, as_list: bool = False) -> jsonschema.Draft202012Validator:
    """The validator of one schema file of `folder`; SchemaError when it cannot be used.

    `as_list`: of a list of what the schema describes (one page's front matter is
    validated as a list of one entry, like the data files' entries)."""
    import jsonschema
    import referencing.exceptions

    path = folder / schema_name
    shown = _shown(path)
    try:
        registry = _registry(folder)
        schema = registry.contents(schema_name)
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, referencing.exceptions.NoSuchResource) as e:
        raise SchemaError(
            Finding(shown, 0, 0, "DATA-SCHEMA", f"the schema cannot be read ({e})", f"restore {shown} from git")
        ) from None
    except jsonschema.SchemaError as e:
        raise SchemaError(
            Finding(shown, 0, 0, "DATA-SCHEMA", f"the schema is not valid JSON Schema: {e.message}", "fix it")
        ) from None
    if as_list:
        schema = {"$id": f"list-of-{schema_name}", "type": "array", "items": {"$ref": schema_name}}
    return jsonschema.Draft202012Validator(
        _inlined(schema, registry.resolver(base_uri=schema.get("$id", schema_name))),
        registry=registry,
        format_checker=_formats(),
    )


def _inlined(node, resolver, stack: tuple = ()):
    """The schema with each `$ref` replaced by an `allOf` of what it names, so that validating
    never looks one up (a third of the time of checking the data files). A `$ref` back into
    itself stays as it is."""
    import referencing.exceptions

    if isinstance(node, list):
        return [_inlined(n, resolver, stack) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inlined(v, resolver, stack) for k, v in node.items() if k != "$ref"}
    ref = node.get("$ref")
    if isinstance(ref, str):
        try:
            resolved = resolver.lookup(ref)
        except referencing.exceptions.Unresolvable:
            resolved = None
        key = (id(resolved.contents) if resolved else None, ref)
        if resolved is None or key in stack or not isinstance(resolved.contents, dict):
            out["$ref"] = ref
        else:
            target = _inlined(resolved.contents, resolved.resolver, (*stack, key))
            target = {k: v for k, v in target.items() if k not in ("$id", "$schema")}
            out["allOf"] = [*out.get("allOf", []), target]
    return out


def _shown(path: Path) -> str:
    try:
        return path.relative_to(SCHEMA_DIR.parents[1]).as_posix()
    except ValueError:
        return path.as_posix()


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


# --- what the schema says about the failing value ---------------------------------

# Keywords whose next step leads into a part of the instance (a field, an item).
_INTO = {"properties", "patternProperties", "items", "prefixItems", "additionalProperties"}


def _nodes(error: jsonschema.ValidationError, v: jsonschema.Draft202012Validator) -> list[dict]:
    """The schema objects on the error's schema path that describe the failing value itself,
    shallowest first (a field's own schema before the shared definition it refers to).

    jsonschema leaves `$ref` out of the path: a step the node lacks is looked up behind its $ref."""
    import referencing.exceptions

    resolver = _registry(SCHEMA_DIR).resolver(base_uri=v.schema.get("$id", ""))
    node, own = v.schema, []
    steps = list(error.absolute_schema_path)
    i = 0
    while i < len(steps):
        step = steps[i]
        while isinstance(node, dict) and step not in node and isinstance(node.get("$ref"), str):
            try:
                resolved = resolver.lookup(node["$ref"])
            except referencing.exceptions.Unresolvable:
                return own
            node, resolver = resolved.contents, resolved.resolver
            own.append(node)
        try:
            if step in _INTO and step not in ("items", "additionalProperties"):
                node, i, own = node[step][steps[i + 1]], i + 2, []
            elif step in ("items", "additionalProperties"):
                node, i, own = node[step], i + 1, []
            else:
                node, i = node[step], i + 1
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            own.append(node)
    if isinstance(error.schema, dict) and error.schema not in own:
        own.append(error.schema)
    return own


def _field(steps: list) -> str:
    """def.en, reject.zh item 2: the field's path inside its entry, list items counted from 1."""
    out = ""
    for s in steps:
        out += f" item {s + 1}" if isinstance(s, int) else (f".{s}" if out else str(s))
    return out


def _first(nodes: list[dict], key: str):
    return next((n[key] for n in nodes if isinstance(n, dict) and key in n), None)


def _yaml(value) -> str:
    return json.dumps(value, ensure_ascii=False).replace('"zh": ', "zh: ").replace('"en": ', "en: ")


_KINDS = {
    "string": "text",
    "object": "a mapping (field: value)",
    "array": "a list",
    "boolean": "true or false",
    "number": "a number",
    "integer": "a whole number",
    "null": "empty",
}


def _kind_of(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "empty" if value is None else type(value).__name__


def _describe(
    error: jsonschema.ValidationError, v: jsonschema.Draft202012Validator, who: str, noun: str
) -> tuple[str, str, list]:
    """(message, fix, path of the offending value) of one schema error; `who` names the entry."""
    path = list(error.absolute_path)
    field = _field(path[1:])
    nodes = _nodes(error, v)
    example = _first(nodes, "examples")
    key = next((str(p) for p in reversed(path[1:]) if isinstance(p, str)), field)
    write = f"write e.g. {key}: {_yaml(example[0])}" if example and field else ""
    about = _first(nodes, "description")
    fix = _first(nodes, "x-fix") or write or (f"give {key} a value: {about}" if about else "see the schema")
    custom = _first(nodes, "errorMessage")
    value = error.instance

    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        full = f"{field}.{missing}" if field else missing
        props = [n["properties"][missing] for n in nodes if missing in n.get("properties", {})]
        prop = next((p for p in props if isinstance(p, dict) and "description" in p), {})
        title = prop.get("title") if isinstance(prop, dict) else None
        about = prop.get("description") if isinstance(prop, dict) else None
        message = f"{who} has no '{full}'" + (f" ({title})" if title else "")
        add = f"add '{missing}:'" + (f": {about}" if about else "")
        return message, add, path
    if error.validator == "dependentRequired" and isinstance(value, dict):
        # "'b' is a dependency of 'a'": a field that only means something beside another.
        needed, given = (error.message.split("'") + ["", "", "", ""])[1:4:2]
        where = f"{field}." if field else ""
        prop = next((n["properties"][needed] for n in nodes if needed in n.get("properties", {})), {})
        about = prop.get("description", "") if isinstance(prop, dict) else ""
        add = f"add '{where}{needed}:'" + (f" ({about.rstrip('.')})" if about else "") + f", or remove '{where}{given}'"
        return f"{who} has '{where}{given}' without '{where}{needed}'", add, [*path, given]
    if error.validator == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(k for k in value if k not in allowed)
        where = f" in {field}" if field else ""
        if allowed == ["en", "zh"]:
            return f"{who}: {field} has unknown languages: {', '.join(map(repr, extra))}", "keep only zh and en", path
        return (
            f"{who} has unknown field {', '.join(map(repr, extra))}{where}",
            f"use only: {', '.join(allowed)}",
            [
                *path,
                extra[0] if extra else None,
            ],
        )
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{who} has {field} {value!r}", f"use one of: {allowed}", path
    if error.validator == "const":
        return f"{who} has {field} {value!r}", f"write {field}: {_yaml(error.validator_value)}", path
    if error.validator in ("pattern", "format"):
        what = _first(nodes, "patternErrorMessage") or custom or f"does not match {error.validator_value}"
        if field == "id":
            return f"{noun} id {value!r} {what}", fix, path
        return f"{who}: {field} {value!r} {what}", fix, path
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(_KINDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        if field == "id" or not field:
            subject = f"{noun} id" if field == "id" else f"{noun} entry"
            return f"{subject} {value!r} must be {expected}", fix, path
        if isinstance(value, (int, float)) and expected == "text":
            fix = f'put it in quotes: {key}: "{value}"'
        return f"{who}: {field} is {_kind_of(value)}, but must be {expected}", fix, path
    if error.validator in ("minItems", "minLength"):
        return f"{who}: {field} is empty", fix, path
    if error.validator == "uniqueItems":
        return f"{who}: {field} lists an item twice", "remove the repeated item", path
    if custom:
        return (f"{who} {custom}" if not field else f"{who}: {field} {custom}"), fix, path
    return f"{who}: {field or 'the entry'}: {error.message}", fix, path


def _leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    """An anyOf/oneOf: when exactly one alternative has the value's type (a mapping for
    {zh, en}), what is wrong inside it; otherwise the anyOf itself ("must be text, or …")."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    here = list(error.absolute_path)
    branches = {e.relative_schema_path[0] for e in error.context if e.relative_schema_path}
    mistyped = {
        e.relative_schema_path[0]
        for e in error.context
        if e.validator == "type" and e.relative_schema_path and list(e.absolute_path) == here
    }
    fitting = branches - mistyped
    if len(fitting) != 1:
        return [error]
    [branch] = fitting
    inner = [e for e in error.context if e.relative_schema_path and e.relative_schema_path[0] == branch]
    return [leaf for e in inner for leaf in _leaves(e)]


def schema_findings(
    entries: list,
    schema: str,
    name: str,
    rule: str,
    rules_by_field: dict[str, str] | None = None,
    noun: str = "entry",
) -> list[Finding]:
    """One finding per schema error, in line order; `schema` is a file name in docs/data.

    `rules_by_field` gives some top-level fields a rule of their own; `noun` names an entry
    in messages ("term 'h20' has no 'en'"). A schema that cannot be used is one finding."""
    return validate(entries, schema, name, rule, rules_by_field, noun)[0]


def validate(
    entries: list,
    schema: str,
    name: str,
    rule: str,
    rules_by_field: dict[str, str] | None = None,
    noun: str = "entry",
    who: str | None = None,
) -> tuple[list[Finding], set[int]]:
    """The findings of schema_findings, and the indices of the entries they concern
    (all of them when the schema itself cannot be used): the loader skips those.

    `who` names an entry that has no id in messages ("the front matter has no 'title'")."""
    everything = set(range(len(entries)))
    clean = _clean_mark(entries, schema, who is not None)
    if clean.exists():
        return [], set()
    import referencing.exceptions

    try:
        v = validator(schema, as_list=who is not None)
    except SchemaError as e:
        return [e.finding], everything
    out, seen, bad = [], set(), set()
    try:
        errors = list(v.iter_errors(entries))
    except referencing.exceptions.Unresolvable as e:
        shown = _shown(SCHEMA_DIR / schema)
        return [
            Finding(shown, 0, 0, "DATA-SCHEMA", f"the schema has an unresolvable $ref ({e})", "fix the $ref")
        ], everything
    leaves = [leaf for error in errors for leaf in _leaves(error)]
    # A value that fails its pattern also fails its format (a date): say it once.
    patterned = {tuple(e.absolute_path) for e in leaves if e.validator == "pattern"}
    for error in leaves:
        path = list(error.absolute_path)
        if error.validator == "format" and tuple(path) in patterned:
            continue
        entry = entries[path[0]] if path and isinstance(path[0], int) and path[0] < len(entries) else None
        bad |= {path[0]} if entry is not None else everything
        entry_id = entry.get("id", "?") if isinstance(entry, dict) else "?"
        field = path[1] if len(path) > 1 else None
        message, fix, where = _describe(error, v, who or f"{noun} '{entry_id}'", noun)
        finding = Finding(name, _line(entries, where), 1, (rules_by_field or {}).get(field, rule), message, fix)
        if finding not in seen:
            seen.add(finding)
            out.append(finding)
    if not out:
        _mark(clean)
    return sorted(out, key=lambda f: (f.line, f.message)), bad


# Data that validated clean is remembered, under a hash of itself and of every schema, so the
# next check of unchanged files skips validation and even the import of jsonschema (the
# pre-commit hook runs on every commit: a fifth of its time). Only a clean result is kept;
# a file with errors is validated every time, so its findings are always fresh.


@lru_cache(maxsize=4)
def _schemas_digest(folder: Path, stamp: tuple) -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(folder.glob("*.schema.json")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _clean_mark(entries, schema: str, as_list: bool) -> Path:
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(SCHEMA_DIR.glob("*.schema.json")))
    h = hashlib.sha256(_schemas_digest(SCHEMA_DIR, stamp).encode())
    h.update(f"{schema}|{as_list}|".encode())
    h.update(json.dumps(entries, sort_keys=True, ensure_ascii=False, default=repr).encode())
    return cache_root() / "valid" / h.hexdigest()


def _mark(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    except OSError:  # a read-only cache folder only costs speed
        pass
