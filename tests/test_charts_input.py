"""Chart data is untrusted input (anyone's pull request edits charts.yml and the CSV files): only
finite figures within what their unit can be, no spreadsheet formulas in the published CSV, data
read only from docs/charts/, a size limit checked before parsing, and a finding at file:line for
bytes that are not UTF-8, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import ROOT, copy_project, run_build
from site_tools.charts import UNITS, load_charts, load_rows, render_svg
from site_tools.charts.data import MAX_CSV_BYTES, MAX_ROWS, RANGES
from site_tools.findings import DataError
from site_tools.sources import load_sources

SOURCES = load_sources(ROOT)
SOURCE = "reuters-2025-05-21"
HEADER = "label_zh,label_en,value,low,high,unit,date,source,note_en\n"


def _load(tmp_path: Path, body: str, header: str = HEADER):
    path = tmp_path / "docs" / "charts" / "x.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + body, encoding="utf-8")
    return load_rows(path, tmp_path, SOURCES)


def _row(value="95", low="", high="", unit="%", label="A", note=""):
    return f"甲,{label},{value},{low},{high},{unit},2021,{SOURCE},{note}\n"


def _only_finding(findings):
    assert len(findings) == 1, findings
    f = findings[0]
    assert (f.path, f.rule) == ("docs/charts/x.csv", "DATA-CHART") and f.fix
    return f


# --- numbers: finite, and within what their unit can be ------------------------------------------


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity", "1e999", "1_000", "９５", "0x10"])
def test_a_value_that_is_not_a_finite_number_in_digits_is_refused(tmp_path, value):
    rows, findings = _load(tmp_path, _row("95") + _row(value))
    f = _only_finding(findings)
    assert f.line == 3 and f"value '{value}' is not a number" in f.message
    assert [r.value for r in rows] == [95]  # nothing like nan% or inf% reaches the table


@pytest.mark.parametrize("low, high", [("nan", "190"), ("148", "inf"), ("-inf", "inf")])
def test_a_range_that_is_not_finite_is_refused(tmp_path, low, high):
    rows, findings = _load(tmp_path, _row("", low, high, "US$ bn"))
    assert rows == [] and "low/high must be finite numbers" in _only_finding(findings).message
    rows, findings = _load(tmp_path, _row("", "148", "190", "US$ bn"))
    assert findings == [] and (rows[0].low, rows[0].high) == (148, 190)


@pytest.mark.parametrize(
    "value, unit, needle",
    [
        ("-95", "%", "value -95 is outside 0–100 for unit '%'"),
        ("101", "%", "value 101 is outside 0–100 for unit '%'"),
        ("1e308", "US$ bn", "value 1e308 is outside 0–10,000 for unit 'US$ bn'"),
        ("1e308", "W", "value 1e308 is outside 0–1,000,000 for unit 'W'"),
        ("-1", "TFLOPS", "value -1 is outside"),
        ("5", "date", "value 5 is not 0 for unit 'date'"),
    ],
)
def test_a_value_outside_what_its_unit_can_be_is_refused_at_its_line(tmp_path, value, unit, needle):
    rows, findings = _load(tmp_path, _row("95") + _row(value, unit=unit))
    f = _only_finding(findings)
    assert f.line == 3 and needle in f.message and "formula" not in f.message
    assert len(rows) == 1


@pytest.mark.parametrize(
    "value, unit", [("0", "%"), ("100", "%"), ("34.5", "%"), ("160", "US$ bn"), ("1979", "TFLOPS"), ("0", "date")]
)
def test_a_value_within_its_unit_is_data(tmp_path, value, unit):
    rows, findings = _load(tmp_path, _row(value, unit=unit))
    assert findings == [] and rows[0].value == float(value)


def test_every_unit_has_its_range():
    assert set(RANGES) == set(UNITS)
    assert all(0 <= least <= most < 1e300 for least, most in RANGES.values())


def test_low_and_high_are_checked_against_the_unit_too(tmp_path):
    rows, findings = _load(tmp_path, _row("", "-5", "50"))
    assert rows == [] and "low -5 is outside 0–100 for unit '%'" in _only_finding(findings).message
    rows, findings = _load(tmp_path, _row("", "5", "1e308"))
    assert rows == [] and "high 1e308 is outside 0–100 for unit '%'" in _only_finding(findings).message


def test_a_value_lies_within_its_reported_range(tmp_path):
    rows, findings = _load(tmp_path, _row("200", "148", "190", "US$ bn"))
    assert rows == [] and "value 200 is outside its range 148–190" in _only_finding(findings).message
    rows, findings = _load(tmp_path, _row("160", "148", "190", "US$ bn"))
    assert findings == [] and rows[0].value == 160


# --- spreadsheet formulas in the CSV that readers download -----------------------------------------


@pytest.mark.parametrize(
    "cells",
    [
        {"label": '"=HYPERLINK(""http://x.invalid"",""A"")"'},
        {"label": "+1"},
        {"label": "-2+3"},
        {"label": "@SUM(A1)"},
        {"label": '" =1+1"'},  # a spreadsheet may trim the space
        {"label": '"\t=1+1"'},
        {"note": "=cmd|'/c calc'!A1"},
    ],
)
def test_a_text_cell_that_a_spreadsheet_would_run_as_a_formula_is_refused(tmp_path, cells):
    rows, findings = _load(tmp_path, _row("95") + _row(**cells))
    f = _only_finding(findings)
    assert f.line == 3 and "formula" in f.message and ("label_en" in f.message or "note_en" in f.message)
    assert len(rows) == 1


@pytest.mark.parametrize("cells", [{"label": "A=B"}, {"label": "(-5) A"}, {"note": "up 10% - at most"}])
def test_a_text_cell_with_those_characters_inside_is_text(tmp_path, cells):
    rows, findings = _load(tmp_path, _row(**cells))
    assert findings == [] and len(rows) == 1


def test_a_negative_number_is_a_figure_out_of_range_not_a_formula(tmp_path):
    rows, findings = _load(tmp_path, _row("-95"))
    f = _only_finding(findings)
    assert "outside 0–100" in f.message and "formula" not in f.message


def test_the_downloaded_csv_is_the_checked_file_byte_for_byte(built_site):
    """Formulas are refused rather than rewritten because the published CSV is the file the
    checks read: nothing between them could undo a check."""
    for path in sorted((ROOT / "docs" / "charts").glob("*.csv")):
        assert (built_site / "charts" / path.name).read_bytes() == path.read_bytes(), path.name


# --- the data path in charts.yml -------------------------------------------------------------------

REGISTRY = "- id: c\n  kind: {kind}\n  data: {data}\n  title: T\n  message: M\n  axis: X\n"
GOOD_CSV = HEADER + _row()


def _registry(tmp_path: Path, data: str = "charts/x.csv", kind: str = "bar", csv: str = GOOD_CSV) -> Path:
    root = tmp_path / "root"
    (root / "docs" / "data").mkdir(parents=True)
    (root / "docs" / "charts").mkdir()
    (root / "docs" / "charts" / "x.csv").write_text(csv, encoding="utf-8")
    # A valid chart CSV outside the chart folder: refused for where it is, not for what it says.
    (tmp_path / "outside.csv").write_text(GOOD_CSV, encoding="utf-8")
    (root / "docs" / "outside-charts.csv").write_text(GOOD_CSV, encoding="utf-8")
    (root / "docs" / "data" / "charts.yml").write_text(REGISTRY.format(kind=kind, data=data), encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "data",
    ["../../outside.csv", "charts/../../../outside.csv", "{outside}", "outside-charts.csv", "charts/link.csv"],
)
def test_chart_data_outside_docs_charts_is_refused_at_the_registry_line(tmp_path, data):
    root = _registry(tmp_path, data.format(outside=tmp_path / "outside.csv"))
    (root / "docs" / "charts" / "link.csv").symlink_to(tmp_path / "outside.csv")
    with pytest.raises(DataError) as e:
        load_charts(root, SOURCES)
    [f] = e.value.findings
    assert (f.path, f.line, f.rule) == (
        "docs/data/charts.yml",
        3,
        "DATA-CHART",
    ) and "is not a file in docs/charts/" in (f.message)


@pytest.mark.parametrize("data", ["charts/x.csv", "charts/inside-link.csv"])
def test_chart_data_in_docs_charts_is_read(tmp_path, data):
    root = _registry(tmp_path, data)
    (root / "docs" / "charts" / "inside-link.csv").symlink_to("x.csv")
    assert [r.value for r in load_charts(root, SOURCES)["c"].rows] == [95]


# --- what the drawing needs: dates it can place, ratios it can divide -----------------------------


@pytest.mark.parametrize("date", ["0001-01", "1899", "2101-01-01", "9999-12"])
def test_a_date_far_outside_the_charts_years_is_refused(tmp_path, date):
    rows, findings = _load(tmp_path, _row().replace(",2021,", f",{date},"))
    assert rows == [] and f"date '{date}' is not between 1900 and 2100" in _only_finding(findings).message
    rows, findings = _load(tmp_path, _row().replace(",2021,", ",2027-12-31,"))
    assert findings == [] and rows[0].date == "2027-12-31"


RATIO_HEADER = "label_zh,label_en,series_zh,series_en,value,low,high,unit,date,source\n"


def _ratio(label: str, series: str, value: str, low: str = "", high: str = "") -> str:
    return f"{label},{label},{series},{series},{value},{low},{high},GB,2023,{SOURCE}\n"


@pytest.mark.parametrize(
    "body, line, needle",
    [
        (_ratio("M", "H100", "0") + _ratio("M", "H20", "96"), 2, "an H100 value of 0 cannot be divided by"),
        (_ratio("M", "H100", "", "70", "90") + _ratio("M", "H20", "96"), 2, "a value on every row, not a range"),
        (_ratio("M", "H100", "80") + _ratio("N", "H20", "96"), 1, "no label has both an H100 and an H20 row"),
        (_ratio("M", "H20", "80") + _ratio("M", "H20", "96"), 1, "no label has both an H100 and an H20 row"),
    ],
)
def test_a_ratio_chart_that_cannot_be_divided_is_refused_at_its_line(tmp_path, body, line, needle):
    with pytest.raises(DataError) as e:
        load_charts(_registry(tmp_path, kind="ratio", csv=RATIO_HEADER + body), SOURCES)
    f = e.value.findings[0]
    assert (f.path, f.line, f.rule) == ("docs/charts/x.csv", line, "DATA-CHART") and needle in f.message


def test_a_ratio_chart_with_a_pair_is_drawn(tmp_path):
    root = _registry(tmp_path, kind="ratio", csv=RATIO_HEADER + _ratio("M", "H100", "80") + _ratio("M", "H20", "96"))
    chart = load_charts(root, SOURCES)["c"]
    assert "120%" in render_svg(chart, "en", "narrow") and "120%" in render_svg(chart, "en", "wide")


# --- size: refused before parsing, never a crash ---------------------------------------------------


def test_a_csv_over_the_byte_limit_is_refused_before_it_is_parsed(tmp_path):
    # Every row would be valid: the limit alone refuses the file.
    body = _row() * (MAX_CSV_BYTES // len(_row().encode()) + 1)
    rows, findings = _load(tmp_path, body)
    f = _only_finding(findings)
    assert rows == [] and f.line == 0 and f"over the {MAX_CSV_BYTES:,}-byte limit" in f.message


def test_more_rows_than_a_chart_shows_are_refused_at_the_first_row_too_many(tmp_path):
    rows, findings = _load(tmp_path, _row() * MAX_ROWS)
    assert findings == [] and len(rows) == MAX_ROWS
    rows, findings = _load(tmp_path, _row() * (MAX_ROWS + 1))
    f = _only_finding(findings)
    assert f.line == MAX_ROWS + 2 and f"more than {MAX_ROWS} rows" in f.message


def test_a_hundred_thousand_row_csv_is_a_finding_not_a_crash(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "docs" / "charts" / "china-self-sufficiency.csv"
    header, row = path.read_text(encoding="utf-8").splitlines()[:2]
    path.write_text(header + "\n" + (row + "\n") * 100_000, encoding="utf-8")
    result = run_build(project, "--no-build")
    assert result.returncode == 1, result.stdout + result.stderr  # 2 would be a crash
    assert "docs/charts/china-self-sufficiency.csv: error DATA-CHART: the CSV is" in result.stdout
    assert "Traceback" not in result.stderr


# --- encoding ---------------------------------------------------------------------------------------


def test_a_csv_that_is_not_utf8_gives_the_line_of_the_first_bad_byte(tmp_path):
    path = tmp_path / "docs" / "charts" / "x.csv"
    path.parent.mkdir(parents=True)
    text = HEADER + _row() + _row(label="中文标签")
    path.write_bytes(text.encode("gbk"))  # the header is ASCII; the first row starts with 甲
    rows, findings = load_rows(path, tmp_path, SOURCES)
    f = _only_finding(findings)
    assert rows == [] and (f.line, f.col) == (2, 1) and "not UTF-8" in f.message
    path.write_bytes(text.encode("utf-8"))
    rows, findings = load_rows(path, tmp_path, SOURCES)
    assert findings == [] and [r.label["en"] for r in rows] == ["A", "中文标签"]


def test_a_gbk_line_after_utf8_lines_is_reported_at_its_own_line(tmp_path):
    path = tmp_path / "docs" / "charts" / "x.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes((HEADER + _row()).encode("utf-8") + "乙,".encode("utf-8") + _row(label="中文").encode("gbk"))
    rows, findings = load_rows(path, tmp_path, SOURCES)
    f = _only_finding(findings)
    assert (f.line, f.col) == (3, 3) and "not UTF-8" in f.message  # the column counts characters, not bytes


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_chart_data_that_is_not_a_regular_file_is_a_finding_not_a_hang(tmp_path):
    path = tmp_path / "docs" / "charts" / "x.csv"
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    rows, findings = load_rows(path, tmp_path, SOURCES)
    assert rows == [] and "not a file" in _only_finding(findings).message
