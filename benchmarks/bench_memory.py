"""Benchmark: peak memory (RSS) of ``wirewatch extract`` and of ``wirewatch batch`` workers, at 200 and N articles.

The articles are the 200 longest NAEB texts (``../shared/eval/article_extraction/naeb/news_articles.json``, some
1,560 words on average), written as JSON Lines to a temporary folder. N articles repeat them; each repeat has its
digits shifted (new numbers, new strings for spaCy's vocabulary, as new articles bring), and near-duplicate
detection is off in every run (a repeat would be stored as a copy, not parsed). Each command runs in its own process:
its own peak and those of its child processes (parsing workers, batch workers) are the kernel's ``VmHWM`` in
``/proc``, read every 0.2 s while they live. Memory, not time: the figures hold on a busy machine.

    python benchmarks/bench_memory.py [--articles 200 5000] [--processes 1 auto] [--batch-workers 2] [--no-batch]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

NAEB = Path(__file__).resolve().parents[2] / "shared" / "eval" / "article_extraction" / "naeb" / "news_articles.json"
RUN = "import sys; from wirewatch.cli import main; sys.exit(main())"
SHIFT = str.maketrans("0123456789", "1234567890")


def write_corpus(path: Path, articles: int) -> None:
    """The 200 longest NAEB texts as JSON Lines, repeated (digits shifted each time) up to ``articles``."""
    records = json.loads(NAEB.read_text(encoding="utf-8"))
    longest = sorted(records, key=lambda r: -len(r["text"]))[:200]
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            record = longest[n % len(longest)]
            text = record["text"]
            for _ in range(n // len(longest)):
                text = text.translate(SHIFT)
            out.write(json.dumps({"id": f"{record['id']}-{n}", "text": text}) + "\n")


def _children(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                kids = {int(k) for k in task.read_text().split()}
            except OSError:
                continue
            todo.extend(kids - found)
            found |= kids
    return found


def _hwm(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measure(args: list[str], env: dict[str, str]) -> tuple[int, int, int, str, int]:
    """Run wirewatch with ``args``: its exit status, its peak RSS, the largest child's peak, its time (wall clock
    and CPU, its own and its reaped children's), and how many child processes were seen."""
    import subprocess

    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RUN, *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peaks: dict[int, int] = {}
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        for child in {proc.pid, *_children(proc.pid)}:
            peaks[child] = max(peaks.get(child, 0), _hwm(child))
        time.sleep(0.2)
    if status:
        sys.stderr.write(proc.stderr.read().decode("utf-8", "replace")[-2000:] if proc.stderr else "")
    if proc.stderr:
        proc.stderr.close()
    children = [p for pid, p in peaks.items() if p and pid != proc.pid]
    own = max(peaks.get(proc.pid, 0), 0 if children else usage.ru_maxrss * 1024)  # wait4: exact when childless
    seconds = f"{time.perf_counter() - started:.0f} s, {usage.ru_utime + usage.ru_stime:.0f} CPU s"
    return os.waitstatus_to_exitcode(status), own, max(children, default=0), seconds, len(children)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[200, 5000], help="corpus sizes (default 200 5000)")
    parser.add_argument("--processes", nargs="+", default=["1", "auto"], help="model.n_process values for extract")
    parser.add_argument("--batch-workers", type=int, default=2, help="workers of the batch runs (default 2)")
    parser.add_argument("--no-batch", action="store_true", help="measure extract only")
    args = parser.parse_args(argv)
    if not NAEB.is_file():
        print(f"{NAEB} not found: the benchmark needs ../shared")
        return 1
    mib = 2**20
    with tempfile.TemporaryDirectory() as tmp:
        for articles in args.articles:
            corpus = Path(tmp) / f"naeb-{articles}.jsonl"
            write_corpus(corpus, articles)
            for processes in args.processes:
                env = {**os.environ, "WIREWATCH_DEDUP_ENABLED": "false", "WIREWATCH_MODEL_N_PROCESS": processes}
                code, peak, child, seconds, n = measure(["-q", "extract", str(corpus)], env)
                print(f"extract, {articles} articles, model.n_process={processes}: exit {code}, peak RSS "
                      f"{peak / mib:.0f} MiB main process, {child / mib:.0f} MiB largest of {n} child processes "
                      f"({seconds})", flush=True)
            if args.no_batch:
                continue
            env = {**os.environ, "WIREWATCH_DEDUP_ENABLED": "false"}
            out = Path(tmp) / f"batch-{articles}"
            code, peak, child, seconds, n = measure(
                ["-q", "batch", str(corpus), "--out", str(out), "--workers", str(args.batch_workers)], env)
            print(f"batch --workers {args.batch_workers}, {articles} articles: exit {code}, peak RSS "
                  f"{peak / mib:.0f} MiB driver, {child / mib:.0f} MiB largest of {n} worker processes "
                  f"({seconds})", flush=True)
    print("reproduce: python benchmarks/bench_memory.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
