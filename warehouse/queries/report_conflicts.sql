-- Conflicts for `claimhouse report`, worst first: both claims with their sentence, offsets,
-- document and fact. $scope: 'all' | 'last-run' | 'since' ($since); $fact_key: null or one fact.
with

completed_runs as (
    select * from runs
    where status in ('completed', 'completed_with_failures')
),

last_run as (
    select run_id from completed_runs
    order by started_at desc
    limit 1
),

found as (
    select * from conflicts
    where case $scope
        when 'all' then true
        when 'last-run' then run_id in (select run_id from last_run)
        else created_at >= cast($since as timestamptz)
    end
)

select
    k.claim_id_a, k.claim_id_b, k.reason, k.severity, k.created_at,
    a.quote as quote_a, a.sentence as sentence_a, a.span_start as start_a, a.span_end as end_a,
    a.document_id as document_id_a, a.uri as uri_a, da.title as title_a, da.source as source_a,
    da.published_at as published_a, a.value as value_a, a.unit as unit_a,
    b.quote as quote_b, b.sentence as sentence_b, b.span_start as start_b, b.span_end as end_b,
    b.document_id as document_id_b, b.uri as uri_b, db.title as title_b, db.source as source_b,
    db.published_at as published_b, b.value as value_b, b.unit as unit_b,
    f.fact_id
from found as k
inner join claims as a on a.claim_id = k.claim_id_a
inner join claims as b on b.claim_id = k.claim_id_b
inner join documents as da on da.document_id = a.document_id
inner join documents as db on db.document_id = b.document_id
left join facts as f on f.fact_key = a.fact_key
where $fact_key is null or a.fact_key = $fact_key
order by k.severity desc, k.created_at desc, k.claim_id_a, k.claim_id_b
limit $limit
