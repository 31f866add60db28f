"""The extraction snapshot: fixed texts and what the extractor gives for each.

A refactor that should not change extraction proves it with

    python tools/extraction_snapshot.py check      # exit 0: output identical; exit 1: lists the texts that differ

and a change that should alter extraction shows what it altered, then records it:

    python tools/extraction_snapshot.py diff       # every text whose claims changed, before -> after
    python tools/extraction_snapshot.py update     # write the new expected output

`texts.jsonl` holds the texts (the case files, the benchmark sentences and the bundled corpus, each
with its publication date when it has one); `expected.jsonl` one line per text with every claim's
fields. `build-texts` rebuilds texts.jsonl from those sources (only needed when a source is added).
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "claims" / "snapshot"
TEXTS = SNAPSHOT / "texts.jsonl"
EXPECTED = SNAPSHOT / "expected.jsonl"
CASE_FILES = ("quantities.jsonl", "heldout_news.jsonl", "heldout_news2.jsonl")


def _extract_claims():
    sys.path.insert(0, str(ROOT))
    try:
        from claimhouse.flows.claims import extract_claims
    except ImportError:  # before the package had one import name
        from claimhouse.flows.claims.extract import extract_claims
    return extract_claims


def build_texts() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.sentences import make_sentences

    texts: list[dict] = []
    for name in CASE_FILES:
        for line in (ROOT / "tests" / "claims" / "cases" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                texts.append({"id": f"{name}:{case['id']}", "text": case["text"], "published": case.get("published")})
    for i, sentence in enumerate(make_sentences(3000)):
        texts.append({"id": f"bench:{i:04d}", "text": sentence, "published": None})
    for path in sorted((ROOT / "flows" / "corpus").glob("*.txt")):
        texts.append({"id": f"corpus:{path.name}", "text": path.read_text(encoding="utf-8"), "published": None})
    return texts


def _plain(value):
    if isinstance(value, date):
        return value.isoformat()
    return value


def run(texts: list[dict]) -> list[dict]:
    extract_claims = _extract_claims()
    out = []
    for item in texts:
        published = date.fromisoformat(item["published"]) if item.get("published") else None
        claims = [{k: _plain(v) for k, v in asdict(c).items()} for c in extract_claims(item["text"], published)]
        out.append({"id": item["id"], "claims": claims})
    return out


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows), encoding="utf-8")


def differences(expected: list[dict], actual: list[dict]) -> list[tuple[str, list, list]]:
    before = {r["id"]: r["claims"] for r in expected}
    return [(r["id"], before.get(r["id"]), r["claims"]) for r in actual if before.get(r["id"]) != r["claims"]]


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "build-texts":
        _write(TEXTS, build_texts())
        print(f"{TEXTS.relative_to(ROOT)}: texts written")
        return 0
    texts = _read(TEXTS)
    actual = run(texts)
    if command == "update":
        _write(EXPECTED, actual)
        print(f"{EXPECTED.relative_to(ROOT)}: {len(actual)} texts, {sum(len(r['claims']) for r in actual)} claims")
        return 0
    changed = differences(_read(EXPECTED), actual)
    if command == "diff":
        for text_id, old, new in changed:
            print(f"== {text_id}")
            print("  before:", json.dumps(old, ensure_ascii=False))
            print("  after: ", json.dumps(new, ensure_ascii=False))
    print(f"{len(actual)} texts, {len(changed)} differ from the snapshot")
    if command == "check":
        for text_id, _, _ in changed[:50]:
            print("  differs:", text_id)
    return 1 if changed and command == "check" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
