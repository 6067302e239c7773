// A worker that reads a sociale-kaart file (HSDS JSON, an HSDS package as files or a zip,
// or the spreadsheet) into partners, off the page's thread so the progress bar keeps moving.
// It only reads: the page saves the result in one transaction, or nothing at all.

import { importHsdsJson } from '../core/hsds/json';
import { importHsdsTables, importHsdsZip } from '../core/hsds/tabular';
import type { ImportResult } from '../core/partners/import';
import { FILE } from '../core/partners/issues';
import { importSpreadsheet } from '../core/spreadsheet/sheet';
import type { ImportReply, ImportRequest } from './messages';

/** Names that make a set of CSV files an HSDS package rather than one spreadsheet. */
const HSDS_TABLES =
  /(^|\/)(services|organizations|locations|service_at_location)\.csv$|(^|\/)datapackage\.json$/i;

const post = (reply: ImportReply) => self.postMessage(reply);
const progress = (done: number, total: number) => post({ type: 'progress', done, total });

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  post({ type: 'done', result: await readFiles(event.data) });
};

async function readFiles({ files, topics }: ImportRequest): Promise<ImportResult> {
  const named = files.map(({ path, file }) => ({ path, file, name: path.toLowerCase() }));
  const zip = named.find(({ name }) => name.endsWith('.zip'));
  const json = named.filter(
    ({ name }) => name.endsWith('.json') && !name.endsWith('datapackage.json'),
  );
  const csv = named.filter(({ name }) => name.endsWith('.csv'));
  if (zip && named.length === 1) {
    return importHsdsZip(new Uint8Array(await zip.file.arrayBuffer()), progress);
  }
  if (json.length === 1 && named.length === 1 && json[0]) {
    return importHsdsJson(await json[0].file.text(), progress);
  }
  if (csv.length > 0 && named.some(({ name }) => HSDS_TABLES.test(name))) {
    const tables: Record<string, string> = {};
    for (const { path, file } of named) tables[path] = await file.text();
    return importHsdsTables(tables, progress);
  }
  if (csv.length === 1 && named.length === 1 && csv[0]) {
    return importSpreadsheet(new Uint8Array(await csv[0].file.arrayBuffer()), {
      topics,
      onProgress: progress,
    });
  }
  const code = named.length === 0 ? 'no-file' : 'unknown-files';
  return { ok: false, errors: [{ code, place: FILE }] };
}
