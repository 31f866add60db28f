"""How many claims one document may bring into a run, and link (no Prefect, no DuckDB).

A document that is mostly numbers once gave 333,000 claims, 76 s and 1.5 GB; two documents of
3,000 sentences about one fact gave 9 million links in one transaction (issue 12). Past its
limits a document keeps its first claims in text order, and links only its first
`linked_per_fact` claims of one fact block (the others are stored, unlinked: their block_key is
null). No cut is silent: each is one `rejected_rows` row per sentence, document or fact block
(check `max_claims_per_sentence`, `max_claims_per_document` or `max_linked_claims_per_fact`,
with how many claims were found and kept)."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from claimhouse.flows.claims.model import Claim
from claimhouse.schemas.quarantine import REJECTED_COLUMNS

PER_SENTENCE_CHECK = "max_claims_per_sentence"
PER_DOCUMENT_CHECK = "max_claims_per_document"
PER_FACT_CHECK = "max_linked_claims_per_fact"
LIMITS_SCHEMA = "ClaimLimits"


@dataclass(frozen=True)
class ClaimLimits:
    """At most `per_sentence` claims from one sentence and `per_document` from one document, and
    at most `linked_per_fact` of a document's claims in one fact block linked (flow parameters
    `max_claims_per_sentence`, `max_claims_per_document`, `max_linked_claims_per_fact`)."""

    per_sentence: int = 50
    per_document: int = 5_000
    linked_per_fact: int = 50

    def __post_init__(self) -> None:
        for name, setting in (("per_sentence", PER_SENTENCE_CHECK), ("per_document", PER_DOCUMENT_CHECK),
                              ("linked_per_fact", PER_FACT_CHECK)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{setting} must be a whole number of claims above 0, not {value!r}")


CLAIM_LIMITS = ClaimLimits()


def cap_claims(document_id: str, claims: Sequence[Claim],
               limits: ClaimLimits = CLAIM_LIMITS) -> tuple[list[Claim], list[dict]]:
    """(the claims kept, one rejected-row record per cut). A sentence keeps its first
    `per_sentence` claims, then the document its first `per_document` of those."""
    per_sentence: dict[int, int] = {}
    kept: list[Claim] = []
    found: dict[int, int] = {}
    for claim in claims:
        found[claim.sentence_start] = found.get(claim.sentence_start, 0) + 1
        n = per_sentence.get(claim.sentence_start, 0)
        if n < limits.per_sentence:
            per_sentence[claim.sentence_start] = n + 1
            kept.append(claim)
    cuts = [_cut(document_id, PER_SENTENCE_CHECK, "sentence_start", limits.per_sentence, n,
                 f"the sentence at character {start}", sentence_start=start)
            for start, n in found.items() if n > limits.per_sentence]
    if len(kept) > limits.per_document:
        cuts.append(_cut(document_id, PER_DOCUMENT_CHECK, None, limits.per_document, len(kept), "the document"))
        kept = kept[:limits.per_document]
    return kept, cuts


def bound_links(claims: pd.DataFrame, limits: ClaimLimits = CLAIM_LIMITS) -> tuple[pd.DataFrame, list[dict]]:
    """`claims` (flows/frames.claims_frame rows, in text order per document) with the block_key
    of each claim past a document's first `linked_per_fact` in one block set to null, so it is
    stored but not linked; one rejected-row record per (document, block) cut. A document then
    adds at most `linked_per_fact` claims to any block the linker pairs claims in."""
    if claims.empty:
        return claims, []
    keyed = claims["block_key"].notna()
    rank = claims[keyed].groupby(["document_id", "block_key"], sort=False).cumcount()
    over = rank[rank >= limits.linked_per_fact].index
    if over.empty:
        return claims, []
    cut_rows = claims.loc[over]
    found = claims[keyed].groupby(["document_id", "block_key"], sort=False).size()
    cuts = [_cut(document_id, PER_FACT_CHECK, "block_key", limits.linked_per_fact, int(found[document_id, block]),
                 f"fact block {block!r}", verb="linked", block_key=block)
            for document_id, block in dict.fromkeys(zip(cut_rows["document_id"], cut_rows["block_key"], strict=True))]
    claims = claims.copy()
    claims.loc[over, "block_key"] = None
    return claims, cuts


def _cut(document_id: str, check: str, column: str | None, limit: int, found: int, where: str,
         verb: str = "stored", **detail) -> dict:
    row = {"document_id": document_id, **detail, "claims_found": found, "claims_kept": limit}
    return {
        "table_name": "claims",
        "schema": LIMITS_SCHEMA,
        "check": check,
        "column": column,
        "failure_case": f"{where} has {found} claims, over {check}={limit}: its first {limit} kept, "
                        f"{found - limit} not {verb}",
        "row_json": json.dumps(row, sort_keys=True),
        "document_id": document_id,
        "claim_id": None,
    }


def cuts_frame(cuts: list[dict]) -> pd.DataFrame:
    """The cut records as rows for `rejected_rows`."""
    return pd.DataFrame(cuts, columns=list(REJECTED_COLUMNS), dtype=object)
