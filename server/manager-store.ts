// Managers (name + scrypt hash), their sessions (by the SHA-256 of the cookie value, 12 hours
// idle) and failed sign-ins (per name and per address, for slowing down and locking). All in
// the database, so several endpoint processes can share them later.

import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { randomSecret, sha256 } from './secrets';

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

export function openManagerStore(db: Database.Database, now: () => number) {
  const iso = (ms = now()) => new Date(ms).toISOString();

  const byName = db.prepare<[string], ManagerRow>(
    'SELECT id, organisation_id, name, password_hash FROM managers WHERE name = ?',
  );
  const byId = db.prepare<[string], ManagerRow>(
    'SELECT id, organisation_id, name, password_hash FROM managers WHERE id = ?',
  );
  const sessionRow = db.prepare<[string], { manager_id: string; last_seen_at: string }>(
    'SELECT manager_id, last_seen_at FROM sessions WHERE id_hash = ?',
  );
  const failuresSince = db.prepare<[string, string], { at: string }>(
    'SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at DESC',
  );

  return {
    /** A new manager; `taken` when the name is in use (names are compared case-blind). */
    add(organisationId: string, name: string, passwordHash: string): Manager | 'taken' {
      if (byName.get(name)) return 'taken';
      const manager = { id: randomUUID(), organisation_id: organisationId, name };
      db.prepare(
        'INSERT INTO managers (id, organisation_id, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ).run(manager.id, organisationId, name, passwordHash, iso());
      return manager;
    },

    /** With the stored hash, for checking a password; undefined for an unknown name. */
    withHash(name: string): ManagerRow | undefined {
      return byName.get(name);
    },

    byId(id: string): ManagerRow | undefined {
      return byId.get(id);
    },

    list(organisationId: string): Manager[] {
      return db
        .prepare<[string], Manager>(
          'SELECT id, organisation_id, name FROM managers WHERE organisation_id = ? ORDER BY name',
        )
        .all(organisationId);
    },

    setPassword(id: string, passwordHash: string): void {
      db.prepare('UPDATE managers SET password_hash = ? WHERE id = ?').run(passwordHash, id);
    },

    /** A new session; returns the cookie value (256 random bits), of which only a hash is kept. */
    startSession(managerId: string): string {
      const secret = randomSecret();
      db.prepare(
        'INSERT INTO sessions (id_hash, manager_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
      ).run(sha256(secret), managerId, iso(), iso());
      return secret;
    },

    /** The manager a cookie value signs in, unless unknown or idle for 12 hours. */
    session(secret: string): Manager | undefined {
      const hash = sha256(secret);
      const row = sessionRow.get(hash);
      if (!row) return undefined;
      const idle = now() - Date.parse(row.last_seen_at);
      if (idle > SESSION_IDLE_MS) {
        db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash);
        return undefined;
      }
      if (idle > TOUCH_MS) {
        db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(iso(), hash);
      }
      const manager = byId.get(row.manager_id);
      return (
        manager && { id: manager.id, organisation_id: manager.organisation_id, name: manager.name }
      );
    },

    endSession(secret: string): void {
      db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sha256(secret));
    },

    /** Ends every session of a manager but the one `keep` belongs to (after a password change). */
    endOtherSessions(managerId: string, keep: string): void {
      db.prepare('DELETE FROM sessions WHERE manager_id = ? AND id_hash != ?').run(
        managerId,
        sha256(keep),
      );
    },

    /**
     * Failures of the worst of `keys` in the last 15 minutes, and when that key is locked,
     * how many seconds until it is not (when its 10th-newest failure leaves the window).
     */
    failures(keys: readonly string[]): { count: number; lockedFor: number } {
      const since = iso(now() - LOCK_WINDOW_MS);
      let count = 0;
      let lockedFor = 0;
      for (const key of keys) {
        const times = failuresSince.all(key, since);
        count = Math.max(count, times.length);
        const tenth = times[LOCK_AFTER_FAILURES - 1];
        if (tenth) {
          const until = Date.parse(tenth.at) + LOCK_WINDOW_MS;
          lockedFor = Math.max(lockedFor, Math.ceil((until - now()) / 1000));
        }
      }
      return { count, lockedFor };
    },

    recordFailure(keys: readonly string[]): void {
      const at = iso();
      const insert = db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)');
      const prune = db.prepare('DELETE FROM login_failures WHERE key = ? AND at <= ?');
      const before = iso(now() - LOCK_WINDOW_MS);
      db.transaction(() => {
        for (const key of keys) {
          prune.run(key, before);
          insert.run(key, at);
        }
      })();
    },

    clearFailures(key: string): void {
      db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
    },
  };
}

export type ManagerStore = ReturnType<typeof openManagerStore>;
