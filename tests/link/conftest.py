"""Shared fixtures: the bundled case's provisions and an index over them (built once)."""

from __future__ import annotations

import pytest

from peacetrack.link import LinkIndex, ProvisionDoc, docs_from_bundles


@pytest.fixture(scope="session")
def kp_docs() -> list[ProvisionDoc]:
    return docs_from_bundles(["@korean-peninsula"])


@pytest.fixture(scope="session")
def kp_index(kp_docs: list[ProvisionDoc]) -> LinkIndex:
    return LinkIndex.build(kp_docs)


@pytest.fixture(autouse=True)
def _no_user_cache(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The CLI keeps term counts per database; tests keep them out of the user's cache folder."""
    monkeypatch.setenv("PEACETRACK_LINK_CACHE", str(tmp_path_factory.mktemp("link-cache")))
