"""Converters from third-party data sets into ``peacetrack/1`` bundle fragments.

Each importer reads a source in its published shape, checks it, and writes
records in our own words (never the source's prose), citing the source on
every record. See ``docs/importers.md``.
"""
