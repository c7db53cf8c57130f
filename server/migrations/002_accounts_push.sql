-- Accounts, sessions, login throttling, push idempotency and the audit trail. Everything
-- several server instances must share lives here, not in process memory.

create table users (
  id            bigint generated always as identity primary key,
  -- Stored lower-case; logins compare lower-case.
  email         text        not null unique,
  role          text        not null check (role in ('admin', 'coordinator', 'worker')),
  -- scrypt$N$r$p$salt$hash (base64url), see server/auth/password.ts.
  password_hash text        not null,
  created_at    timestamptz not null default now(),
  disabled_at   timestamptz,
  -- Marks the accounts seeded for the embedded demo, so the start log can mention them.
  demo          boolean     not null default false
);

-- Opaque bearer tokens; only their SHA-256 is stored, so a database dump grants no access.
create table sessions (
  token_hash  text        primary key,
  user_id     bigint      not null references users (id) on delete cascade,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  revoked_at  timestamptz
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

-- Failed logins per key (normalised e-mail). Shared by all instances.
create table login_failures (
  key           text        primary key,
  failures      int         not null,
  last_failure  timestamptz not null,
  locked_until  timestamptz
);

-- Every processed push mutation with its answer: a replay is answered from here.
create table processed_mutations (
  client_id    text        not null,
  mutation_id  text        not null,
  user_id      bigint      references users (id) on delete set null,
  table_name   text,
  record_id    text,
  status       text        not null check (status in ('applied', 'conflict', 'rejected')),
  result       jsonb       not null,
  processed_at timestamptz not null default now(),
  primary key (client_id, mutation_id)
);
create index processed_mutations_at_idx on processed_mutations (processed_at);

-- Field-level history in the spirit of the HSDS `metadata` object.
create table audit_log (
  id            bigint generated always as identity primary key,
  at            timestamptz not null default now(),
  actor         text,
  table_name    text        not null,
  record_id     uuid        not null,
  version       bigint      not null,
  action        text        not null check (action in ('create', 'update', 'delete', 'restore')),
  field         text        not null,
  old_value     jsonb,
  new_value     jsonb,
  client_id     text,
  mutation_id   text
);
create index audit_log_record_idx on audit_log (table_name, record_id, id);
