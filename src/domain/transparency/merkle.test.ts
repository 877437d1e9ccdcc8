import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  MerkleTree,
  hashChildren,
  hashLeaf,
  rootFromInclusionProof,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';
import { leafHash } from './statements.js';

// The RFC 6962 reference inputs and roots (transparency-dev/merkle testonly, certificate-transparency).
const RFC_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((h) => Buffer.from(h, 'hex'));
const RFC_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

// ---- a naive reference: the RFC 9162 §2.1 definitions, recursively, over a list ----
function mth(d: Buffer[]): Buffer {
  if (d.length === 0) return createHash('sha256').digest();
  if (d.length === 1) return d[0]!;
  const k = splitPoint(d.length);
  return hashChildren(mth(d.slice(0, k)), mth(d.slice(k)));
}
function path(m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const k = splitPoint(d.length);
  return m < k
    ? [...path(m, d.slice(0, k)), mth(d.slice(k))]
    : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
}
function subproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = splitPoint(d.length);
  return m <= k
    ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))]
    : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}
const proof = (m: number, d: Buffer[]) => subproof(m, d, true);

const leaves = (n: number) => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`lá ${i}`)));
const flip = (b: Buffer, at = 0) => {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 1;
  return c;
};

describe('RFC 6962 hashing', () => {
  it('hashes leaves and nodes with the domain-separation prefixes', () => {
    expect(hashLeaf(Buffer.alloc(0)).toString('hex')).toBe(RFC_ROOTS[1]);
    expect(hashLeaf(Buffer.from('x')).equals(leafHash(Buffer.from('x')))).toBe(true);
    const a = hashLeaf(Buffer.from('a'));
    const b = hashLeaf(Buffer.from('b'));
    expect(hashChildren(a, b)).toEqual(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([1]), a, b]))
        .digest(),
    );
    expect(EMPTY_ROOT.toString('hex')).toBe(RFC_ROOTS[0]);
  });

  it('gives the reference roots for sizes 0 to 8', () => {
    const t = new MerkleTree();
    expect(t.root().toString('hex')).toBe(RFC_ROOTS[0]);
    for (const [i, input] of RFC_INPUTS.entries()) {
      t.append(hashLeaf(input));
      expect(t.root().toString('hex'), `size ${i + 1}`).toBe(RFC_ROOTS[i + 1]);
    }
    // And every earlier size, from the grown tree.
    for (let n = 0; n <= 8; n++) expect(t.root(n).toString('hex')).toBe(RFC_ROOTS[n]);
  });

  it('verifies the reference inclusion proofs of RFC 6962 (leaf 0 and 5 in the 8-leaf tree)', () => {
    const t = new MerkleTree(RFC_INPUTS.map((b) => hashLeaf(b)));
    const root = Buffer.from(RFC_ROOTS[8]!, 'hex');
    // transparency-dev/merkle testonly: inclusion proof of leaf 0 (index 0) at size 8.
    expect(t.inclusionProof(0, 8).map((h) => h.toString('hex'))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(t.inclusionProof(5, 8).map((h) => h.toString('hex'))).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
    for (let i = 0; i < 8; i++)
      expect(verifyInclusion(i, 8, hashLeaf(RFC_INPUTS[i]!), t.inclusionProof(i, 8), root)).toBe(true);
    // Consistency 1 → 8 and 6 → 8 from the same vectors.
    expect(t.consistencyProof(1, 8).map((h) => h.toString('hex'))).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(t.consistencyProof(6, 8).map((h) => h.toString('hex'))).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });
});

