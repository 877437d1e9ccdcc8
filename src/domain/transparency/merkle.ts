/**
 * The public log's Merkle tree (RFC 6962 / RFC 9162 §2.1): hashing, a tree over leaf hashes, and the
 * verifiers of inclusion and consistency proofs exactly as RFC 9162 §2.1.3.2 and §2.1.4.2 write them.
 *
 * - leaf hash: SHA-256(0x00 || leaf bytes) (`leafHash` in statements.ts);
 * - node hash: SHA-256(0x01 || left || right);
 * - the empty tree's root: SHA-256("") ;
 * - a tree of n > 1 leaves splits at k, the largest power of two smaller than n.
 *
 * `MerkleTree` keeps every complete subtree it has seen (level by level, 2n hashes in all): an append
 * is amortised O(1), and `root(n)`, `inclusionProof(i, n)` and `consistencyProof(m, n)` for any
 * n ≤ size read O(log n) cached subtrees and hash O(log² n) nodes at most (the right edge of a tree
 * that is not a power of two). Pure: node:crypto only. Sizes and indexes are plain numbers
 * (integers below 2^53), so no bit operators are used on them.
 */
import { createHash } from 'node:crypto';

export const HASH_SIZE = 32;

/** SHA-256(""): the root of the empty tree. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** RFC 6962 leaf hash: SHA-256(0x00 || bytes). */
export function hashLeaf(bytes: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(bytes)
    .digest();
}

/** RFC 6962 interior node: SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

const half = (x: number) => Math.floor(x / 2);
const odd = (x: number) => x % 2 === 1;

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

function log2(n: number): number {
  let l = 0;
  for (let k = 1; k < n; k *= 2) l++;
  return l;
}

function assertSize(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what}: ${n} is not a size`);
}

/** An append-only Merkle tree over leaf hashes, caching every complete subtree. */
export class MerkleTree {
  /** levels[h][i]: the hash of leaves [i·2^h, (i+1)·2^h), kept once that subtree is complete. */
  private readonly levels: Buffer[][] = [[]];

  constructor(leafHashes: Iterable<Uint8Array> = []) {
    for (const h of leafHashes) this.append(h);
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** Appends a leaf hash (32 bytes); returns its index. Amortised O(1). */
  append(leafHash: Uint8Array): number {
    if (leafHash.length !== HASH_SIZE) throw new RangeError('append: a leaf hash is 32 bytes');
    const index = this.size;
    let level = 0;
    let i = index;
    this.levels[0]!.push(Buffer.from(leafHash));
    // A right child completes its parent: climb while the node just added is one.
    while (odd(i)) {
      const row = this.levels[level]!;
      const parent = hashChildren(row[i - 1]!, row[i]!);
      level++;
      (this.levels[level] ??= []).push(parent);
      i = half(i);
    }
    return index;
  }

  leafHash(index: number): Buffer {
    if (!Number.isSafeInteger(index) || index < 0 || index >= this.size)
      throw new RangeError(`leafHash: ${index} is not below size ${this.size}`);
    return this.levels[0]![index]!;
  }

  /** MTH(D[start : start + n]) of leaves already appended. */
  private subtree(start: number, n: number): Buffer {
    if (n === 0) return EMPTY_ROOT;
    if (isPowerOfTwo(n) && start % n === 0) return this.levels[log2(n)]![start / n]!;
    const k = splitPoint(n);
    return hashChildren(this.subtree(start, k), this.subtree(start + k, n - k));
  }

  private checkSize(n: number): void {
    assertSize(n, 'tree size');
    if (n > this.size) throw new RangeError(`tree size ${n} exceeds ${this.size} leaves`);
  }

  /** The root of the tree of the first `n` leaves (default: all). */
  root(n: number = this.size): Buffer {
    this.checkSize(n);
    return this.subtree(0, n);
  }

  /** RFC 9162 §2.1.3.1 PATH(index, D[0:n]): the audit path of leaf `index` in the tree of size n. */
  inclusionProof(index: number, n: number = this.size): Buffer[] {
    this.checkSize(n);
    if (!Number.isSafeInteger(index) || index < 0 || index >= n)
      throw new RangeError(`inclusionProof: index ${index} is not below size ${n}`);
    const path: Buffer[] = [];
    // Walk down from the root, collecting the sibling of each subtree containing the leaf; the RFC
    // lists them from the leaf up, so they are prepended.
    let start = 0;
    let m = index;
    let size = n;
    while (size > 1) {
      const k = splitPoint(size);
      if (m < k) {
        path.unshift(this.subtree(start + k, size - k));
        size = k;
      } else {
        path.unshift(this.subtree(start, k));
        start += k;
        m -= k;
        size -= k;
      }
    }
    return path;
  }

  /** RFC 9162 §2.1.4.1 PROOF(m, D[0:n]): the consistency proof from size m to size n (0 < m ≤ n). */
  consistencyProof(m: number, n: number = this.size): Buffer[] {
    this.checkSize(n);
    assertSize(m, 'consistencyProof');
    if (m > n) throw new RangeError(`consistencyProof: ${m} > ${n}`);
    if (m === 0 || m === n) return [];
    const proof: Buffer[] = [];
    // SUBPROOF(m, D[start : start + size], complete), unrolled; siblings collected root-first, then reversed.
    let start = 0;
    let size = n;
    let complete = true;
    let rest = m;
    for (;;) {
      if (rest === size) {
        if (!complete) proof.push(this.subtree(start, size));
        break;
      }
      const k = splitPoint(size);
      if (rest <= k) {
        proof.push(this.subtree(start + k, size - k));
        size = k;
      } else {
        proof.push(this.subtree(start, k));
        start += k;
        rest -= k;
        size -= k;
        complete = false;
      }
    }
    return proof.reverse();
  }
}

function validHashes(hashes: readonly Uint8Array[]): boolean {
  return hashes.every((h) => h.length === HASH_SIZE);
}

/**
 * RFC 9162 §2.1.3.2: the root that an inclusion proof of `leafHash` at `index` in a tree of `size`
 * leaves leads to, or null when the proof cannot be one (index out of range, wrong length).
 */
export function rootFromInclusionProof(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Buffer | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  if (leafHash.length !== HASH_SIZE || !validHashes(proof)) return null;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHash);
  for (const p of proof) {
    if (sn === 0) return null;
    if (odd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

/** RFC 9162 §2.1.3.2: does `proof` show the leaf hash at `index` in the tree of `size` with `root`? */
export function verifyInclusion(
  index: number,
  size: number,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const r = rootFromInclusionProof(index, size, leafHash, proof);
  return r !== null && root.length === HASH_SIZE && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2: does `proof` show the tree of size `second` with root `secondHash` extends the
 * tree of size `first` with root `firstHash`? Equal sizes need an empty proof and equal roots; every
 * tree extends the empty one (its root must be SHA-256("") and the proof empty).
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstHash: Uint8Array,
  secondHash: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second)
    return false;
  if (firstHash.length !== HASH_SIZE || secondHash.length !== HASH_SIZE || !validHashes(proof)) return false;
  if (first === second) return proof.length === 0 && Buffer.from(firstHash).equals(secondHash);
  if (first === 0) return proof.length === 0 && EMPTY_ROOT.equals(firstHash);
  // 1. An empty proof proves nothing.
  if (proof.length === 0) return false;
  // 2. When first is a power of two, its root is the first node of the path.
  const path = isPowerOfTwo(first) ? [Buffer.from(firstHash), ...proof] : [...proof];
  // 3–4.
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  // 6.
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 7.
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0;
}
