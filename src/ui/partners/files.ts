// Files in and out of the sociale kaart: reading a chosen file in the import worker, and
// writing the exports as downloads. The import and export code loads only when used.

import type { ImportResult } from '../../core/partners/import';
import { FILE } from '../../core/partners/issues';
import type { Partner } from '../../core/partners/partner';
import type { CatalogueOption } from '../../core/registration/catalogue';
import type { ImportReply, ImportRequest } from '../../import-worker/messages';
import { saveFile } from '../download';

/** Reads the chosen files in a worker, reporting progress; never writes anything. */
export function readPartnerFiles(
  files: readonly File[],
  topics: readonly CatalogueOption[],
  onProgress: (done: number, total: number) => void,
): Promise<ImportResult> {
  const worker = new Worker(new URL('../../import-worker/worker.ts', import.meta.url), {
    type: 'module',
  });
  const request: ImportRequest = {
    files: files.map((file) => ({ path: file.webkitRelativePath || file.name, file })),
    topics: [...topics],
  };
  return new Promise<ImportResult>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      if (event.data.type === 'progress') onProgress(event.data.done, event.data.total);
      else {
        resolve(event.data.result);
        worker.terminate();
      }
    };
    worker.onerror = (event) => {
      reject(new Error(event.message));
      worker.terminate();
    };
    worker.postMessage(request);
  }).catch((): ImportResult => ({ ok: false, errors: [{ code: 'file-unreadable', place: FILE }] }));
}

export type ExportKind = 'hsds-json' | 'hsds-zip' | 'spreadsheet';

/** Builds one export (local notes never included) and offers it as a download. */
export async function downloadExport(
  kind: ExportKind,
  partners: readonly Partner[],
  now: number,
  topics: readonly CatalogueOption[],
): Promise<void> {
  const details = partners.map(({ local: _local, ...rest }) => rest);
  const day = new Date(now).toISOString().slice(0, 10);
  if (kind === 'hsds-json') {
    const { exportHsdsJson } = await import('../../core/hsds/json');
    saveFile(
      new Blob([exportHsdsJson(details, topics)], { type: 'application/json' }),
      `sociale-kaart-${day}.json`,
    );
  } else if (kind === 'hsds-zip') {
    const { exportHsdsZip } = await import('../../core/hsds/tabular');
    const bytes = exportHsdsZip(details, now, topics);
    saveFile(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
      `sociale-kaart-hsds-${day}.zip`,
    );
  } else {
    const { exportSpreadsheet } = await import('../../core/spreadsheet/sheet');
    saveFile(
      new Blob([exportSpreadsheet(details, topics)], { type: 'text/csv;charset=utf-8' }),
      `sociale-kaart-${day}.csv`,
    );
  }
}

/** The sheet with its headers only: the fill-in file for an office's own list. */
export async function downloadTemplate(): Promise<void> {
  const { exportSpreadsheet } = await import('../../core/spreadsheet/sheet');
  saveFile(
    new Blob([exportSpreadsheet([])], { type: 'text/csv;charset=utf-8' }),
    'sociale-kaart-invulbestand.csv',
  );
}
