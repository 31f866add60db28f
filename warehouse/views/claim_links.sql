-- claim_links: links between two current claims about the same fact.
-- Links touching a claim of a superseded document version are left out.
--
-- claim_id_a  the lower claim_id of the pair
-- claim_id_b  the higher claim_id of the pair
-- relation    agrees | conflicts
-- reason      why the two claims were paired and how their values compare
-- severity    0 for agreement; grows with the size of a conflict
-- created_at  when the link was stored
-- run_id      the run that found the link

create or replace view claim_links as

with

links as (
    select * from link_rows
),

titled_claims as (
    select c.claim_id, c.quote, c.subject, c.place, c.period_start, c.period_end, c.interval_low,
           c.interval_high, coalesce(d.title, d.uri) as title
    from claims as c
    inner join documents as d using (document_id, version)
),

paired as (
    select
        links.*,
        a.quote as quote_a,
        b.quote as quote_b,
        a.title as title_a,
        b.title as title_b,
        coalesce(a.subject, b.subject) as subject,
        a.place,
        a.period_start,
        a.period_end,
        case
            when links.relation = 'agrees' then null
            when a.interval_high < b.interval_low then 'below'
            else 'above'
        end as side
    from links
    inner join titled_claims as a on a.claim_id = links.claim_id_a
    inner join titled_claims as b on b.claim_id = links.claim_id_b
),

final as (
    select
        claim_id_a,
        claim_id_b,
        relation,
        case
            when relation = 'agrees' then format('"{}" ({}) agrees with "{}" ({}){}', quote_a, title_a, quote_b, title_b, about)
            else format('"{}" ({}) is {} "{}" ({}){}', quote_a, title_a, side, quote_b, title_b, about)
        end as reason,
        severity,
        created_at,
        run_id
    from (
        select
            *,
            ' for ' || subject
            || case when place is null then '' else ' in ' || place end
            || case
                when period_start is null then ''
                when period_end is null then ' since ' || strftime(period_start, '%Y')
                when year(period_start) = year(period_end) then ' in ' || strftime(period_start, '%Y')
                else ' in ' || strftime(period_start, '%Y') || '–' || strftime(period_end, '%Y')
            end as about
        from paired
    )
)

select * from final
