"""Chart data: the registry (docs/data/charts.yml, its fields checked by charts.schema.json) and
each chart's CSV file, loaded into Chart and Row with a finding at file:line for anything wrong,
and the figures as the reader sees them (units per language), which the spec and the table share."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ..datafile import bilingual, load_yaml_list, rel
from ..dataschema import validate
from ..findings import DataError, Finding
from ..ids import valid_date
from ..sources import Source

REGISTRY = Path("docs/data/charts.yml")
SCHEMA = "charts.schema.json"  # in docs/data: the registry's fields (the CSV files are checked here)
RULE = "DATA-CHART"
KINDS = ("bar", "ratio", "timeline", "points", "quote")
UNITS = ("%", "US$ bn", "×", "TFLOPS", "GB", "TB/s", "W", "date")
REQUIRED = ("label_zh", "label_en", "value", "unit", "date", "source")
OPTIONAL = ("series_zh", "series_en", "panel_zh", "panel_en", "low", "high", "status", "note_zh", "note_en")
# A row is checked data unless marked as the article's (or a speaker's) claim that no source confirms.
STATUSES = ("checked", "claimed")
# Chart data comes from pull requests: it is read only from here, and only this much of it. The
# largest CSV is about 3 KB and 21 rows; about 40 bars already exceed the SVG budget (CHART-SIZE),
# and a few thousand rows overflow the renderer's stack before that rule can report anything.
CHART_DIR = Path("docs/charts")
MAX_CSV_BYTES = 50_000
MAX_ROWS = 100
# The figures a unit can take (value, low and high): % is a share or a rate, and a timeline's
# value is a placeholder (0, not drawn); anything else is a generous bound on what one chip, one
# company or one market can be, far from the magnitudes that break the drawing (1e308).
RANGES = {
    "%": (0, 100),
    "US$ bn": (0, 10_000),
    "×": (0, 1_000),
    "TFLOPS": (0, 1_000_000),
    "GB": (0, 100_000),
    "TB/s": (0, 1_000),
    "W": (0, 1_000_000),
    "date": (0, 0),
}
NUMBERS = ("value", "low", "high")
# The years a row's date may fall in: the axes are drawn from a few months before the first date
# to a few months after the last, which year 1 and year 9999 overflow.
YEARS = (1900, 2100)
# A ratio chart draws the H20 as a percentage of the H100, label by label.
RATIO_SERIES = ("H100", "H20")
# A text cell that starts with one of these is a formula to a spreadsheet (and a leading tab or
# carriage return hides one). It is refused, not rewritten with a leading quote: the CSV that
# readers download is the file in the repository, byte for byte (MkDocs copies it), so what a
# reviewer reads in the pull request is what is published, and no label gets a stray quote.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


@dataclass(frozen=True)
class Row:
    line: int
    label: dict
    series: dict | None
    panel: dict | None
    value: float | None  # None for a reported range (low and high) without a single figure
    low: float | None
    high: float | None
    unit: str
    date: str
    source: str
    note: dict | None
    status: str = "checked"

    @property
    def claimed(self) -> bool:
        return self.status == "claimed"

    @property
    def end(self) -> float:
        """Where the row's mark ends: its value, or the top of its range."""
        return self.high if self.value is None else self.value


@dataclass(frozen=True)
class Chart:
    id: str
    kind: str
    data: str  # path under docs/
    title: dict
    message: dict
    axis: dict | None  # none for a quote
    rows: tuple[Row, ...]
    quote: dict | None = None  # the article's words, for kind 'quote'


