-- grouped_claims: the current claims a link step has put in a value group (`claim_groups`), with the
-- pair-rule columns of `claim_signatures` and the stored group (read, not hashed again).
--
-- claim_id, document_id, claim_key, copy_key, sketch, published_at, block_key, scope, when_start,
-- when_end, when_loose, interval_low, interval_high, qualifier, evolving, update_cue, order_at
--                as in `claim_signatures`
-- group_id       the claim's value group, as stored by the link step
-- run_id         the run that first linked the claim in this group (`claim_groups`)
-- created_at     when

create or replace view grouped_claims as

with

signed as (
    select * exclude (group_id) from claim_signatures
),

stored as (
    select claim_id, group_id, run_id, created_at from claim_groups
),

final as (
    select signed.*, stored.group_id, stored.run_id, stored.created_at
    from signed
    inner join stored using (claim_id)
)

select * from final
