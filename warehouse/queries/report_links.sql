-- Conflicts and updates for `claimhouse report`, worst first: both claims with their sentence,
-- offsets, document and fact; at most $limit of each. An update's side a is the earlier figure
-- (published first).
-- $scope: 'all' | 'last-run' (`last_run`) | 'since' ($since); $fact_key: null or one fact.
with

found as (
    select * from claim_links
    where relation in ('conflicts', 'updates')
        and case $scope
            when 'all' then true
            when 'last-run' then run_id in (select run_id from last_run)
            else created_at >= cast($since as timestamptz)
        end
),

sides as (
    select c.claim_id, c.quote, c.sentence, c.span_start, c.span_end, c.document_id, c.uri, c.value, c.unit,
           c.fact_key, d.title, d.source, d.published_at
    from claims as c
    inner join documents as d on d.document_id = c.document_id
),

ordered as (
    select
        k.*,
        k.relation = 'updates' and x.published_at > y.published_at as swapped,
        x.claim_id as first_id,
        y.claim_id as second_id
    from found as k
    inner join sides as x on x.claim_id = k.claim_id_a
    inner join sides as y on y.claim_id = k.claim_id_b
)

select
    k.relation, k.reason, k.severity, k.created_at,
    a.claim_id as claim_id_a, a.quote as quote_a, a.sentence as sentence_a, a.span_start as start_a,
    a.span_end as end_a, a.document_id as document_id_a, a.uri as uri_a, a.title as title_a,
    a.source as source_a, a.published_at as published_a, a.value as value_a, a.unit as unit_a,
    b.claim_id as claim_id_b, b.quote as quote_b, b.sentence as sentence_b, b.span_start as start_b,
    b.span_end as end_b, b.document_id as document_id_b, b.uri as uri_b, b.title as title_b,
    b.source as source_b, b.published_at as published_b, b.value as value_b, b.unit as unit_b,
    f.fact_id
from ordered as k
inner join sides as a on a.claim_id = case when k.swapped then k.second_id else k.first_id end
inner join sides as b on b.claim_id = case when k.swapped then k.first_id else k.second_id end
left join facts as f on f.fact_key = a.fact_key
where $fact_key is null or a.fact_key = $fact_key or b.fact_key = $fact_key
qualify row_number() over (partition by k.relation order by k.severity desc, k.created_at desc, k.claim_id_a,
                                                                k.claim_id_b) <= $limit
order by k.relation, k.severity desc, k.created_at desc, k.claim_id_a, k.claim_id_b
