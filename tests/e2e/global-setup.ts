// Before the browser tests: make sure Chromium is there and build the production app once.

import { execFileSync } from 'node:child_process';
import { ensureChromium } from '../support/chromium';

export default function setup(): void {
  const chromium = ensureChromium();
  process.env.CHROMIUM_PATH = chromium;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.VITEST;
  delete env.VITEST_MODE;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env,
  });
}
