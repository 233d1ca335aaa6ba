"""Read queries the pages share: records by id, filtered events, search, scores.

Every function takes an open connection (or the store and its cache) and
returns plain data; only accepted records are ever shown to readers.
"""
