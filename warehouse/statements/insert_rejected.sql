-- insert_rejected: rows a pandera model refused (registered as incoming_rejected, see
-- schemas/quarantine.py), stamped with the run.
insert into rejected by name
select $run_id as run_id, now() as rejected_at, table_name, schema,
       "check" as check_name, "column" as column_name, failure_case, row_json,
       document_id, claim_id
from incoming_rejected
