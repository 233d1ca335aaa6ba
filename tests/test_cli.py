"""The command line as users and scripts meet it: help, exit codes, stdout/stderr discipline."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
import typer

from peacetrack.cli import app
from peacetrack.fixtures import MINI

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _commands() -> list[tuple[str, Any]]:
    """Every leaf command as ("import", click command) or ("release create", ...)."""
    root = typer.main.get_command(app)
    out: list[tuple[str, Any]] = []

    def walk(prefix: str, group: Any) -> None:
        for name, command in group.commands.items():
            full = f"{prefix} {name}".strip()
            if hasattr(command, "commands"):
                walk(full, command)
            else:
                out.append((full, command))

    walk("", root)
    return out


def test_help_lists_the_spec_commands(cli: Any) -> None:
    result = cli("--help")
    assert result.code == 0
    for name in ("init", "import", "export"):
        assert re.search(rf"\b{name}\b", result.out)
    assert "peacetrack.db" in result.out  # says where the default database is


def test_every_command_and_option_is_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    sections = re.split(r"^## ", docs, flags=re.M)
    missing = []
    for name, command in _commands():
        section = next((s for s in sections if s.startswith(f"peacetrack {name}")), None)
        if section is None:
            missing.append(f"section for `peacetrack {name}`")
            continue
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and f"`{opt}" not in section:
                    missing.append(f"`{opt}` of `peacetrack {name}`")
    assert not missing, missing


def test_import_export_through_the_cli(cli: Any, db_url: str, tmp_path: Path) -> None:
    result = cli("--db", db_url, "import", str(MINI), "--format", "json")
    assert result.code == 0, result.err
    counts = orjson.loads(result.out)["counts"]
    assert counts["events"] == {"inserted": 2, "updated": 0, "unchanged": 0}
    # --db after the command works too, and stdout holds only the bundle
    exported = cli("export", "--db", db_url)
    assert exported.code == 0
    assert orjson.loads(exported.out)["format"] == "peacetrack/1"
    out = tmp_path / "tables.zip"
    assert cli("--db", db_url, "export", "--format", "csv", "--out", str(out)).code == 0
    import zipfile

    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert {"events.csv", "event_sources.csv", "provisions.csv"} <= names
        header = zf.read("provisions.csv").decode().splitlines()[0]
        assert "text_ko" in header


def test_bad_input_exits_2_with_file_place_and_reason(cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: peacetrack/1\nevents:\n  - id: x\n    date: 2019-13-01\n", encoding="utf-8")
    result = cli("--db", str(tmp_path / "db.sqlite"), "import", str(bad))
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert any(line.startswith(f"{bad}: $.events[0].date: ") for line in lines), lines
    assert lines[-1].endswith("problems; nothing was written.")


def test_csv_export_needs_out(cli: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")
    assert cli("--db", db, "import", str(MINI)).code == 0
    result = cli("--db", db, "export", "--format", "csv")
    assert result.code == 2 and "--out" in result.err


def test_history_json_and_as_of(cli: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")
    cli("--db", db, "import", str(MINI), "--author", "alice", "--reason", "first load")
    result = cli("--db", db, "history", "events", "2018-09-14-liaison-office-opens", "--format", "json")
    revs = orjson.loads(result.out)
    assert [r["op"] for r in revs] == ["insert"]
    assert revs[0]["author"] == "alice" and revs[0]["reason"] == "first load"
    before = cli(
        "--db",
        db,
        "history",
        "events",
        "2018-09-14-liaison-office-opens",
        "--at",
        "2000-01-01",
        "--format",
        "json",
    )
    assert orjson.loads(before.out) is None
    unknown = cli("--db", db, "history", "planets", "x")
    assert unknown.code == 2


def test_init_is_idempotent_and_outdated_schema_is_refused(cli: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")
    assert cli("--db", db, "init").code == 0
    again = cli("--db", db, "init")
    assert again.code == 0 and "already up to date" in again.err
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.commit()
    conn.close()
    result = cli("--db", db, "export")
    assert result.code == 2 and "peacetrack init" in result.err


@pytest.mark.parametrize("argv", [["-m", "peacetrack", "--help"]])
def test_python_dash_m(argv: list[str]) -> None:
    done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "import" in done.stdout


def test_user_commands_do_not_load_the_web_stack(tmp_path: Path) -> None:
    """Accounts live in peacetrack.accounts: managing users needs no web framework (issue 12)."""
    script = (
        "import sys\n"
        "from peacetrack.cli import main\n"
        "try:\n"
        f"    main(['--db', {str(tmp_path / 'u.db')!r}, 'user', 'add', 'ann', '--role', 'editor'])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print('web loaded' if {'fastapi', 'starlette'} & set(sys.modules) else 'web not loaded')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("web not loaded"), out.stdout


def test_every_setting_is_documented_once_as_declared() -> None:
    from peacetrack import settings

    docs = DOCS.read_text(encoding="utf-8")
    table = docs[docs.index("## Settings") :].split("\n## ")[0]
    rows = [line.split("|")[1:4] for line in table.splitlines() if line.startswith("| `PEACETRACK_")]
    documented = {name.strip(" `"): (default.strip(" `"), meaning.strip()) for name, default, meaning in rows}
    declared = {s.name: (s.default or "–", s.help) for s in settings.SETTINGS}
    assert documented == declared
    assert settings.get(settings.PRIVATE, {}) == "0"
    assert settings.get(settings.DB, {"PEACETRACK_DB": ""}) is None
