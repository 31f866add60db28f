-- current_claims: the claims of the current version of each document, as stored.
-- The one place that decides which stored claims are current: `claims` adds the document's
-- uri for readers; `facts`, `link_candidates` and `reference_checks` compare these. Its columns
-- are `claim_versions`' (the one list of a stored claim's columns) less the version's uri and status.
--
-- claim_id, document_id, version, quote, span_start, span_end, sentence, value, low, high,
-- unit, qualifier, direction, kind, subject, place, period_start, period_end, period_partial,
-- modality, attribution, checkworthiness, interval_low, interval_high, unit_family,
-- subject_key, fact_key, measure, scope, when_start, when_end, when_loose, evolving, update_cue,
-- block_key, claim_key, copy_key, doc_sketch, evidence
--                as in `claims` (documented there)

create or replace view current_claims as

with

stored as (
    select * from claim_versions
),

final as (
    select * exclude (uri, is_current, superseded_at) from stored
    where is_current
)

select * from final
