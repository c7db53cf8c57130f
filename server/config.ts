export interface ServerConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Seed the demo neighbourhood into an empty database (SEED_DEMO=0 turns it off). */
  seedDemo: boolean;
}

type Env = Record<string, string | undefined>;

export function readConfig(env: Env): ServerConfig {
  const rawPort = env.PORT?.trim() || '8080';
  const port = Number(rawPort);
  // 0 = any free port (tests); the startup line reports the real one.
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    throw new Error(`PORT must be a number from 0 to 65535, got "${rawPort}"`);
  }
  return {
    port,
    dataDir: env.DATA_DIR?.trim() || './data',
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    seedDemo: !['0', 'false', 'no', 'off'].includes((env.SEED_DEMO ?? '').trim().toLowerCase()),
  };
}
