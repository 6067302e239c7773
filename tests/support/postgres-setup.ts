// Vitest global setup of the PostgreSQL project: one throwaway server for the whole run (each
// test file makes its own database on it), stopped when the run ends.

import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test run's PostgreSQL server. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
