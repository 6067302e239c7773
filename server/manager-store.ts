// Managers (name + scrypt hash), their sessions (by the SHA-256 of the cookie value, 12 hours
// idle) and failed sign-ins (per name and per address, for slowing down and locking). All in
// the database, so several endpoint processes can share them later.

import { randomUUID } from 'node:crypto';
import { randomSecret, sha256 } from './secrets';
import type { Sql } from './sql';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Sign-in failures counted over this window; this many lock the name or address. */
export const LOCK_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_AFTER_FAILURES = 10;
/** A session's last use is written at most this often (each write is a disk sync). */
const TOUCH_MS = 60_000;

export interface Manager {
  readonly id: string;
  readonly organisation_id: string;
  readonly name: string;
}

export interface ManagerRow extends Manager {
  readonly password_hash: string;
}

// Names are unique case-blind (the column is COLLATE NOCASE on SQLite); LOWER() on both sides
// finds a name the same way on PostgreSQL. On SQLite both fold ASCII letters only.
const MANAGER = 'SELECT id, organisation_id, name, password_hash FROM managers';

export function openManagerStore(sql: Sql, now: () => number) {
  const iso = (ms = now()) => new Date(ms).toISOString();

  const byName = (name: string) =>
    sql.get<ManagerRow>(`${MANAGER} WHERE LOWER(name) = LOWER(?)`, [name]);
  const byId = (id: string) => sql.get<ManagerRow>(`${MANAGER} WHERE id = ?`, [id]);

  return {
    /** A new manager; `taken` when the name is in use (names are compared case-blind). */
    async add(
      organisationId: string,
      name: string,
      passwordHash: string,
    ): Promise<Manager | 'taken'> {
      if (await byName(name)) return 'taken';
      const manager = { id: randomUUID(), organisation_id: organisationId, name };
      await sql.run(
        'INSERT INTO managers (id, organisation_id, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        [manager.id, organisationId, name, passwordHash, iso()],
      );
      return manager;
    },

    /** With the stored hash, for checking a password; undefined for an unknown name. */
    withHash(name: string): Promise<ManagerRow | undefined> {
      return byName(name);
    },

    byId,

    list(organisationId: string): Promise<Manager[]> {
      return sql.all<Manager>(
        'SELECT id, organisation_id, name FROM managers WHERE organisation_id = ? ORDER BY LOWER(name), id',
        [organisationId],
      );
    },

    async setPassword(id: string, passwordHash: string): Promise<void> {
      await sql.run('UPDATE managers SET password_hash = ? WHERE id = ?', [passwordHash, id]);
    },

    /** A new session; returns the cookie value (256 random bits), of which only a hash is kept. */
    async startSession(managerId: string): Promise<string> {
      const secret = randomSecret();
      await sql.run(
        'INSERT INTO sessions (id_hash, manager_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
        [sha256(secret), managerId, iso(), iso()],
      );
      return secret;
    },

    /** The manager a cookie value signs in, unless unknown or idle for 12 hours. */
    async session(secret: string): Promise<Manager | undefined> {
      const hash = sha256(secret);
      const row = await sql.get<{ manager_id: string; last_seen_at: string }>(
        'SELECT manager_id, last_seen_at FROM sessions WHERE id_hash = ?',
        [hash],
      );
      if (!row) return undefined;
      const idle = now() - Date.parse(row.last_seen_at);
      if (idle > SESSION_IDLE_MS) {
        await sql.run('DELETE FROM sessions WHERE id_hash = ?', [hash]);
        return undefined;
      }
      if (idle > TOUCH_MS) {
        await sql.run('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?', [iso(), hash]);
      }
      const manager = await byId(row.manager_id);
      return (
        manager && { id: manager.id, organisation_id: manager.organisation_id, name: manager.name }
      );
    },

    async endSession(secret: string): Promise<void> {
      await sql.run('DELETE FROM sessions WHERE id_hash = ?', [sha256(secret)]);
    },

    /** Ends every session of a manager but the one `keep` belongs to (after a password change). */
    async endOtherSessions(managerId: string, keep: string): Promise<void> {
      await sql.run('DELETE FROM sessions WHERE manager_id = ? AND id_hash <> ?', [
        managerId,
        sha256(keep),
      ]);
    },

    /**
     * Failures of the worst of `keys` in the last 15 minutes, and when that key is locked,
     * how many seconds until it is not (when its 10th-newest failure leaves the window).
     */
    async failures(keys: readonly string[]): Promise<{ count: number; lockedFor: number }> {
      const since = iso(now() - LOCK_WINDOW_MS);
      let count = 0;
      let lockedFor = 0;
      for (const key of keys) {
        const times = await sql.all<{ at: string }>(
          'SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC',
          [key, since],
        );
        count = Math.max(count, times.length);
        const tenth = times[LOCK_AFTER_FAILURES - 1];
        if (tenth) {
          const until = Date.parse(tenth.at) + LOCK_WINDOW_MS;
          lockedFor = Math.max(lockedFor, Math.ceil((until - now()) / 1000));
        }
      }
      return { count, lockedFor };
    },

    async recordFailure(keys: readonly string[]): Promise<void> {
      const at = iso();
      const before = iso(now() - LOCK_WINDOW_MS);
      await sql.transaction(async (tx) => {
        for (const key of keys) {
          await tx.run('DELETE FROM login_failures WHERE key = ? AND at <= ?', [key, before]);
          await tx.run('INSERT INTO login_failures (key, at) VALUES (?, ?)', [key, at]);
        }
      });
    },

    async clearFailures(key: string): Promise<void> {
      await sql.run('DELETE FROM login_failures WHERE key = ?', [key]);
    },
  };
}

export type ManagerStore = ReturnType<typeof openManagerStore>;
