"""Controlled vocabularies: the only copy of each enum in claimhouse.

Pandera models, the extractor, the flow, the store and the SQL refer to these tuples;
tests/warehouse/test_vocab_sql.py compares every CHECK, `in (...)` list, comparison and
CASE result in the .sql files (and the SQL the store still holds) with them."""

QUALIFIERS = ("exact", "approximate", "lower_bound", "upper_bound", "range")
DIRECTIONS = ("increase", "decrease")
MODALITIES = ("asserted", "estimate", "forecast", "hypothetical")
# What a number measures: a level ("400,000 migrants"), a change ("rose 2%",
# "a 719 percent increase") or a ratio between two levels ("tenfold").
KINDS = ("level", "change", "ratio")

# How two claims about the same fact relate (views/group_candidates.sql, claim_links.relation).
# updates: a later, higher figure of an evolving count (a toll rising, a tracker revised)
RELATIONS = ("agrees", "conflicts", "updates")
AGREES, CONFLICTS, UPDATES = RELATIONS

# A claim checked against reference figures (views/reference_checks.sql): the verdict,
# and how the reference's period meets the claim's.
VERDICTS = ("supported", "contradicted", "no reference")
MATCH_KINDS = ("same period", "part of the period", "nearby date")

# A pipeline run (run_rows.status): running until it ends, then completed, completed_with_failures
# or failed; abandoned when its process died running (marked by the next run).
RUN_STATUSES = ("running", "completed", "completed_with_failures", "failed", "abandoned")
RUNNING, COMPLETED, COMPLETED_WITH_FAILURES, FAILED, ABANDONED = RUN_STATUSES

# A fetched document against the warehouse: unseen, new text, or the stored text again.
DOCUMENT_STATUSES = ("new", "changed", "unchanged")
NEW, CHANGED, UNCHANGED = DOCUMENT_STATUSES

# A person's review decision (review_rows.decision): on a link between two claims, on one
# claim (a wrong extraction, or a corrected field), or a verdict on a fact.
LINK_DECISIONS = ("confirm", "reject", "same-fact", "different-fact")
CONFIRM, REJECT, SAME_FACT, DIFFERENT_FACT = LINK_DECISIONS
CLAIM_DECISIONS = ("wrong-extraction", "correct")
WRONG_EXTRACTION, CORRECT = CLAIM_DECISIONS
FACT_VERDICTS = ("true", "false", "misleading", "unproven")
DECISIONS = LINK_DECISIONS + CLAIM_DECISIONS + FACT_VERDICTS
# What a decision is about (review_rows.target), and which field a correction replaces.
REVIEW_TARGETS = ("link", "claim", "fact")
CORRECTED_FIELDS = ("value", "unit", "period", "subject")
# What the review queue lists, most urgent first (views/review_queue.sql).
QUEUE_ITEMS = ("conflict", "contradicted", "checkworthy")
