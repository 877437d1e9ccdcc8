/** How the dashboard writes its figures, in Vietnamese. */

/** "8,9%" (Vietnamese decimal comma, at most one decimal). */
export function percentText(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  return `${p.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
}
