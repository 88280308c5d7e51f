import type { TestProject } from 'vitest/node';
import { PG_BIN, postgresAvailable, startCluster, type Cluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared throwaway PostgreSQL server, or why there is none. */
    postgres: { url: string } | { skipped: string };
  }
}

let cluster: Cluster | undefined;

/** True when this run may include tests that use PostgreSQL: no file filter, or a filter naming one of them. */
function wanted(): boolean {
  const runIndex = process.argv.findIndex((arg) => arg === 'run' || arg.endsWith('vitest') || arg.endsWith('vitest.mjs'));
  const filters = process.argv.slice(runIndex + 1).filter((arg) => !arg.startsWith('-') && arg !== 'run');
  return filters.length === 0 || filters.some((filter) => /store|replica|postgres/.test(filter));
}

/**
 * One PostgreSQL cluster for the whole test run, shared by the store tests (each file makes its own database).
 * Under CI (CI=true) a server that cannot start fails the run; elsewhere the PostgreSQL tests are skipped with a
 * notice when the server binaries are missing.
 */
export async function setup(project: TestProject): Promise<void> {
  const ci = process.env.CI === 'true';
  if (!wanted()) {
    project.provide('postgres', { skipped: 'not needed by the selected test files' });
    return;
  }
  if (!postgresAvailable()) {
    const why = `no PostgreSQL server binaries in ${PG_BIN} (apt-get install postgresql-15, or set PG_BIN)`;
    if (ci) throw new Error(`CI=true but ${why}`);
    console.warn(`\n⚠ PostgreSQL store tests SKIPPED: ${why}\n`);
    project.provide('postgres', { skipped: why });
    return;
  }
  try {
    cluster = await startCluster();
  } catch (error) {
    const why = `the PostgreSQL test server did not start: ${(error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message}`;
    if (ci) throw new Error(why);
    console.warn(`\n⚠ PostgreSQL store tests SKIPPED: ${why}\n`);
    project.provide('postgres', { skipped: why });
    return;
  }
  project.provide('postgres', { url: cluster.url });
}

export function teardown(): void {
  cluster?.stop();
}
