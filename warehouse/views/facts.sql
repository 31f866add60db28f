-- facts: one row per fact stated by current claims (`current_claims` with the same fact_key).
--
-- fact_id           short stable id of the fact (md5 of its fact_key, 12 hex digits)
-- fact_key          block_key | scope | when_start | when_end (flows/claims/facts.py): block_key is
--                   unit family | measure | kind | forecast | partial | country
-- subject           a subject as written by one of its claims
-- unit              the unit of its claims (one unit family; the most common unit)
-- place             place of the fact
-- period_start      period start, period_end: the period the fact covers
-- period_end
-- n_claims          claims stating it
-- n_documents       documents stating it
-- n_independent     sources stating it once copies are counted once: documents whose sentence is
--                   the same (a wire story reposted) count as one source
-- claim_ids         the claims, as a list
-- value_min         smallest and largest value claimed (bounds count as values)
-- value_max
-- values_supported  each distinct value claimed with the number of documents claiming it,
--                   as a list of {value, unit, qualifier, documents} structs, most supported first
-- n_conflicts       conflicting pairs of value groups among its claims (rows of `conflicts`)

create or replace view facts as

with

stated as (
    select
        *,
        -- a claim's source: the first document stating the same sentence for this fact (a repost
        -- or a feed entry of the same article is one source)
        min(document_id) over (partition by fact_key, coalesce(copy_key, claim_id)) as source_id
    from current_claims
    where fact_key is not null
),

value_support as (
    select
        fact_key,
        coalesce(value, low, high) as claimed,
        unit,
        qualifier,
        count(distinct document_id) as documents
    from stated
    group by all
),

support_lists as (
    select
        fact_key,
        list({'value': claimed, 'unit': unit, 'qualifier': qualifier, 'documents': documents}
             order by documents desc, claimed) as values_supported
    from value_support
    group by fact_key
),

conflict_counts as (
    select c.fact_key, count(*) as n_conflicts
    from group_links as l
    inner join stated as c on c.claim_id = l.claim_id_a
    inner join stated as c2 on c2.claim_id = l.claim_id_b
    where l.relation = 'conflicts'
    group by c.fact_key
),

grouped as (
    select
        fact_key,
        any_value(subject) as subject,
        mode(unit) as unit,
        any_value(place) as place,
        min(period_start) as period_start,
        max(period_end) as period_end,
        count(*) as n_claims,
        count(distinct document_id) as n_documents,
        count(distinct source_id) as n_independent,
        list(claim_id order by claim_id) as claim_ids,
        min(coalesce(value, low, high)) as value_min,
        max(coalesce(value, high, low)) as value_max
    from stated
    group by fact_key
),

final as (
    select
        left(md5(grouped.fact_key), 12) as fact_id,
        grouped.fact_key,
        grouped.subject,
        grouped.unit,
        grouped.place,
        grouped.period_start,
        grouped.period_end,
        grouped.n_claims,
        grouped.n_documents,
        grouped.n_independent,
        grouped.claim_ids,
        grouped.value_min,
        grouped.value_max,
        support_lists.values_supported,
        coalesce(conflict_counts.n_conflicts, 0) as n_conflicts
    from grouped
    inner join support_lists using (fact_key)
    left join conflict_counts using (fact_key)
)

select * from final
