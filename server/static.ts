// Serves the built app with the headers a PWA needs: a strict CSP, the service worker and
// the page never cached by HTTP (so updates arrive), hashed assets cached for a year and
// gzipped (once per file, kept in memory) for browsers that accept it.

import { type FileHandle, open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // The upload endpoint and a followed sociale kaart may live elsewhere, always over HTTPS.
  "connect-src 'self' https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

export async function serveStatic(
  root: string,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    relative = '';
  }
  let file = join(root, relative);
  if (!file.startsWith(normalize(root) + sep) && file !== normalize(root))
    file = join(root, 'index.html');
  // Hashed assets are the only files cached for a year, so a name under assets/ that is not
  // a file must never get the app shell (which would then be cached as that asset).
  const asset = /^assets[/\\]./.test(relative);
  let opened = await openFile(file);
  if (!opened) {
    // Unknown paths without a file extension are app routes: answer with the app shell.
    if (asset || extname(relative) !== '') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('Niet gevonden');
      return;
    }
    opened = await openFile(join(root, 'index.html'));
    if (!opened) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('De app is nog niet gebouwd. Start met: npm start');
      return;
    }
    file = join(root, 'index.html');
  }
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': asset ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY_HEADERS,
  };
  if (asset && COMPRESSIBLE.has(extname(file))) {
    headers.vary = 'accept-encoding';
    if (acceptsGzip(req)) {
      const zipped = await gzipped(file, opened.handle).finally(() => opened.handle.close());
      // A read error ends this one reply, as it does for a file streamed below.
      if (!zipped) {
        res.destroy();
        return;
      }
      res.writeHead(200, {
        ...headers,
        'content-encoding': 'gzip',
        'content-length': zipped.length,
      });
      res.end(req.method === 'HEAD' ? undefined : zipped);
      return;
    }
  }
  return sendFile(opened, headers, req, res);
}

/** Streams an opened file with its length. */
async function sendFile(
  { handle, size }: { handle: FileHandle; size: number },
  headers: Record<string, string>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  res.writeHead(200, { ...headers, 'content-length': size });
  if (req.method === 'HEAD') {
    await handle.close();
    res.end();
    return;
  }
  // Read from the handle opened above: a rebuild that renames or deletes the file now still
  // serves the file that was measured. Any read error ends this one reply, never the process.
  const stream = handle.createReadStream();
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/** Text assets worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json', '.webmanifest', '.txt']);
const GZIP_CACHE_LIMIT = 500;
const zip = promisify(gzip);
/** Gzipped hashed assets by path, size and change time: each is compressed once. */
const gzipCache = new Map<string, Promise<Buffer>>();

function acceptsGzip(req: IncomingMessage): boolean {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  return /(^|,)\s*gzip\s*(,|$|;\s*q=(?!0(\.0*)?\s*(,|$)))/i.test(accepted);
}

/** The file's bytes gzipped, read from the handle opened for this request. */
async function gzipped(file: string, handle: FileHandle): Promise<Buffer | undefined> {
  try {
    const info = await handle.stat();
    const key = `${file}\0${info.size}\0${info.mtimeMs}`;
    let zipped = gzipCache.get(key);
    if (!zipped) {
      if (gzipCache.size >= GZIP_CACHE_LIMIT) gzipCache.clear();
      zipped = handle
        .readFile()
        .then((bytes) => zip(bytes, { level: constants.Z_BEST_COMPRESSION }));
      gzipCache.set(key, zipped);
      zipped.catch(() => gzipCache.delete(key));
    }
    return await zipped;
  } catch {
    return undefined;
  }
}

/** Opens a regular file for reading, with its size; undefined when it is not (any more) there. */
async function openFile(file: string): Promise<{ handle: FileHandle; size: number } | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const info = await handle.stat();
    if (info.isFile()) return { handle, size: info.size };
  } catch {
    // Gone between two steps, unreadable, or a directory: not a file we can serve.
  }
  await handle?.close().catch(() => undefined);
  return undefined;
}
