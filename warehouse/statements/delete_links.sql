-- delete_links: every link touching one of $claim_ids.
delete from link_rows where list_contains($claim_ids, claim_id_a) or list_contains($claim_ids, claim_id_b)
