"""Speed and memory benchmark: claimhouse's extractor vs quantulum3, on the same sentences.

    python -m benchmarks.bench_extract [--sentences N] [--repeat R]
                                       [--quantulum-sentences M] [--mem-lines L] [--mem-small-lines S]
                                       [--skip-quantulum] [--skip-memory] [--no-interleave] [--no-pin]
                                       [--output PATH]

Speed: one process, one thread, pinned to one CPU (Linux), no multiprocessing. Both
extractors are warmed up first (quantulum3's first call loads its unit data), then each
is timed R times over the same deterministic corpus (benchmarks/sentences.py) and the
best run is kept. claimhouse: `extract_claims(sentence)` per sentence; quantulum3:
`parser.parse(sentence)` per sentence. Then the two take turns on the same sentences (50 at a
time, CPU time summed per extractor): the ratio of a shared machine whose load varies from
minute to minute.

Memory: peak RSS of `claimhouse extract --jsonl` streaming a big JSONL file (default
200,000 lines) vs a small one (20,000 lines) and an empty one, each in a fresh child
process whose RUSAGE_CHILDREN then holds that one run's peak.

Prints a table and writes benchmarks/results/extract_speed.json.
"""
from __future__ import annotations

import os

# Single-threaded everywhere, set before anything imports a numeric library.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS", "RAYON_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import datetime as _dt
import gc
import json
import platform
import shlex
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from benchmarks.provenance import git, package_version
from benchmarks.sentences import DEFAULT_N, DEFAULT_SEED, corpus_digest, make_documents, make_labelled_sentences

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_OUTPUT = HERE / "results" / "extract_speed.json"

# Runs in a fresh interpreter: starts the command once with stdin from a file, drains its
# stdout (counting lines, keeping nothing), and prints its peak RSS. This wrapper has no
# other child, so RUSAGE_CHILDREN.ru_maxrss is exactly the peak of that one command.
_WRAPPER = r"""
import json, resource, subprocess, sys, tempfile, time
cmd, infile, timeout = json.loads(sys.argv[1]), sys.argv[2], float(sys.argv[3])
lines = nbytes = 0
with open(infile, "rb") as fin, tempfile.TemporaryFile() as ferr:
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.PIPE, stderr=ferr)
    timed_out = False
    while True:
        chunk = p.stdout.read(1 << 16)
        if not chunk:
            break
        lines += chunk.count(b"\n")
        nbytes += len(chunk)
        if time.perf_counter() - t0 > timeout:
            p.kill()
            timed_out = True
            break
    rc = p.wait()
    wall = time.perf_counter() - t0
    ferr.seek(0)
    err = ferr.read()[-2000:].decode("utf-8", "replace")
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": rc, "timed_out": timed_out, "wall_seconds": wall, "ru_maxrss": ru.ru_maxrss,
                  "cpu_seconds": ru.ru_utime + ru.ru_stime, "stdout_lines": lines, "stdout_bytes": nbytes,
                  "stderr_tail": err}))
"""


# --------------------------------------------------------------------------- helpers

def _pin_one_cpu() -> int | None:
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpus = sorted(os.sched_getaffinity(0))
    cpu = cpus[-1]
    os.sched_setaffinity(0, {cpu})
    return cpu




def machine_info(pinned_cpu: int | None) -> dict:
    cpu_model = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    dirty = git("status", "--porcelain", "--", "flows")
    return {
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_model": cpu_model or platform.processor() or None,
        "cpu_count": os.cpu_count(),
        "pinned_cpu": pinned_cpu,
        "claimhouse_version": package_version("claimhouse"),
        "quantulum3_version": package_version("quantulum3"),
        "git_commit": git("rev-parse", "--short", "HEAD"),
        "extractor_uncommitted_changes": (bool(dirty) if dirty is not None else None),
    }


