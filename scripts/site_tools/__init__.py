"""Build-time tools for the H20 explainer: the rules and transforms shared by
the MkDocs hook (scripts/mkdocs_hooks.py) and the build script (scripts/build.py)."""
