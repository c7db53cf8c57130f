-- Where an imported record came from: its source (a name the operator gives or the file's
-- name) and its id there, per HSDS table. Re-importing a source finds its records here, so it
-- updates them instead of adding new ones and turns the ones the source no longer has into
-- tombstones. Only new rows: nothing that exists is changed.
create table import_origins (
  source      text not null,
  table_name  text not null,
  source_key  text not null,
  record_id   uuid not null,
  imported_at timestamptz not null default now(),
  primary key (source, table_name, source_key)
);

create index import_origins_record_idx on import_origins (table_name, record_id);
