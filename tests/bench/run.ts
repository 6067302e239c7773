// `npm run bench`: builds the production app, runs every benchmark, prints one table
// and writes it to docs/benchmarks.md. Numbers, not assertions: tests check behaviour.

import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { buildApp } from '../support/build';
import { measureBundle } from './bundle';
import { measureIngest } from './ingest';
import { measurePartners } from './partners';
import { measureReports } from './reports';
import { measureSave } from './save';
import { formatTable, type Row } from './table';
import { measureUpload } from './upload';

buildApp();
const rows: Row[] = [
  ...measureBundle(),
  ...(await measureIngest()),
  ...(await measurePartners()),
  ...(await measureReports()),
  ...(await measureSave()),
  ...(await measureUpload()),
];
const table = formatTable(rows);
console.log(table);

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
writeFileSync(
  'docs/benchmarks.md',
  `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${machine}).\n` +
    'Each row sets Balie next to a baseline measured in the same run on the same machine.\n\n' +
    `${table}\n`,
);
