// What the page and the import worker send each other: files in, progress and a result out.
// Types only, so both runtimes can share it without either seeing the other's globals.

import type { ImportResult } from '../core/partners/import';
import type { CatalogueOption } from '../core/registration/catalogue';

export interface ImportRequest {
  /** `path` is the file's place in a chosen folder, or just its name. */
  readonly files: readonly { readonly path: string; readonly file: Blob }[];
  /** The branch's topics, so a sheet may name its own topics too. */
  readonly topics: readonly CatalogueOption[];
}

export type ImportReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: ImportResult };
