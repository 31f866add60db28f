-- conflicts: pairs of current claims that disagree, side by side: one row per pair of value groups
-- that conflict (`group_links`), shown by its first found pair of claims, with how many claims
-- state each side. Claims stating the same figure the same way are one value group, so a fact a
-- thousand documents state has as many rows here as it has disagreeing figures, not a row per
-- pair of claims (those are in `claim_links`, relation = 'conflicts').
-- Suffix _a is the claim with the lower claim_id, _b the other one.
--
-- claim_id_a, claim_id_b          the two claims
-- quote_a, quote_b                their words
-- value_a, value_b                their values (null for a pure range)
-- low_a, high_a, low_b, high_b    their range bounds
-- unit_a, unit_b                  their canonical units
-- qualifier_a, qualifier_b        exact | approximate | lower_bound | upper_bound | range
-- uri_a, uri_b                    the documents' uris
-- title_a, title_b                the documents' titles
-- document_id_a, document_id_b    the documents' ids
-- subject_a, subject_b            what each claim counts or measures
-- reason                          why the values are said to conflict
-- severity                        how large the conflict is (higher = worse)
-- n_claims_a, n_claims_b          claims stating the figure of side a, of side b (its value group)
-- created_at                      when the conflict was found (a new value group's conflicts are new)
-- run_id                          the run that found it

create or replace view conflicts as

with

-- the pairs of value groups (`group_links`), worded here with the one wording of
-- warehouse/macros/reasons.sql (as `worded_links` words them): reading conflicts never plans the
-- pairs of claims of `claim_links`
conflicting as (
    select * from group_links
    where relation = 'conflicts'
),

decisions as (
    select claim_id_a, claim_id_b, decision, reviewer, reviewed_at, note from link_decisions
    where same_fact
),

linked_claims as (
    select * from claims
),

current_documents as (
    select * from documents
),

final as (
    select
        conflicting.claim_id_a,
        conflicting.claim_id_b,
        claim_a.quote as quote_a,
        claim_b.quote as quote_b,
        claim_a.value as value_a,
        claim_b.value as value_b,
        claim_a.low as low_a,
        claim_a.high as high_a,
        claim_b.low as low_b,
        claim_b.high as high_b,
        claim_a.unit as unit_a,
        claim_b.unit as unit_b,
        claim_a.qualifier as qualifier_a,
        claim_b.qualifier as qualifier_b,
        claim_a.uri as uri_a,
        claim_b.uri as uri_b,
        document_a.title as title_a,
        document_b.title as title_b,
        claim_a.document_id as document_id_a,
        claim_b.document_id as document_id_b,
        claim_a.subject as subject_a,
        claim_b.subject as subject_b,
        link_reason(conflicting.relation, claim_a.quote, coalesce(document_a.title, document_a.uri),
                    claim_b.quote, coalesce(document_b.title, document_b.uri),
                    link_fact(claim_a.measure, claim_a.scope, claim_a.when_start, claim_a.when_end, claim_a.evolving),
                    claim_a.evidence, claim_b.evidence, claim_a.interval_low, claim_a.interval_high,
                    claim_b.interval_low, claim_b.interval_high, conflicting.copy, decisions.decision,
                    decisions.reviewer, decisions.reviewed_at, decisions.note) as reason,
        conflicting.severity,
        conflicting.n_claims_a,
        conflicting.n_claims_b,
        conflicting.created_at,
        conflicting.run_id
    from conflicting
    left join decisions
        on decisions.claim_id_a = conflicting.claim_id_a and decisions.claim_id_b = conflicting.claim_id_b
    inner join linked_claims as claim_a
        on claim_a.claim_id = conflicting.claim_id_a
    inner join linked_claims as claim_b
        on claim_b.claim_id = conflicting.claim_id_b
    -- one current version per document: the claim's own version (as the reason's title is read)
    inner join current_documents as document_a
        on document_a.document_id = claim_a.document_id and document_a.version = claim_a.version
    inner join current_documents as document_b
        on document_b.document_id = claim_b.document_id and document_b.version = claim_b.version
)

select * from final
