"""Explain the cross-referencing dev set's misses without running the pipeline.

    .venv/bin/python tools/xref_misses.py [CORPUS_DIR] [--pairs missed|wrong|lookalike|all] [--fact F]

Reads the corpus (../shared/devset/crossref by default) the way claimhouse would (extract_claims, then
facts.document_features per document), links claims with the Python mirror of the pair rule
(facts.same_fact, which tests/xref/test_link_identity.py checks against link_candidates.sql), scores the
links with the corpus's own score.py, and prints each missed expected pair with the features of its two
claims and the rule's reason for not linking them, each wrong link with the reason it was made. A fast
loop for tuning the rules; score.py on the warehouse stays the figure that counts."""
from __future__ import annotations

import argparse
import importlib.util
import itertools
from collections import defaultdict
from datetime import date, datetime, timezone
from pathlib import Path

from claimhouse.flows.claims.extract import extract_claims
from claimhouse.flows.claims.facts import document_features, same_fact
from claimhouse.flows.claims.model import Document

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / ".." / "shared" / "devset" / "crossref"


def _load_score(corpus: Path):
    spec = importlib.util.spec_from_file_location("crossref_score", corpus / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _features_line(f) -> str:
    return (f"measure={f.measure} scope={f.scope} when={f.when_start}..{f.when_end} family={f.unit_family} "
            f"kind={f.kind} forecast={f.forecast!r} partial={f.partial} [{f.interval_low}, {f.interval_high}]"
            f" | {f.evidence_text()}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--pairs", default="missed", choices=("missed", "wrong", "lookalike", "all", "none"))
    ap.add_argument("--fact", default=None, help="only pairs of this fact (or a prefix of its name)")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    sc = _load_score(corpus)
    docs, gold, facts = sc.load_corpus(str(corpus))
    pairs, negs = sc.expected_pairs(gold, facts, sc.load_make_pairs(str(corpus)))
    now = datetime.now(timezone.utc)
    claims, documents, feats, url_to_doc = [], [], {}, {}
    for name, d in docs.items():
        published = date.fromisoformat(d["date"]) if d["date"] else None
        doc = Document(uri=d["url"], text=d["body"], fetched_at=now, title=d["title"], published_at=published)
        url_to_doc[d["url"]] = name
        documents.append({"document_id": doc.document_id, "uri": doc.uri})
        found = extract_claims(doc.text, published)
        for i, (c, f) in enumerate(zip(found, document_features(doc, found), strict=True)):
            cid = f"{name[:3]}:{i}"
            claims.append({"claim_id": cid, "document_id": doc.document_id, "value": c.value, "low": c.low,
                           "high": c.high, "quote": c.quote, "span_start": c.span_start, "span_end": c.span_end})
            feats[cid] = (name, c, f)
    by_block = defaultdict(list)
    for cid, (_, _, f) in feats.items():
        if f.block_key is not None:
            by_block[f.block_key].append(cid)
    links, decisions = [], {}
    for ids in by_block.values():
        for a, b in itertools.combinations(sorted(ids), 2):
            if feats[a][0] == feats[b][0]:
                continue
            dec = same_fact(feats[a][2], feats[b][2])
            if dec.same:
                links.append({"claim_id_a": a, "claim_id_b": b, "relation": dec.relation})
                decisions[frozenset((a, b))] = dec
    mapping, _why = sc.map_mentions(gold, docs, claims, documents, url_to_doc)
    metrics, details = sc.score(gold, facts, pairs, negs, mapping, links)
    print(f"agrees    P {metrics['precision_agrees']} R {metrics['recall_agrees']}")
    print(f"conflicts P {metrics['precision_conflicts']} R {metrics['recall_conflicts']}")
    print(f"look-alikes {metrics['lookalike_pairs_linked']}/{metrics['lookalike_pairs']}  "
          f"cross-fact {metrics['cross_fact_links']}  wrong relation {metrics['wrong_relation']}  "
          f"mislabelled {metrics['mislabelled_pairs']}  mapped {metrics['mentions_mapped']}/{metrics['mentions']}")
    for cl, c in metrics["per_cluster"].items():
        print(f"  {cl:16} R {c['recall']} of {c['expected_pairs']}  P {c['precision']} of {c['links_judged']}"
              f"  cross-fact {c['cross_fact_links']}")

    def show(a, b, label):
        if args.fact and not (a["fact"].startswith(args.fact) or b["fact"].startswith(args.fact)):
            return
        ca, cb = mapping.get(a["_id"]), mapping.get(b["_id"])
        print(f"\n{label} [{a['doc'][:3]} {a['fact']}] {a['quote']!r}  <->  [{b['doc'][:3]} {b['fact']}] {b['quote']!r}")
        if ca is None or cb is None:
            print("   unmapped mention")
            return
        fa, fb = feats[ca][2], feats[cb][2]
        print("   a:", _features_line(fa))
        print("   b:", _features_line(fb))
        dec = decisions.get(frozenset((ca, cb))) or same_fact(fa, fb)
        print("   ->", dec.relation, "|", "; ".join(dec.evidence))

    if args.pairs in ("missed", "all"):
        for a, b, rel in details["missed"]:
            show(a, b, f"MISSED {rel}")
        for a, b, rel, got in details["mislabelled"]:
            show(a, b, f"MISLABELLED {rel} got {got}")
    if args.pairs in ("wrong", "all"):
        for a, b, gold_rel, got in details["wrong_relation"]:
            show(a, b, f"WRONG-RELATION gold {gold_rel} got {got}")
        for a, b, got in details["cross_fact"]:
            show(a, b, f"CROSS-FACT {got}")
    if args.pairs in ("lookalike", "all"):
        for a, b, got in details["lookalike_linked"]:
            show(a, b, f"LOOKALIKE {got}")


if __name__ == "__main__":
    main()
