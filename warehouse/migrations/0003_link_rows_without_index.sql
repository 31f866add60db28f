-- 0003_link_rows_without_index: link_rows keeps its CHECKs but loses its primary-key index.
-- Maintaining the index cost three quarters of the time to store millions of links
-- (benchmarks/bench_xref.py). Each unordered pair is still stored once: links are staged
-- with an anti-join against link_rows (warehouse/links/new_links.sql), claim_id_a < claim_id_b
-- is checked, and tests/xref checks the invariant. The reason is worded by the claim_links view.
create table link_rows_new (
    claim_id_a text not null,
    claim_id_b text not null,
    relation text not null
        check (relation in ('agrees', 'conflicts')),
    reason text,
    severity double,
    run_id text,
    created_at timestamptz,
    check (claim_id_a < claim_id_b)
);
insert into link_rows_new select claim_id_a, claim_id_b, relation, reason, severity, run_id, created_at from link_rows;
drop table link_rows;
alter table link_rows_new rename to link_rows;
