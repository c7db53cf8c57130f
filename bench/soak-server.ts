/**
 * The real server (server/main.ts) with one addition for the soak benchmark: over the IPC
 * channel of `fork()` it reports its memory, after a full garbage collection (run with
 * --expose-gc), so start and end figures compare retained memory, not GC timing.
 */
process.on('message', (msg) => {
  if (msg !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.send?.({ rss: m.rss, heapUsed: m.heapUsed, external: m.external });
});

await import('../server/main');

export {};
