// `npm run bench`: builds the production app, runs every benchmark, prints one table
// and writes it to docs/benchmarks.md. Numbers, not assertions: tests check behaviour.
// `npm run bench -- history device-report` runs only the named benchmarks and prints them
// (docs/benchmarks.md is written only by a full run).

import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildApp } from '../support/build';
import { measureBundle } from './bundle';
import { measureDeviceReport } from './device-report';
import { measureHistory } from './history';
import { measureBrowserImport } from './import-browser';
import { measureIngest } from './ingest';
import { measureLighthouse } from './lighthouse';
import { measurePartners } from './partners';
import { measureReports } from './reports';
import { measureSave } from './save';
import { formatTable, type Row } from './table';
import { measureUpload } from './upload';

const BENCHMARKS: Readonly<Record<string, () => Row[] | Promise<Row[]>>> = {
  bundle: () => measureBundle(),
  ingest: measureIngest,
  partners: measurePartners,
  'import-browser': measureBrowserImport,
  reports: measureReports,
  'device-report': measureDeviceReport,
  save: measureSave,
  history: measureHistory,
  upload: measureUpload,
  lighthouse: measureLighthouse,
};

const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  throw new Error(
    `No benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`,
  );
}

buildApp();
const rows: Row[] = [];
for (const [name, measure] of Object.entries(BENCHMARKS)) {
  if (only.length === 0 || only.includes(name)) rows.push(...(await measure()));
}
const table = formatTable(rows);
console.log(table);

if (only.length === 0) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
  writeFileSync(
    'docs/benchmarks.md',
    `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}).\n` +
      'Each row sets Balie next to a baseline measured in the same run on the same machine.\n\n' +
      `${table}\n`,
  );
}
