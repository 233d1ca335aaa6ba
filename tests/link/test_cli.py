"""`peacetrack link`: JSON shape, table, exit codes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from peacetrack.fixtures import MINI


def _db(cli: Any, tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'link.db'}"
    assert cli("import", "--db", db, str(MINI), "--format", "json").code == 0
    return db


def test_json_shape(cli: Any, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    result = cli(
        "link", "North Korea blew up the liaison office", "--db", db, "--format", "json", "--top", "2"
    )
    assert result.code == 0, result.err
    rows = orjson.loads(result.out)
    assert isinstance(rows, list) and 1 <= len(rows) <= 2
    first = rows[0]
    assert {"provision", "agreement", "ref", "score", "matched", "text"} <= set(first)
    assert first["provision"] == "panmunjom-2018/1.3"
    assert (first["agreement"], first["ref"]) == ("panmunjom-2018", "1.3")
    assert isinstance(first["score"], float) and first["score"] > 0
    assert "liaison" in first["matched"]
    assert set(first["text"]) == {"en", "ko"}
    assert first["effect"]["effect"] == "reverses" and first["effect"]["cue"] == "blew up"


def test_korean_and_db_before_command(cli: Any, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    result = cli("--db", db, "link", "북한이 연락사무소를 폭파했다", "--format", "json")
    assert result.code == 0, result.err
    assert orjson.loads(result.out)[0]["provision"] == "panmunjom-2018/1.3"


def test_table_for_people(cli: Any, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    result = cli("link", "liaison office in Kaesong", "--db", db)
    assert result.code == 0
    assert "panmunjom-2018/1.3" in result.out
    nothing = cli("link", "xyzzy", "--db", db)
    assert nothing.code == 0 and "no provision" in nothing.err
    assert cli("link", "xyzzy", "--db", db, "--format", "json").out.strip() == "[]"


def test_empty_text_and_bad_top_exit_2(cli: Any, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    empty = cli("link", "   ", "--db", db, "--format", "json")
    assert empty.code == 2 and empty.out == ""
    assert "empty" in empty.err
    assert cli("link", "liaison", "--db", db, "--top", "0").code == 2


def test_database_without_schema_exits_2(cli: Any, tmp_path: Path) -> None:
    result = cli("link", "liaison office", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert result.code == 2
    assert "peacetrack init" in result.err
