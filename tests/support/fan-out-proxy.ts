// A proxy that delivers every `POST /api/batches` to two endpoint processes at the same moment
// (the next two of its upstreams in turn), as a confused load balancer or a retrying client
// would, and answers with the first reply that came back whole. Every reply is kept for checks.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  readonly batchId: string;
  readonly upstream: string;
  /** The HTTP status, or 0 when the connection broke (the process was killed). */
  readonly status: number;
  readonly body: string;
}

export interface FanOutProxy {
  readonly url: string;
  /** The endpoints batches go to; replace one when its process is restarted. */
  upstreams: string[];
  readonly deliveries: Delivery[];
  /** Called when a batch has been sent to an upstream (before its reply), e.g. to kill it. */
  onSent?: (upstream: string, batchId: string) => void;
  close(): Promise<void>;
}

export async function startFanOutProxy(upstreams: string[]): Promise<FanOutProxy> {
  let turn = 0;
  const proxy: FanOutProxy = {
    url: '',
    upstreams,
    deliveries: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function deliver(upstream: string, req: IncomingMessage, body: Buffer, batchId: string) {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization', 'idempotency-key']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let delivery: Delivery;
    try {
      const sent = fetch(`${upstream}/api/batches`, {
        method: 'POST',
        headers,
        body: new Uint8Array(body),
      });
      proxy.onSent?.(upstream, batchId);
      const response = await sent;
      delivery = { batchId, upstream, status: response.status, body: await response.text() };
    } catch {
      delivery = { batchId, upstream, status: 0, body: '' };
    }
    proxy.deliveries.push(delivery);
    return delivery;
  }

  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const batchId = String(req.headers['idempotency-key'] ?? '');
    const first = proxy.upstreams[turn % proxy.upstreams.length] as string;
    const second = proxy.upstreams[(turn + 1) % proxy.upstreams.length] as string;
    turn++;
    const replies = [first, second].map((upstream) => deliver(upstream, req, body, batchId));
    // The first whole reply answers the client; the other delivery still runs to its end.
    const answer = await Promise.any(
      replies.map((reply) => reply.then((got) => (got.status === 0 ? Promise.reject() : got))),
    ).catch(() => undefined);
    await Promise.allSettled(replies);
    if (!answer) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Geen van beide processen antwoordde.' }));
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  (proxy as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
