"""../shared/devset/crossref (84 real articles, five clusters) scored by its own score.py against
floors. The warehouse is built with the functions the flow's tasks call (extract, store, link),
without a Prefect server, then scored with `score.py --db`.

Floors are what the matcher reaches today, rounded down; they are raised, never quietly lowered.
Issue 14's targets: agrees P >= 0.90 and R >= 0.85; conflicts (updates included) P >= 0.85 and
R >= 0.80; at most 1 % of look-alike pairs linked."""
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimhouse.flows.claims.model import Document
from tests.xref.conftest import load

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "devset" / "crossref"
FLOORS = {"precision_agrees": 0.96, "recall_agrees": 0.875, "precision_conflicts": 0.88, "recall_conflicts": 0.91}
# 8 of 936 today (7 after the third round, 8 before it, 23 before the second): the eighth is a Syrian toll
# now read as the whole country's ('government- and opposition-held areas'), which meets another
# article's Syrian toll dated by its previous sentence's Saturday (a Turkish press conference)
MAX_LOOKALIKE_SHARE = 0.009


def _read_doc(path: Path) -> Document:
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.split("\n") if ": " in line)
    return Document(uri=fields["URL"], text=body, title=fields["TITLE"],
                    published_at=dt.date.fromisoformat(fields["DATE"]),
                    fetched_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))


@pytest.fixture(scope="module")
def metrics(tmp_path_factory):
    if not (CORPUS / "score.py").exists():
        pytest.skip(f"{CORPUS} is not there (it is ../shared from the checkout)")
    from claimhouse.warehouse.db import apply_migrations, connect

    db = tmp_path_factory.mktemp("crossref") / "crossref.duckdb"
    con = connect(db)
    apply_migrations(con)
    load(con, [_read_doc(p) for p in sorted((CORPUS / "docs").glob("*.txt"))])
    con.close()
    out = subprocess.run([sys.executable, str(CORPUS / "score.py"), str(CORPUS), "--db", str(db)],
                         capture_output=True, text=True, check=True, timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_crossref_floor(metrics, name):
    assert metrics[name] >= FLOORS[name], json.dumps({k: metrics[k] for k in FLOORS})


@pytest.mark.slow
def test_crossref_lookalikes_linked(metrics):
    assert metrics["lookalike_pairs_linked"] <= MAX_LOOKALIKE_SHARE * metrics["lookalike_pairs"]
