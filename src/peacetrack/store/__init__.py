"""The store: engine, schema, migrations and revision history."""

from peacetrack.store.engine import ENV_VAR, Store, StoreBusy, default_path, resolve_url
from peacetrack.store.migrate import is_current, upgrade

__all__ = ["ENV_VAR", "Store", "StoreBusy", "default_path", "is_current", "resolve_url", "upgrade"]
