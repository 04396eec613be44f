import { jestConfig } from '../jest.base.js';

const base = jestConfig();

export default jestConfig({
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 60_000,
  // Two cores: the registry suites share one PostgreSQL; two workers keep it busy without thrashing.
  maxWorkers: 2,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^content-disposition$': '<rootDir>/test/shims/content-disposition.cjs',
  },
});
