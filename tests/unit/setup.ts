import 'fake-indexeddb/auto';
import { configure } from '@testing-library/preact';

// The screens wait for IndexedDB and for the data service, which loads its modules on first
// use. A busy two-core CI machine running test files in parallel can take longer than the
// default second; findBy/waitFor only wait until they succeed, so passing tests stay fast.
configure({ asyncUtilTimeout: 4000 });
