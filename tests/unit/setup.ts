import { afterAll } from 'vitest';
import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

// The screens wait for IndexedDB and for the data service, which loads its modules on first
// use. A busy two-core CI machine running test files in parallel can take longer than the
// default second; findBy/waitFor only wait until they succeed, so passing tests stay fast.
configure({ asyncUtilTimeout: 4000 });

// Preact runs effects after the next paint, with a 100 ms timer as the fallback. A timer
// still pending when a file ends would fire after jsdom is gone and throw
// ("cancelAnimationFrame is not defined", seen once on CI): let it fire while the window
// is still there.
afterAll(() => new Promise<void>((resolve) => setTimeout(resolve, 150)));
