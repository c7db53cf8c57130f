import { isIP } from 'node:net';
import type { Queryable } from '../db';

/**
 * Login throttling, kept in the database so that every instance behind the load balancer
 * counts the same failures. Keyed by the normalised e-mail (whether or not the account
 * exists, so the answer does not reveal that). With `freeFailures` failures counted (the
 * count starts over after `windowMs` without an attempt) the key is locked; each further
 * failure doubles the lock up to `maxLockMs`. A success clears the key. Locks are short on
 * purpose: an attacker who knows an address can delay its owner by minutes, not lock them
 * out for good. The client address is a second key with its own policy
 * (DEFAULT_IP_THROTTLE).
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

/**
 * Second key per client address, so spraying many e-mail addresses from one machine is slowed
 * down too. Much more generous, because a whole office can share one address behind NAT; it
 * only has to stop a password spray, not a single person mistyping.
 */
export const DEFAULT_IP_THROTTLE: ThrottlePolicy = {
  freeFailures: 30,
  windowMs: 15 * 60 * 1000,
  baseLockMs: 30 * 1000,
  maxLockMs: 15 * 60 * 1000,
};

/**
 * The e-mail key, or undefined when no account can have this address. Accounts are only
 * created with an "@" (users.ts), and client-address keys never contain one: without this
 * check, "ip:203.0.113.5" typed as e-mail would lock out whoever sits behind that address.
 */
export function emailThrottleKey(normalizedEmail: string): string | undefined {
  return normalizedEmail.includes('@') ? normalizedEmail : undefined;
}

/**
 * One address in a canonical form, or undefined if it is none. Also accepts what proxies
 * put into X-Forwarded-For ("[v6]:port", "v4:port"). An IPv4 client of a dual-stack socket
 * shows up as ::ffff:a.b.c.d and must count as the same client as a.b.c.d.
 */
export function normalizeIp(raw: string): string | undefined {
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  s = s.replace(/%.*$/, '');
  const family = isIP(s);
  if (family === 4) return s;
  if (family !== 6) return undefined;
  const g = ipv6Groups(s);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return [g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff].join('.');
  }
  return g.map((x) => x.toString(16)).join(':');
}

/** The eight 16-bit groups of a valid IPv6 address. */
function ipv6Groups(s: string): number[] {
  let text = s.toLowerCase();
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((h) => Number.parseInt(h, 16)) : [];
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

/**
 * The throttle key of a client address, or undefined if there is no usable one. IPv6 counts
 * per /64: a single home connection usually gets a whole /64, so per-address keys would let
 * one attacker rotate through 2^64 fresh counters.
 */
export function ipThrottleKey(address: string | undefined): string | undefined {
  const ip = address === undefined ? undefined : normalizeIp(address);
  if (ip === undefined) return undefined;
  if (isIP(ip) === 4) return `ip:${ip}`;
  return `ip:${ip.split(':').slice(0, 4).join(':')}::/64`;
}

/** Milliseconds until the key may try again, or 0. */
export async function lockedFor(q: Queryable, key: string): Promise<number> {
  const rows = await q.query<{ ms: string | number | null }>(
    `select greatest(0, extract(epoch from (locked_until - now())) * 1000) as ms
       from login_failures where key = $1`,
    [key],
  );
  return Math.ceil(Number(rows[0]?.ms ?? 0));
}

/**
 * A granted attempt: it was counted as a failure before the password check, so that
 * requests arriving together cannot all pass a check-then-count. `lock` is the lock this
 * reservation set in advance (as text, to compare it exactly later), null if none.
 */
export interface Reservation {
  key: string;
  policy: ThrottlePolicy;
  lock: string | null;
}

/**
 * The lock after `count` counted attempts ($3 base, $4 max, $5 free failures): none below
 * the free failures, then the base lock, doubled for each attempt after it.
 */
function lockAfter(count: string): string {
  return `case when (${count}) >= $5::int then now() + least(
      $4::double precision,
      $3::double precision * power(2, least(20, (${count}) - $5::int))
    ) * interval '1 millisecond' end`;
}

/**
 * Reserves one attempt for `key`, or returns null while the key is locked. One statement,
 * so the row lock of INSERT … ON CONFLICT serialises every instance: of N requests at once,
 * exactly as many are granted as the policy has free failures left. The reservation that
 * reaches `freeFailures` (and each one after a lock ran out) sets the lock right away, as
 * if it had failed; a success hands its reservation back (releaseAttempt).
 */
export async function reserveAttempt(
  q: Queryable,
  key: string,
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<Reservation | null> {
  const count = `case when f.last_failure < now() - $2::double precision * interval '1 millisecond'
                      then 1 else f.failures + 1 end`;
  const rows = await q.query<{ lock: string | null }>(
    `insert into login_failures as f (key, failures, last_failure, locked_until)
       values ($1, 1, now(), ${lockAfter('1')})
     on conflict (key) do update set
       failures = ${count},
       last_failure = now(),
       locked_until = ${lockAfter(count)}
     where f.locked_until is null or f.locked_until <= now()
     returning locked_until::text as lock`,
    [key, policy.windowMs, policy.baseLockMs, policy.maxLockMs, policy.freeFailures],
  );
  const row = rows[0];
  return row ? { key, policy, lock: row.lock } : null;
}

/**
 * Hands back a reservation whose attempt did not fail (a success, or one let in for this
 * key but refused for the other). The lock it set in advance goes with it, and so does any
 * lock while fewer than `freeFailures` attempts remain counted; a lock set by another
 * reservation in the meantime stays.
 */
export async function releaseAttempt(q: Queryable, r: Reservation): Promise<void> {
  await q.query(
    `update login_failures set
       failures = greatest(0, failures - 1),
       locked_until = case
         when failures - 1 < $2::int or locked_until::text = $3 then null
         else locked_until end
     where key = $1`,
    [r.key, r.policy.freeFailures, r.lock],
  );
}

export async function clearFailures(q: Queryable, key: string): Promise<void> {
  await q.query('delete from login_failures where key = $1', [key]);
}
