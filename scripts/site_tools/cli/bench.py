"""Benchmark: build and check synthetic bilingual sites of 10, 100 and 1,000 page pairs.

    python -m site_tools bench [--sizes 10 100 1000]

First, the pre-commit hook's command on this site, `build.py --no-build`, timed as a
whole process (start-up and imports included; median of 7, after a warm-up that
draws any chart not yet in the cache). Then, per size, the MkDocs build time (both
languages, with our hooks) and the time of our own checks (source rules, then
built-HTML rules). Figures, not assertions: speed goals live here, not in tests
that flake."""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from site_tools.project import project_root

ROOT: Path  # the project; set by main(), from the caller or the working directory

ZH = """---
title: 第 {n} 页
description: 合成测试页面 {n}，用于衡量构建与检查的耗时。
---

# 第 {n} 页 {{#page-{n}}}

!!! abstract "要点"
    - 英伟达 H20 芯片的第 {n} 个要点。

## 背景 {{#background}}

据张欣分析，华为昇腾、百度昆仑芯和寒武纪压缩了英伟达的份额，从 95% 降至 50%。英伟达曾面临 45 亿美元的损失。

!!! context "背景：份额"
    黄仁勋的数字覆盖 2021 年至 2025 年。[@reuters-2025-05-21]

## 影响 {{#impact}}

H20 单价 1.2 万美元，算力约为 H100 的 15%。摩根大通预测 2027 年自给率将达 82%。

## 路径 {{#paths}}

::: chart {chart}

昆仑芯超节点训练性能提升 10 倍，推理性能提升 13 倍。详见[第 {m} 页](p{m}.md#impact)。
"""

EN = """---
title: Page {n}
description: Synthetic page {n}, used to measure how long the build and the checks take.
---

# Page {n} {{#page-{n}}}

!!! abstract "Key points"
    - Point {n} about NVIDIA's H20 chip.

## Background {{#background}}

According to Zhang Xin, Huawei Ascend, Baidu's Kunlunxin and Cambricon cut NVIDIA's share
from 95% to 50%. NVIDIA faced a loss of US$4.5 billion.

!!! context "Context: share"
    Jensen Huang's figures span 2021 to 2025. [@reuters-2025-05-21]

## Impact {{#impact}}

The H20 costs US$12,000, with about 15% of the H100's compute.
JPMorgan forecasts a self-sufficiency rate of 82% in 2027.

## Paths {{#paths}}

::: chart {chart}

The Kunlunxin supernode improves training 10× and inference 13×. See [page {m}](p{m}.md#impact).
"""


def make_site(dest: Path, pairs: int) -> None:
    for name in ("overrides", "scripts"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    docs = dest / "docs"
    shutil.copytree(ROOT / "docs" / "data", docs / "data")
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    shutil.copytree(ROOT / "docs" / "charts", docs / "charts")
    for stem in ("index", "glossary", "sources"):
        for lang in ("zh", "en"):
            shutil.copy(ROOT / "docs" / f"{stem}.{lang}.md", docs / f"{stem}.{lang}.md")
    # The real overview links to real pages; give the synthetic site a plain one.
    for lang, title in (("zh", "导读"), ("en", "Overview")):
        (docs / f"index.{lang}.md").write_text(
            f"---\ntitle: {title}\ndescription: {title}\n---\n\n# {title} {{#overview}}\n", encoding="utf-8"
        )
    charts = [
        line.split(": ", 1)[1]
        for line in (ROOT / "docs" / "data" / "charts.yml").read_text().splitlines()
        if line.startswith("- id: ")
    ]
    for n in range(1, pairs + 1):
        m = n % pairs + 1
        chart = charts[n % len(charts)]
        (docs / f"p{n}.zh.md").write_text(ZH.format(n=n, m=m, chart=chart), encoding="utf-8")
        (docs / f"p{n}.en.md").write_text(EN.format(n=n, m=m, chart=chart), encoding="utf-8")
    from site_tools.translation import record

    for stem in ["index", *(f"p{n}" for n in range(1, pairs + 1))]:
        record(dest, stem)  # every translation up to date, as on a real site
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = "\n".join(
        [
            "nav:",
            "  - index.md",
            *[f"  - p{n}.md" for n in range(1, pairs + 1)],
            "  - glossary.md",
            "  - sources.md",
            "",
        ]
    )
    (dest / "mkdocs.yml").write_text(re.sub(r"\nnav:\n(?:  - .*\n)*", "\n" + nav, config), encoding="utf-8")


def measure(pairs: int) -> tuple[float, float, float, int]:
    from site_tools.checks import run_source_checks
    from site_tools.html_checks import check_built_site
    from site_tools.mkdocs_run import build_site, site_url

    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp)
        make_site(dest, pairs)
        t0 = time.perf_counter()
        findings = build_site(dest, dest / "site")
        t1 = time.perf_counter()
        findings += run_source_checks(dest)
        t2 = time.perf_counter()
        findings += check_built_site(dest / "site", site_url(dest))
        t3 = time.perf_counter()
    for f in findings[:5]:
        print("  " + f.text(), file=sys.stderr)
    return t1 - t0, t2 - t1, t3 - t2, len(findings)


def no_build_seconds(runs: int = 7) -> list[float]:
    """Wall seconds of each run of `build.py --no-build` on this project, after one warm-up."""
    import subprocess

    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--no-build"]
    times = []
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return times[1:]


def main(argv=None, root: Path | None = None) -> int:
    global ROOT
    ROOT = root or project_root()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args(argv)
    logging.getLogger("jieba").setLevel(logging.WARNING)
    times = sorted(no_build_seconds())
    print(
        f"build.py --no-build on this site (every source rule, the pre-commit hook): median "
        f"{times[len(times) // 2]:.2f} s of {len(times)} runs (min {times[0]:.2f}, max {times[-1]:.2f}; "
        f"budget 1 s)\n"
    )
    print(
        f"{'page pairs':>10} {'MkDocs build':>13} {'source checks':>14} {'HTML checks':>12} "
        f"{'checks/build':>13} {'findings':>9}"
    )
    for pairs in args.sizes:
        build, source, html, n = measure(pairs)
        print(f"{pairs:>10} {build:>12.2f}s {source:>13.2f}s {html:>11.2f}s {(source + html) / build:>12.0%} {n:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
