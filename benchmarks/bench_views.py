"""Reading the views: the CPU a `select * from <view>` costs, this tree's view SQL against a baseline commit's.

    python -m benchmarks.bench_views [--baseline e9cb392] [--claims 1500] [--documents 300]
                                     [--seed 0] [--repeat 3] [--views claim_links,conflicts]
                                     [--warehouses empty,populated]

Most of a read of a deep view on a small warehouse is DuckDB planning it (binding every view it
reads, recursively: a view read twice is bound twice), so the read of an *empty* warehouse
measures the planning alone and the read of a populated one planning plus execution.

Two warehouses of each kind are built in one run, from the same data: one with the views (and
macros) of the current tree, one with those of `--baseline` (`git show <commit>:warehouse/views/<view>.sql`,
created in the baseline's VIEWS order over the same tables):

  empty      a fresh warehouse after `db.apply_migrations`
  populated  synthetic claims (benchmarks.bench_xref.make_warehouse_frames), linked by
             `flows.linking.link_claims`, the bundled reference tables, and desk reviews that reach
             every branch of the link views: confirmed, rejected and different-fact links,
             same-fact decisions on pairs the rule does not relate, wrong extractions,
             corrections and verdicts

For each public view (`db.VIEWS`) it prints the CPU ms of one read (best of --repeat, reads
of the two trees alternating in one process), the ratio current/baseline, and checks that both
trees give the same rows (`except all` both ways; one connection, the baseline's file attached).
Exits 1 when a view's rows differ.
"""
from __future__ import annotations

