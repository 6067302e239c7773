// POST /api/batches: a device's registrations, checked record by record (the location too:
// an id of the device's organisation, or a version 1 name that equals one), stored once per
// (id, rev), answered per record. The envelope's `client` is kept for the Devices screen.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { BatchEnvelope } from '../../src/core/upload/batch';
import { authorisedDevice, type Context, limitedBody, tooMany } from '../context';
import { sendJson } from '../http';
import { describeIssues } from '../reasons';
import { sha256 } from '../secrets';
import type { Routes } from './types';

export const MAX_BODY_BYTES = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;
const QUOTA_RETRY_SECONDS = 3600;
const OVER_QUOTA =
  'Dit apparaat heeft het afgelopen etmaal meer gestuurd dan de server per apparaat bewaart. Het probeert het later vanzelf opnieuw.';

export function batchRoutes(ctx: Context): Routes {
  const { store } = ctx;

  async function receiveBatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const device = await authorisedDevice(ctx, req, res);
    if (!device) return;
    // Every batch leaves a stored reply (for replays); a device that keeps sending records
    // the server rejects would otherwise fill the disk.
    const since = new Date(ctx.now() - DAY_MS).toISOString();
    if ((await store.replyBytesSince(device.id, since)) >= ctx.limits.replyBytesPerDay) {
      return tooMany(req, res, QUOTA_RETRY_SECONDS, OVER_QUOTA);
    }
    const text = await limitedBody(
      ctx,
      req,
      res,
      MAX_BODY_BYTES,
      'De batch is groter dan 1 MB. Stuur minder tegelijk.',
    );
    if (text === undefined) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return sendJson(res, 400, { error: 'De inhoud is geen geldige JSON.' });
    }
    const envelope = BatchEnvelope.safeParse(json);
    if (!envelope.success) {
      return sendJson(res, 400, { error: describeIssues(envelope.error.issues) });
    }
    const { batchId, records, client } = envelope.data;
    const key = req.headers['idempotency-key'];
    if (key !== undefined && String(key).toLowerCase() !== batchId.toLowerCase()) {
      return sendJson(res, 400, { error: 'Idempotency-Key moet gelijk zijn aan batchId.' });
    }
    const outcome = await store.ingest(batchId, device, sha256(text), records, client);
    if (outcome.kind === 'key-reused') {
      return sendJson(res, 422, {
        error: 'Deze batchId is al gebruikt voor een andere inhoud. Gebruik een nieuwe batchId.',
      });
    }
    if (outcome.replayed) res.setHeader('idempotent-replayed', 'true');
    return sendJson(res, 200, { results: outcome.results });
  }

  return { exact: { 'POST /api/batches': receiveBatch } };
}
