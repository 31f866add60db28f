-- 0001_core: the tables every run writes. Read them through the views in
-- warehouse/views/ (documents, claims, conflicts, runs, fetch_log, ...).
-- Enum CHECKs repeat schemas/vocab.py; tests/warehouse/test_vocab_sql.py compares them.

-- One row per pipeline run; counts are filled in by finish_run.
create table run_rows (
    run_id text primary key,
    flow_run_id text,
    started_at timestamptz,
    ended_at timestamptz,
    status text,
    sources_tried integer,
    docs_new integer,
    docs_changed integer,
    docs_unchanged integer,
    docs_failed integer,
    claims_added integer,
    claims_removed integer,
    rows_rejected integer,
    links_found integer,
    conflicts_new integer
);

-- One row per attempt to fetch a source or one of its documents.
create table fetch_rows (
    run_id text,
    source text,
    uri text,
    fetched_at timestamptz,
    ok boolean,
    http_status integer,
    bytes bigint,
    duration_s double,
    not_modified boolean,
    etag text,
    last_modified text,
    error text
);

-- Every version of every document; exactly one version per document is current.
create table document_versions (
    document_id text not null,
    version integer not null check (version >= 1),
    uri text not null,
    title text,
    published_at date,
    fetched_at timestamptz not null,
    content_sha256 text not null,
    text text not null,
    content_type text,
    source text,
    tags text[],
    run_id text,
    is_current boolean not null,
    superseded_at timestamptz,
    primary key (document_id, version)
);

-- Claims of every document version; offsets index document_versions.text.
create table claim_rows (
    claim_id text primary key,
    document_id text not null,
    version integer not null,
    span_start integer not null,
    span_end integer not null,
    quote text not null,
    sentence text,
    value double,
    low double,
    high double,
    unit text,
    qualifier text not null
        check (qualifier in ('exact', 'approximate', 'lower_bound', 'upper_bound', 'range')),
    direction text
        check (direction in ('increase', 'decrease')),
    kind text not null
        check (kind in ('level', 'change', 'ratio')),
    subject text,
    place text,
    period_start date,
    period_end date,
    period_partial boolean not null default false,
    modality text not null
        check (modality in ('asserted', 'estimate', 'forecast', 'hypothetical')),
    attribution text,
    checkworthiness double,
    interval_low double,
    interval_high double,
    unit_family text,
    subject_key text,
    run_id text
);

-- Two claims about the same fact; each pair is stored once, lower claim_id first.
create table link_rows (
    claim_id_a text not null,
    claim_id_b text not null,
    relation text not null
        check (relation in ('agrees', 'conflicts')),
    reason text,
    severity double,
    run_id text,
    created_at timestamptz,
    primary key (claim_id_a, claim_id_b),
    check (claim_id_a < claim_id_b)
);

-- Rows a pandera model refused (schemas/quarantine.py), one per failed check.
create table rejected (
    run_id text,
    rejected_at timestamptz,
    table_name text,
    schema text,
    check_name text,
    column_name text,
    failure_case text,
    row_json text,
    document_id text,
    claim_id text
);
