"""Print the dev set's failures one field at a time, with each sentence, to read them by cause.

    python tools/dev_failures.py subject            # every matched quantity whose subject is wrong
    python tools/dev_failures.py unit ../shared/devset/news_dev.jsonl
    python tools/dev_failures.py full               # qualifier/direction wrong on a matched value
    python tools/dev_failures.py misses | alarms    # unmatched gold / unmatched predictions

The default case file is ../shared/devset/news_dev.jsonl (beside the checkout, as in CI)."""
from __future__ import annotations

import sys
from pathlib import Path

from claimhouse.flows.claims.scoring import load_cases, score_cases

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "devset" / "news_dev.jsonl"


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "subject"
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    cases = load_cases(path)
    texts = {c["id"]: c["text"] for c in cases}
    s = score_cases(cases)
    if what == "misses":
        rows = [(cid, f"miss {quote!r}", f"got {got}") for cid, quote, got in s.misses]
    elif what == "alarms":
        rows = [(cid, f"alarm {quote!r} value={value} unit={unit}", "") for cid, quote, value, unit in s.false_alarms]
    else:
        name = "qualifier/direction" if what == "full" else what
        rows = [(cid, f"{quote!r}", f"ours={ours!r} gold={gold!r}")
                for cid, quote, field, ours, gold in s.wrong if field == name]
    for cid, head, tail in rows:
        print(f"{cid}  {head}  {tail}\n    {texts[cid]}")
    print(f"-- {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