def _time_runs(fn, sentences: list[str], repeat: int) -> dict:
    """Best-of-`repeat` CPU time of fn over all sentences, plus what it found.

    CPU time (`time.process_time`) rather than wall time: both extractors are single-threaded,
    and on a busy machine waiting for a core would otherwise be counted against whichever ran
    while the other work peaked."""
    times = []
    found = errors = 0
    per_sentence: list[int] = []
    for i in range(repeat):
        gc.collect()
        counts = []
        errs = 0
        t0 = time.process_time()
        for s in sentences:
            try:
                counts.append(len(fn(s)))
            except Exception:  # noqa: BLE001 - a crash on one sentence is counted, not fatal
                counts.append(0)
                errs += 1
        times.append(time.process_time() - t0)
        if i == 0:
            per_sentence, found, errors = counts, sum(counts), errs
    best = min(times)
    return {
        "sentences": len(sentences),
        "repeats": repeat,
        "seconds_best": round(best, 4),
        "seconds_all": [round(t, 4) for t in times],
        "sentences_per_second": round(len(sentences) / best, 1),
        "ms_per_sentence": round(1000 * best / len(sentences), 4),
        "quantities_found": found,
        "sentences_with_a_quantity": sum(1 for c in per_sentence if c),
        "errors": errors,
        "_per_sentence": per_sentence,
    }


def _split_found(per_sentence: list[int], labels: list[bool]) -> dict:
    return {
        "quantities_in_number_sentences": sum(c for c, h in zip(per_sentence, labels, strict=True) if h),
        "quantities_in_no_number_sentences": sum(c for c, h in zip(per_sentence, labels, strict=True) if not h),
    }


# --------------------------------------------------------------------------- speed

def bench_claimhouse(sentences: list[str], repeat: int) -> dict:
    t0 = time.perf_counter()
    from claimhouse.flows.claims.extract import extract_claims
    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    extract_claims(sentences[0])
    t_first = time.perf_counter() - t0
    for s in sentences[:200]:  # warm-up
        extract_claims(s)
    res = _time_runs(extract_claims, sentences, repeat)
    res.update(call="claimhouse.flows.claims.extract.extract_claims(sentence)",
               import_seconds=round(t_import, 3), first_call_seconds=round(t_first, 4))
    return res


def bench_stages(sentences: list[str], repeat: int) -> dict:
    """Where claimhouse's time goes: the same sentences through the first stages alone
    (numbers found; numbers and not-claim spans), then the whole extraction. The first two
    are floors no amount of per-claim work can go under."""
    from claimhouse.flows.claims.extract import extract_claims
    from claimhouse.flows.claims.not_claims import blocked_spans
    from claimhouse.flows.claims.numbers import scan_numbers

    def numbers_and_spans(s):
        return scan_numbers(s) + [blocked_spans(s)]

    out = {}
    for name, fn in (("scan_numbers", scan_numbers), ("scan_numbers + blocked_spans", numbers_and_spans),
                     ("extract_claims", extract_claims)):
        r = _time_runs(fn, sentences, repeat)
        out[name] = {"sentences_per_second": r["sentences_per_second"], "ms_per_sentence": r["ms_per_sentence"]}
    return out


def _train_quantulum_classifier() -> str:
    """quantulum3's classifier, trained from the training set its package ships (the
    pickled model it ships does not load with current scikit-learn). Nothing is downloaded."""
    import tempfile

    from quantulum3 import classifier as q_clf

    out = str(Path(tempfile.mkdtemp(prefix="quantulum3-clf-")) / "clf.joblib")
    q_clf.train_classifier(store=True, output_path=out, n_jobs=1)
    return out


