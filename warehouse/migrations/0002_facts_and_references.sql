-- 0002_facts_and_references: the fact each claim states, and published reference figures.

-- The fact a claim states (flows/claims/link.py: fact_keys); null when the claim is not compared.
alter table claim_rows add column fact_key text;

-- Published statistics loaded with `claimhouse reference load FILE` (CSV or Parquet).
-- The *_key columns are computed by flows/ingest/reference.py with the same rules as for claims.
create table reference_rows (
    reference_id text primary key,
    source_file text not null,
    measure text,
    subject text not null,
    place text,
    period text not null,
    value double not null,
    unit text,
    qualifier text not null
        check (qualifier in ('exact', 'approximate', 'lower_bound', 'upper_bound', 'range')),
    publisher text not null,
    source_url text not null,
    reported_as text,
    note text,
    place_key text,
    period_start date,
    period_end date,
    as_of boolean not null,
    period_partial boolean not null,
    unit_family text,
    subject_key text,
    interval_low double,
    interval_high double,
    loaded_at timestamptz
);
