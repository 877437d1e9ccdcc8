/** Password rules and one-time password generation. Pure except for randomness. */
import { randomInt } from 'node:crypto';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-limits.js';

export { PASSWORD_MAX, PASSWORD_MIN };

/** At least 10 characters with a letter and a digit, and not the same as the old one. */
export function isStrongPassword(pw: string, old?: string): boolean {
  return (
    pw.length >= PASSWORD_MIN &&
    pw.length <= PASSWORD_MAX &&
    /\p{L}/u.test(pw) &&
    /\p{N}/u.test(pw) &&
    (old === undefined || pw !== old)
  );
}

// No look-alike characters (0/O, 1/l/I), so a password read out over the phone is typed right.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random one-time password of 14 characters (about 81 bits), always with letters and digits. */
export function generateOneTimePassword(): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < 14; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    if (isStrongPassword(s)) return s;
  }
}
