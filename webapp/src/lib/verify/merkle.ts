/**
 * RFC 9162 (Certificate Transparency v2) Merkle tree hashing and proof verification, written for the browser
 * (no code shared with the server): leaf = SHA-256(0x00 ‖ data), node = SHA-256(0x01 ‖ left ‖ right).
 */
import { equalBytes, hexToBytes, sha256 } from './bytes';

const LEAF = new Uint8Array([0x00]);
const NODE = new Uint8Array([0x01]);

export const leafHash = (data: Uint8Array): Promise<Uint8Array> => sha256(LEAF, data);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Uint8Array> => sha256(NODE, left, right);

/** Tree sizes and indexes travel as JSON numbers; above 2^53 they would lose digits silently. */
function checkSize(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Error(`${name} must be a non-negative safe integer, got ${n}`);
  }
}

const odd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && !odd(x)) {
    x = half(x);
  }
  return x === 1;
}

function toBytes(path: readonly (Uint8Array | string)[]): Uint8Array[] {
  return path.map((p) => (typeof p === 'string' ? hexToBytes(p) : p));
}

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2), or null when the path has the wrong shape for
 * this index and size (too short, too long, index out of range).
 */
export async function rootFromInclusionProof(
  leafIndex: number, treeSize: number, leaf: Uint8Array, auditPath: readonly (Uint8Array | string)[],
): Promise<Uint8Array | null> {
  checkSize('leafIndex', leafIndex);
  checkSize('treeSize', treeSize);
  if (leafIndex >= treeSize || leaf.length !== 32) {
    return null;
  }
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of toBytes(auditPath)) {
    if (sn === 0 || p.length !== 32) {
      return null;
    }
    if (odd(fn) || fn === sn) {
      r = await nodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 ? r : null;
}

/** True when the audit path proves the leaf hash at leafIndex is in the tree of treeSize with this root. */
export async function verifyInclusion(
  leafIndex: number, treeSize: number, leaf: Uint8Array, auditPath: readonly (Uint8Array | string)[],
  root: Uint8Array,
): Promise<boolean> {
  const computed = await rootFromInclusionProof(leafIndex, treeSize, leaf, auditPath);
  return computed !== null && equalBytes(computed, root);
}

/**
 * True when the consistency proof shows the tree of size `first` with root `firstRoot` is a prefix of the tree
 * of size `second` with root `secondRoot` (RFC 9162 §2.1.4.2). Equal sizes need an empty proof and equal roots;
 * the empty tree is a prefix of every tree.
 */
export async function verifyConsistency(
  first: number, second: number, firstRoot: Uint8Array, secondRoot: Uint8Array,
  proof: readonly (Uint8Array | string)[],
): Promise<boolean> {
  checkSize('first', first);
  checkSize('second', second);
  const path = toBytes(proof);
  if (first > second || path.some((p) => p.length !== 32)) {
    return false;
  }
  if (first === second) {
    return path.length === 0 && equalBytes(firstRoot, secondRoot);
  }
  if (first === 0) {
    return path.length === 0;
  }
  if (path.length === 0) {
    return false;
  }
  // A power-of-two first tree is itself a node of the second tree, so the proof omits it.
  if (isPowerOfTwo(first)) {
    path.unshift(firstRoot);
  }
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) {
      return false;
    }
    if (odd(fn) || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && equalBytes(fr, firstRoot) && equalBytes(sr, secondRoot);
}
