-- run_pairs: which pairs of value groups the lean conflict queries stream as the run's own, without
-- finding their first pair of claims (warehouse/links/count_new_conflicts.sql counts them,
-- warehouse/queries/run_findings_conflicts.sql shows the worst): one of the two groups is fresh
-- (every shown claim is the run's), neither has a shown claim in a pair a person took apart, and
-- their shown claims are not all in one and the same document (`one_document`, else null).
create or replace macro streamed_pair(fresh_a, fresh_b, apart_a, apart_b, one_document_a, one_document_b) as
    (fresh_a or fresh_b) and not apart_a and not apart_b
    and (one_document_a is null or one_document_b is null or one_document_a <> one_document_b);
