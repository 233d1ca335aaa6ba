"""Bundles (peacetrack/1): load, validate, import and export."""

from peacetrack.bundle.importer import ImportReport, import_bundles
from peacetrack.errors import BadInput, Problem

__all__ = ["BadInput", "ImportReport", "Problem", "import_bundles"]