def bench_quantulum(sentences: list[str], repeat: int, mode: str = "rules") -> dict:
    """mode "rules": quantulum3 without its classifier (rule-based unit disambiguation);
    mode "classifier": with its scikit-learn classifier, as the project recommends."""
    t0 = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from quantulum3 import classifier as q_clf
        from quantulum3 import parser as q_parser
    t_import = time.perf_counter() - t0
    clf_path = None
    if mode == "classifier":
        try:
            clf_path = _train_quantulum_classifier()
        except Exception as exc:  # scikit-learn / stemming missing: say so instead of failing
            return {"skipped": True, "reason": f"cannot train quantulum3's classifier: {exc!r} "
                                                "(pip install -e '.[bench]')"}
        q_clf.USE_CLF = True
        label = "classifier (trained from quantulum3's bundled training set)"
    else:
        q_clf.USE_CLF = False
        label = "rules (classifier off: rule-based unit disambiguation)"

    def parse(s):
        return q_parser.parse(s, classifier_path=clf_path)

    t0 = time.perf_counter()
    parse(sentences[0])  # loads units.json / entities.json
    t_first = time.perf_counter() - t0
    for s in sentences[:200]:  # warm-up
        parse(s)
    res = _time_runs(parse, sentences, repeat)
    res.update(call="quantulum3.parser.parse(sentence)", mode=label,
               import_warnings=[str(w.message) for w in caught][:3],
               import_seconds=round(t_import, 3), first_call_seconds=round(t_first, 4))
    return res


