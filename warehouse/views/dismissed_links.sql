-- dismissed_links: pairs of stored claims a person took apart (the latest decision on the
-- pair is reject or different-fact), and claims a person marked as a wrong extraction.
-- claim_links hides their links and the linker never stores them again
-- (warehouse/links/new_links.sql). One row per claim_id pair; for a wrong extraction,
-- claim_id_b is null and every link touching claim_id_a is dismissed.
--
-- claim_id_a  the pair's lower claim_id (or the wrongly extracted claim)
-- claim_id_b  the pair's higher claim_id (null for a wrong extraction)
-- decision    reject | different-fact | wrong-extraction

create or replace view dismissed_links as

with

pairs as (
    select claim_id_a, claim_id_b, decision
    from link_decisions
    where decision in ('reject', 'different-fact')
),

wrong as (
    select claim_id as claim_id_a, null::text as claim_id_b, decision
    from claim_decisions
    where decision = 'wrong-extraction'
),

final as (
    select * from pairs
    union all
    select * from wrong
)

select * from final
