"""Report generation at scale: `claimhouse report` on a generated warehouse of 10,000 documents.

    python -m benchmarks.bench_report [--documents 10000] [--claims 50000] [--seed 0] [--repeat 3]

Data: benchmarks/bench_xref.py's generator (seeded synthetic documents and claims with
planted agreements and conflicts), written into a fresh temporary warehouse and linked with
`link_claims` as a run would. Measured, best of --repeat, wall and CPU seconds (time.process_time:
this process with DuckDB's threads; the figure to compare on a shared machine):

  report    claimhouse.flows.report.write_report(db, out): the whole page (every query, the
            paragraphs, the charts, the HTML; conflicts and updates), seconds and bytes
  baseline  `claimhouse export conflicts --format csv`, i.e. DuckDB COPY of the conflicts
            view to CSV through the same read-only connection rules: the floor for reading
            the same conflicts out of the warehouse

Targets (issue 16): report under 10 s and under 5 MB. Prints one line per measure.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.bench_xref import make_warehouse_frames, write_warehouse


def best_of(repeat: int, call) -> tuple[float, float]:
    """(best wall seconds, best CPU seconds of this process, DuckDB's threads included)."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    from claimhouse.flows.exports import export_view
    from claimhouse.flows.linking import link_claims
    from claimhouse.flows.report import write_report
    from claimhouse.warehouse.db import connect

    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        db = Path(tmp) / "w.duckdb"
        docs, claims, info = make_warehouse_frames(args.claims, args.documents, args.seed, 2.5, 300, 0.2, 0.1)
        write_warehouse(db, docs, claims)
        con = connect(db)
        linked = link_claims(con, "bench-report")
        (n_conflicts,) = con.execute("select count(*) from conflicts").fetchone()
        (n_updates,) = con.execute("select count(*) from claim_links where relation = 'updates'").fetchone()
        con.close()
        out, csv = Path(tmp) / "report.html", Path(tmp) / "conflicts.csv"
        report_s, report_cpu = best_of(args.repeat, lambda: write_report(db, out))
        baseline_s, baseline_cpu = best_of(args.repeat, lambda: export_view(db, "conflicts", "csv", csv))
        print(f"warehouse: {info['documents']:,} documents, {info['claims']:,} claims, "
              f"{linked['links_found']:,} links, {n_conflicts:,} conflicts, {n_updates:,} updates")
        print(f"report                         {report_s:6.2f} s ({report_cpu:6.2f} s CPU)  "
              f"{out.stat().st_size / 1e6:6.2f} MB   (targets: < 10 s, < 5 MB)")
        print(f"baseline COPY conflicts TO csv {baseline_s:6.2f} s ({baseline_cpu:6.2f} s CPU)  "
              f"{csv.stat().st_size / 1e6:6.2f} MB   (report / baseline: {report_cpu / baseline_cpu:.1f}x CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
