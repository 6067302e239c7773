// The one place the benchmarks open the endpoint's store (the upload benchmark goes through
// the browser harness, which has its own).

import { openSqliteStore, type Store } from '../../server/store';

export function openBenchStore(file: string): Promise<Store> {
  return openSqliteStore(file);
}
