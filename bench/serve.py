"""Benchmark of `peacetrack serve` (issue 7): throughput and tail latency under load.

Starts `peacetrack serve` on loopback with the Korean Peninsula dataset (the MINI
fixture if that import fails) in a temporary SQLite file, then drives each
target for a fixed time with `wrk` (Debian package `wrk`) or, without it, a
small asyncio load generator, at 50 connections:

  baseline   GET /api/health            trivial JSON, no database
  scores     GET /api/scores            SPEC section 3 rows as of today
  scores-304 GET /api/scores            with If-None-Match: the cached path
  overview   GET /                      the dashboard page (skipped if not there)
  events     GET /api/events?limit=50   a page of the timeline
  search     GET /api/search?q=연락사무소  Korean substring search
  link       GET /api/link?text=…       one text again and again (kept answers)

and prints req/s, p50, p99 and the ratio of req/s to the baseline. Targets:
scores and overview at least half the baseline's req/s, p99 under 100 ms.
Then `link-distinct`: every text of bench/link_gold.yaml once, one request at
a time, so each is linked afresh (no kept answer): p50 and p99 per request.

    .venv/bin/python bench/serve.py [--duration 10] [--connections 50] [--workers 1] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

import httpx
import orjson
import yaml

HOST = "127.0.0.1"  # loopback only
PEACETRACK = [sys.executable, "-m", "peacetrack"]
MINI = Path(__file__).resolve().parent.parent / "src" / "peacetrack" / "fixtures" / "mini.yaml"


@dataclass
class Result:
    name: str
    path: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    tool: str
    ratio: float | None = None


def link_distinct(base: str) -> Result:
    """Each gold text once, sequentially: what linking a new text costs a client, cache or not."""
    gold = Path(__file__).resolve().parent / "link_gold.yaml"
    texts = [x["text"] for x in yaml.safe_load(gold.read_text("utf-8"))["items"]]
    took: list[float] = []
    errors = 0
    with httpx.Client(base_url=base, timeout=30) as client:
        client.get("/api/link", params={"text": "warm-up 준비"})
        start = time.perf_counter()
        for text in texts:
            t0 = time.perf_counter()
            errors += client.get("/api/link", params={"text": text}).status_code != 200
            took.append((time.perf_counter() - t0) * 1000)
        elapsed = time.perf_counter() - start
    took.sort()
    p50, p99 = took[len(took) // 2], took[min(len(took) - 1, int(len(took) * 0.99))]
    return Result(
        "link-distinct",
        "/api/link?text=<each gold text>",
        round(len(texts) / elapsed, 1),
        round(p50, 2),
        round(p99, 2),
        errors,
        "httpx, 1 connection",
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def load_data(db: Path) -> str:
    """Import the bundled dataset; MINI if that fails. Returns what was loaded."""
    for source, label in (("@korean-peninsula", "korean-peninsula"), (str(MINI), "mini")):
        done = subprocess.run(
            [*PEACETRACK, "--db", str(db), "import", source, "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode == 0:
            return label
        print(f"import {source} failed: {done.stderr.strip()[:300]}", file=sys.stderr)
    raise SystemExit("could not load any data")


@contextmanager
def server(db: Path, port: int, workers: int) -> Iterator[str]:
    command = [*PEACETRACK, "--db", str(db), "serve", "--host", HOST, "--port", str(port)]
    proc = subprocess.Popen(
        [*command, "--workers", str(workers), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise SystemExit(f"server exited: {err[-500:]}")
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("server did not start within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


# --- wrk -----------------------------------------------------------------------------------------

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text.strip())
    if not m:
        raise ValueError(f"unreadable latency {text!r}")
    return float(m.group(1)) * _UNITS[m.group(2)]


def run_wrk(
    url: str, seconds: int, connections: int, headers: dict[str, str]
) -> tuple[float, float, float, int]:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for key, value in headers.items():
        args += ["-H", f"{key}: {value}"]
    out = subprocess.run(
        [*args, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = 0
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out):
        errors += int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(g) for g in m.groups())
    return rps, p50, p99, errors


# --- fallback: asyncio load generator ----------------------------------------------------------


async def _drive(
    url: str, seconds: int, connections: int, headers: dict[str, str]
) -> tuple[list[float], int]:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=5, headers=headers) as client:
        stop = time.monotonic() + seconds

        async def worker() -> None:
            nonlocal errors
            while time.monotonic() < stop:  # bounded by the duration
                start = time.perf_counter()
                try:
                    response = await client.get(url)
                    if response.status_code >= 400:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append((time.perf_counter() - start) * 1000)

        await asyncio.gather(*(worker() for _ in range(connections)))
    return latencies, errors


def run_python(
    url: str, seconds: int, connections: int, headers: dict[str, str]
) -> tuple[float, float, float, int]:
    latencies, errors = asyncio.run(_drive(url, seconds, connections, headers))
    latencies.sort()
    if not latencies:
        return 0.0, 0.0, 0.0, errors

    def pick(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))]

    return len(latencies) / seconds, pick(0.5), pick(0.99), errors


# --- main ----------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per target")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1, help="server worker processes")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", nargs="*", help="run only these targets (the baseline always runs)")
    args = parser.parse_args()
    tool = args.tool if args.tool != "auto" else ("wrk" if shutil.which("wrk") else "python")
    drive = run_wrk if tool == "wrk" else run_python

    with tempfile.TemporaryDirectory(prefix="peacetrack-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        dataset = load_data(db)
        env_note = (
            f"dataset {dataset}, {args.workers} worker(s), {args.connections} connections, {args.duration} s"
        )
        print(f"serve benchmark: {env_note}, load by {tool}", file=sys.stderr)
        if tool == "python":  # one Python process cannot keep a server busy at 50 connections
            print(
                "caution: without wrk the load generator saturates a core by itself, so these figures "
                "measure the client more than the server (apt-get install wrk)",
                file=sys.stderr,
            )
        os.environ.pop("PEACETRACK_DB", None)
        with server(db, free_port(), args.workers) as base:
            etag = httpx.get(f"{base}/api/scores").headers["etag"]
            overview = httpx.get(f"{base}/")
            targets: list[tuple[str, str, dict[str, str]]] = [
                ("baseline", "/api/health", {}),
                ("scores", "/api/scores", {}),
                ("scores-304", "/api/scores", {"If-None-Match": etag}),
            ]
            if overview.status_code == 200 and overview.headers.get("content-type", "").startswith(
                "text/html"
            ):
                targets.append(("overview", "/", {}))
            else:
                print(f"overview page / skipped: it answers {overview.status_code}", file=sys.stderr)
            targets += [
                ("events", "/api/events?limit=50", {}),
                ("search", f"/api/search?q={quote('연락사무소')}", {}),
                ("link", f"/api/link?text={quote('북한이 개성 연락사무소를 폭파했다')}", {}),
            ]
            if args.only:
                targets = [t for t in targets if t[0] == "baseline" or t[0] in args.only]
            results: list[Result] = []
            for name, path, headers in targets:
                for _ in range(2):  # warm caches (scoring index, templates) before measuring
                    httpx.get(base + path, headers=headers, timeout=30)
                rps, p50, p99, errors = drive(base + path, args.duration, args.connections, headers)
                results.append(Result(name, path, round(rps, 1), round(p50, 2), round(p99, 2), errors, tool))
            if not args.only or "link-distinct" in args.only:
                results.append(link_distinct(base))
    baseline = results[0].requests_per_s
    for r in results:
        r.ratio = round(r.requests_per_s / baseline, 3) if baseline else None
    if args.json:
        sys.stdout.buffer.write(
            orjson.dumps([asdict(r) for r in results], option=orjson.OPT_INDENT_2) + b"\n"
        )
        return
    print(f"{'target':<11} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs base':>8} {'errors':>7}  path")
    for r in results:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        figures = f"{r.requests_per_s:>9.1f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} {ratio:>8} {r.errors:>7}"
        print(f"{r.name:<11} {figures}  {r.path}")
    for r in results:
        if r.name in {"scores", "overview"}:
            ok = (r.ratio or 0) >= 0.5 and r.p99_ms < 100
            print(f"target {r.name}: ratio >= 0.5 and p99 < 100 ms: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
