"""The whole pipeline at scale: the real `claimhouse run`, as a process, over generated news.

    python -m benchmarks.bench_pipeline [--sizes 2000,10000] [--baseline-sizes 2000] [--workers 2]
                                        [--seed 0] [--popular-facts 40] [--popular-share 0.04]
                                        [--changed-share 0.01] [--api server|temporary]
                                        [--memory-limit 512MB]
                                        [--timeout 3600] [--output PATH]

Corpus: N Markdown documents with front matter, each 4-9 short paragraphs of news with
figures (places, years, amounts, percentages, counts), made by a seeded random.Random. A
`popular-share` of the paragraphs states one of `popular-facts` shared facts instead, chosen
with Zipf-skewed weights (1/rank), so that the first facts are stated by many documents.

For each N, in a fresh temporary folder and DuckDB warehouse:
  first run, 1 worker     only for N in --baseline-sizes: the 1-worker extraction rate
  first run, W workers    the first run every re-run ratio is taken against
  unchanged re-run        the W-worker warehouse again, nothing touched
  1 %-changed re-run      `changed-share` of the files get one more paragraph
Each run reports wall time and CPU time (user + sys of the run and every process it waited
for: its worker processes), documents/s, peak RSS (the sum over the run's process tree,
polled from /proc every 0.2 s, and the run's own process alone), the extraction stage's own
seconds (the flow's "extracted N documents ... in X s" log line), and the rows in each table.

--api server (the default) starts one `prefect server start` for the whole benchmark and
points every run at it, as served runs are; --api temporary lets each run start Prefect's
temporary API itself (a child process, then in the tree's RSS), whose start-up alone takes
tens of seconds on a loaded machine.

Prints a table and writes benchmarks/results/pipeline.json. The machine may be shared:
compare ratios within one benchmark run, and CPU seconds rather than wall seconds; the load
average at the start of each run is recorded beside it.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from benchmarks.provenance import git, package_version

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "pipeline.json"
CLAIMHOUSE = Path(sys.executable).with_name("claimhouse")
BASELINE = "first run, 1 worker"
POLL_S = 0.2
STARTUP_TIMEOUT = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"

PLACES = ("Kenya", "Chile", "Peru", "Ghana", "Norway", "Japan", "Brazil", "Mexico", "Spain", "Egypt",
          "Canada", "India", "Poland", "Vietnam", "Morocco", "Finland", "Colombia", "Nigeria", "Greece", "Chile")
YEARS = tuple(range(2015, 2025))  # of the popular facts
BACKGROUND_YEARS = tuple(range(1990, 2025))  # of the other figures: most of them are facts of a few documents
MONTHS = ("January", "March", "May", "July", "September", "November")
# (subject phrase, unit phrase, value range, decimals)
FIGURES = (
    ("unemployment", "percent", (2.0, 25.0), 1),
    ("inflation", "percent", (0.5, 15.0), 1),
    ("exports", "billion dollars", (1.0, 400.0), 1),
    ("the population", "million people", (1.0, 140.0), 1),
    ("rice production", "million tonnes", (0.5, 60.0), 1),
    ("tourist arrivals", "million", (0.2, 90.0), 1),
    ("the budget deficit", "percent of GDP", (0.5, 12.0), 1),
    ("new homes", "homes", (1000, 90000), 0),
)
OPENERS = ("Officials said on Tuesday that", "According to the statistics office,", "A new report shows that",
           "Figures released this week show that", "The ministry said", "Analysts noted that")
TAILS = ("the ministry said.", "officials added.", "according to the report.", "a spokesperson said.")
FILLER = ("The figures were published alongside a review of the year.",
          "Opposition parties questioned the methodology.",
          "Economists expect the trend to continue.")


def _figure(rng: random.Random, k: int) -> str:
    _, _, (lo, hi), decimals = FIGURES[k]
    value = rng.uniform(lo, hi)
    return f"{value:,.{decimals}f}" if decimals else f"{round(value):,}"


def popular_facts(rng: random.Random, n: int) -> list[str]:
    """Sentences of n shared facts, each with one fixed figure."""
    facts = []
    for _ in range(n):
        k = rng.randrange(len(FIGURES))
        subject, unit, _, _ = FIGURES[k]
        facts.append(f"In {rng.choice(YEARS)}, {subject} in {rng.choice(PLACES)} was {_figure(rng, k)} {unit}, "
                     f"{rng.choice(TAILS)}")
    return facts


def paragraph(rng: random.Random, facts: list[str], weights: list[float], popular_share: float) -> str:
    if rng.random() < popular_share:
        return rng.choices(facts, weights)[0]
    k = rng.randrange(len(FIGURES))
    subject, unit, _, _ = FIGURES[k]
    place, year = rng.choice(PLACES), rng.choice(BACKGROUND_YEARS)
    text = f"{rng.choice(OPENERS)} {subject} in {place} reached {_figure(rng, k)} {unit} in {year}."
    if rng.random() < 0.5:
        text += (f" Some {rng.randrange(20, 5000):,} inspectors visited {rng.randrange(3, 400)} sites in {place} "
                 f"in {rng.choice(MONTHS)} {year}, and about {rng.randrange(2, 60)} percent failed.")
    if rng.random() < 0.3:
        text += " " + rng.choice(FILLER)
    return text


def write_corpus(folder: Path, n: int, seed: int, n_facts: int, popular_share: float) -> None:
    rng = random.Random(seed)
    facts = popular_facts(random.Random(seed + 1), n_facts)
    weights = [1 / rank for rank in range(1, n_facts + 1)]  # Zipf, s = 1
    for i in range(n):
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(paragraph(rng, facts, weights, popular_share) for _ in range(rng.randint(4, 9)))
        (sub / f"story-{i:06d}.md").write_text(
            f"---\ntitle: Story {i}\nurl: https://news.example.org/{i}\npublished: 2024-{1 + i % 12:02d}-"
            f"{1 + i % 28:02d}\n---\n{body}\n", encoding="utf-8")


def change_files(folder: Path, share: float, seed: int) -> int:
    files = sorted(folder.rglob("*.md"))
    chosen = random.Random(seed + 2).sample(files, max(1, round(len(files) * share)))
    for path in chosen:
        path.write_text(path.read_text(encoding="utf-8") + "\nA later update put the total at "
                        f"{random.Random(str(path)).randrange(100, 9000):,} people, officials said.\n",
                        encoding="utf-8")
    return len(chosen)


# ---- memory of a process tree, from /proc ------------------------------------------------

def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as kids:
                found += [int(k) for k in kids.read().split()]
    except OSError:
        pass
    return found


def tree_rss_kib(pid: int) -> tuple[int, int]:
    """(RSS of pid and all its descendants, RSS of pid alone), in KiB."""
    total, todo, own = 0, [pid], _rss_kib(pid)
    while todo:
        p = todo.pop()
        total += _rss_kib(p)
        todo += _children(p)
    return total, own


# a run's phases, told apart by the progress lines that end them (flows/progress.py, `Lines`):
# the samples after "rows stored ... done" and before "linking (done ...)" are the link step's
PHASES = ("fetch", "extract", "store", "link", "findings and commit")
PHASE_ENDS = {"sources fetched": 1, "documents extracted": 2, "rows stored": 3, "linking": 4}
PHASE_END_LINE = re.compile(r"^(sources fetched|documents extracted|rows stored|linking)\b.*\bdone in ")


class PeakMemory(threading.Thread):
    """Peak RSS of a process tree, overall and in each phase of the run (`phase` is moved on by
    the thread that reads the run's output)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.tree, self.own = pid, 0, 0
        self.phase = 0
        self.by_phase: dict[str, list[int]] = {}  # phase -> [tree peak, own peak] in KiB
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            tree, own = tree_rss_kib(self.pid)
            self.tree, self.own = max(self.tree, tree), max(self.own, own)
            peaks = self.by_phase.setdefault(PHASES[self.phase], [0, 0])
            peaks[0], peaks[1] = max(peaks[0], tree), max(peaks[1], own)
            self.stopped.wait(POLL_S)

    def phase_line(self, line: str) -> None:
        match = PHASE_END_LINE.match(line)
        if match:
            self.phase = max(self.phase, PHASE_ENDS[match[1]])

    def phase_peaks_mb(self) -> dict[str, dict[str, float]]:
        return {phase: {"tree": round(tree / 1024, 1), "run": round(own / 1024, 1)}
                for phase, (tree, own) in self.by_phase.items()}


# ---- one run -----------------------------------------------------------------------------

EXTRACT_LINE = re.compile(r"extracted (\d+) documents in (\d+) batches in ([\d.]+) s")
TABLES = ("document_versions", "claim_rows", "claim_groups", "rejected", "fetch_rows")


def table_rows(db: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}  # noqa: S608 - fixed names
    finally:
        con.close()


def prefect_env(prefect_home: Path, api_url: str | None) -> dict[str, str]:
    env = dict(os.environ, PREFECT_HOME=str(prefect_home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.setdefault(STARTUP_TIMEOUT, "300")  # a loaded machine starts Prefect's temporary API slowly
    env.pop("PREFECT_API_URL", None)
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrefectServer:
    """`prefect server start` on 127.0.0.1 for the benchmark's runs (stopped on exit)."""

    def __init__(self, prefect_home: Path, timeout: float = 300.0) -> None:
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}/api"
        prefect = Path(sys.executable).with_name("prefect")
        self.log = (prefect_home.parent / "prefect-server.log").open("w")
        self.proc = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                     env=prefect_env(prefect_home, None), stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"prefect server start exited {self.proc.returncode}: see {self.log.name}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    pass
                with urllib.request.urlopen(self.url + "/health", timeout=5) as reply:  # noqa: S310 - 127.0.0.1
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(1)
        raise SystemExit(f"prefect server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


ARTIFACTS_FAILED = "could not publish the run's artifacts"  # flows/artifacts.py after_run


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(label: str, corpus: Path, db: Path, workers: int, prefect_home: Path, timeout: float,
             api_url: str | None = None, memory_limit: str | None = None) -> dict:
    env = prefect_env(prefect_home, api_url)
    load = os.getloadavg()[0]
    cpu_before = _children_cpu_s()
    started = time.monotonic()
    limit = ["--memory-limit", memory_limit] if memory_limit else []
    proc = subprocess.Popen([str(CLAIMHOUSE), "run", "--source", str(corpus), "--db", str(db),
                             "--workers", str(workers), *limit], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    peak = PeakMemory(proc.pid)
    peak.start()
    lines: list[str] = []

    def read() -> None:
        for line in proc.stdout:
            lines.append(line)
            peak.phase_line(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise SystemExit(f"{label}: claimhouse run did not end within {timeout:.0f} s") from None
    reader.join()
    out = "".join(lines)
    seconds = time.monotonic() - started
    cpu_s = _children_cpu_s() - cpu_before  # the run and the worker processes it waited for
    peak.stopped.set()
    peak.join()
    if proc.returncode != 0:
        raise SystemExit(f"{label}: claimhouse run exited {proc.returncode}:\n{out[-4000:]}")
    match = EXTRACT_LINE.search(out)
    summary = {k: int(v) for k, v in re.findall(r"(new|changed|unchanged|stored) (\d+)", out)}
    return {"run": label, "workers": workers, "seconds": round(seconds, 2), "cpu_seconds": round(cpu_s, 2),
            "load_average_1min": load,
            "peak_rss_tree_mb": round(peak.tree / 1024, 1), "peak_rss_run_mb": round(peak.own / 1024, 1),
            "peak_rss_by_phase_mb": peak.phase_peaks_mb(), "memory_limit": memory_limit or "default",
            "extracted_documents": int(match[1]) if match else None,
            "extract_seconds": float(match[3]) if match else None, "summary": summary, "rows": table_rows(db),
            # a run whose report on itself failed still exits 0 (its data is committed): say so here
            "artifacts_published": ARTIFACTS_FAILED not in out,
            "warnings": [line.strip()[:300] for line in out.splitlines() if "| WARNING |" in line][:20]}


def bench_size(n: int, args: argparse.Namespace, tmp: Path, home: Path, api_url: str | None) -> Iterator[dict]:
    """The runs of one size, each yielded as it ends (so a later run that fails keeps the record of
    the earlier ones), with its ratios against the first run of the same size."""
    corpus = tmp / f"corpus-{n}"
    write_corpus(corpus, n, args.seed, args.popular_facts, args.popular_share)
    one = first = None

    def finished(r: dict) -> dict:
        r["documents"] = n
        r["documents_per_s"] = round(n / r["seconds"], 1)
        r["documents_per_cpu_s"] = round(n / r["cpu_seconds"], 1) if r["cpu_seconds"] else None
        base = first or r
        r["time_vs_first_run"] = round(r["seconds"] / base["seconds"], 3)
        r["cpu_vs_first_run"] = round(r["cpu_seconds"] / base["cpu_seconds"], 3) if base["cpu_seconds"] else None
        if one and r["extract_seconds"] and one["extract_seconds"] and r["extracted_documents"] == n:
            r["extract_speedup_vs_1_worker"] = round(one["extract_seconds"] / r["extract_seconds"], 2)
        return r

    def run(label: str, db: Path, workers: int = args.workers) -> dict:
        return run_once(label, corpus, db, workers, home, args.timeout, api_url, args.memory_limit)

    if n in args.baseline_sizes:
        one = run(BASELINE, tmp / f"one-{n}.duckdb", 1)
    db = tmp / f"many-{n}.duckdb"
    first = run(f"first run, {args.workers} workers", db)
    if one:
        yield finished(one)  # its ratio is against the first run, so it comes after it
    yield finished(first)
    yield finished(run("unchanged re-run", db))
    changed = change_files(corpus, args.changed_share, args.seed)
    yield finished(run(f"re-run, {changed} files changed", db))
    shutil.rmtree(corpus)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--baseline-sizes", default=None,
                        help="Sizes that also get a 1-worker first run (default: every size).")
    parser.add_argument("--api", choices=("server", "temporary"), default="server")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--popular-facts", type=int, default=40)
    parser.add_argument("--popular-share", type=float, default=0.04)
    parser.add_argument("--changed-share", type=float, default=0.01)
    parser.add_argument("--timeout", type=float, default=3600.0)
    parser.add_argument("--memory-limit", default=None,
                        help="Passed to every `claimhouse run --memory-limit` (default: the run's own default).")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    args.baseline_sizes = sizes if args.baseline_sizes is None else [int(s) for s in args.baseline_sizes.split(",")]
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        home = Path(tmp) / "prefect-home"
        server = PrefectServer(home) if args.api == "server" else None
        try:
            for n in sizes:
                for r in bench_size(n, args, Path(tmp), home, server.url if server else None):
                    results.append(r)
                    write_record(args, results)  # after each run: a later one that fails keeps these
                    print(f"{n:>7} {r['run']:<28} {r['seconds']:>7.1f} s wall {r['cpu_seconds']:>7.1f} s CPU "
                          f"{r['documents_per_s']:>6.1f} doc/s x{r['time_vs_first_run']:<6} "
                          f"(CPU x{r['cpu_vs_first_run']}) tree {r['peak_rss_tree_mb']:>5.0f} MB "
                          f"run {r['peak_rss_run_mb']:>5.0f} MB extract {r['extract_seconds']} s "
                          f"(x{r.get('extract_speedup_vs_1_worker', '-')} vs 1 worker) rows {r['rows']} "
                          f"load {r['load_average_1min']:.1f}"
                          + ("" if r["artifacts_published"] else " ARTIFACTS NOT PUBLISHED"), flush=True)
                    print("        run's own peak by phase: " + ", ".join(
                        f"{phase} {p['run']:.0f} MB" for phase, p in r["peak_rss_by_phase_mb"].items()), flush=True)
        finally:
            if server:
                server.stop()
    print(f"wrote {args.output}")


def write_record(args: argparse.Namespace, results: list[dict]) -> None:
    record = {
        "ratios": "time_vs_first_run and cpu_vs_first_run: against the first W-worker run of the same N",
        "arguments": {k: str(v) for k, v in vars(args).items()},
        "measured_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(), "python": sys.version.split()[0], "commit": git("rev-parse", "HEAD"),
        "versions": {p: package_version(p) for p in ("prefect", "duckdb", "pandas", "pandera")},
        "runs": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
