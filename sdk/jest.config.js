import { jestConfig } from '../jest.base.js';

// One embedded PostgreSQL per run, for the SQL engine's PostgreSQL tests (test/global-setup.js).
export default jestConfig({
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
});
