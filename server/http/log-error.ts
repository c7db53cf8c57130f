import { randomBytes } from 'node:crypto';

/**
 * A log line for an unexpected error that names it without quoting anything a client sent.
 * Database errors carry the data they choke on (PostgreSQL's message, `detail` and `where`
 * quote values; drivers attach the query and its parameters), and records are personal
 * data. So only the error's class, its SQLSTATE or Node code and the stack frames are kept;
 * the id links the line to the answer the client got.
 */
export function describeError(err: unknown, id: string): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: unknown;
    code?: unknown;
    stack?: unknown;
  };
  const name = typeof e.name === 'string' ? e.name : typeof err;
  const code = typeof e.code === 'string' && /^[\w.-]{1,40}$/.test(e.code) ? ` ${e.code}` : '';
  const frames =
    typeof e.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .join('\n')
      : '';
  return `[${id}] ${name}${code}${frames ? `\n${frames}` : ''}`;
}

/** A short random id for one failure, shown to the client and written to the log. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}
