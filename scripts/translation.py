#!/usr/bin/env python3
"""Record or show the state of translations: `python -m site_tools translated|status`.
Kept at this path because contributors, CI and the docs know it; the code is site_tools.cli.translation."""

import sys
from pathlib import Path

from site_tools.cli import script

sys.exit(script("translation", Path(__file__).resolve().parent.parent))
