"""Where the project is: the folder holding mkdocs.yml, docs/ and the data files."""

from __future__ import annotations

from pathlib import Path


def project_root(start: Path | None = None) -> Path:
    """The nearest folder, from `start` (the working directory) upwards, that holds mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise SystemExit(f"no mkdocs.yml in {here} or any folder above it: run this inside the project")
