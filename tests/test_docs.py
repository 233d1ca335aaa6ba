"""The contract lives in the project (issue 12): docs/ holds it and nothing points outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_file_defers_to_a_specification_outside_the_repository() -> None:
    places = [
        *ROOT.glob("src/**/*.py"),
        *ROOT.glob("src/**/*.yaml"),
        *ROOT.glob("src/**/*.md"),
        *ROOT.glob("docs/*.md"),
    ]
    offenders = [
        str(p.relative_to(ROOT)) for p in places if re.search(r"\bSPEC(\.md| section)", p.read_text("utf-8"))
    ]
    assert offenders == []


def test_the_readme_links_to_docs_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((docs/[\w./-]+\.md)", readme))
    assert {
        "docs/cli.md",
        "docs/bundle-format.md",
        "docs/scoring.md",
        "docs/ingest.md",
        "docs/api.md",
    } <= linked
    assert all((ROOT / link).is_file() for link in linked)
