import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, sha256 } from '../../src/lib/verify/bytes';
import { leafHash, nodeHash, rootFromInclusionProof, verifyConsistency, verifyInclusion } from '../../src/lib/verify/merkle';

// The reference definitions of RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1, written recursively as the RFC states
// them, so the iterative verifiers are checked against the definition and not against themselves.
const k = (n: number): number => 2 ** Math.floor(Math.log2(n - 1));

async function mth(d: Uint8Array[]): Promise<Uint8Array> {
  if (d.length === 0) {
    return sha256();
  }
  if (d.length === 1) {
    return leafHash(d[0]);
  }
  const s = k(d.length);
  return nodeHash(await mth(d.slice(0, s)), await mth(d.slice(s)));
}

async function path(m: number, d: Uint8Array[]): Promise<Uint8Array[]> {
  if (d.length <= 1) {
    return [];
  }
  const s = k(d.length);
  return m < s
    ? [...(await path(m, d.slice(0, s))), await mth(d.slice(s))]
    : [...(await path(m - s, d.slice(s))), await mth(d.slice(0, s))];
}

async function subproof(m: number, d: Uint8Array[], b: boolean): Promise<Uint8Array[]> {
  const n = d.length;
  if (m === n) {
    return b ? [] : [await mth(d)];
  }
  const s = k(n);
  return m <= s
    ? [...(await subproof(m, d.slice(0, s), b)), await mth(d.slice(s))]
    : [...(await subproof(m - s, d.slice(s), false)), await mth(d.slice(0, s))];
}

const data = (n: number): Uint8Array[] => Array.from({ length: n }, (_, i) => new Uint8Array([i, i >> 8, 7]));

// The test vectors of RFC 6962's reference implementation (certificate-transparency merkle tests, reused by
// RFC 9162 implementations): eight leaves and the root of each prefix.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 9162 Merkle tree', () => {
  it('hashes the empty tree, leaves and nodes with the domain-separation prefixes', async () => {
    expect(bytesToHex(await mth([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(bytesToHex(await leafHash(new Uint8Array()))).toBe(CT_ROOTS[0]);
  });

  it('reaches the reference roots of the CT test vectors', async () => {
    const leaves = CT_LEAVES.map(hexToBytes);
    for (let n = 1; n <= 8; n++) {
      expect(bytesToHex(await mth(leaves.slice(0, n)))).toBe(CT_ROOTS[n - 1]);
    }
  });

  it('verifies every inclusion proof of every leaf in trees of 1 to 24 leaves', async () => {
    for (let n = 1; n <= 24; n++) {
      const d = data(n);
      const root = await mth(d);
      for (let m = 0; m < n; m++) {
        const p = await path(m, d);
        expect(await verifyInclusion(m, n, await leafHash(d[m]), p, root)).toBe(true);
      }
    }
  });

  it('refuses a proof for another leaf, index, size or root, and paths of the wrong length', async () => {
    const d = data(13);
    const root = await mth(d);
    const leaf = await leafHash(d[6]);
    const p = await path(6, d);
    expect(await verifyInclusion(6, 13, await leafHash(d[7]), p, root)).toBe(false);
    expect(await verifyInclusion(7, 13, leaf, p, root)).toBe(false);
    // A size whose tree has another shape (the size itself is bound to the root by the signed checkpoint).
    expect(await verifyInclusion(6, 7, leaf, p, root)).toBe(false);
    expect(await verifyInclusion(6, 13, leaf, p, await mth(d.slice(0, 12)))).toBe(false);
    expect(await verifyInclusion(6, 13, leaf, p.slice(1), root)).toBe(false);
    expect(await verifyInclusion(6, 13, leaf, [...p, p[0]], root)).toBe(false);
    expect(await verifyInclusion(13, 13, leaf, p, root)).toBe(false);
    const flipped = p.map((h) => h.slice());
    flipped[1][0] ^= 1;
    expect(await verifyInclusion(6, 13, leaf, flipped, root)).toBe(false);
    expect(await rootFromInclusionProof(0, 1, await leafHash(d[0]), [])).toEqual(await leafHash(d[0]));
  });

  it('accepts hex paths as the REST API serves them', async () => {
    const d = data(5);
    const p = (await path(4, d)).map(bytesToHex);
    expect(await verifyInclusion(4, 5, await leafHash(d[4]), p, await mth(d))).toBe(true);
  });

  it('verifies every consistency proof between trees of up to 24 leaves', async () => {
    const d = data(24);
    for (let n = 1; n <= 24; n++) {
      const second = await mth(d.slice(0, n));
      for (let m = 1; m < n; m++) {
        const proof = await subproof(m, d.slice(0, n), true);
        const first = await mth(d.slice(0, m));
        expect(await verifyConsistency(m, n, first, second, proof), `${m}→${n}`).toBe(true);
      }
      expect(await verifyConsistency(n, n, second, second, [])).toBe(true);
      expect(await verifyConsistency(0, n, await mth([]), second, [])).toBe(true);
    }
  });

  it('refuses a consistency proof against a rewritten history', async () => {
    const d = data(11);
    const proof = await subproof(6, d, true);
    const first = await mth(d.slice(0, 6));
    const second = await mth(d);
    const rewritten = data(11);
    rewritten[3] = new Uint8Array([9, 9, 9]);
    expect(await verifyConsistency(6, 11, await mth(rewritten.slice(0, 6)), second, proof)).toBe(false);
    expect(await verifyConsistency(6, 11, first, await mth(rewritten), proof)).toBe(false);
    expect(await verifyConsistency(6, 11, first, second, proof.slice(0, -1))).toBe(false);
    expect(await verifyConsistency(6, 11, first, second, [])).toBe(false);
    expect(await verifyConsistency(11, 6, second, first, proof)).toBe(false);
    expect(await verifyConsistency(6, 6, first, second, [])).toBe(false);
    expect(await verifyConsistency(4, 11, await mth(d.slice(0, 4)), second, await subproof(4, d, true))).toBe(true);
  });
});