import argparse
import ast
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def git_show(commit: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{commit}:{path}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def baseline_names(commit: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """MACROS and VIEWS as the baseline's warehouse/db.py lists them."""
    tree = ast.parse(git_show(commit, "warehouse/db.py"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in ("MACROS", "VIEWS"):
                found[node.targets[0].id] = tuple(ast.literal_eval(node.value))
    return found["MACROS"], found["VIEWS"]


def use_baseline_views(path: Path, commit: str) -> None:
    """Replace the views (and macros) of the warehouse file with the baseline commit's."""
    from claimhouse.warehouse.db import connect

    macros, views = baseline_names(commit)
    con = connect(path)
    try:
        con.execute("begin")
        for view in reversed(views):
            con.execute(f"drop view if exists {view}")  # view: a name from the baseline's db.py
        for macro in macros:
            con.execute(git_show(commit, f"warehouse/macros/{macro}.sql"))
        for view in views:
            con.execute(git_show(commit, f"warehouse/views/{view}.sql"))
        con.execute("commit")
    finally:
        con.close()


def add_reviews(con, seed: int) -> dict:
    """Desk decisions that reach every branch of the link views."""
    from claimhouse.flows import review

    rng = random.Random(seed)
    links = con.execute("select claim_id_a, claim_id_b from claim_links order by link_id").fetchall()
    picked = rng.sample(links, min(len(links), 12))
    for (a, b), decision in zip(picked, ["confirm"] * 3 + ["reject"] * 3 + ["different-fact"] * 3 + ["same-fact"] * 3,
                                strict=False):
        review.review_link(con, a, b, decision, "bench")
    # same-fact on pairs of grouped claims from different documents that the rule does not link
    unrelated = con.execute("""
        select a.claim_id, b.claim_id from grouped_claims as a, grouped_claims as b
        where a.claim_id < b.claim_id and a.document_id <> b.document_id and a.group_id <> b.group_id
            and not exists (select 1 from claim_links as l where l.claim_id_a = a.claim_id and l.claim_id_b = b.claim_id)
        order by hash(a.claim_id || b.claim_id) limit 6""").fetchall()
    for a, b in unrelated:
        review.review_link(con, a, b, "same-fact", "bench", note="decided by hand")
    claims = [r[0] for r in con.execute("select claim_id from claims order by claim_id").fetchall()]
    for claim_id in rng.sample(claims, 4):
        review.review_claim(con, claim_id, "bench", decision="wrong-extraction")
    for claim_id in rng.sample(claims, 2):
        review.review_claim(con, claim_id, "bench", field="value", corrected="42")
    for claim_id in rng.sample(claims, 2):
        review.review_claim(con, claim_id, "bench", decision="false", evidence_url="https://example.org/e")
    facts = [r[0] for r in con.execute("select fact_id from facts order by fact_id limit 50").fetchall()]
    for fact_id in rng.sample(facts, min(len(facts), 2)):
        review.review_fact(con, fact_id, "misleading", "bench", evidence_url="https://example.org/f")
    return {"link decisions": len(picked) + len(unrelated)}


def build_populated(path: Path, claims: int, documents: int, seed: int) -> str:
    from benchmarks.bench_xref import make_warehouse_frames, write_warehouse
    from claimhouse.flows.bundled import default_references
    from claimhouse.flows.linking import link_claims, load_references
    from claimhouse.warehouse.db import connect

    docs, rows, info = make_warehouse_frames(claims, documents, seed, 2.5, 300, 0.2, 0.1)
    write_warehouse(path, docs, rows)
    con = connect(path)
    try:
        linked = link_claims(con, "bench-views")
        load_references(con, default_references()[0])
        add_reviews(con, seed)
        (n_links,) = con.execute("select count(*) from claim_links").fetchone()
        (n_conflicts,) = con.execute("select count(*) from conflicts").fetchone()
        con.execute("checkpoint")
    finally:
        con.close()
    return (f"{info['documents']:,} documents, {info['claims']:,} claims, {linked['links_found']:,} links found, "
            f"{n_links:,} claim_links rows, {n_conflicts:,} conflicts, 30 reviews")


def build_empty(path: Path) -> str:
    from claimhouse.warehouse.db import apply_migrations, connect

    con = connect(path)
    try:
        apply_migrations(con)
    finally:
        con.close()
    return "after apply_migrations"


def cpu_ms(con, sql: str) -> float:
    start = time.process_time()
    con.execute(sql).fetchall()
    return (time.process_time() - start) * 1000


# Columns whose order within a row is not defined, compared sorted: `facts.values_supported`
# lists a fact's values by documents, then value, and values tied on both (the same figure in
# two units or qualifiers) come in any order, read after read, in either tree.
COMPARED_AS = {"facts": "* replace (list_sort(values_supported) as values_supported)"}


def same_rows(con, view: str) -> tuple[int, int]:
    """Rows only in the current tree's view, rows only in the baseline's (multisets, `except all`)."""
    columns = COMPARED_AS.get(view, "*")
    counts = []
    for first, second in ((view, f"base.{view}"), (f"base.{view}", view)):
        counts.append(con.execute(f"select count(*) from (select {columns} from {first} except all "
                                  f"select {columns} from {second})").fetchone()[0])  # names from db.VIEWS
    return counts[0], counts[1]


def compare(kind: str, new_path: Path, base_path: Path, views: list[str], repeat: int) -> bool:
    from claimhouse.warehouse.db import connect

    # one connection reads both: the baseline's file attached as `base`, whose views bind in its own
    # catalog (to its own tables, views and macros); a writable connection, as a read-only one may
    # not attach files
    con = connect(new_path)
    con.execute("attach ? as base (read_only)", [str(base_path)])
    ok = True
    totals = [0.0, 0.0]
    print(f"\n{kind}: CPU ms of `select * from <view>` (best of {repeat})")
    print(f"{'view':<20} {'rows':>7} {'baseline':>9} {'current':>9} {'cur/base':>9}  same rows")
    try:
        for view in views:
            best = [float("inf"), float("inf")]
            for _ in range(repeat):
                best[0] = min(best[0], cpu_ms(con, f"select * from base.{view}"))  # view: from db.VIEWS
                best[1] = min(best[1], cpu_ms(con, f"select * from {view}"))
            (rows,) = con.execute(f"select count(*) from {view}").fetchone()
            only_new, only_base = same_rows(con, view)
            same = only_new == 0 and only_base == 0
            ok = ok and same
            totals[0] += best[0]
            totals[1] += best[1]
            verdict = "yes" if same else f"NO ({only_new} only current, {only_base} only baseline)"
            print(f"{view:<20} {rows:>7,} {best[0]:>9.1f} {best[1]:>9.1f} {best[1] / max(best[0], 1e-9):>8.2f}x  {verdict}")
        print(f"{'all views':<20} {'':>7} {totals[0]:>9.1f} {totals[1]:>9.1f} {totals[1] / totals[0]:>8.2f}x")
    finally:
        con.close()
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="e9cb392")
    parser.add_argument("--claims", type=int, default=1500)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--views", help="comma-separated views (default: all of db.VIEWS)")
    parser.add_argument("--warehouses", default="empty,populated", help="comma-separated: empty, populated")
    args = parser.parse_args(argv)

    from claimhouse.warehouse.db import VIEWS

    views = args.views.split(",") if args.views else list(VIEWS)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip()
    print(f"baseline {args.baseline}, current tree (HEAD {head}, with any uncommitted changes)")
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-views-") as tmp:
        for kind, build in (("empty", build_empty),
                            ("populated", lambda p: build_populated(p, args.claims, args.documents, args.seed))):
            if kind not in args.warehouses.split(","):
                continue
            new_path, base_path = Path(tmp) / f"{kind}.duckdb", Path(tmp) / f"{kind}-baseline.duckdb"
            described = build(new_path)
            shutil.copyfile(new_path, base_path)
            use_baseline_views(base_path, args.baseline)
            print(f"\n{kind} warehouse: {described}")
            ok = compare(kind, new_path, base_path, views, args.repeat) and ok
    if not ok:
        print("\nsome views give different rows", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
