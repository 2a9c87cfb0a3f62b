"""The GitHub files: workflows valid against GitHub's schema, actions pinned to
commit SHAs, least-privilege permissions (zizmor); issue forms valid."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FORMS = [ROOT / ".github" / "ISSUE_TEMPLATE" / n for n in ("content-error.yml", "translation-fix.yml")]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / args[0]), *args[1:]], capture_output=True, text=True)


def _job(text: str, name: str) -> str:
    """The YAML of one job of a workflow (up to the next job or the end)."""
    return re.search(rf"^  {name}:\n(.*?)(?=^  \w[\w-]*:\n|\Z)", text.split("\njobs:\n", 1)[1], re.M | re.S)[1]


def test_one_workflow_tests_then_deploys_the_site_it_tested_only_from_main():
    assert [p.name for p in WORKFLOWS] == ["ci.yml"]
    ci = WORKFLOWS[0].read_text()
    test, deploy = _job(ci, "test"), _job(ci, "deploy")
    assert "pull_request:" in ci and "make test FORMAT=github SITE_OUT=" in test  # one build, annotated
    assert "upload-pages-artifact@" in test and "zip -qr" in test
    assert "needs: test" in deploy and "if: github.event_name == 'push'" in deploy
    assert "deploy-pages@" in deploy and "make " not in deploy  # publishes the tested files, builds nothing


def test_workflows_match_githubs_schema():
    result = run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_and_their_config_match_githubs_schema():
    forms = run("check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", *map(str, FORMS))
    config = run(
        "check-jsonschema",
        "--builtin-schema",
        "vendor.github-issue-config",
        str(ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml"),
    )
    assert forms.returncode == 0 and config.returncode == 0, forms.stdout + config.stdout


def test_zizmor_finds_nothing_in_the_workflows():
    result = run("zizmor", "--offline", "--no-progress", str(ROOT / ".github" / "workflows"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_sha():
    for path in WORKFLOWS:
        for uses in re.findall(r"uses:\s*(\S+)", path.read_text()):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", uses), f"{path.name}: {uses}"


def test_only_the_deploy_job_may_write_and_only_to_pages():
    for path in WORKFLOWS:
        text = path.read_text()
        assert re.search(r"^permissions:\n  contents: read\n", text, re.M), path.name
        writes = re.findall(r"^\s+([\w-]+): write", text, re.M)
        assert writes == ["pages", "id-token"], path.name
        assert not re.search(r": write", _job(text, "test")), path.name


@pytest.mark.parametrize(
    "workflow, tool",
    [
        ("name: x\non: [push]\njobs:\n  t:\n    steps: 3\n", "check-jsonschema"),
        (
            "name: x\non: [push]\njobs:\n  t:\n    runs-on: ubuntu-24.04\n"
            "    steps:\n      - uses: actions/checkout@v4\n",
            "zizmor",
        ),
    ],
)
def test_the_checks_catch_a_broken_or_unpinned_workflow(tmp_path, workflow, tool):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(workflow)
    args = (
        ["check-jsonschema", "--builtin-schema", "vendor.github-workflows", str(folder / "bad.yml")]
        if tool == "check-jsonschema"
        else ["zizmor", "--offline", "--no-progress", str(folder)]
    )
    assert run(*args).returncode != 0


def test_the_pre_commit_configuration_is_valid_and_runs_only_local_hooks():
    assert run("pre-commit", "validate-config", str(ROOT / ".pre-commit-config.yaml")).returncode == 0
    text = (ROOT / ".pre-commit-config.yaml").read_text()
    assert re.findall(r"- repo: (\S+)", text) == ["local"]


def test_a_job_that_configures_pages_may_read_pages():
    """actions/configure-pages fails with only `contents: read`: a job that uses it must be
    granted `pages` (today no job does; the deploy job only deploys)."""
    ci = WORKFLOWS[0].read_text()
    for name in re.findall(r"^  (\w[\w-]*):\n", ci.split("\njobs:\n", 1)[1], re.M):
        job = _job(ci, name)
        if "configure-pages@" in job:
            assert re.search(r"^\s+pages: (read|write)$", job, re.M), f"job {name} uses configure-pages without pages:"


def test_the_site_is_built_once_per_run():
    ci = WORKFLOWS[0].read_text()
    steps = "\n".join(re.findall(r"^\s+run: (.*)$", ci, re.M))  # the commands, not the comments
    builds = re.findall(r"make (?:test|build)\b|site_tools build|build\.py|mkdocs build", steps)
    assert builds == ["make test"], builds


def test_the_readme_gives_the_one_time_pages_setup():
    deploying = (ROOT / "README.md").read_text(encoding="utf-8").split("## Deploying", 1)[1].split("\n## ", 1)[0]
    assert "Settings → Pages" in deploying and "**GitHub Actions**" in deploying
