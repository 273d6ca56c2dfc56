// A real IndexedDB implementation for Node (the browser tests in system-tests use Chromium's own).
import 'fake-indexeddb/auto';
