-- References from public records to records residents cannot see (server/visibility.ts,
-- removeHiddenReferences) were served to them with the target's id before this rule existed.
-- A new version sends those records again, now without the reference. Versions are drawn
-- under the version lock of server/records.ts (key 0x51570001), as every writer does.
select pg_advisory_xact_lock(1364656129);
with refs(table_name, field, target) as (
  values ('locations', 'organization_id', 'organizations'),
         ('services', 'organization_id', 'organizations'),
         ('services', 'location_ids', 'locations'),
         ('schedules', 'location_id', 'locations'),
         ('contacts', 'organization_id', 'organizations')
), c as (
  select r.table_name, r.id
    from records r
   where r.visibility = 'public' and not r.deleted and r.ever_public
     and exists (
       select 1
         from refs
        cross join lateral jsonb_array_elements_text(
               case jsonb_typeof(r.data->refs.field)
                 when 'array' then r.data->refs.field
                 when 'string' then jsonb_build_array(r.data->refs.field)
                 else '[]'::jsonb end) as e(v)
        where refs.table_name = r.table_name
          and not exists (select 1 from records t
                           where t.table_name = refs.target and t.id::text = lower(e.v)
                             and t.visibility = 'public' and not t.deleted))
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
