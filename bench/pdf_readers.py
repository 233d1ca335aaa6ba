"""PDF readers side by side on the gold corpus's PDFs: pypdf's plain text layer (the first reader)
against pdfplumber's positioned lines rebuilt into paragraphs (the reader in use).

    python bench/pdf_readers.py

Prints seconds per page for each and, as a quality proxy, how many of the gold corpus's signatory and
session lines each keeps whole: the share of lines of the pdfplumber text that occur verbatim in the
other (wrapped prose and running headers break them). Field-level quality is bench/ingest_eval.py's
`format:pdf` rows, run against the version before the change.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

from pypdf import PdfReader

from peacetrack.pipeline.read.pdf import pdf_to_text

GOLD = Path(__file__).resolve().parent / "ingest_gold"


def main() -> None:
    files = sorted(GOLD.glob("*/*.pdf"))
    pages = 0
    plumber_s = pypdf_s = 0.0
    kept = total = 0
    for path in files:
        data = path.read_bytes()
        start = time.perf_counter()
        reader = PdfReader(io.BytesIO(data))
        plain = "\n".join(page.extract_text() or "" for page in reader.pages)
        pypdf_s += time.perf_counter() - start
        pages += len(reader.pages)
        start = time.perf_counter()
        rebuilt, _ = pdf_to_text(data, str(path))
        plumber_s += time.perf_counter() - start
        flat = " ".join(plain.split())
        for block in rebuilt.split("\n\n"):
            for line in block.split("\n"):
                if len(line) > 20:
                    total += 1
                    kept += " ".join(line.split()) in flat
    print(f"{len(files)} PDFs, {pages} pages")
    print(f"pypdf extract_text: {pypdf_s / pages * 1000:.1f} ms/page")
    print(f"pdfplumber + layout: {plumber_s / pages * 1000:.1f} ms/page (x{plumber_s / pypdf_s:.1f})")
    print(f"rebuilt lines found whole in pypdf's text: {kept}/{total} ({kept / total:.0%})")


if __name__ == "__main__":
    main()
