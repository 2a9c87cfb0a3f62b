"""`python -m site_tools VERB`: see site_tools.cli."""

import sys

from site_tools.cli import main

sys.exit(main())
