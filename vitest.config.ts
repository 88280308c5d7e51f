import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway PostgreSQL server for the store tests (started only when they are selected).
    globalSetup: ['./test/store/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // End-to-end tests start real servers and child processes; two cores, so keep files from starving each other.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
