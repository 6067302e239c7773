// Reading request bodies with a size limit and a deadline, writing JSON replies, and refusing
// a request without reading the rest of its body.

import type { IncomingMessage, ServerResponse } from 'node:http';

export class TooLarge extends Error {}
export class TooSlow extends Error {}

/**
 * Reads the whole body as UTF-8, refusing more than `limit` bytes (TooLarge) or a body that
 * has not fully arrived `timeoutMs` after the request came in (TooSlow). A refused body is
 * not read any further: the caller answers with `refuse`, which closes the connection.
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new TooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error?: Error) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        req.pause();
        chunks.length = 0;
        reject(error);
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) stop(new TooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onError = (error: Error) => stop(error);
    const timer = setTimeout(() => stop(new TooSlow()), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * Answers a request whose body will not be read (no or a wrong token, too large, too slow,
 * rate limited) and closes the connection. Without this Node reads and throws away whatever
 * the client still sends (200 MB took 2.5 s) to reach the next request on the connection.
 * Here the socket stops reading at once; Node closes it as soon as the reply is flushed
 * (`Connection: close`). A client that is still sending then sees the reply or a reset;
 * the app's batches (≤ 512 KB) have long been sent by then, so it reads the reply.
 */
export function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (!req.complete) {
    // read(0) marks the body as being consumed, so Node will not dump (read and discard) it
    // when the reply finishes; pausing the socket right after stops the bytes coming in.
    req.read(0);
    req.pause();
    req.socket.pause();
  }
  sendJson(res, status, body, { ...headers, connection: 'close' });
}
