-- insert_staged_links: incoming links staged by links/new_links.sql (already unique and not stored).
insert into link_rows by name
select i.*, $run_id as run_id, now() as created_at from incoming_links i
