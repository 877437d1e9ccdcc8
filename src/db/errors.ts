/** Reads the SQLSTATE of a database error, whichever driver (pg, PGlite) or wrapper (Drizzle) raised it. */
export function pgErrorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = (cur as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Connection-level failures (server gone, refused, shutting down): answered as 503, not 500. */
export function isConnectionError(e: unknown): boolean {
  const code = pgErrorCode(e);
  if (code && (code.startsWith('08') || code === '57P01' || code === '57P03')) return true;
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const c = (cur as { code?: unknown }).code;
    if (c === 'ECONNREFUSED' || c === 'ECONNRESET' || c === 'ETIMEDOUT' || c === 'ENOTFOUND') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
