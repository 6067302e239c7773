// What the first page loads: the JavaScript and CSS named by dist/index.html, gzipped, with
// the libraries' own chunks (named in vite.config.ts) apart from Balie's code.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { number, type Row } from './table';

export function measureBundle(dist = 'dist'): Row[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  const sizes = assets.map((asset) => {
    const bytes = readFileSync(join(dist, asset));
    return { asset, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const js = sizes.filter((s) => s.asset.endsWith('.js'));
  const css = sizes.filter((s) => s.asset.endsWith('.css'));
  const kb = (n: number) => `${number(n / 1024, 1)} KB`;
  const sum = (list: typeof sizes, key: 'raw' | 'gzip') => list.reduce((t, s) => t + s[key], 0);
  const libraries = ['dexie', 'zod', 'preact'].map((name) => ({
    name,
    gzip: sum(
      js.filter((s) => s.asset.startsWith(`assets/${name}-`)),
      'gzip',
    ),
  }));
  const own = sum(js, 'gzip') - libraries.reduce((t, l) => t + l.gzip, 0);
  const parts = [...libraries.map((l) => `${l.name} ${kb(l.gzip)}`), `Balie ${kb(own)}`];
  const sw = readFileSync(join(dist, 'sw.js'));
  return [
    {
      measure: 'First page: JS + CSS (gzip)',
      balie: kb(sum(sizes, 'gzip')),
      baseline: `${kb(sum(sizes, 'raw'))} raw`,
      figure: `JS ${kb(sum(js, 'gzip'))} (${parts.join(', ')}), CSS ${kb(sum(css, 'gzip'))}`,
    },
    {
      measure: 'Service worker (gzip)',
      balie: kb(gzipSync(sw, { level: 9 }).length),
      baseline: `${kb(sw.length)} raw`,
      figure: 'not on the first paint path',
    },
  ];
}
