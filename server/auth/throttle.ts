import type { Queryable } from '../db';

/**
 * Login throttling, kept in the database so that every instance behind the load balancer
 * counts the same failures. Keyed by the normalised e-mail (whether or not the account
 * exists, so the answer does not reveal that). After FREE_FAILURES failures within
 * WINDOW the key is locked; each further failure doubles the lock up to MAX_LOCK. A
 * success clears the key. Locks are short on purpose: an attacker who knows an address
 * can delay its owner by minutes, not lock them out for good.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  windowMs: number;
  baseLockMs: number;
  maxLockMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 5,
  windowMs: 15 * 60 * 1000,
  baseLockMs: 30 * 1000,
  maxLockMs: 15 * 60 * 1000,
};

/** Milliseconds until the key may try again, or 0. */
export async function lockedFor(q: Queryable, key: string): Promise<number> {
  const rows = await q.query<{ ms: string | number | null }>(
    `select greatest(0, extract(epoch from (locked_until - now())) * 1000) as ms
       from login_failures where key = $1`,
    [key],
  );
  return Math.ceil(Number(rows[0]?.ms ?? 0));
}

/** Counts a failure (atomically, several instances may count at once). */
export async function recordFailure(
  q: Queryable,
  key: string,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<void> {
  await q.query(
    `insert into login_failures as f (key, failures, last_failure)
       values ($1, 1, now())
     on conflict (key) do update set
       failures = case when f.last_failure < now() - ($2::double precision * interval '1 millisecond')
                       then 1 else f.failures + 1 end,
       last_failure = now()`,
    [key, policy.windowMs],
  );
  await q.query(
    `update login_failures set locked_until = now() + least(
         $3::double precision,
         $2::double precision * power(2, least(20, greatest(0, failures - $4::int - 1)))
       ) * interval '1 millisecond'
      where key = $1 and failures > $4::int`,
    [key, policy.baseLockMs, policy.maxLockMs, policy.freeFailures],
  );
}

export async function clearFailures(q: Queryable, key: string): Promise<void> {
  await q.query('delete from login_failures where key = $1', [key]);
}
