"""Fixtures for the ingest pipeline tests: a small actor registry written for them, and the corpus."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from peacetrack.bundle.integrity import records_from_bundles
from peacetrack.model.records import Actor, Agreement, Process
from peacetrack.pipeline import Pipeline, Registry, Result, load_resources, to_output
from peacetrack.pipeline.case import knowing
from peacetrack.pipeline.registry import group_words
from peacetrack.pipeline.resources import Resources

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
SEEDS = CORPUS / "seeds"


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The engine's resources with the Korean case's agreement names and places, as a store holding it
    gives them."""
    case = records_from_bundles(["@korean-peninsula"])
    agreements = [a for a in case["agreements"] if isinstance(a, Agreement)]
    processes = [p for p in case["processes"] if isinstance(p, Process)]
    return knowing(load_resources(), agreements, processes)


@pytest.fixture(scope="session")
def actors() -> list[Actor]:
    raw = yaml.safe_load((HERE / "actors.yaml").read_text(encoding="utf-8"))
    return [Actor.model_validate(item) for item in raw]


@pytest.fixture(scope="session")
def registry(actors: list[Actor], resources: Resources) -> Registry:
    processes = [
        p for p in records_from_bundles(["@korean-peninsula"])["processes"] if isinstance(p, Process)
    ]
    return Registry(actors, group_words(processes))


@pytest.fixture(scope="session")
def pipeline(registry: Registry, resources: Resources) -> Pipeline:
    return Pipeline(registry=registry, resources=resources)


class Ingested:
    """One document run through the pipeline, with its SPEC output at hand."""

    def __init__(self, result: Result) -> None:
        assert result.ok, result.error
        self.result = result
        self.out: dict[str, Any] = to_output(result)

    @property
    def text(self) -> str:
        assert self.result.document is not None
        return self.result.document.text


@pytest.fixture(scope="session")
def ingest(pipeline: Pipeline) -> Callable[[Path], Ingested]:
    cache: dict[Path, Ingested] = {}

    def run(path: Path) -> Ingested:
        if path not in cache:
            cache[path] = Ingested(pipeline.run_file(path))
        return cache[path]

    return run


# Test inputs made in code (no binary fixtures in the repository).


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A one-page PDF 1.4 written by hand: Helvetica text, a correct cross-reference table."""
    content = "BT /F1 11 Tf 72 760 Td 14 TL\n"
    content += "".join(f"({_escape(line)}) Tj T*\n" for line in lines)
    content += "ET"
    stream = content.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    if title is not None:
        objects.append(b"<< /Title (" + _escape(title).encode("latin-1") + b") >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    info = b" /Info %d 0 R" % len(objects) if title is not None else b""
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info, xref)
    )
    return out.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None, title: str | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    if title is not None:
        document.core_properties.title = title
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="session")
def pdf_bytes() -> Callable[..., bytes]:
    return make_pdf


@pytest.fixture(scope="session")
def docx_bytes() -> Callable[..., bytes]:
    return make_docx


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS
