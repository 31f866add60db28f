-- insert_claims: the incoming claims not stored yet.
insert into claim_rows by name
select i.*, $run_id as run_id from incoming_claims i
where not exists (select 1 from claim_rows c where c.claim_id = i.claim_id)
