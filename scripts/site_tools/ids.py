"""The id and date syntax of the data files, defined once for the Python code.

The same facts are published for editors in docs/data/common.schema.json
($defs id, date and partial-date); tests/test_dataschema.py keeps the two equal."""

from __future__ import annotations

import datetime
import re

# English kebab-case: lowercase words (letters, digits) joined by single hyphens.
ID_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
ID = re.compile(rf"^{ID_PATTERN}$")
# A citation in a page: [@source-id].
CITATION = re.compile(rf"\[@({ID_PATTERN.replace('(', '(?:')})\]")
_PARTIAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


def valid_date(value, partial: bool = True) -> bool:
    """A real calendar date: YYYY-MM-DD, or also YYYY and YYYY-MM when `partial`."""
    if not isinstance(value, str) or not _PARTIAL_DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    if not partial and len(parts) < 3:
        return False
    try:
        datetime.date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError:
        return False
    return True
