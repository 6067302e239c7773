/// <reference types="vitest/config" />
// Builds the page (Preact) and the service worker (sw/, injectManifest), and runs the tests:
// `unit` in Node with fake-indexeddb, `e2e` in Debian's Chromium against the real endpoint.

import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

export default defineConfig({
  // The app's version, told to the endpoint with each batch (src/data/app-version.ts).
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The libraries in chunks of their own: an app update leaves them cached, and the bench
    // shows what of the first page is theirs and what is Balie's.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/ },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'preact', test: /node_modules[\\/]preact(-iso)?[\\/]/ },
          ],
        },
      },
    },
  },
  // Dexie's modern build (ES2018 and up, smaller) instead of the ES5 bundle its package entry
  // wraps; the app targets ES2022 browsers anyway.
  resolve: { alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  plugins: [
    preact(),
    process.env.VITEST
      ? undefined
      : VitePWA({
          strategies: 'injectManifest',
          srcDir: 'sw',
          filename: 'sw.ts',
          injectRegister: false,
          registerType: 'prompt',
          injectManifest: {
            rollupFormat: 'iife',
            globPatterns: ['**/*.{js,css,html,svg}'],
          },
          manifest: {
            name: 'Balie — Informatiepunt Digitale Overheid',
            short_name: 'Balie',
            description: 'Registreer IDO-vragen en verwijs door, ook zonder internet.',
            lang: 'nl',
            start_url: '/',
            scope: '/',
            display: 'standalone',
            background_color: '#f7f7f5',
            theme_color: '#154273',
            icons: [
              { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
              { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
              { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
            ],
          },
        }),
  ],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // The desks' zone, so clock changes are real; the setup file fails loudly without it.
          env: { TZ: 'Europe/Amsterdam' },
          setupFiles: ['tests/unit/time-zone.setup.ts', 'fake-indexeddb/auto'],
          // A limit, not a timing check: endpoint tests spawn processes and hash passwords
          // (scrypt) many times, which on a busy 2-core machine can take longer than 5 s.
          testTimeout: 30_000,
        },
      },
      {
        // The endpoint's tests once more, on a real PostgreSQL server that the setup starts
        // (Debian's package, installed when missing), plus the tests of several processes.
        extends: true,
        test: {
          name: 'postgres',
          include: [
            'tests/unit/server/{bodies,endpoint,garbage,layout-migration,limits,map,organisation,ownership,protocol-doc,reports,reports-tables,sessions,store-failure}.test.ts',
            'tests/postgres/**/*.test.ts',
          ],
          environment: 'node',
          env: { TZ: 'Europe/Amsterdam', BALIE_TEST_DATABASE: 'postgres' },
          setupFiles: ['tests/unit/time-zone.setup.ts'],
          globalSetup: ['tests/support/postgres-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
