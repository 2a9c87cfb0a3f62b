"""What the deploy job installs (requirements.txt only) is enough to build the site."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions

from helpers import ROOT

# Tools for maintainers and tests, not for the build: they may use development packages.
DEV_ONLY = {"cli/budget.py", "cli/screenshots.py", "cli/bench.py", "cli/pdf.py"}


def _third_party_imports(path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in ("site_tools", "__future__")}


def _pinned(requirements: str) -> set[str]:
    return {m[1].lower().replace("_", "-") for m in re.finditer(r"^([A-Za-z0-9_.-]+)==", requirements, re.M)}


def test_every_package_the_build_imports_is_pinned_in_requirements_txt():
    pinned = _pinned((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    providers = packages_distributions()
    package = ROOT / "scripts" / "site_tools"
    missing = {}
    for path in package.rglob("*.py"):
        if str(path.relative_to(package)) in DEV_ONLY:
            continue
        for name in _third_party_imports(path):
            dists = {d.lower().replace("_", "-") for d in providers.get(name, [name])}
            if not dists & pinned:
                missing[name] = str(path.relative_to(ROOT))
    assert missing == {}, "imported by the build but not in requirements.txt (add to requirements.in, make lock)"


def test_the_check_notices_a_development_package_imported_by_the_build(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import pytest\nfrom jsonschema import validate\nimport json\n")
    assert _third_party_imports(module) == {"pytest", "jsonschema"}
    assert "pytest" not in _pinned((ROOT / "requirements.txt").read_text(encoding="utf-8"))
