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

current_claims as (
    select * from claims
),

final as (
    select
        links.claim_id_a,
        links.claim_id_b,
        links.relation,
        links.reason,
        links.severity,
        links.created_at,
        links.run_id
    from links
    where links.claim_id_a in (select claim_id from current_claims)
        and links.claim_id_b in (select claim_id from current_claims)
)

select * from final
