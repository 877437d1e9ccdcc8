import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseTlogCheckpoint, signNote, tlogCheckpointText, type NoteKey } from '../signed-note.js';
import { checkpointText } from '../signed-note.js';
import { publicLogOrigin } from '../../config.js';
import { MerkleTree, hashLeaf } from './merkle.js';
import { checkConsistency, checkInclusion, decodeHashes, openTlogCheckpoint } from './verify.js';

const key = (name = 'thucthi-audit-thu'): NoteKey => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { name, privateKey, publicKey };
};
const ORIGIN = 'thucthi.local/cong-khai';
const leaves = Array.from({ length: 11 }, (_, i) => `{"la":${i}}`);
const tree = new MerkleTree(leaves.map((l) => hashLeaf(Buffer.from(l))));
const cpOf = (n: number) => ({
  origin: ORIGIN,
  size: n,
  rootHash: tree.root(n).toString('hex'),
  extensions: [],
});
const b64 = (hs: Buffer[]) => hs.map((h) => h.toString('base64'));

describe('tlog checkpoints (C2SP)', () => {
  it('writes and parses the three lines (and extension lines)', () => {
    const c = cpOf(7);
    const text = tlogCheckpointText(c);
    expect(text).toBe(`${ORIGIN}\n7\n${tree.root(7).toString('base64')}\n`);
    expect(parseTlogCheckpoint(text)).toEqual(c);
    expect(parseTlogCheckpoint(`${text}ext một\n`)).toEqual({ ...c, extensions: ['ext một'] });
  });

  it('refuses what is not one', () => {
    const root = tree.root(3).toString('base64');
    for (const bad of [
      `${ORIGIN}\n3\n${root}`, // no final newline
      `${ORIGIN}\n03\n${root}\n`, // leading zero
      `${ORIGIN}\n-3\n${root}\n`,
      `${ORIGIN}\n3\n${root.slice(0, -2)}==\n`,
      `\n3\n${root}\n`,
      `${ORIGIN}\n3\n${root}\n\n`,
      `${ORIGIN}\n99999999999999999\n${root}\n`,
    ])
      expect(parseTlogCheckpoint(bad), JSON.stringify(bad)).toBeNull();
    // The audit chain's checkpoint (a time line, a chain head) never reads as the public log's origin.
    const audit = checkpointText({
      origin: 'thucthi-audit-thu',
      seq: 3,
      hash: 'ab'.repeat(32),
      at: '2026-11-27T03:00:00.000Z',
    });
    expect(parseTlogCheckpoint(audit)).toMatchObject({
      origin: 'thucthi-audit-thu',
      extensions: ['time 2026-11-27T03:00:00.000Z'],
    });
    const k = key();
    expect(openTlogCheckpoint(signNote(audit, k), k, ORIGIN)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('wrong origin'),
    });
  });

  it('derives the origin from PUBLIC_URL', () => {
    expect(publicLogOrigin(undefined)).toBe('thucthi.local/cong-khai');
    expect(publicLogOrigin('https://ThucThi.HaNoi.gov.vn/, https://other')).toBe(
      'thucthi.hanoi.gov.vn/cong-khai',
    );
    expect(publicLogOrigin('http://10.0.0.5:8080')).toBe('10.0.0.5:8080/cong-khai');
  });
});

describe('the verifier', () => {
  const k = key();
  const note = (n: number) => signNote(tlogCheckpointText(cpOf(n)), k);

  it('opens a checkpoint signed by the key, and says why it refuses one', () => {
    expect(openTlogCheckpoint(note(5), k, ORIGIN)).toEqual({ ok: true, checkpoint: cpOf(5) });
    expect(openTlogCheckpoint(note(5).replace('\n5\n', '\n6\n'), k)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('bad signature'),
    });
    expect(openTlogCheckpoint(note(5), key())).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not signed by this key'),
    });
    expect(openTlogCheckpoint('không phải ghi chú', k)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('malformed'),
    });
    expect(openTlogCheckpoint(note(5), k, 'khac/cong-khai')).toMatchObject({ ok: false });
    // A witness's extra signature line does not matter; CRLF line ends from a copy-paste are tolerated.
    const other = key('nhan-chung');
    const cosigned = signNote(tlogCheckpointText(cpOf(5)), other).split('\n\n')[1]!;
    expect(openTlogCheckpoint(`${note(5)}${cosigned}`, k).ok).toBe(true);
    expect(openTlogCheckpoint(note(5).replace(/\n/gu, '\r\n'), k).ok).toBe(true);
  });

  it('checks inclusion and consistency with Vietnamese reasons', () => {
    const cp = cpOf(11);
    expect(
      checkInclusion(leaves[4]!, 4, { treeSize: 11, hashes: b64(tree.inclusionProof(4, 11)) }, cp),
    ).toMatchObject({ ok: true });
    expect(
      checkInclusion(leaves[4]! + ' ', 4, { treeSize: 11, hashes: b64(tree.inclusionProof(4, 11)) }, cp),
    ).toMatchObject({
      ok: false,
      reason: expect.stringContaining('không nằm trong cây đã ký'),
    });
    expect(
      checkInclusion(leaves[4]!, 4, { treeSize: 10, hashes: b64(tree.inclusionProof(4, 10)) }, cp),
    ).toMatchObject({ ok: false });
    expect(checkInclusion(leaves[4]!, 11, { treeSize: 11, hashes: [] }, cp)).toMatchObject({ ok: false });
    expect(checkInclusion(leaves[4]!, 4, { treeSize: 11, hashes: ['không-phải-base64'] }, cp)).toMatchObject({
      ok: false,
    });
    expect(checkConsistency(cpOf(3), cp, b64(tree.consistencyProof(3, 11)))).toEqual({ ok: true });
    expect(checkConsistency(cp, cpOf(3), [])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cắt bớt'),
    });
    expect(checkConsistency(cpOf(3), cp, b64(tree.consistencyProof(4, 11)))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('rẽ nhánh'),
    });
    expect(checkConsistency(cpOf(3), { ...cp, origin: 'khac' }, [])).toMatchObject({ ok: false });
    expect(decodeHashes([Buffer.alloc(31).toString('base64')])).toBeNull();
  });
});
