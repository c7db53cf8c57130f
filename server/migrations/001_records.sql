-- One table for every synced record type: pull is a single ordered scan over `version`,
-- whatever the table, and a new record type needs no migration.

-- The one server-wide change counter. Only server/records.ts draws from it, and only while
-- holding the version advisory lock (see the comment there).
create sequence record_version as bigint;

create table records (
  table_name  text        not null,
  id          uuid        not null,
  version     bigint      not null,
  visibility  text        not null check (visibility in ('public', 'internal')),
  deleted     boolean     not null default false,
  data        jsonb       not null,
  updated_at  timestamptz not null,
  updated_by  text,
  -- Was this record ever visible to residents? Only then may they learn its id (as a
  -- tombstone) once it turns internal or is deleted.
  ever_public boolean     not null default false,
  primary key (table_name, id)
);

create unique index records_version_idx on records (version);

-- Resident pulls only ever read these rows; referrals are never pulled.
create index records_public_version_idx on records (version)
  where ever_public and table_name <> 'referrals';
