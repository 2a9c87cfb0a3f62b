"""Build-time tools for the H20 explainer: the rules and transforms shared by
the MkDocs plugin (site_tools.plugin, `h20` in mkdocs.yml) and the build script
(scripts/build.py)."""
