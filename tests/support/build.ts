// Builds the production app into dist/, the way `npm start` does, for browser tests and
// benchmarks. NODE_ENV=production, and Vitest's variables removed so the PWA plugin runs.

import { execFileSync } from 'node:child_process';

export function buildApp(): void {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}
