"""Where a first run's memory goes, stage by stage, in one process (no Prefect, no workers).

    python -m benchmarks.bench_publish_memory stage FOLDER [--documents 20000] [--seed 0]
    python -m benchmarks.bench_publish_memory measure FOLDER [--batches 40] [--counts]

`stage` writes bench_pipeline's generated news (same generator, 40 popular facts, 4 %) into
FOLDER/corpus, fetches and plans it into FOLDER/template.duckdb and extracts it in
250-document batches, pickled as FOLDER/batch-NNNNNN.pickle (as `claimhouse run` stages them):
about 3 CPU s per batch. `measure` copies the template and publishes the first `--batches`
of them the way steps.publish does (one transaction, the writer's WriteLimits), then runs the
link step's statements one by one (its two counts after the commit, as a run does; the writer's
limit from $MEMORY_LIMIT when set) and the run's findings query (flows/artifacts.py) in the same
process, as `claimhouse run` does after publishing. Measuring 40 and then 80 batches of one
20,000-document staging compares 10,000 with 20,000 documents without extracting twice.

For each stage it prints the process's peak RSS during the stage (VmHWM, reset before it through
/proc/self/clear_refs), its RSS after, its CPU seconds, and DuckDB's own memory by tag
(`duckdb_memory()`: in memory / spilled, MB). `--counts` adds the rows of claim_rows,
claim_groups and group_candidates (the pairs of value groups) of the published warehouse.
"""
from __future__ import annotations

import argparse
import os
import pickle
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_pipeline import write_corpus
from claimhouse.flows.artifacts import findings
from claimhouse.flows.ingest.sources import adhoc_source
from claimhouse.flows.steps import (
    RunSummary,
    extract_batch,
    fetch_one_source,
    gather_fetched,
    in_batches,
    open_run,
    plan_versions,
)
from claimhouse.warehouse import store
from claimhouse.warehouse.db import apply_migrations, connect, load_sql, transaction
from claimhouse.warehouse.limits import WRITE_LIMITS, WriteLimits

RUN = "run-memory"
BATCH = 250  # documents per staged batch, as steps.batch_size gave a run of 10,000 or more when the README's figures were measured (now 500)
COUNTS = ("claim_rows", "claim_groups", "group_candidates")


def stage(folder: Path, documents: int, seed: int) -> None:
    corpus = folder / "corpus"
    if not corpus.exists():
        write_corpus(corpus, documents, seed=seed, n_facts=40, popular_share=0.04)
    template = folder / "template.duckdb"
    open_run(template, RUN, None)
    fetched = fetch_one_source(adhoc_source(str(corpus)), {}, template, RUN)
    summary = RunSummary(RUN)
    plan = plan_versions(template, gather_fetched([fetched], summary, template), summary)
    started = time.process_time()
    for i, batch in enumerate(in_batches(plan.todo, BATCH)):
        extracted = extract_batch(batch, plan.versions)
        with (folder / f"batch-{i:06d}.pickle").open("wb") as out:
            pickle.dump(extracted, out, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"batch {i}: {len(extracted.claims)} claims, {time.process_time() - started:.1f} CPU s", flush=True)


def memory_mb() -> dict[str, int]:
    with open("/proc/self/status", encoding="ascii") as status:
        return {line.split(":")[0]: int(line.split()[1]) // 1024 for line in status
                if line.startswith(("VmRSS:", "VmHWM:"))}


def reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
        clear.write("5")


def duckdb_mb(con) -> dict[str, tuple[int, int]]:
    rows = con.execute("select tag, memory_usage_bytes, temporary_storage_bytes from duckdb_memory() "
                       "where memory_usage_bytes > 0 or temporary_storage_bytes > 0").fetchall()
    return {tag: (used >> 20, spilled >> 20) for tag, used, spilled in rows}


def timed(name: str, con, step: Callable[[], object]) -> object:
    reset_peak()
    started = time.process_time()
    result = step()
    cpu = time.process_time() - started
    mem = memory_mb()
    duck = duckdb_mb(con) if con is not None else {}
    print(f"{name:22s} peak {mem['VmHWM']:5d} MB  rss {mem['VmRSS']:5d} MB  cpu {cpu:6.2f} s  {duck}", flush=True)
    return result


def measure(folder: Path, batches: int, counts: bool) -> None:
    work = folder / f"measure-{batches}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    db = work / "warehouse.duckdb"
    shutil.copy(folder / "template.duckdb", db)
    files = sorted(folder.glob("batch-*.pickle"))[:batches]
    print(f"{len(files)} batches; before publishing: {memory_mb()}", flush=True)

    def store_one(path: Path) -> dict[str, int]:
        with path.open("rb") as staged:
            batch = pickle.load(staged)
        return store.store_batch(con, batch.documents, batch.claims, batch.rejected, RUN)

    def regroup() -> None:
        con.execute(load_sql("links", "drop_regrouped"))
        con.execute(load_sql("links", "store_groups"), {"run_id": RUN})

    def count(name: str) -> Callable[[], object]:
        return lambda: con.execute(load_sql("links", name), {"run_id": RUN}).fetchone()

    con = connect(db, write_limits=WriteLimits(memory_limit=os.environ.get("MEMORY_LIMIT", WRITE_LIMITS.memory_limit)))
    apply_migrations(con)  # as a run's open_run does: the views of this tree, not of the staging's
    publishing = transaction(con, f"publishing run {RUN}")
    publishing.__enter__()  # one transaction over every batch and the link step, as steps.publish
    for i, path in enumerate(files):
        if i % 10 == 0 or i == len(files) - 1:
            timed(f"store batch {i}", con, lambda path=path: store_one(path))
        else:
            store_one(path)
    timed("new_groups", con, lambda: con.execute(load_sql("links", "new_groups")))
    timed("drop+store_groups", con, regroup)
    timed("drop_pending", con, lambda: con.execute(load_sql("links", "drop_pending")))
    timed("commit", con, lambda: publishing.__exit__(None, None, None))
    # counted once committed, as steps.publish does (linking.count_found)
    print("  links found:", timed("count_new_links", con, count("count_new_links")))
    print("  conflicts new:", timed("count_new_conflicts", con, count("count_new_conflicts")))
    timed("close", None, con.close)
    found = timed("findings", None, lambda: findings(db, RUN))
    print("  findings rows:", {name: len(rows) for name, rows in found.items()})
    if counts:
        con = connect(db, read_only=True)
        try:
            for table in COUNTS:
                print(f"  {table}: {con.execute(f'select count(*) from {table}').fetchone()[0]:,}")
        finally:
            con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("stage", "measure"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batches", type=int, default=40)
    parser.add_argument("--counts", action="store_true")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    if args.command == "stage":
        stage(args.folder, args.documents, args.seed)
    else:
        measure(args.folder, args.batches, args.counts)


if __name__ == "__main__":
    main()
