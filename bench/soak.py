"""Soak test of `peacetrack serve` (issue 14): readers, editors and an ingest at once, for minutes.

Starts `peacetrack serve` on loopback on a fresh SQLite file with the Korean Peninsula dataset and an
editor, then runs two phases of the same length side by side:

  mixed   N reader threads (pages and API reads), editors writing assessments 2 times a second
          (each with an Idempotency-Key), and one `peacetrack ingest` of generated documents running
  reads   the same readers alone (the baseline)

and reports requests/s, p50/p99 of reads and of writes, errors (any 5xx but a 503, and transport
errors), 503s (the bounded write queue saying "busy"), the server's resident memory at the start,
at the 20% mark and at the end, and whether every acknowledged write is in the database afterwards.

    .venv/bin/python bench/soak.py [--duration 600] [--readers 50] [--docs 200] [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import orjson

HERE = Path(__file__).resolve().parent


def _bench(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


serve = _bench("serve")
generated = _bench("ingest")

READS = [
    "/",
    "/agreements/cma-2018",
    "/events",
    "/environment",
    "/forward",
    "/api/scores",
    "/api/scores?by=theme",
    "/api/events?limit=50",
    "/api/search?q=liaison",
    "/api/environment",
    "/api/steps",
]


@dataclass
class Phase:
    name: str
    seconds: float
    reads: int = 0
    writes: int = 0
    errors: int = 0
    busy: int = 0
    read_ms: list[float] = field(default_factory=list)
    write_ms: list[float] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    rss_mb: dict[str, float] = field(default_factory=dict)
    lost: int | None = None
    ingest: str = ""

    def summary(self) -> dict[str, Any]:
        def pct(values: list[float], q: float) -> float | None:
            if not values:
                return None
            ordered = sorted(values)
            return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)

        return {
            "phase": self.name,
            "requests_per_s": round((self.reads + self.writes) / self.seconds, 1),
            "reads": self.reads,
            "read_p50_ms": pct(self.read_ms, 0.50),
            "read_p99_ms": pct(self.read_ms, 0.99),
            "writes": self.writes,
            "write_p50_ms": pct(self.write_ms, 0.50),
            "write_p99_ms": pct(self.write_ms, 0.99),
            "errors": self.errors,
            "busy_503": self.busy,
            "rss_mb": self.rss_mb,
            "lost_writes": self.lost,
            "ingest": self.ingest,
        }


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def reader(base: str, until: float, phase: Phase, lock: threading.Lock, seed: int) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            path = rng.choice(READS)
            t0 = time.perf_counter()
            try:
                status = client.get(path).status_code
            except httpx.HTTPError:
                status = -1
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                phase.reads += 1
                phase.read_ms.append(ms)
                if status == 503:
                    phase.busy += 1
                elif status < 0 or status >= 500:
                    phase.errors += 1


def writer(
    base: str, token: str, until: float, phase: Phase, lock: threading.Lock, targets: dict[str, Any]
) -> None:
    rng = random.Random(7)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, timeout=30, headers=headers) as client:
        next_at = time.monotonic()
        while time.monotonic() < until:
            time.sleep(max(0.0, next_at - time.monotonic()))
            next_at += 0.5  # two writes a second
            body = {
                "provision": rng.choice(targets["provisions"]),
                "as_of": date.today().isoformat(),
                "level": rng.randrange(4),
                "evidence": [rng.choice(targets["events"])],
                "note": "soak test",
            }
            key = str(uuid.uuid4())
            t0 = time.perf_counter()
            try:
                answer = client.post("/api/assessments", json=body, headers={"Idempotency-Key": key})
                status = answer.status_code
            except httpx.HTTPError:
                answer, status = None, -1
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                phase.writes += 1
                phase.write_ms.append(ms)
                if status == 201 and answer is not None:
                    phase.acknowledged.append(answer.json()["id"])
                elif status == 503:
                    phase.busy += 1
                else:
                    phase.errors += 1


def run_phase(
    name: str, base: str, pid: int, seconds: float, readers: int, writes: bool, token: str,
    targets: dict[str, Any], ingest: list[str] | None,
) -> Phase:  # fmt: skip
    phase = Phase(name, seconds)
    lock = threading.Lock()
    phase.rss_mb["start"] = rss_mb(pid)
    start = time.monotonic()
    until = start + seconds
    threads = [
        threading.Thread(target=reader, args=(base, until, phase, lock, i), daemon=True)
        for i in range(readers)
    ]
    if writes:
        threads.append(
            threading.Thread(target=writer, args=(base, token, until, phase, lock, targets), daemon=True)
        )
    ingesting = (
        subprocess.Popen(ingest, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) if ingest else None
    )
    ingest_ended: list[float] = []

    def watch(process: subprocess.Popen[bytes]) -> None:  # when the ingest ended, not when the phase did
        process.wait()
        ingest_ended.append(time.monotonic())

    if ingesting is not None:
        threading.Thread(target=watch, args=(ingesting,), daemon=True).start()
    for t in threads:
        t.start()
    time.sleep(seconds * 0.2)
    phase.rss_mb["at_20pct"] = rss_mb(pid)
    for t in threads:
        t.join(timeout=seconds + 60)
    phase.rss_mb["end"] = rss_mb(pid)
    if ingesting is not None:
        code = ingesting.wait(timeout=1800)
        took = (ingest_ended[0] if ingest_ended else time.monotonic()) - start
        phase.ingest = f"exit {code} after {took:.0f} s"
    return phase


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=float, default=600, help="seconds per phase")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="peacetrack-soak-") as tmp:
        folder = Path(tmp)
        db = folder / "soak.db"
        serve.load_data(db)
        added = subprocess.run(
            [*serve.PEACETRACK, "--db", str(db), "user", "add", "soak-editor", "--role", "editor"],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        token = added.stdout.strip().splitlines()[-1]
        docs_dir = folder / "docs"
        docs_dir.mkdir()
        for doc in generated.corpus(args.docs, 2026):
            (docs_dir / doc.name).write_bytes(doc.data)
        ingest = [*serve.PEACETRACK, "--db", str(db), "ingest", str(docs_dir), "--author", "soak-ingest"]
        port = serve.free_port()
        command = [*serve.PEACETRACK, "--db", str(db), "serve", "--host", serve.HOST, "--port", str(port)]
        proc = subprocess.Popen([*command, "--log-level", "warning"], stdout=subprocess.DEVNULL)
        base = f"http://{serve.HOST}:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
                if time.monotonic() > deadline:
                    raise SystemExit("server did not start")
            events = httpx.get(f"{base}/api/events", params={"limit": 200, "to": "2024-12-31"}).json()[
                "items"
            ]
            provisions = [p["id"] for p in httpx.get(f"{base}/api/agreements/cma-2018").json()["provisions"]]
            targets = {"events": [e["id"] for e in events], "provisions": provisions}
            for path in READS:  # warm the kept values, as a running site has them
                httpx.get(base + path, timeout=60)
            mixed = run_phase(
                "mixed", base, proc.pid, args.duration, args.readers, True, token, targets, ingest
            )
            reads = run_phase(
                "reads", base, proc.pid, args.duration, args.readers, False, token, targets, None
            )
            with httpx.Client(base_url=base, timeout=30) as client:
                missing = [
                    a for a in mixed.acknowledged if client.get(f"/api/assessments/{a}").status_code != 200
                ]
            mixed.lost = len(missing)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    rows = [mixed.summary(), reads.summary()]
    ratio = rows[0]["requests_per_s"] / rows[1]["requests_per_s"] if rows[1]["requests_per_s"] else None
    if args.json:
        print(orjson.dumps({"phases": rows, "throughput_ratio": ratio}, option=orjson.OPT_INDENT_2).decode())
        return
    for row in rows:
        print(" ".join(f"{k}={v}" for k, v in row.items()))
    print(f"throughput mixed/reads = {ratio:.2f}" if ratio else "no reads")
    for row in rows:
        rss = row["rss_mb"]
        if rss.get("at_20pct"):
            print(f"{row['phase']}: memory end/20% = {rss['end'] / rss['at_20pct']:.2f}")
    print(f"acknowledged writes: {len(mixed.acknowledged)}, lost: {mixed.lost}")
    _ = statistics, asdict


if __name__ == "__main__":
    main()