def _number(text: str) -> float | None:
    """A finite number written in ASCII digits, or None: not nan, inf, 1_000, ９５ or 1e999,
    which float() accepts."""
    if not _DECIMAL.fullmatch(text):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def _range_problems(r: dict, numbers: dict[str, float | None]) -> list[str]:
    """Figures outside what their unit can be, or a value outside its own reported range."""
    problems = []
    if r["unit"] in RANGES:
        least, most = RANGES[r["unit"]]
        for col, number in numbers.items():
            if number is None or least <= number <= most:
                continue
            if least == most:
                problems.append(f"{col} {r[col]} is not {least} for unit '{r['unit']}'")
            else:
                problems.append(f"{col} {r[col]} is outside {least:,}–{most:,} for unit '{r['unit']}'")
    value, low, high = numbers["value"], numbers["low"], numbers["high"]
    if value is not None and low is not None and high is not None and not low <= value <= high:
        problems.append(f"value {r['value']} is outside its range {r['low']}–{r['high']}")
    return problems


def _formula_cells(record: list[str], header: list[str]) -> list[str]:
    """The text cells a spreadsheet would run as formulas (see FORMULA_START)."""
    return [
        col
        for col, cell in zip(header, record, strict=True)
        if col not in NUMBERS and (cell.startswith(FORMULA_START) or cell.strip().startswith(FORMULA_START))
    ]


def _read_text(path: Path, name: str) -> tuple[str | None, list[Finding]]:
    """The file's text, or why it cannot be read: missing, not a file, too large, not UTF-8
    (at the line of the first byte that is not)."""
    if not path.is_file():
        what = "not found" if not path.exists() else "not a file"
        return None, [Finding(name, 0, 0, RULE, f"chart data file {what}", "create it or fix 'data:' in the registry")]
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        return None, [
            Finding(
                name,
                0,
                0,
                RULE,
                f"the CSV is {size:,} bytes, over the {MAX_CSV_BYTES:,}-byte limit for chart data",
                f"a chart shows at most {MAX_ROWS} rows: keep the figures it draws, link the full data set as a source",
            )
        ]
    try:
        data = path.read_bytes()
    except OSError as e:
        return None, [Finding(name, 0, 0, RULE, f"chart data file cannot be read ({e.strerror})", "check the file")]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = len(data[data.rfind(b"\n", 0, e.start) + 1 : e.start].decode("utf-8")) + 1  # valid up to e.start
        return None, [Finding(name, line, col, RULE, f"not UTF-8 text ({e.reason})", "save the file as UTF-8")]


def _pair(record: dict, prefix: str) -> dict | None:
    """An optional pair of columns, e.g. note_zh / note_en."""
    zh, en = record.get(f"{prefix}_zh", ""), record.get(f"{prefix}_en", "")
    return {"zh": zh, "en": en} if (zh or en) else None


