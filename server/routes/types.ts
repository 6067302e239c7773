// How route modules hand their routes to app.ts: exact `METHOD /path` keys, and patterns for
// paths with an id in them.

import type { IncomingMessage, ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type ParamHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
) => void | Promise<void>;

export interface Routes {
  readonly exact: Readonly<Record<string, Handler>>;
  readonly patterns?: readonly (readonly [method: string, path: RegExp, handler: ParamHandler])[];
}

/** A path segment that is a UUID (any case). */
export const ID = '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';
