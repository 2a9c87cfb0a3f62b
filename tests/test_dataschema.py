"""The data files' JSON Schemas: valid, shared definitions equal to the code's, findings at file and line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from helpers import ROOT
from site_tools import ids
from site_tools.charts import load_charts
from site_tools.corrections import load_corrections
from site_tools.datafile import load_yaml_list
from site_tools.dataschema import SCHEMA_DIR, schema_findings
from site_tools.findings import DataError
from site_tools.glossary import load_glossary
from site_tools.sources import load_sources

DATA = ROOT / "docs" / "data"
FILES = ("glossary", "sources", "charts", "claims", "corrections")
COMMON = json.loads((DATA / "common.schema.json").read_text(encoding="utf-8"))["$defs"]


def test_the_schemas_are_read_from_this_checkout():
    assert SCHEMA_DIR.resolve() == DATA.resolve()


@pytest.mark.parametrize("schema", sorted(p.name for p in DATA.glob("*.schema.json")))
def test_every_schema_is_valid_draft_2020_12(schema):
    data = json.loads((DATA / schema).read_text(encoding="utf-8"))
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(data)


@pytest.mark.parametrize("name", FILES)
def test_every_data_file_validates_against_its_schema(name):
    entries = load_yaml_list(DATA / f"{name}.yml", ROOT, "X")
    assert schema_findings(entries, f"{name}.schema.json", name, "X") == []


@pytest.mark.parametrize("name", FILES)
def test_every_data_file_names_its_schema_for_editors(name):
    first = (DATA / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=./{name}.schema.json"


@pytest.mark.parametrize("name", FILES)
def test_every_field_has_a_description(name):
    schema = json.loads((DATA / f"{name}.schema.json").read_text(encoding="utf-8"))
    for field, prop in schema["items"]["properties"].items():
        assert prop.get("description"), field


def test_the_code_has_the_same_id_and_date_syntax_as_the_schemas():
    assert COMMON["id"]["pattern"] == f"^{ids.ID_PATTERN}$"
    for good in ("h20", "ascend-910c"):
        assert ids.ID.match(good) and re.search(COMMON["id"]["pattern"], good)
    for bad in ("a--b", "a-", "-a", "A", ""):
        assert not ids.ID.match(bad) and not re.search(COMMON["id"]["pattern"], bad)
    for value in ("2025", "2025-07", "2025-07-22", "2025-13", "2025-02-30", "2025-7-1", "25"):
        assert bool(re.search(COMMON["partial-date"]["pattern"], value)) >= ids.valid_date(value), value
    assert ids.valid_date("2024-02-29") and not ids.valid_date("2025-02-29")
    assert not ids.valid_date("2025", partial=False) and ids.valid_date("2025-07-22", partial=False)


def test_a_citation_is_an_id_in_brackets():
    assert [m[1] for m in ids.CITATION.finditer("[@reuters-2025-05-21] [@a--b] [@a-]")] == ["reuters-2025-05-21"]


def _root(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "docs" / "data").mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "data" / f"{name}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def _findings(load, root):
    try:
        load(root)
    except DataError as e:
        return [(f.line, f.rule, f.message) for f in e.findings]
    return []


# --- glossary -------------------------------------------------------------------------

TERM = "- id: {id}\n  kind: company\n  zh: 甲\n  en: A\n  def: {{zh: 甲公司。, en: A company.}}\n"


def test_a_glossary_entry_with_a_kebab_case_id_passes(tmp_path):
    assert _findings(load_glossary, _root(tmp_path, "glossary", TERM.format(id="a-b"))) == []


def test_a_glossary_id_with_a_double_hyphen_is_a_finding_at_its_line(tmp_path):
    text = TERM.format(id="ok") + TERM.format(id="a--b")
    assert _findings(load_glossary, _root(tmp_path, "glossary", text)) == [
        (6, "DATA-GLOSSARY", "term id 'a--b' is not kebab-case: lowercase words joined by single hyphens")
    ]


def test_a_missing_english_definition_names_the_field_and_line(tmp_path):
    text = TERM.format(id="ok") + "- id: h20\n  kind: product\n  zh: H20\n  en: H20\n  def:\n    zh: 芯片。\n"
    assert _findings(load_glossary, _root(tmp_path, "glossary", text)) == [
        (10, "DATA-GLOSSARY", "term 'h20' has no 'def.en'")
    ]


def test_an_unknown_glossary_field_is_reported_at_its_own_line(tmp_path):
    text = TERM.format(id="a") + "  colour: red\n"
    assert _findings(load_glossary, _root(tmp_path, "glossary", text)) == [
        (6, "DATA-GLOSSARY", "term 'a' has unknown field 'colour'")
    ]


# --- sources --------------------------------------------------------------------------

SOURCE = "- id: a\n  outlet: X\n  title: T\n  date: {date}\n"


def test_a_source_with_a_real_date_passes(tmp_path):
    assert _findings(load_sources, _root(tmp_path, "sources", SOURCE.format(date='"2025-12-01"'))) == []


@pytest.mark.parametrize("date", ['"2025-13-01"', '"2025-02-30"', '"2025-7"'])
def test_a_source_with_an_impossible_date_is_a_finding_at_its_line(tmp_path, date):
    [(line, rule, message)] = _findings(load_sources, _root(tmp_path, "sources", SOURCE.format(date=date)))
    assert (line, rule) == (4, "DATA-SOURCES") and "is not YYYY, YYYY-MM or YYYY-MM-DD" in message


def test_an_unquoted_year_says_to_quote_it(tmp_path):
    with pytest.raises(DataError) as e:
        load_sources(_root(tmp_path, "sources", SOURCE.format(date="2025")))
    [f] = e.value.findings
    assert (f.line, f.fix) == (4, 'put it in quotes: date: "2025"') and "date is the number 2025" in f.message


def test_a_source_with_a_url_and_no_public_link_is_a_finding_at_the_url(tmp_path):
    text = SOURCE.format(date='"2025"') + "  url: https://example.org/a\n  no_public_link: true\n"
    assert [line for line, *_ in _findings(load_sources, _root(tmp_path, "sources", text))] == [5]


def test_outlet_markup_is_still_checked_in_python(tmp_path):
    text = SOURCE.format(date='"2025"').replace("outlet: X", "outlet: {zh: '*路透社*', en: '*Reuters*'}")
    assert "'*' in its Chinese outlet" in _findings(load_sources, _root(tmp_path, "sources", text))[0][2]


# --- charts ---------------------------------------------------------------------------

CHART = "- id: c\n  kind: {kind}\n  data: charts/nvidia-china-share.csv\n  title: T\n  message: M\n  {third}: X\n"


def _charts(tmp_path, text):
    root = _root(tmp_path, "charts", text)
    (root / "docs" / "charts").mkdir(exist_ok=True)
    (root / "docs" / "charts" / "nvidia-china-share.csv").write_bytes(
        (ROOT / "docs" / "charts" / "nvidia-china-share.csv").read_bytes()
    )
    return _findings(lambda r: load_charts(r, load_sources(ROOT)), root)


def test_a_chart_with_an_axis_passes(tmp_path):
    assert _charts(tmp_path, CHART.format(kind="points", third="axis")) == []


def test_a_quote_chart_with_an_axis_is_a_finding_at_the_axis(tmp_path):
    found = _charts(tmp_path, CHART.format(kind="quote", third="axis"))
    assert (6, "DATA-CHART", "chart 'c': axis is not allowed: a quote chart has 'quote' instead") in found


# --- corrections ----------------------------------------------------------------------

ENTRY = (
    '- id: a\n  date: "{date}"\n  kind: update\n  pages: [index]\n  what: {{zh: 甲, en: A}}\n  why: {{zh: 乙, en: B}}\n'
)


def test_a_correction_with_a_real_date_passes(tmp_path):
    assert load_corrections(_root(tmp_path, "corrections", ENTRY.format(date="2026-02-28")))[1] == []


def test_a_correction_dated_february_30_is_a_finding_at_its_date(tmp_path):
    _, findings = load_corrections(_root(tmp_path, "corrections", ENTRY.format(date="2026-02-30")))
    assert [(f.line, f.rule) for f in findings] == [(2, "DATA-CORRECTIONS")]
    assert "'2026-02-30' is not a date YYYY-MM-DD" in findings[0].message


# --- remembering clean data ---------------------------------------------------


def _counting_validator(monkeypatch):
    from site_tools import dataschema

    calls = []
    real = dataschema.validator

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(dataschema, "validator", counted)
    return calls


def _glossary_entries():
    return load_yaml_list(DATA / "glossary.yml", ROOT, "DATA-GLOSSARY")


def test_data_that_validated_clean_is_not_validated_again_until_it_changes(monkeypatch, tmp_path):
    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path))
    calls = _counting_validator(monkeypatch)
    entries = _glossary_entries()
    assert schema_findings(entries, "glossary.schema.json", "g.yml", "X") == []
    assert schema_findings(entries, "glossary.schema.json", "g.yml", "X") == []
    assert len(calls) == 1
    entries[0]["en"] = None  # changed: validated again, and found wrong
    assert schema_findings(entries, "glossary.schema.json", "g.yml", "X") != []
    assert len(calls) == 2


def test_a_changed_schema_validates_the_data_again(monkeypatch, tmp_path):
    from site_tools import dataschema

    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "data"
    folder.mkdir()
    for path in DATA.glob("*.schema.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(dataschema, "SCHEMA_DIR", folder)
    calls = _counting_validator(monkeypatch)
    entries = _glossary_entries()
    schema_findings(entries, "glossary.schema.json", "g.yml", "X")
    schema = folder / "glossary.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    schema_findings(entries, "glossary.schema.json", "g.yml", "X")
    assert len(calls) == 2


def test_data_with_errors_is_validated_every_time(monkeypatch, tmp_path):
    monkeypatch.setenv("H20_CACHE_DIR", str(tmp_path))
    calls = _counting_validator(monkeypatch)
    entries = _glossary_entries()
    entries[0]["kind"] = "nonsense"
    first = schema_findings(entries, "glossary.schema.json", "g.yml", "X")
    assert first and schema_findings(entries, "glossary.schema.json", "g.yml", "X") == first
    assert len(calls) == 2
