/**
 * Who is acting and from where. Every service call takes a context; the audit writer records it.
 */
import type { Role } from '../domain/roles.js';

export interface UserActor {
  kind: 'user';
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string | null;
  mustChangePassword: boolean;
}

/** The CLI, the first-start seed, or a background job. */
export interface SystemActor {
  kind: 'system';
  label: string;
}

export type Actor = UserActor | SystemActor;

export interface Ctx {
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
}

export function actorLabel(a: Actor | null): string {
  if (!a) return 'anonymous';
  return a.kind === 'user' ? a.username : `system:${a.label}`;
}

export function systemCtx(label: string): Ctx {
  return { actor: { kind: 'system', label }, requestId: null, ip: null };
}

/** The acting user's id, or null for the system actor and anonymous requests (for updated_by columns). */
export function actorUserId(ctx: Ctx): string | null {
  return ctx.actor?.kind === 'user' ? ctx.actor.id : null;
}
