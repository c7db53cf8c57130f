import 'fake-indexeddb/auto';
import '@testing-library/preact';
