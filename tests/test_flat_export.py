"""Flat exports (CSV with a Frictionless datapackage.json, Parquet with a fixed Arrow schema), whose tables
and typed columns are derived from the model's declaration (issue 12)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq
import yaml
from frictionless import validate
from pydantic import BaseModel

from peacetrack.bundle import import_bundles
from peacetrack.bundle.columns import export_tables
from peacetrack.bundle.datapackage import arrow_schema
from peacetrack.bundle.tabular import tables, write_csv, write_parquet
from peacetrack.fixtures import MINI
from peacetrack.model.records import KINDS, Gathering
from peacetrack.store import Store


def _fields(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


def test_every_field_of_every_record_has_a_column_or_a_child_table() -> None:
    derived = export_tables()
    assert list(derived)[: len(KINDS)] != []
    for name, table in derived.items():
        named = {f.name for f in table.fields}
        assert named == _fields(table.model), name
        columns = {c.name for c in table.columns(["en", "ko"])}
        for field in table.fields:
            if field.shape in ("text", "texts"):
                assert {f"{field.name}_en", f"{field.name}_ko"} <= columns
            elif field.shape == "child":
                assert field.child in derived and derived[field.child].parent == name
            else:
                assert field.name in columns
    sessions = {c.name: c for c in derived["gathering_sessions"].columns(["en", "ko"])}
    assert sessions["gathering_id"].refers == "gatherings"
    assert sessions["access"].enum == ("open", "closed")  # the codebook's codes
    assert sessions["date"].type == "date"
    gatherings = {c.name: c for c in derived["gatherings"].columns(["en"])}
    assert gatherings["attendance"].type == "integer"
    assert gatherings["title_en"].required and not gatherings["place"].required
    assert set(gatherings) == (_fields(Gathering) - {"title", "sessions"}) | {"title_en"}
    assessments = {c.name: c for c in derived["assessments"].columns(["en"])}
    assert assessments["level"].type == "integer" and assessments["level"].enum == (0, 1, 2, 3)
    assert assessments["provision"].refers == "provisions"  # a declared reference is a foreign key


def test_the_csv_export_is_a_valid_data_package(store: Store, tmp_path: Path) -> None:
    import_bundles(store, ["@korean-peninsula", "@northern-ireland"], author="t")
    with store.read() as conn:
        flat = tables(conn)
    names = write_csv(flat, tmp_path / "tables")
    assert "datapackage.json" in names and "event_effects.csv" in names
    report = validate(str(tmp_path / "tables" / "datapackage.json"))
    assert report.valid, [(t.name, [e.message for e in t.errors[:3]]) for t in report.tasks if t.errors]
    described = orjson.loads((tmp_path / "tables" / "datapackage.json").read_bytes())
    resources = {r["name"]: r for r in described["resources"]}
    effects = resources["event_effects"]["schema"]
    assert {"fields": "provision", "reference": {"resource": "provisions", "fields": "id"}} in effects[
        "foreignKeys"
    ]
    assert resources["events"]["schema"]["primaryKey"] == ["id"]

    # A broken reference is what the package's foreign keys catch.
    path = tmp_path / "tables" / "event_effects.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[0]["provision"] = "nowhere/9"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    broken = validate(str(tmp_path / "tables" / "datapackage.json"))
    assert not broken.valid
    assert [e.type for t in broken.tasks for e in t.errors] == ["foreign-key"]


def test_every_table_is_written_even_empty_with_its_fixed_columns(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(MINI)], author="t")
    with store.read() as conn:
        flat = tables(conn)
    assert not flat.rows["process_places"]  # the mini bundle names no place of a process
    write_csv(flat, tmp_path / "tables.zip")
    with zipfile.ZipFile(tmp_path / "tables.zip") as zf:
        header = zf.read("process_places.csv").decode().splitlines()
        described = orjson.loads(zf.read("datapackage.json"))
    expected = [c.name for c in export_tables()["process_places"].columns(["en", "ko"])]
    assert header == [",".join(expected)]
    assert len(described["resources"]) == len(export_tables())

    write_parquet(flat, tmp_path / "parquet")
    for name in export_tables():
        table = pq.read_table(tmp_path / "parquet" / f"{name}.parquet")
        assert table.schema.equals(arrow_schema(flat.columns(name)), check_metadata=True), name
    events = pq.read_table(tmp_path / "parquet" / "events.parquet")
    assert str(events.schema.field("date").type) == "date32[day]"
    assert events.num_rows == len(flat.rows["events"]) == 2
    levels = pq.read_table(tmp_path / "parquet" / "assessments.parquet").column("level").to_pylist()
    assert levels and all(isinstance(level, int) for level in levels)


def test_a_language_of_the_data_gets_its_columns(store: Store, tmp_path: Path) -> None:
    data: dict[str, Any] = yaml.safe_load(MINI.read_text("utf-8"))
    data["themes"][0]["name"]["ga"] = "Comhphlé"
    data["processes"] = [
        {"id": "kp", "name": {"en": "Korean Peninsula"}, "languages": ["en", "fr"], "agreements": []}
    ]
    path = tmp_path / "irish.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    import_bundles(store, [str(path)], author="t")
    with store.read() as conn:
        flat = tables(conn)
    assert flat.languages == ["en", "ko", "fr", "ga"]  # the site's, the process's, then what texts use
    write_csv(flat, tmp_path / "out")
    rows = csv.DictReader(io.StringIO((tmp_path / "out" / "themes.csv").read_text(encoding="utf-8")))
    military = next(row for row in rows if row["id"] == "military")
    assert military["name_ga"] == "Comhphlé"
    assert military["name_fr"] == ""  # a column for the process's language, empty where nothing is written


def test_the_docs_table_is_the_derivation() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "bundle-format.md").read_text(encoding="utf-8")
    section = text[text.index("## Flat exports") :].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    expected = []
    for name, table in export_tables().items():
        cells = ", ".join(
            f"`{c.name}`" if c.type == "string" else f"`{c.name}` ({c.type})"
            for c in table.columns(["{lang}"])
        )
        expected.append(f"| `{name}` | {cells} |")
    assert rows == expected
