/** Roman numerals as Vietnamese documents number their parts and group rows (I … XX). Pure. */
export const ROMAN_NUMERALS = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
  'XVIII',
  'XIX',
  'XX',
] as const;

/** A well-formed Roman numeral up to XXXIX (the empty string matches too: test it first). */
export const ROMAN_RE = /^(X{0,3})(IX|IV|V?I{0,3})$/;

/** The numeral of n (1-based), or n in digits past XX. */
export function romanOf(n: number): string {
  return ROMAN_NUMERALS[n - 1] ?? String(n);
}
