/**
 * Vietnamese-aware text helpers. Pure functions, no I/O.
 */

/** Normalises to NFC and collapses runs of whitespace (including NBSP) to one space. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Folds case and diacritics so that "Hà Nội", "HA NOI" and "ha noi" compare equal.
 * "đ"/"Đ" is a separate letter in Unicode (no decomposition), so it is mapped by hand.
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** An ASCII slug in upper case, for generated codes: "Sở Tư pháp" → "SO-TU-PHAP". */
export function codeSlug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toUpperCase();
}

/** Escapes LIKE wildcards so user input is matched literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
