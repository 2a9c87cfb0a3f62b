#!/usr/bin/env python3
"""Build the site with MkDocs and check it: the same as `python -m site_tools build`.
Kept at this path because contributors, CI and the docs know it; the code is site_tools.cli.build."""

import sys
from pathlib import Path

from site_tools.cli import script

sys.exit(script("build", Path(__file__).resolve().parent.parent))
