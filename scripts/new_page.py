#!/usr/bin/env python3
"""Start a new page pair: the same as `python -m site_tools new-page`.
Kept at this path because contributors, CI and the docs know it; the code is site_tools.cli.new_page."""

import sys
from pathlib import Path

from site_tools.cli import script

sys.exit(script("new_page", Path(__file__).resolve().parent.parent))
