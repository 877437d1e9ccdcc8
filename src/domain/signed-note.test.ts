import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkpointText,
  openNote,
  parseCheckpointText,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  signerKey,
  verifierKey,
} from './signed-note.js';

// The vector of golang.org/x/mod/sumdb/note (the reference implementation of C2SP signed notes).
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const SIG =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('C2SP signed note (Ed25519)', () => {
  it('matches the reference implementation byte for byte', () => {
    const k = parseSignerKey(SKEY);
    expect(verifierKey(k)).toBe(VKEY);
    expect(signerKey(k)).toBe(SKEY);
    expect(signNote(TEXT, k)).toBe(`${TEXT}\n${SIG}`);
    expect(openNote(`${TEXT}\n${SIG}`, parseVerifierKey(VKEY))).toEqual({ ok: true, text: TEXT });
  });

  it('refuses an edited text, another key, and a malformed note', () => {
    const v = parseVerifierKey(VKEY);
    expect(openNote(`${TEXT.replace('answer', 'question')}\n${SIG}`, v)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const other = { name: 'PeterNeumann', privateKey, publicKey };
    expect(openNote(signNote(TEXT, other), v)).toMatchObject({ ok: false, reason: 'unsigned' });
    expect(openNote(TEXT, v)).toMatchObject({ ok: false, reason: 'malformed' });
    expect(() => signNote('no newline', other)).toThrow();
  });

  it('round-trips an audit checkpoint body', () => {
    const c = { origin: 'thucthi-audit', seq: 42, hash: 'ab'.repeat(32), at: '2026-12-02T10:00:00.000Z' };
    expect(checkpointText(c)).toBe(
      `thucthi-audit\n42\n${Buffer.from(c.hash, 'hex').toString('base64')}\ntime 2026-12-02T10:00:00.000Z\n`,
    );
    expect(parseCheckpointText(checkpointText(c))).toEqual(c);
    expect(parseCheckpointText('x\n1\nabc\n')).toBeNull();
  });
});
