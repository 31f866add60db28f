-- review_queue: what needs a person most, first: conflicts nobody has decided on (those of
-- the latest run first), then contradicted reference checks, then claims worth checking
-- (checkworthiness >= 0.8) with neither a decision nor a verdict on their fact. Within each,
-- claims repeated by the most documents first. An item leaves the queue once reviewed.
--
-- priority         1, 2, 3, ... in the order to work through
-- item             conflict | contradicted | checkworthy
-- claim_id_a       the claim (or the conflict's first claim)
-- claim_id_b       the conflict's second claim, else null
-- fact_id          the fact the claim states, if any
-- quote_a          the claims' words
-- quote_b
-- uri_a            their documents
-- uri_b
-- reason           why it is in the queue (the conflict's or the check's reason)
-- repeated         documents stating the same fact
-- checkworthiness  of claim_id_a
-- is_new           found by the most recent completed run
-- found_at         when the link or claim was stored

create or replace view review_queue as

with

latest as (
    select run_id from last_run
),

-- claims read once (DuckDB binds a view once per reference, a CTE once)
stored_claims as (
    select * from claims
),

in_force as (
    select * from reviews
    where in_force
),

reviewed_pairs as (
    select claim_id_a, claim_id_b from link_decisions
),

reviewed_claims as (
    select claim_id from claim_decisions
    union
    select c.claim_id
    from stored_claims as c
    inner join in_force on in_force.fact_key = c.fact_key
    where in_force.target = 'fact'
),

fact_sizes as (
    select fact_id, fact_key, n_documents from facts
),

current_claims as (
    select c.*, f.fact_id, coalesce(f.n_documents, 1) as repeated, r.run_id
    from stored_claims as c
    left join fact_sizes as f using (fact_key)
    left join claim_rows as r using (claim_id)
),

open_conflicts as (
    select
        'conflict' as item,
        0 as rank,
        k.claim_id_a,
        k.claim_id_b,
        a.fact_id,
        k.quote_a,
        k.quote_b,
        k.uri_a,
        k.uri_b,
        k.reason,
        a.repeated,
        greatest(a.checkworthiness, b.checkworthiness) as checkworthiness,
        k.run_id in (select run_id from latest) as is_new,
        k.created_at as found_at
    from conflicts as k
    inner join current_claims as a on a.claim_id = k.claim_id_a
    inner join current_claims as b on b.claim_id = k.claim_id_b
    anti join reviewed_pairs as p on p.claim_id_a = k.claim_id_a and p.claim_id_b = k.claim_id_b
),

contradicted as (
    select
        'contradicted' as item,
        1 as rank,
        c.claim_id as claim_id_a,
        null::text as claim_id_b,
        c.fact_id,
        c.quote as quote_a,
        null::text as quote_b,
        c.uri as uri_a,
        null::text as uri_b,
        x.reason,
        c.repeated,
        c.checkworthiness,
        c.run_id in (select run_id from latest) as is_new,
        null::timestamptz as found_at
    from reference_checks as x
    inner join current_claims as c using (claim_id)
    where x.verdict = 'contradicted'
        and c.claim_id not in (select claim_id from reviewed_claims)
),

contradicted_ids as (
    select claim_id_a as claim_id from contradicted
),

checkworthy as (
    select
        'checkworthy' as item,
        2 as rank,
        c.claim_id as claim_id_a,
        null::text as claim_id_b,
        c.fact_id,
        c.quote as quote_a,
        null::text as quote_b,
        c.uri as uri_a,
        null::text as uri_b,
        'check-worthiness ' || round(c.checkworthiness, 2)::text as reason,
        c.repeated,
        c.checkworthiness,
        c.run_id in (select run_id from latest) as is_new,
        null::timestamptz as found_at
    from current_claims as c
    where c.checkworthiness >= 0.8
        and c.claim_id not in (select claim_id from reviewed_claims)
        and c.claim_id not in (select claim_id from contradicted_ids)
),

queued as (
    select * from open_conflicts
    union all
    select * from contradicted
    union all
    select * from checkworthy
),

final as (
    select
        row_number() over (
            order by rank, is_new desc, repeated desc, checkworthiness desc nulls last, found_at desc nulls last,
                claim_id_a, claim_id_b
        ) as priority,
        item, claim_id_a, claim_id_b, fact_id, quote_a, quote_b, uri_a, uri_b, reason, repeated,
        checkworthiness, is_new, found_at
    from queued
)

select * from final