def load_rows(path: Path, root: Path, sources: dict[str, Source]) -> tuple[list[Row], list[Finding]]:
    name = rel(path, root)
    text, findings = _read_text(path, name)
    if text is None:
        return [], findings
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[Row] = []
    try:
        header = next(reader, None)
        if not header:
            return [], [Finding(name, 1, 1, RULE, "empty CSV", "add a header row: " + ",".join(REQUIRED))]
        header = [h.strip() for h in header]
        for i, col in enumerate(header):
            if col not in REQUIRED + OPTIONAL:
                findings.append(
                    Finding(
                        name,
                        1,
                        sum(len(h) + 1 for h in header[:i]) + 1,
                        RULE,
                        f"unknown column '{col}'",
                        f"use only: {', '.join(REQUIRED + OPTIONAL)}",
                    )
                )
        for col in REQUIRED:
            if col not in header:
                findings.append(Finding(name, 1, 1, RULE, f"missing column '{col}'", f"add a '{col}' column"))
        if findings:
            return [], findings
        count = 0
        for record in reader:
            line = reader.line_num
            if not any(c.strip() for c in record):
                continue
            count += 1
            if count > MAX_ROWS:
                findings.append(
                    Finding(
                        name,
                        line,
                        1,
                        RULE,
                        f"more than {MAX_ROWS} rows of chart data",
                        f"a chart shows at most {MAX_ROWS} rows: keep the figures it draws, "
                        "link the full data set as a source",
                    )
                )
                break
            if len(record) != len(header):
                findings.append(
                    Finding(
                        name,
                        line,
                        1,
                        RULE,
                        f"{len(record)} fields, the header has {len(header)}",
                        "quote fields that contain commas",
                    )
                )
                continue
            formulas = _formula_cells(record, header)
            if formulas:
                findings.append(
                    Finding(
                        name,
                        line,
                        1,
                        RULE,
                        f"{', '.join(formulas)}: starts with =, +, -, @, a tab or a carriage return, "
                        "which a spreadsheet opening the downloaded CSV runs as a formula",
                        "reword the cell so that it starts with a letter, a digit or a bracket",
                    )
                )
                continue
            r = {k: v.strip() for k, v in zip(header, record, strict=True)}
            problems = []
            value = _number(r["value"]) if r["value"] else None
            low = _number(r["low"]) if r.get("low") else None
            high = _number(r["high"]) if r.get("high") else None
            if (r.get("low") and low is None) or (r.get("high") and high is None):
                problems.append("low/high must be finite numbers")
            elif low is not None and high is not None and low > high:
                problems.append(f"low {r['low']} is above high {r['high']}")
            elif bool(r.get("low")) != bool(r.get("high")):
                problems.append("give both low and high, or neither")
            if r["value"] and value is None:
                problems.append(
                    f"value '{r['value']}' is not a number (write a finite figure in digits, e.g. 95 or 3.35)"
                )
            elif not r["value"] and (low is None or high is None):
                # A range needs no single figure: an invented midpoint would look like data.
                problems.append("no value (give a value, or low and high for a reported range)")
            status = r.get("status") or "checked"
            if status not in STATUSES:
                problems.append(f"status '{status}' is not one of {', '.join(STATUSES)}")
            if r["unit"] not in UNITS:
                problems.append(f"unit '{r['unit']}' is not one of {', '.join(UNITS)}")
            if not valid_date(r["date"]):
                problems.append(f"date '{r['date']}' is not YYYY, YYYY-MM or YYYY-MM-DD")
            elif not YEARS[0] <= int(r["date"][:4]) <= YEARS[1]:
                problems.append(f"date '{r['date']}' is not between {YEARS[0]} and {YEARS[1]}")
            if not r["source"]:
                problems.append("no source")
            elif r["source"] not in sources:
                problems.append(f"source '{r['source']}' is not in docs/data/sources.yml")
            for lang in ("zh", "en"):
                if not r[f"label_{lang}"]:
                    problems.append(f"no label_{lang}")
            if problems:
                findings.append(
                    Finding(
                        name,
                        line,
                        1,
                        RULE,
                        "; ".join(problems),
                        "every row needs a numeric value (or low and high), a unit, a date and a source id",
                    )
                )
                continue
            out_of_range = _range_problems(r, {"value": value, "low": low, "high": high})
            if out_of_range:
                findings.append(
                    Finding(
                        name,
                        line,
                        1,
                        RULE,
                        "; ".join(out_of_range),
                        "check the figure against its source and its unit (a share is 0–100 %, "
                        "US$ bn is billions; a timeline row's value is 0)",
                    )
                )
                continue

            rows.append(
                Row(
                    line,
                    {"zh": r["label_zh"], "en": r["label_en"]},
                    _pair(r, "series"),
                    _pair(r, "panel"),
                    value,
                    low,
                    high,
                    r["unit"],
                    r["date"],
                    r["source"],
                    _pair(r, "note"),
                    status,
                )
            )
    except csv.Error as e:
        findings.append(
            Finding(name, reader.line_num, 1, RULE, f"malformed CSV: {e}", "check the quoting on this line")
        )
    if not rows and not findings:
        findings.append(Finding(name, 2, 1, RULE, "no data rows", "add at least one row"))
    return rows, findings


