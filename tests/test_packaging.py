"""The package installs as a new user installs it: every import declared, the README's command works.

The fresh-install test builds a new virtual environment with exactly the README's first command
(no pip upgrade, no extras) and ingests a seed document with it. It takes a minute or two, so it
runs under CI=true or PEACETRACK_INSTALL_TEST=1 and is skipped otherwise.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "peacetrack"
SEED = ROOT / "tests" / "pipeline" / "corpus" / "seeds" / "open-letter-unsc-2019.txt"


def _requirement_names(specs: list[str]) -> set[str]:
    return {re.split(r"[\s\[<>=!~;]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in specs}


def _top_level_imports() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"peacetrack", "__future__"}


def test_every_import_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _requirement_names(project["dependencies"])
    optional = {
        name for specs in project["optional-dependencies"].values() for name in _requirement_names(specs)
    }
    providers = importlib.metadata.packages_distributions()
    missing = []
    for module in sorted(_top_level_imports()):
        # An optional extra that is not installed here is known by its module name alone.
        dists = {name.lower().replace("_", "-") for name in providers.get(module, [module])}
        if not dists & (declared | optional):
            missing.append(f"{module} (from {', '.join(sorted(dists))})")
    assert not missing, "imported but not declared in pyproject.toml: " + "; ".join(missing)


def test_ingest_needs_only_required_dependencies() -> None:
    """trafilatura imports lxml.html.clean, a separate distribution since lxml 5.2: it must be required."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "lxml-html-clean" in _requirement_names(project["dependencies"])


def _readme_install_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    first = blocks[0].strip()
    install, _, _ = first.partition(" && .venv/bin/peacetrack ")
    assert install == "python3 -m venv .venv && .venv/bin/pip install -e .", first
    return install


@pytest.mark.skipif(
    not (os.environ.get("CI") or os.environ.get("PEACETRACK_INSTALL_TEST")),
    reason="builds a fresh virtual environment: runs under CI=true or PEACETRACK_INSTALL_TEST=1",
)
def test_readme_install_then_ingest_a_seed(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    command = _readme_install_command().replace(".venv", str(venv))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    subprocess.run(command, shell=True, cwd=ROOT, env=env, check=True, capture_output=True, timeout=900)
    db = tmp_path / "fresh.db"
    done = subprocess.run(
        [str(venv / "bin" / "peacetrack"), "ingest", str(SEED), "--db", str(db), "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    [result] = json.loads(done.stdout)
    assert result["document"]["kind"] == "open_letter"
    assert len(result["statements"][0]["signatories"]) == 55
