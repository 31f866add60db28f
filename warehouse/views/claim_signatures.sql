-- claim_signatures: each current claim the linker compares (`current_claims` with a block_key, and
-- those a person said state the same fact as another claim, which the rule may not compare),
-- with its value group: the columns the pair rule reads (views/group_candidates.sql), and the
-- group they make. Claims of one group are interchangeable for the rule: any two claims of
-- groups A and B relate as A and B do. The columns a rule reads must be signature columns here:
-- a rule that reads a new column adds it to `signature` below.
--
-- claim_id, document_id, claim_key, copy_key   as in `claims`
-- sketch         the document's MinHash sketch as a list (near-copies, per pair)
-- published_at   the document's publication time
-- block_key, scope, when_start, when_end, when_loose, interval_low, interval_high, qualifier,
-- evolving, update_cue   the pair-rule columns, as in `claims`
-- order_at       for an evolving count, its publication time (null for other claims): the rule
--                orders the figures of an evolving count by it and by update_cue
-- group_id       md5 (low 64 bits) of the pair-rule columns: the claim's value group

create or replace view claim_signatures as

with

-- the documents and quotes of the claims a person said state the same fact as another: enough to
-- group them (`decided_links` matches the decisions to claims exactly, by review key), and cheap
-- reviews read once (DuckDB binds a view once per reference, a CTE once)
same_fact_reviews as (
    select uri_a, quote_a, uri_b, quote_b from reviews
    where in_force and target = 'link' and decision in ('confirm', 'same-fact')
),

decided as (
    select uri_a as uri, quote_a as quote from same_fact_reviews
    union all
    select uri_b, quote_b from same_fact_reviews
),

-- their claims, by id: matched from the few decisions, so that the many current claims are not
-- held with their quotes and uris to be tested against them
decided_claims as (
    select c.claim_id
    from decided as x
    inner join current_claims as c on c.quote = x.quote
    inner join document_versions as d
        on d.document_id = c.document_id and d.version = c.version and d.uri = x.uri
),

compared as (
    select
        c.claim_id, c.document_id, c.claim_key, c.copy_key,
        string_split(coalesce(c.doc_sketch, ''), ' ') as sketch, d.published_at,
        c.block_key, c.scope, c.when_start, c.when_end, c.when_loose, c.interval_low, c.interval_high, c.qualifier,
        c.evolving,
        case when c.evolving then c.update_cue end as update_cue,
        case when c.evolving then d.published_at end as order_at
    from current_claims as c
    inner join document_versions as d
        on d.document_id = c.document_id and d.version = c.version
    where c.block_key is not null
        or c.claim_id in (select claim_id from decided_claims)
),

final as (
    select
        *,
        md5_number_lower(concat_ws(chr(31),
            block_key,
            coalesce(scope, chr(0)),
            coalesce(cast(when_start as varchar), chr(0)),
            coalesce(cast(when_end as varchar), chr(0)),
            coalesce(cast(when_loose as varchar), chr(0)),
            coalesce(cast(interval_low as varchar), chr(0)),
            coalesce(cast(interval_high as varchar), chr(0)),
            coalesce(qualifier, chr(0)),
            coalesce(cast(evolving as varchar), chr(0)),
            coalesce(cast(update_cue as varchar), chr(0)),
            coalesce(cast(order_at as varchar), chr(0))
        )) as group_id
    from compared
)

select * from final
