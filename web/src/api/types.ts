/**
 * Shapes of the server's JSON, from its API contract (src/contract, via web/src/shared/contract):
 * re-exported under the names the pages import.
 */
import type { UnitListQuery } from '../shared/contract/units';

export type { Role, UnitKind } from '../shared/domain';
export type { Page, VersionConflictDetails } from '../shared/contract/common';
export type { Me } from '../shared/contract/auth';
export type { Unit, UnitMember as UserSummary } from '../shared/contract/units';
export type { User } from '../shared/contract/users';
export type { AuditEvent } from '../shared/contract/audit';

/** The `active` filter of the directory lists: only active, only inactive, or all. */
export type ActiveFilter = NonNullable<UnitListQuery['active']>;
