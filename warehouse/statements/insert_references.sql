-- insert_references: a validated batch of reference figures (registered as incoming_references).
insert into reference_rows by name select * from incoming_references
