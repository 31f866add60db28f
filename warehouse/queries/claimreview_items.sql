-- What `claimhouse export claimreview` writes a ClaimReview for, with the claim and its document
-- (flows/claimreview.py): verdicts given at this desk (oldest first) and, when
-- $with_checks, reference checks with a verdict (automated: checks against a
-- publisher's figure).
with

verdicts as (
    select false as automated, claim_id, rating, via, reviewer, reviewed_at, note, evidence_url
    from claim_verdicts
    where source = 'desk'
),

checks as (
    select true as automated, claim_id, verdict, reference_value, reference_unit, reference_period, publisher,
           source_url, reason
    from reference_checks
    where $with_checks and verdict in ('supported', 'contradicted')
),

items as (
    select * from verdicts
    union all by name
    select * from checks
),

final as (
    select items.*, c.quote, c.sentence, c.attribution, c.uri, d.title, d.published_at, d.source
    from items
    inner join claims as c using (claim_id)
    inner join documents as d on d.document_id = c.document_id and d.version = c.version
)

select * from final
order by automated, reviewed_at, claim_id
