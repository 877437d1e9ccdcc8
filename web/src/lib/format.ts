import dayjs, { TIME_ZONE } from './dayjs';
import { ROLE_LABELS, UNIT_KIND_LABELS, type Role, type UnitKind } from '../shared/domain';

/** dd/mm/yyyy HH:mm in Vietnam time; an em dash for a missing value. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIME_ZONE).format('DD/MM/YYYY HH:mm') : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIME_ZONE).format('DD/MM/YYYY') : iso;
}

/** A calendar date written as ISO `yyyy-mm-dd` (no time zone): dd/mm/yyyy. */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : formatDate(iso);
}

export function fromNow(iso: string): string {
  return dayjs(iso).fromNow();
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, { vi: string }>)[role]?.vi ?? role;
}

export function unitKindLabel(kind: string): string {
  return (UNIT_KIND_LABELS as Record<string, { vi: string }>)[kind]?.vi ?? kind;
}

export function isRoleValue(v: unknown): v is Role {
  return typeof v === 'string' && v in ROLE_LABELS;
}

export function isUnitKindValue(v: unknown): v is UnitKind {
  return typeof v === 'string' && v in UNIT_KIND_LABELS;
}

/** Trims a form value; an empty string becomes null (to clear an optional field). */
export function emptyToNull(v: string | null | undefined): string | null {
  const t = (v ?? '').trim();
  return t === '' ? null : t;
}
