"""Benchmark: `wirewatch serve` under load, on 127.0.0.1 only, bounded in time and in requests.

The server runs as its own process (`wirewatch serve`) over a copy of the sample-corpus store. ``--clients``
clients (50) read mixed endpoints (JSON lists and filters, an article, a dyad, the network, dashboard pages) as
fast as they are answered for ``--seconds`` (60), while one writer posts a new article every second through
``POST /api/articles`` (the whole pipeline, then the writer's transaction). It reports the errors (any status
other than 200, or no answer), read latency (p50, p95, p99), reads per second, posts and their latency, and the
server's peak memory (VmHWM).

    .venv/bin/python benchmarks/bench_serve.py [--clients 50] [--seconds 60] [--max-requests 500000]
                                               [--post-every 1.0]   (0: reads alone)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from wirewatch import api

TOKEN = "benchmark-token-0123456789abcdef"
READS = ["/api/events?limit=50", "/api/events?source=RUS&limit=20", "/api/events?type=ASSAULT&all_modalities=true",
         "/api/actors?limit=20", "/api/quotes?limit=20", "/api/articles?limit=20", "/api/summary",
         "/api/dyad?source=RUS&target=UKR", "/api/network?edges=40", "/api/actors/country:RUS", "/",
         "/search?source=RUS", "/network", "/dyad?source=USA&target=CHN"]
COUNTRIES = ["Norway", "Chile", "Kenya", "Vietnam", "Peru", "Ghana", "Poland", "Canada", "Egypt", "Japan"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "WIREWATCH_API_TOKEN": TOKEN}
    command = [sys.executable, "-c", "from wirewatch.cli import main; main()", "serve", "--db", str(db),
               "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start: " + (server.stderr.read().decode() if server.stderr else ""))


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def reader(client: httpx.AsyncClient, n: int, until: float, budget: list[int], found: dict[str, list]) -> None:
    i = n
    while time.monotonic() < until and budget[0] > 0:
        budget[0] -= 1
        path = READS[i % len(READS)]
        i += 1
        began = time.perf_counter()
        try:
            response = await client.get(path)
            ok = response.status_code == 200
        except httpx.HTTPError as err:
            ok, response = False, err
        found["latency"].append(time.perf_counter() - began)
        if not ok:
            found["errors"].append(f"{path}: {response!r} after {time.perf_counter() - began:.1f} s")


async def post(client: httpx.AsyncClient, n: int, found: dict[str, list]) -> None:
    a, b = COUNTRIES[n % len(COUNTRIES)], COUNTRIES[(n * 3 + 1) % len(COUNTRIES)]
    text = f"{a} and {b} signed an agreement on fishing rights, number {n} of the year, on Monday."
    began = time.perf_counter()
    try:
        response = await client.post("/api/articles", content=text, params={"published": "2024-06-03"},
                                     headers={"Content-Type": "text/plain"})
        if response.status_code != 200:
            found["post_errors"].append(f"{response.status_code} {response.text[:200]}")
    except httpx.HTTPError as err:
        found["post_errors"].append(f"{err!r} after {time.perf_counter() - began:.1f} s")
    found["posts"].append(time.perf_counter() - began)


async def writer(client: httpx.AsyncClient, until: float, every: float, found: dict[str, list]) -> None:
    """A new article every ``every`` seconds (none when 0), whether or not the one before is answered yet."""
    sent, n = [], 0
    while every > 0 and time.monotonic() < until:
        sent.append(asyncio.create_task(post(client, n, found)))
        n += 1
        await asyncio.sleep(every)
    await asyncio.gather(*sent)


async def load(base: str, clients: int, seconds: float, max_requests: int, every: float) -> dict[str, list]:
    found: dict[str, list] = {"latency": [], "errors": [], "posts": [], "post_errors": []}
    limits = httpx.Limits(max_connections=clients + 100, max_keepalive_connections=clients + 100)  # posts queue up
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits, headers=headers) as client:
        await client.post("/api/articles", content="Warm-up: Iceland and Malta held talks on Monday.",
                          headers={"Content-Type": "text/plain"})  # loads the model before the clock starts
        until, budget = time.monotonic() + seconds, [max_requests]
        await asyncio.gather(writer(client, until, every, found),
                             *(reader(client, n, until, budget, found) for n in range(clients)))
    return found


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def report(found: dict[str, list], seconds: float, clients: int, every: float, rss: float) -> None:
    latency = found["latency"]
    posting = f"an article posted every {every:g} s" if every > 0 else "no posts"
    print(f"{clients} clients for {seconds:g} s on 127.0.0.1, {posting}")
    print(f"reads: {len(latency)} ({len(latency) / seconds:.0f}/s), errors {len(found['errors'])}; latency p50 "
          f"{percentile(latency, 0.5) * 1000:.0f} ms, p95 {percentile(latency, 0.95) * 1000:.0f} ms, "
          f"p99 {percentile(latency, 0.99) * 1000:.0f} ms")
    posts = found["posts"]
    print(f"posts: {len(posts)}, errors {len(found['post_errors'])}; latency median "
          f"{statistics.median(posts) * 1000:.0f} ms, max {max(posts) * 1000:.0f} ms" if posts else "posts: none")
    print(f"server peak memory (VmHWM): {rss:.0f} MiB")
    for error in (found["errors"] + found["post_errors"])[:10]:
        print("  error:", error)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=500_000, help="stop reading after this many")
    parser.add_argument("--post-every", type=float, default=1.0, help="seconds between posts (0: no posts)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        api.demo(db=db)
        port = free_port()
        server = start_server(db, port)
        try:
            found = asyncio.run(load(f"http://127.0.0.1:{port}", args.clients, args.seconds, args.max_requests,
                                     args.post_every))
            rss = peak_rss_mib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    report(found, args.seconds, args.clients, args.post_every, rss)
    if found["errors"] or found["post_errors"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
