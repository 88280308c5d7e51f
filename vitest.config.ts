import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One throwaway PostgreSQL server for the store tests (started only when they are selected).
    globalSetup: ['./test/store/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    // Two files at a time: on these 2-core machines vitest's default is one worker (cores - 1), and most files spend
    // their time waiting on loopback servers and timers, so a second worker halves the wall time (92 s → 56 s here).
    maxWorkers: 2,
    // Files in one worker share loaded modules (bolt, openai, exceljs, the knowledge): importing them again for every
    // file cost ~28 s of the run. Tests keep no state in modules: each builds its own bot, fakes and knowledge copies.
    isolate: false,
    // End-to-end tests start real servers and child processes; two cores, so keep files from starving each other.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
