-- fact_reviews: the verdict in force on each reviewed fact (the latest `claimhouse review
-- fact` decision, or an imported ClaimReview matched to it).
--
-- fact_key      the fact (see `facts`)
-- fact_id       its id when the verdict was given
-- rating        true | false | misleading | unproven
-- note          why
-- evidence_url  the evidence
-- reviewer      who
-- reviewed_at   when
-- source        desk | claimreview

create or replace view fact_reviews as

with

in_force as (
    select * from reviews
    where in_force and target = 'fact'
),

final as (
    select
        fact_key,
        fact_id,
        decision as rating,
        note,
        evidence_url,
        reviewer,
        reviewed_at,
        source
    from in_force
)

select * from final
