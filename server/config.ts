import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_PROCESSED_RETENTION_DAYS } from './housekeeping';

export interface ServerConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Seed the demo neighbourhood into an empty database (SEED_DEMO=0 turns it off). */
  seedDemo: boolean;
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For entries are believed
   * (TRUST_PROXY; 0 = none, the socket address counts). Only safe when clients cannot reach
   * the server except through them, or anyone could claim any address.
   */
  trustProxy: number;
  /** PROCESSED_RETENTION_DAYS: days push answers are kept for replays (0 = forever). */
  processedRetentionDays: number;
  /** AUDIT_RETENTION_DAYS: days of change history, personal data (0 = forever). */
  auditRetentionDays: number;
}

type Env = Record<string, string | undefined>;

/** Upper bound keeps the SQL interval arithmetic far from overflow (100 years). */
const MAX_RETENTION_DAYS = 36500;

/** A retention in whole days, 0 = keep forever; unset or empty → `fallback`. */
function retentionDays(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim() ?? '';
  if (raw === '') return fallback;
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || days > MAX_RETENTION_DAYS) {
    throw new Error(
      `${name} muss eine ganze Zahl von Tagen sein, 0 bis ${MAX_RETENTION_DAYS} ` +
        `(0 = unbegrenzt aufbewahren), nicht „${raw}“ / must be a whole number of days ` +
        `from 0 to ${MAX_RETENTION_DAYS}`,
    );
  }
  return days;
}

export function readConfig(env: Env): ServerConfig {
  const rawPort = env.PORT?.trim() || '8080';
  const port = Number(rawPort);
  // 0 = any free port (tests); the startup line reports the real one.
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    throw new Error(`PORT must be a number from 0 to 65535, got "${rawPort}"`);
  }
  const rawTrust = (env.TRUST_PROXY ?? '').trim().toLowerCase();
  const trustProxy = ['', '0', 'false', 'no', 'off'].includes(rawTrust)
    ? 0
    : ['true', 'yes', 'on'].includes(rawTrust)
      ? 1
      : Number(rawTrust);
  if (!Number.isInteger(trustProxy) || trustProxy < 0 || trustProxy > 10) {
    throw new Error(
      `TRUST_PROXY must be 0, 1 or the number of proxies (up to 10), got "${rawTrust}"`,
    );
  }
  return {
    port,
    dataDir: env.DATA_DIR?.trim() || './data',
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    seedDemo: !['0', 'false', 'no', 'off'].includes((env.SEED_DEMO ?? '').trim().toLowerCase()),
    trustProxy,
    processedRetentionDays: retentionDays(
      env,
      'PROCESSED_RETENTION_DAYS',
      DEFAULT_PROCESSED_RETENTION_DAYS,
    ),
    auditRetentionDays: retentionDays(env, 'AUDIT_RETENTION_DAYS', DEFAULT_AUDIT_RETENTION_DAYS),
  };
}
