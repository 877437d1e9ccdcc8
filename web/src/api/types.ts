/** Shapes of the server's JSON, as documented in the API contract. */
import type { Role, UnitKind } from '../shared/domain';

export type { Role, UnitKind };

export interface Me {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  mustChangePassword: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: string | null;
  parentName: string | null;
  active: boolean;
  email: string | null;
  phone: string | null;
  address: string | null;
  version: number;
  updatedAt: string;
}

/** An account as the administrators see it: what its owner sees (`Me`), and more. */
export interface User extends Me {
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserSummary {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
}

export type ActiveFilter = 'true' | 'false' | 'all';

/** `details` of a 409 VERSION_CONFLICT. */
export interface VersionConflictDetails {
  updatedBy?: string | null;
  updatedAt?: string | null;
}
