/** Keys from DID documents and did:key identifiers (multibase base58btc + multicodec), for the verifiers. */
import { base64UrlToBytes } from './bytes';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58Decode(s: string): Uint8Array {
  let n = 0n;
  for (const c of s) {
    const d = B58.indexOf(c);
    if (d < 0) {
      throw new Error(`invalid base58 character '${c}'`);
    }
    n = n * 58n + BigInt(d);
  }
  const body: number[] = [];
  while (n > 0n) {
    body.unshift(Number(n % 256n));
    n /= 256n;
  }
  let zeros = 0;
  while (zeros < s.length && s[zeros] === '1') {
    zeros++;
  }
  return new Uint8Array([...new Array<number>(zeros).fill(0), ...body]);
}

export type KeyType = 'Ed25519' | 'secp256k1';

export interface PublicKey {
  type: KeyType;
  /** Ed25519: 32 raw bytes; secp256k1: 33-byte compressed point. */
  raw: Uint8Array;
}

/** A multibase (z…) multicodec public key: 0xed01 Ed25519 or 0xe701 secp256k1. */
export function decodeMultikey(multibase: string): PublicKey {
  if (!multibase.startsWith('z')) {
    throw new Error('multibase key is not base58btc (z prefix)');
  }
  const b = base58Decode(multibase.slice(1));
  if (b.length === 34 && b[0] === 0xed && b[1] === 0x01) {
    return { type: 'Ed25519', raw: b.slice(2) };
  }
  if (b.length === 35 && b[0] === 0xe7 && b[1] === 0x01) {
    return { type: 'secp256k1', raw: b.slice(2) };
  }
  throw new Error('multibase key is neither ed25519-pub nor secp256k1-pub');
}

/** The key of a did:key DID (the method-specific id is the multibase key itself). */
export function didKeyPublicKey(did: string): PublicKey {
  const m = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
  if (!m) {
    throw new Error(`not a did:key: ${did}`);
  }
  return decodeMultikey(m[1]);
}

export interface CheckpointKey {
  did: string;
  methodId: string;
  raw: Uint8Array;
  /** The signed-note key name the DID document names (`copartner:noteKeyName`), if any. */
  noteKeyName: string | null;
}

/** The platform's checkpoint-signing Ed25519 key: verification method `<did>#checkpoint` of its did:web document. */
export function checkpointKey(doc: unknown): CheckpointKey {
  const d = doc as { id?: unknown; verificationMethod?: unknown };
  if (typeof d?.id !== 'string' || !d.id.startsWith('did:')) {
    throw new Error('DID document has no valid id');
  }
  if (!Array.isArray(d.verificationMethod)) {
    throw new Error('DID document has no verificationMethod array');
  }
  const did = d.id;
  for (const vm of d.verificationMethod as Record<string, unknown>[]) {
    if (vm?.id !== `${did}#checkpoint` && vm?.id !== '#checkpoint') {
      continue;
    }
    let raw: Uint8Array;
    const jwk = vm.publicKeyJwk as Record<string, unknown> | undefined;
    if (jwk && typeof jwk === 'object') {
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
        throw new Error('checkpoint key is not an OKP/Ed25519 JWK');
      }
      raw = base64UrlToBytes(jwk.x);
    } else if (typeof vm.publicKeyMultibase === 'string') {
      const k = decodeMultikey(vm.publicKeyMultibase);
      if (k.type !== 'Ed25519') {
        throw new Error('checkpoint key is not Ed25519');
      }
      raw = k.raw;
    } else {
      throw new Error('checkpoint key has neither publicKeyJwk nor publicKeyMultibase');
    }
    if (raw.length !== 32) {
      throw new Error(`Ed25519 key must be 32 bytes, got ${raw.length}`);
    }
    const name = typeof vm['copartner:noteKeyName'] === 'string' ? (vm['copartner:noteKeyName'] as string) : null;
    return { did, methodId: `${did}#checkpoint`, raw, noteKeyName: name || null };
  }
  throw new Error(`DID document has no verification method ${did}#checkpoint`);
}
