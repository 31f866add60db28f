-- drop_regrouped: the stored groups of the staged claims (new_groups.sql), replaced by store_groups.sql.
delete from claim_groups where claim_id in (select claim_id from pending_groups)
