import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Dataset } from '../../../src/demo/types';
import { launchBrowser } from './browser';
import { startServer, type TestServer } from './server';

export interface Suite {
  readonly server: TestServer;
  readonly browser: Browser;
}

/** One real server with `dataset` and one Chromium for the enclosing describe block. */
export function useServerAndBrowser(dataset: Dataset | (() => Dataset)): Suite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(dataset);
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
