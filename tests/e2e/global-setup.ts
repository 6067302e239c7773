// Before the browser tests: make sure Chromium is there and build the production app once.

import { buildApp } from '../support/build';
import { ensureChromium } from '../support/chromium';

export default function setup(): void {
  process.env.CHROMIUM_PATH = ensureChromium();
  buildApp();
}
