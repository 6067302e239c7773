// A small fault-injecting HTTP proxy in front of the real endpoint. Everything passes
// through untouched except `POST /api/batches`, which meets a random fault: dropped
// connections before and after the endpoint committed, 500, 503 and 429 with
// Retry-After, 413, a stall past the client's time-out, and duplicate delivery.

import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULTS = [
  'pass',
  'drop-before',
  'drop-after',
  'error-500',
  'unavailable-503',
  'busy-429',
  'too-large-413',
  'stall',
  'duplicate',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface FaultProxy {
  readonly url: string;
  /** How often each fault was injected. */
  readonly counts: Record<Fault, number>;
  /** Set false to let every request pass (for the final check). */
  faulty: boolean;
  close(): Promise<void>;
}

export interface FaultOptions {
  readonly upstream: string;
  /**
   * How many of each fault one deck holds; missing ones are 0. Faults are dealt from a
   * shuffled deck, so every fault with a weight occurs once per deck at least.
   */
  readonly weights: Partial<Record<Fault, number>>;
  /** How long a stall lasts; longer than the client's upload time-out. */
  readonly stallMs: number;
  readonly random?: () => number;
}

export async function startFaultProxy(options: FaultOptions): Promise<FaultProxy> {
  const random = options.random ?? Math.random;
  const counts = Object.fromEntries(FAULTS.map((fault) => [fault, 0])) as Record<Fault, number>;
  const upstream = new URL(options.upstream);
  let deck: Fault[] = [];

  function pick(): Fault {
    if (deck.length === 0) {
      deck = FAULTS.flatMap((fault) => Array<Fault>(options.weights[fault] ?? 0).fill(fault));
      for (let i = deck.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [deck[i], deck[j]] = [deck[j] as Fault, deck[i] as Fault];
      }
    }
    return deck.pop() ?? 'pass';
  }

  function forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: upstream.host, 'content-length': body.length },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 502,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  function reply(res: ServerResponse, answer: Awaited<ReturnType<typeof forward>>) {
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
    res.end(answer.body);
  }

  function answerWith(res: ServerResponse, status: number, headers: Record<string, string> = {}) {
    const body = JSON.stringify({ error: `injected ${status}` });
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const isUpload = req.method === 'POST' && req.url === '/api/batches';
    const fault: Fault = isUpload && proxy.faulty ? pick() : 'pass';
    let chosen = fault;
    if (fault === 'too-large-413') {
      // A single record cannot be split further; the real endpoint would take it.
      const records = (JSON.parse(body.toString('utf8')) as { records: unknown[] }).records;
      if (records.length < 2) chosen = 'pass';
    }
    if (isUpload) counts[chosen] += 1;
    switch (chosen) {
      case 'pass':
        return reply(res, await forward(req, body));
      case 'drop-before':
        req.socket.destroy();
        return;
      case 'drop-after':
        await forward(req, body);
        req.socket.destroy();
        return;
      case 'error-500':
        return answerWith(res, 500);
      case 'unavailable-503':
        return answerWith(res, 503, { 'retry-after': '1' });
      case 'busy-429':
        return answerWith(res, 429, { 'retry-after': '1' });
      case 'too-large-413':
        return answerWith(res, 413);
      case 'stall': {
        // The client gives up; the endpoint still gets and commits the batch afterwards.
        await new Promise((resolve) => setTimeout(resolve, options.stallMs));
        const late = await forward(req, body);
        if (!res.destroyed) reply(res, late);
        return;
      }
      case 'duplicate': {
        const first = await forward(req, body);
        const second = await forward(req, body);
        return reply(res, random() < 0.5 ? first : second);
      }
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks)).catch(() => {
        if (!res.headersSent) answerWith(res, 502);
        else res.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const proxy: FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    counts,
    faulty: true,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return proxy;
}
