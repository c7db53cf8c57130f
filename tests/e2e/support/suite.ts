import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Dataset } from '../../../src/demo/types';
import { launchBrowser } from './browser';
import { type CoordServer, startCoordServer, type TestUser } from './coordServer';
import { startServer, type TestServer } from './server';

export interface Suite<S extends { close(): Promise<void> } = TestServer> {
  readonly server: S;
  readonly browser: Browser;
}

/** One real server with `dataset` and one Chromium for the enclosing describe block. */
export function useServerAndBrowser(dataset: Dataset | (() => Dataset)): Suite {
  return useSuite(() => startServer(dataset));
}

/** The same with accounts: a server that `users` can sign in to. */
export function useCoordServerAndBrowser(
  dataset: Dataset | (() => Dataset),
  users: TestUser[],
): Suite<CoordServer> {
  return useSuite(() => startCoordServer(dataset, users));
}

function useSuite<S extends { close(): Promise<void> }>(start: () => Promise<S>): Suite<S> {
  let server: S | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('server not started (use inside the describe block)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not launched (use inside the describe block)');
      return browser;
    },
  };
}
