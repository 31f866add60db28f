-- insert_links: the incoming links whose pair is not stored yet.
insert into link_rows by name
select i.*, $run_id as run_id, now() as created_at from incoming_links i
where not exists (select 1 from link_rows l
                  where l.claim_id_a = i.claim_id_a and l.claim_id_b = i.claim_id_b)
