"""The weighed record of the security environment, built once per data version and language."""

from __future__ import annotations

from peacetrack.environment.service import Climate, climate
from peacetrack.model.languages import Lang
from peacetrack.store import Store
from peacetrack.web.deps import VersionedCache


def climate_of(store: Store, cache: VersionedCache, lang: Lang) -> Climate:
    def build() -> Climate:
        with store.read() as conn:
            return climate(conn, lang=lang)

    built: Climate = cache.get(f"environment:{lang}", build)
    return built
