-- Schedules and contacts inherit their offer's visibility (server/visibility.ts).

-- The version of the last write of the record itself; NULL means `version`. `version` also
-- moves when only what residents may see of a record changes (its offer was published or
-- unpublished); push's conflict check compares with this one, so that does not count as
-- someone else's edit.
alter table records add column content_version bigint;

-- An offer's schedules and contacts, found when its visibility changes.
create index records_offer_idx on records ((data->>'service_id'))
  where table_name in ('schedules', 'contacts');

-- Public schedules and contacts of offers that residents cannot see were served to them
-- before this rule existed. A new version sends those residents a tombstone. Versions are
-- drawn under the version lock of server/records.ts (key 0x51570001), as every writer does.
select pg_advisory_xact_lock(1364656129);
with c as (
  select r.table_name, r.id
    from records r
    left join records p on p.table_name = 'services' and p.id = (r.data->>'service_id')::uuid
   where r.table_name in ('schedules', 'contacts') and r.data->>'service_id' is not null
     and r.visibility = 'public' and not r.deleted and r.ever_public
     and not coalesce(p.visibility = 'public' and not p.deleted, false)
   order by r.version
), v as (
  select c.*, nextval('record_version') as version from c
)
update records r set
  content_version = coalesce(r.content_version, r.version),
  version = v.version,
  data    = r.data || jsonb_build_object('version', v.version)
  from v
 where r.table_name = v.table_name and r.id = v.id;
