// The organisation's records as the endpoint hands them around: locations and their kinds,
// the organisation, devices as managers see them, audit entries and what a koppelcode gives.

export const LOCATION_KINDS = [
  'vaste-balie',
  'lopend-ido',
  'spreekuur-elders',
  'buiten-bibliotheek',
] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export interface Location {
  readonly id: string;
  readonly name: string;
  readonly gemeente: string;
  readonly kind: LocationKind;
  readonly hours: string;
  readonly staffing: string;
  readonly active: boolean;
}

export interface Organisation {
  readonly id: string;
  readonly name: string;
  readonly screenLock: null | { readonly minutes: number };
}

export interface DeviceView {
  readonly id: string;
  readonly label: string;
  readonly role: 'desk' | 'manager';
  readonly locationId: string | null;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  readonly lastUploadAt: string | null;
  readonly appVersion: string | null;
  readonly unsentAtLastUpload: number | null;
  readonly revokedAt: string | null;
}

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly detail: Record<string, unknown>;
}

export const AUDIT_ACTIONS = [
  'session.login',
  'session.failed',
  'koppelcode.created',
  'device.linked',
  'device.revoked',
  'device.changed',
  'location.created',
  'location.changed',
  'map.published',
  'map.restored',
  'catalogue.changed',
  'password.changed',
  'organisation.changed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const KOPPELCODE_HOURS = 24;

export type Redeemed =
  | { readonly kind: 'unknown' | 'used' | 'expired' }
  | {
      readonly kind: 'linked';
      readonly token: string;
      readonly device: { readonly id: string; readonly label: string; readonly role: string };
      readonly organisation: Organisation;
      readonly location: Location;
    };

/** A location as its table row holds it (active as 0/1). */
export interface LocationRow {
  id: string;
  name: string;
  gemeente: string;
  kind: LocationKind;
  hours: string;
  staffing: string;
  active: number;
}

export const LOCATION_COLUMNS = 'id, name, gemeente, kind, hours, staffing, active';

export function toLocation(row: LocationRow): Location {
  return { ...row, active: row.active === 1 };
}

export type LocationInput = Omit<Location, 'id' | 'active'>;
