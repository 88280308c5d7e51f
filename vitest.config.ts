import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // End-to-end tests start real servers and child processes; two cores, so keep files from starving each other.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
