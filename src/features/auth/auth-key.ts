/**
 * The server's secret for keyed hashes in the audit log (an unknown login name is recorded as its
 * HMAC, never verbatim: mistyped names are often passwords).
 *
 * From THUCTHI_AUTH_KEY when set (every instance sharing a PostgreSQL database should set the same
 * value), else from `<dataDir>/auth.key`, generated on first start (mode 0600).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';

export const AUTH_KEY_FILE = 'auth.key';

export function loadAuthKey(opts: { authKey: string | undefined; dataDir: string }): {
  key: Buffer;
  created: string | null;
} {
  if (opts.authKey !== undefined) {
    if (opts.authKey.length < 32) throw new Error('THUCTHI_AUTH_KEY phải dài ít nhất 32 ký tự');
    return { key: Buffer.from(opts.authKey, 'utf8'), created: null };
  }
  const file = path.resolve(opts.dataDir, AUTH_KEY_FILE);
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (text.length < 32) throw new Error(`Tệp khóa ${file} hỏng (quá ngắn); xóa tệp để tạo khóa mới`);
    return { key: Buffer.from(text, 'utf8'), created: null };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = randomBytes(32).toString('hex');
  try {
    fs.writeFileSync(file, text + '\n', { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return loadAuthKey(opts);
    throw e;
  }
  return { key: Buffer.from(text, 'utf8'), created: file };
}

/** Used when no key was configured (tests building Deps by hand): random per process. */
let processKey: Buffer | null = null;
function fallbackKey(): Buffer {
  processKey ??= randomBytes(32);
  return processKey;
}

/** The keyed hash of a login name as the audit log records it (hex, 128 bits). */
export function loginNameHash(key: Buffer | undefined, username: string): string {
  return createHmac('sha256', key ?? fallbackKey())
    .update(username)
    .digest('hex')
    .slice(0, 32);
}
