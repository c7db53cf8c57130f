-- Referrals are anonymous. Earlier releases kept the worker's e-mail with each one (as its
-- author and in the audit trail) and linked its push answer to the account; forget all of
-- it. Versions stay: referrals are never pulled, so no client needs to see this change.
update records
   set updated_by = null,
       data = jsonb_set(data, '{updated_by}', 'null'::jsonb)
 where table_name = 'referrals';

delete from audit_log where table_name = 'referrals';

update processed_mutations set user_id = null where table_name = 'referrals';
