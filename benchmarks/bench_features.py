"""Fact-matching features (`facts.document_features`) against a named baseline, in one process.

    python -m benchmarks.bench_features [--documents 1000] [--repeat 5] [--seed 0]
                                        [--baseline e9cb392] [--crossref DIR] [--output PATH]

Corpus: the news documents of benchmarks/bench_pipeline.py (its seeded generator, written to a
temporary folder and read back with the front-matter reader, as `claimhouse run` reads them),
plus the crossref dev articles (../shared/devset/crossref/docs, when the folder is there). Each
document's claims are extracted once, outside the timing (`extract_claims`, then `cap_claims`,
as `steps.extract_batch` does).

Baseline: flows/claims/facts.py as of the git revision --baseline (default e9cb392, the commit
before the features were made cheaper), loaded with `git show REV:flows/claims/facts.py` into a
module of its own beside the current one; both use the same extractor modules and data files.

Both functions run over the same documents --repeat times, alternated, and the best CPU time
(`time.process_time`) of each is kept; the ratio is current / baseline. Every `Features` row of
both is compared field by field (as tuples): the benchmark fails if one differs.

Prints CPU s per 1,000 documents and the ratio for each corpus, and writes them to
benchmarks/results/features.json. The machine may be shared: read the ratio, not the seconds.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as _dt
import json
import os
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

from benchmarks.bench_pipeline import write_corpus
from benchmarks.provenance import REPO, git
from claimhouse.flows.claim_limits import cap_claims
from claimhouse.flows.claims import facts
from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.model import Document
from claimhouse.flows.ingest.front_matter import parse_front_matter

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "results" / "features.json"
DEFAULT_BASELINE = "e9cb392"
CROSSREF = REPO.parent / "shared" / "devset" / "crossref"
NOW = _dt.datetime(2026, 1, 1, tzinfo=_dt.timezone.utc)


def load_baseline(rev: str) -> types.ModuleType:
    """facts.py of `rev` as a module named facts_at_<rev>, reading today's data files."""
    source = subprocess.run(["git", "show", f"{rev}:flows/claims/facts.py"], cwd=REPO, check=True,
                            capture_output=True, text=True).stdout
    module = types.ModuleType(f"facts_at_{rev}")
    module.__file__ = facts.__file__  # its data/facts.json is found beside the current module
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, f"{rev}:flows/claims/facts.py", "exec"), module.__dict__)  # noqa: S102 - our own file
    return module


def generated(n: int, seed: int) -> list[Document]:
    with tempfile.TemporaryDirectory(prefix="bench-features-") as tmp:
        write_corpus(Path(tmp), n, seed, 40, 0.04)
        docs = []
        for path in sorted(Path(tmp).rglob("*.md")):
            meta = parse_front_matter(path.read_text(encoding="utf-8"), str(path))
            docs.append(Document(uri=meta.url or path.as_uri(), text=meta.body, fetched_at=NOW, title=meta.title,
                                 published_at=meta.published))
    return docs


def crossref(folder: Path) -> list[Document]:
    """The dev articles: URL / TITLE / DATE lines, a blank line, the body (as score.py reads them)."""
    docs = []
    for path in sorted((folder / "docs").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        head = dict(line.partition(": ")[::2] for line in lines[:3])
        docs.append(Document(uri=head["URL"].strip(), text="\n".join(lines[4:]), fetched_at=NOW,
                             title=head["TITLE"].strip(), published_at=_dt.date.fromisoformat(head["DATE"].strip())))
    return docs


def with_claims(docs: list[Document]) -> list[tuple[Document, list]]:
    return [(d, cap_claims(d.document_id, extract_claims(d.text, d.published_at))[0]) for d in docs]


def rows(fn, corpus) -> list[tuple]:
    return [dataclasses.astuple(f) for d, claims in corpus for f in fn(d, claims)]


def cpu_s(fn, corpus) -> float:
    start = time.process_time()
    for d, claims in corpus:
        fn(d, claims)
    return time.process_time() - start


def bench(name: str, corpus, current, baseline, repeat: int) -> dict:
    same = rows(current, corpus) == rows(baseline, corpus)  # also the warm-up of both
    best = {"current": float("inf"), "baseline": float("inf")}
    for _ in range(repeat):
        best["baseline"] = min(best["baseline"], cpu_s(baseline, corpus))
        best["current"] = min(best["current"], cpu_s(current, corpus))
    per_1000 = {k: round(v * 1000 / len(corpus), 3) for k, v in best.items()}
    return {"corpus": name, "documents": len(corpus), "claims": sum(len(c) for _, c in corpus),
            "same_rows": same, "cpu_s_per_1000_documents": per_1000,
            "ratio_current_to_baseline": round(best["current"] / best["baseline"], 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="git revision of the baseline facts.py")
    parser.add_argument("--crossref", type=Path, default=CROSSREF)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    baseline = load_baseline(args.baseline)
    corpora = [("generated news", with_claims(generated(args.documents, args.seed)))]
    if (args.crossref / "docs").is_dir():
        corpora.append(("crossref dev", with_claims(crossref(args.crossref))))
    results = []
    for name, corpus in corpora:
        r = bench(name, corpus, facts.document_features, baseline.document_features, args.repeat)
        results.append(r)
        t = r["cpu_s_per_1000_documents"]
        print(f"{name:<15} {r['documents']:>5} documents {r['claims']:>6} claims  baseline ({args.baseline}) "
              f"{t['baseline']:.2f} CPU s / 1,000 documents, now {t['current']:.2f}: x{r['ratio_current_to_baseline']}"
              f"  rows {'the same' if r['same_rows'] else 'DIFFER'}", flush=True)
    record = {
        "ratio": "ratio_current_to_baseline: best-of-repeat CPU time of document_features now / at the baseline revision",
        "arguments": {k: str(v) for k, v in vars(args).items()},
        "measured_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "load_average_1min": os.getloadavg()[0], "python": sys.version.split()[0],
        "commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain", "flows/")),
        "results": results,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(record, indent=2) + "\n")
    print(f"wrote {args.output}")
    return 0 if all(r["same_rows"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