def bench_interleaved(sentences: list[str], repeat: int, chunk: int = 50) -> dict:
    """The speed ratio with the two extractors taking turns: claimhouse and quantulum3 (with its
    classifier) on the same `chunk` sentences, one after the other (which goes first alternates),
    CPU time summed per extractor over each repeat. A load that comes and goes on a shared machine
    then weighs on both alike, where the separate runs above each meet the load of their own minutes."""
    from quantulum3 import classifier as q_clf
    from quantulum3 import parser as q_parser

    from claimhouse.flows.claims.extract import extract_claims

    try:
        clf_path = _train_quantulum_classifier()
    except Exception as exc:  # scikit-learn / stemming missing
        return {"skipped": True, "reason": f"cannot train quantulum3's classifier: {exc!r}"}
    q_clf.USE_CLF = True

    def quantulum(s):
        return q_parser.parse(s, classifier_path=clf_path)

    for s in sentences[:200]:  # warm-up
        quantulum(s)
        extract_claims(s)
    ratios, ch_seconds, q_seconds = [], [], []
    for r in range(repeat):
        gc.collect()
        t_ch = t_q = 0.0
        for n, i in enumerate(range(0, len(sentences), chunk)):
            part = sentences[i:i + chunk]
            order = ((extract_claims, True), (quantulum, False)) if (n + r) % 2 == 0 else \
                ((quantulum, False), (extract_claims, True))
            for fn, is_ch in order:
                t0 = time.process_time()
                for s in part:
                    fn(s)
                dt = time.process_time() - t0
                if is_ch:
                    t_ch += dt
                else:
                    t_q += dt
        ch_seconds.append(round(t_ch, 4))
        q_seconds.append(round(t_q, 4))
        ratios.append(round(t_q / t_ch, 2))
    return {"sentences": len(sentences), "repeats": repeat, "chunk": chunk,
            "claimhouse_seconds": ch_seconds, "quantulum3_seconds": q_seconds, "ratios": ratios,
            "ratio_median": sorted(ratios)[len(ratios) // 2]}


# --------------------------------------------------------------------------- memory

def _write_jsonl(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as f:
        for rec in make_documents(n):
            f.write(json.dumps(rec, ensure_ascii=False))
            f.write("\n")


def _run_wrapped(cmd: list[str], infile: Path, timeout: float) -> dict:
    out = subprocess.run([sys.executable, "-c", _WRAPPER, json.dumps(cmd), str(infile), str(timeout)],
                         capture_output=True, text=True, timeout=timeout + 120, cwd=REPO)
    if out.returncode != 0:
        raise RuntimeError(f"wrapper failed: {out.stderr[-1000:]}")
    res = json.loads(out.stdout)
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    kib = res["ru_maxrss"] / 1024 if sys.platform == "darwin" else res["ru_maxrss"]
    res["peak_rss_mib"] = round(kib / 1024, 1)
    return res


def _find_cli(tmp: Path, override: list[str] | None) -> tuple[list[str] | None, list[str]]:
    """The first way to run `claimhouse extract --jsonl` that works on a tiny input."""
    probe = tmp / "probe.jsonl"
    _write_jsonl(probe, 3)
    candidates = []
    if override:
        candidates.append(override)
    else:
        script = Path(sys.executable).parent / "claimhouse"
        if script.exists():
            candidates.append([str(script), "extract", "--jsonl"])
        candidates.append([sys.executable, "-c", "import sys; from claimhouse.flows.cli import main; sys.exit(main())",
                           "extract", "--jsonl"])
    notes = []
    for cmd in candidates:
        res = _run_wrapped(cmd, probe, 300)
        if res["rc"] == 0:
            return cmd, notes
        tail = res["stderr_tail"].strip().splitlines()
        notes.append(f"{' '.join(cmd[:1] if cmd[0] != sys.executable else cmd[:3])} -> exit {res['rc']}: "
                     f"{tail[-1] if tail else '(no stderr)'}")
    return None, notes


def bench_memory(big: int, small: int, timeout: float, override: list[str] | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="claimhouse-bench-") as d:
        tmp = Path(d)
        cmd, notes = _find_cli(tmp, override)
        if cmd is None:
            reason = (f"--cli-command {' '.join(override)!r} failed on a 3-line input" if override else
                      "`claimhouse extract --jsonl` could not be run (console script and "
                      "`python -c 'from claimhouse.flows.cli import main; main()'` both failed)")
            return {"skipped": True, "reason": reason, "attempts": notes}
        runs = {}
        for n in (0, small, big):
            f = tmp / f"in-{n}.jsonl"
            _write_jsonl(f, n)
            size = f.stat().st_size
            res = _run_wrapped(cmd, f, timeout)
            f.unlink()
            runs[str(n)] = {
                "input_lines": n,
                "input_mib": round(size / 2**20, 1),
                "rc": res["rc"],
                "timed_out": res["timed_out"],
                "peak_rss_mib": res["peak_rss_mib"],
                "wall_seconds": round(res["wall_seconds"], 2),
                "cpu_seconds": round(res["cpu_seconds"], 2),
                "lines_per_second": round(n / res["wall_seconds"], 1) if n else None,
                "output_lines": res["stdout_lines"],
                "stderr_tail": res["stderr_tail"][-500:] if res["rc"] != 0 else "",
            }
        b, s = runs[str(big)], runs[str(small)]
        ok = all(r["rc"] == 0 and not r["timed_out"] for r in runs.values())
        return {
            "skipped": False,
            "command_overridden": bool(override),
            "command": " ".join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd)) + " < in.jsonl",
            "all_runs_ok": ok,
            "runs": runs,
            "peak_ratio_big_over_small": round(b["peak_rss_mib"] / s["peak_rss_mib"], 3) if s["peak_rss_mib"] else None,
            "attempts": notes,
        }


# --------------------------------------------------------------------------- report

def _print_table(result: dict) -> None:
    sp = result["speed"]
    ch = sp.get("claimhouse")
    print()
    print(f"Corpus: {sp['corpus']['sentences']} sentences (seed {sp['corpus']['seed']}, "
          f"{sp['corpus']['no_number_share']:.0%} without numbers), sha256 {sp['corpus']['sha256'][:12]}…")
    print(f"{'extractor':<22} {'sentences':>9} {'sent/s':>10} {'ms/sent':>9} {'found':>7} {'in no-num':>9} {'errors':>6}")
    rows = (("claimhouse", ch), ("quantulum3 (classifier)", sp.get("quantulum3")),
            ("quantulum3 (rules)", sp.get("quantulum3_rules")))
    for name, r in rows:
        if not r or r.get("skipped"):
            print(f"{name:<22} skipped: {r.get('reason') if r else ''}")
            continue
        print(f"{name:<22} {r['sentences']:>9} {r['sentences_per_second']:>10,.1f} {r['ms_per_sentence']:>9.3f} "
              f"{r['quantities_found']:>7} {r['quantities_in_no_number_sentences']:>9} {r['errors']:>6}")
    for key, label in (("quantulum3", "quantulum3 with its classifier"), ("quantulum3_rules", "quantulum3 rules only")):
        if sp.get(f"ratio_claimhouse_over_{key}"):
            print(f"speed ratio claimhouse / {label}: {sp[f'ratio_claimhouse_over_{key}']:.1f}x  ({sp['ratio_basis']})")
    il = sp.get("interleaved")
    if il and not il.get("skipped"):
        print(f"speed ratio claimhouse / quantulum3 with its classifier, taking turns every {il['chunk']} sentences "
              f"(CPU time): {il['ratio_median']:.1f}x median of {il['ratios']}")
    stages, base = sp.get("claimhouse_stages"), sp.get("quantulum3")
    if stages:
        print("claimhouse stages (same sentences):")
        for name, r in stages.items():
            vs = (f"  {r['sentences_per_second'] / base['sentences_per_second']:.1f}x quantulum3 with its classifier"
                  if base and not base.get("skipped") else "")
            print(f"  {name:<30} {r['sentences_per_second']:>10,.1f} sent/s{vs}")
    mem = result.get("memory")
    print()
    if not mem:
        print("memory: not run (--skip-memory)")
    elif mem.get("skipped"):
        print(f"memory: SKIPPED - {mem['reason']}")
        for a in mem.get("attempts", []):
            print(f"  tried: {a}")
    else:
        print(f"memory: peak RSS of `{mem['command']}`")
        print(f"{'input lines':>12} {'input MiB':>10} {'peak RSS MiB':>13} {'wall s':>8} {'lines/s':>9} {'out lines':>10} {'rc':>3}")
        for r in mem["runs"].values():
            lps = f"{r['lines_per_second']:,.0f}" if r["lines_per_second"] else "-"
            print(f"{r['input_lines']:>12,} {r['input_mib']:>10} {r['peak_rss_mib']:>13} {r['wall_seconds']:>8} "
                  f"{lps:>9} {r['output_lines']:>10,} {r['rc']:>3}")
        print(f"peak ratio big/small: {mem['peak_ratio_big_over_small']}")
        if not mem["all_runs_ok"]:
            print("WARNING: a memory run failed or timed out; see stderr_tail in the JSON")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_extract", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=DEFAULT_N, help="corpus size (default %(default)s)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per extractor; best is kept (default %(default)s)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--quantulum-sentences", type=int, default=None,
                    help="time quantulum3 on only the first M sentences; the ratio then uses claimhouse on the same M")
    ap.add_argument("--mem-lines", type=int, default=200_000, help="big JSONL input for the memory run")
    ap.add_argument("--mem-small-lines", type=int, default=20_000, help="small JSONL input for the memory run")
    ap.add_argument("--mem-timeout", type=float, default=3600.0, help="seconds allowed per memory run")
    ap.add_argument("--cli-command", default=None,
                    help="run this command (shell-quoted, stdin=JSONL) instead of `claimhouse extract --jsonl` "
                         "for the memory part")
    ap.add_argument("--skip-quantulum", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--no-interleave", action="store_true",
                    help="skip the ratio measured with the two extractors taking turns")
    ap.add_argument("--no-pin", action="store_true", help="do not pin this process to one CPU")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args(argv)

    pinned = None if args.no_pin else _pin_one_cpu()
    labelled = make_labelled_sentences(args.sentences, args.seed)
    sentences = [s for s, _ in labelled]
    labels = [h for _, h in labelled]
    result: dict = {"machine": machine_info(pinned), "settings": {
        "sentences": args.sentences, "repeat": args.repeat, "seed": args.seed,
        "quantulum_sentences": args.quantulum_sentences, "threads_env": {v: os.environ[v] for v in ("OMP_NUM_THREADS",
                                                                                                     "OPENBLAS_NUM_THREADS",
                                                                                                     "MKL_NUM_THREADS")},
    }}
    speed: dict = {"corpus": {"generator": "benchmarks/sentences.py", "sentences": len(sentences), "seed": args.seed,
                              "no_number_share": round(labels.count(False) / len(labels), 3),
                              "mean_chars": round(sum(map(len, sentences)) / len(sentences), 1),
                              "sha256": corpus_digest(sentences)}}
    result["speed"] = speed

    print(f"claimhouse: timing {len(sentences)} sentences x {args.repeat} …", flush=True)
    ch = bench_claimhouse(sentences, args.repeat)
    ch.update(_split_found(ch["_per_sentence"], labels))
    speed["claimhouse"] = ch

    print(f"claimhouse stages: timing {len(sentences)} sentences x {args.repeat} …", flush=True)
    speed["claimhouse_stages"] = bench_stages(sentences, args.repeat)

    if args.skip_quantulum:
        speed["quantulum3"] = {"skipped": True, "reason": "--skip-quantulum"}
    else:
        try:
            import quantulum3  # noqa: F401
        except ImportError:
            speed["quantulum3"] = {"skipped": True,
                                   "reason": "quantulum3 is not installed: .venv/bin/pip install -e '.[bench]'"}
        else:
            m = min(args.quantulum_sentences or len(sentences), len(sentences))
            q_sents, q_labels = sentences[:m], labels[:m]
            if m == len(sentences):
                base = ch
                speed["ratio_basis"] = f"all on the same {m} sentences"
            else:
                print(f"claimhouse: timing the same first {m} sentences for the ratio …", flush=True)
                base = _time_runs(__import__("claimhouse.flows.claims.extract", fromlist=["extract_claims"]).extract_claims,
                                  q_sents, args.repeat)
                base.pop("_per_sentence")
                speed["claimhouse_on_quantulum_subset"] = base
                speed["ratio_basis"] = f"all on the same first {m} sentences"
            for mode, key in (("classifier", "quantulum3"), ("rules", "quantulum3_rules")):
                print(f"quantulum3 ({mode}): timing {m} sentences x {args.repeat} …", flush=True)
                q = bench_quantulum(q_sents, args.repeat, mode)
                if q.get("skipped"):
                    speed[key] = q
                    continue
                q.update(_split_found(q["_per_sentence"], q_labels))
                speed[key] = q
                speed[f"ratio_claimhouse_over_{key}"] = round(base["sentences_per_second"] / q["sentences_per_second"], 2)

            if not speed["quantulum3"].get("skipped") and not args.no_interleave:
                print(f"claimhouse and quantulum3 (classifier) taking turns: {m} sentences x {args.repeat} …", flush=True)
                speed["interleaved"] = bench_interleaved(q_sents, args.repeat)

    for r in (speed.get("claimhouse"), speed.get("quantulum3"), speed.get("quantulum3_rules")):
        if r:
            r.pop("_per_sentence", None)

    if args.skip_memory:
        result["memory"] = None
    else:
        print(f"memory: streaming {args.mem_small_lines:,} and {args.mem_lines:,} JSONL lines through the CLI …",
              flush=True)
        override = shlex.split(args.cli_command) if args.cli_command else None
        result["memory"] = bench_memory(args.mem_lines, args.mem_small_lines, args.mem_timeout, override)

    _print_table(result)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.output.relative_to(REPO) if args.output.is_relative_to(REPO) else args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
