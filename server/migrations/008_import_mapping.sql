-- The coordinators' taxonomy mapping: a source term (code or name, compared by its key, see
-- termKey) to our category and Zielgruppe slugs. Every import reads it. It is settings, not
-- offer data, so it is not synced to devices.
create table import_mapping (
  term_key      text primary key,
  term          text not null,
  categories    jsonb not null default '[]'::jsonb,
  target_groups jsonb not null default '[]'::jsonb,
  updated_at    timestamptz not null default now()
);