describe('proofs for every m ≤ n ≤ 70 (against the naive definitions)', () => {
  const N = 70;
  const d = leaves(N);
  const t = new MerkleTree(d);

  it('roots, inclusion proofs and their verification', () => {
    for (let n = 1; n <= N; n++) {
      const root = mth(d.slice(0, n));
      expect(t.root(n).equals(root), `root ${n}`).toBe(true);
      for (let i = 0; i < n; i++) {
        const p = t.inclusionProof(i, n);
        expect(p, `path ${i} of ${n}`).toEqual(path(i, d.slice(0, n)));
        expect(verifyInclusion(i, n, d[i]!, p, root), `verify ${i} of ${n}`).toBe(true);
      }
    }
  });

  it('consistency proofs and their verification', () => {
    for (let n = 1; n <= N; n++) {
      const root2 = t.root(n);
      for (let m = 1; m <= n; m++) {
        const p = t.consistencyProof(m, n);
        expect(p, `proof ${m}→${n}`).toEqual(m === n ? [] : proof(m, d.slice(0, n)));
        expect(verifyConsistency(m, n, t.root(m), root2, p), `verify ${m}→${n}`).toBe(true);
      }
      expect(verifyConsistency(0, n, EMPTY_ROOT, root2, [])).toBe(true);
    }
  });

  it('refuses a tampered proof, leaf, index, size or root', () => {
    for (let n = 1; n <= N; n++) {
      const root = t.root(n);
      for (let i = 0; i < n; i++) {
        const p = t.inclusionProof(i, n);
        expect(verifyInclusion(i, n, flip(d[i]!), p, root)).toBe(false);
        expect(verifyInclusion(i, n, d[i]!, p, flip(root, 31))).toBe(false);
        for (let j = 0; j < p.length; j++) {
          const bad = p.map((h, k) => (k === j ? flip(h, 5) : h));
          expect(verifyInclusion(i, n, d[i]!, bad, root), `flip ${j} of path ${i}/${n}`).toBe(false);
        }
        if (p.length) expect(verifyInclusion(i, n, d[i]!, p.slice(0, -1), root)).toBe(false);
        expect(verifyInclusion(i, n, d[i]!, [...p, d[0]!], root)).toBe(false);
        if (n > 1) {
          expect(verifyInclusion((i + 1) % n, n, d[i]!, p, root)).toBe(false);
          // The leaf of another index with this index's path.
          expect(verifyInclusion(i, n, d[(i + 1) % n]!, p, root)).toBe(false);
        }
        // (A path alone does not bind the size — leaf 0 has the same path shape in trees of 3 and 4 —
        // which is why the size is signed with the root in the checkpoint; but a size whose path has
        // another length is refused.)
        if (path(i, d.slice(0, n + 1)).length !== p.length)
          expect(verifyInclusion(i, n + 1, d[i]!, p, root)).toBe(false);
        expect(verifyInclusion(n, n, d[i]!, p, root)).toBe(false);
        expect(verifyInclusion(-1, n, d[i]!, p, root)).toBe(false);
      }
      for (let m = 1; m < n; m++) {
        const p = t.consistencyProof(m, n);
        const r1 = t.root(m);
        expect(verifyConsistency(m, n, flip(r1), root, p)).toBe(false);
        expect(verifyConsistency(m, n, r1, flip(root), p)).toBe(false);
        for (let j = 0; j < p.length; j++) {
          const bad = p.map((h, k) => (k === j ? flip(h, 7) : h));
          expect(verifyConsistency(m, n, r1, root, bad), `flip ${j} of ${m}→${n}`).toBe(false);
        }
        expect(verifyConsistency(m, n, r1, root, p.slice(0, -1))).toBe(false);
        expect(verifyConsistency(m, n, r1, root, [...p, d[0]!])).toBe(false);
        expect(verifyConsistency(m, n, r1, root, [])).toBe(false);
        // Another size claimed for either tree.
        if (m + 1 < n) expect(verifyConsistency(m + 1, n, r1, root, p)).toBe(false);
        if (proof(m, d.slice(0, n + 1)).length !== p.length)
          expect(verifyConsistency(m, n + 1, r1, root, p)).toBe(false);
        expect(verifyConsistency(n, m, root, r1, p)).toBe(false);
      }
      expect(verifyConsistency(n, n, root, root, [])).toBe(true);
      expect(verifyConsistency(n, n, root, flip(root), [])).toBe(false);
      expect(verifyConsistency(0, n, root, root, [])).toBe(n === 0);
    }
  });

  it('refuses a fork: the same prefix with another last leaf', () => {
    for (let n = 2; n <= 40; n++) {
      const forked = new MerkleTree([...d.slice(0, n - 1), hashLeaf(Buffer.from('giả mạo'))]);
      for (let m = 1; m < n; m++) {
        // The fork extends every tree before its changed leaf…
        expect(verifyConsistency(m, n, t.root(m), forked.root(n), forked.consistencyProof(m, n))).toBe(
          m <= n - 1,
        );
      }
      // …but no proof links the honest tree of size n to the fork of the same size or later.
      expect(verifyConsistency(n, n, t.root(n), forked.root(n), [])).toBe(false);
      const grown = new MerkleTree([...d.slice(0, n - 1), hashLeaf(Buffer.from('giả mạo')), d[n]!]);
      expect(
        verifyConsistency(n, n + 1, t.root(n), grown.root(n + 1), grown.consistencyProof(n, n + 1)),
      ).toBe(false);
      // A leaf of the honest tree is not in the fork.
      expect(verifyInclusion(n - 1, n, d[n - 1]!, forked.inclusionProof(n - 1, n), forked.root(n))).toBe(
        false,
      );
    }
  });
});

describe('MerkleTree', () => {
  it('appends in amortised constant time and keeps old sizes answerable', () => {
    const t = new MerkleTree();
    const d = leaves(5000);
    const started = performance.now();
    for (const h of d) t.append(h);
    expect(t.size).toBe(5000);
    const r = t.root(3001);
    expect(r.equals(mth(d.slice(0, 3001)))).toBe(true);
    const p = t.inclusionProof(1234, 3001);
    expect(p.length).toBeLessThanOrEqual(12);
    expect(verifyInclusion(1234, 3001, d[1234]!, p, r)).toBe(true);
    expect(verifyConsistency(777, 5000, t.root(777), t.root(), t.consistencyProof(777))).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses sizes and indexes out of range', () => {
    const t = new MerkleTree(leaves(3));
    expect(() => t.root(4)).toThrow(RangeError);
    expect(() => t.inclusionProof(3, 3)).toThrow(RangeError);
    expect(() => t.consistencyProof(3, 2)).toThrow(RangeError);
    expect(() => t.append(Buffer.alloc(31))).toThrow(RangeError);
    expect(t.consistencyProof(0, 3)).toEqual([]);
    expect(rootFromInclusionProof(0, 0, leaves(1)[0]!, [])).toBeNull();
    expect(verifyInclusion(0, 1, leaves(1)[0]!, [Buffer.alloc(16)], leaves(1)[0]!)).toBe(false);
  });
});
