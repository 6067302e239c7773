// The app's version from package.json, put in by the build (Vite `define`), for the batch
// envelope's `client` (the managers' Devices screen). Where no build ran, a plain fallback.

declare const __APP_VERSION__: string | undefined;

export const APP_VERSION: string =
  typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