def _ratio_findings(rows: list[Row], name: str) -> list[Finding]:
    """A ratio chart divides each label's H20 value by its H100 value: every row has a single
    value, every H100 value is above 0, and at least one label has both."""
    fix = "give each label one row with series H100 and one with series H20, each with a value"
    findings = [
        Finding(name, r.line, 1, RULE, "a ratio chart needs a value on every row, not a range", fix)
        for r in rows
        if r.value is None
    ]
    findings += [
        Finding(name, r.line, 1, RULE, "an H100 value of 0 cannot be divided by", fix)
        for r in rows
        if r.series and RATIO_SERIES[0] in r.series.values() and r.value == 0
    ]
    for lang in ("zh", "en"):
        pairs: dict[str, set] = {}
        for r in rows:
            pairs.setdefault(r.label[lang], set()).add((r.series or {}).get(lang))
        if not findings and not any(set(RATIO_SERIES) <= series for series in pairs.values()):
            findings.append(Finding(name, 1, 1, RULE, f"no label has both an H100 and an H20 row (series_{lang})", fix))
    return findings


def _inside(path: Path, folder: Path) -> bool:
    """Whether the path, once '..' and links are followed, is in the folder."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def load_charts(root: Path, sources: dict[str, Source]) -> dict[str, Chart]:
    """The charts by id; the schema checks the registry's entries, this their ids' uniqueness and their CSV files."""
    path = root / REGISTRY
    name = rel(path, root)
    entries = load_yaml_list(path, root, RULE)
    findings, invalid = validate(entries, SCHEMA, name, RULE, noun="chart")
    charts: dict[str, Chart] = {}
    for i, entry in enumerate(entries):
        if i in invalid:
            continue
        cid, kind, data = entry["id"], entry["kind"], entry["data"]
        if cid in charts:
            findings.append(Finding(name, entry.line_of("id"), 1, RULE, f"duplicate chart id '{cid}'", "rename one"))
            continue
        if not _inside(root / "docs" / data, root / CHART_DIR):
            findings.append(
                Finding(
                    name,
                    entry.line_of("data"),
                    1,
                    RULE,
                    f"data '{data}' is not a file in {CHART_DIR.as_posix()}/",
                    "put the CSV in docs/charts/ and write its path as charts/NAME.csv "
                    "(no '..', no absolute path, no link to elsewhere)",
                )
            )
            continue
        rows, row_findings = load_rows(root / "docs" / data, root, sources)
        if kind == "ratio" and rows and not row_findings:
            row_findings = _ratio_findings(rows, rel(root / "docs" / data, root))
        findings += row_findings
        if rows:
            # A quote card has the article's words instead of an axis.
            title, message = bilingual(entry["title"]), bilingual(entry["message"])
            charts[cid] = (
                Chart(cid, kind, data, title, message, None, tuple(rows), quote=bilingual(entry["quote"]))
                if kind == "quote"
                else Chart(cid, kind, data, title, message, bilingual(entry["axis"]), tuple(rows))
            )
    if findings:
        raise DataError(findings)
    return charts


# --- the figures as the reader sees them (the spec's labels and the data table) ---------------


def display_value(value: float, unit: str, lang: str) -> tuple[float, str]:
    """The value as shown in `lang` (US$ bn becomes 亿美元 in Chinese) and its label."""
    if unit == "US$ bn":
        return (value * 10, f"{value * 10:g} 亿美元") if lang == "zh" else (value, f"US${value:g} billion")
    if unit in ("%", "×"):
        return value, f"{value:g}{unit}"
    if unit == "date":
        return value, ""
    return value, f"{value:g} {unit}"


def _range_text(row: Row, lang: str) -> str:
    """'1480 亿至 1900 亿美元' / 'US$148–190 billion'."""
    lo, hi = display_value(row.low, row.unit, lang)[0], display_value(row.high, row.unit, lang)[0]
    if row.unit == "US$ bn":
        return f"{lo:g} 亿至 {hi:g} 亿美元" if lang == "zh" else f"US${lo:g}–{hi:g} billion"
    return f"{display_value(row.low, row.unit, lang)[1]}–{display_value(row.high, row.unit, lang)[1]}"


def shown_value(row: Row, lang: str) -> str:
    """The row's figure as the reader sees it: the value, or the reported range."""
    if row.low is not None and row.high is not None:
        return _range_text(row, lang)
    return display_value(row.value, row.unit, lang)[1]
