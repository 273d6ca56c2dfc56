/**
 * Compact JWS (RFC 7515) signed by a did:key, as ballots and delegation statements are: EdDSA (Ed25519, via
 * WebCrypto) or ES256K (secp256k1 R‖S over SHA-256, via @noble/curves). The key comes from the kid's DID itself.
 */
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { base64UrlToBytes, utf8 } from './bytes';
import { didKeyPublicKey } from './didkey';
import { verifyEd25519 } from './note';

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Uint8Array;
  /** The DID of the kid (before '#'). */
  signer: string;
}

export function decodeJws(compact: string): DecodedJws {
  const parts = compact.split('.');
  if (parts.length !== 3) {
    throw new Error('a compact JWS has three parts');
  }
  const json = (p: string): Record<string, unknown> => {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlToBytes(p)));
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      throw new Error('JWS header and payload must be JSON objects');
    }
    return v as Record<string, unknown>;
  };
  const header = json(parts[0]);
  const payload = json(parts[1]);
  const kid = typeof header.kid === 'string' ? header.kid : '';
  const hash = kid.indexOf('#');
  return {
    header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: base64UrlToBytes(parts[2]),
    signer: hash > 0 ? kid.slice(0, hash) : '',
  };
}

export type JwsCheck = 'ok' | 'malformed' | 'unsupported-alg' | 'kid-not-did-key' | 'alg-key-mismatch' | 'bad-signature';

/** Checks the signature against the kid's did:key: `<did:key:z…>#<z…>`, the fragment being the DID's own key. */
export async function verifyDidKeyJws(jws: DecodedJws): Promise<JwsCheck> {
  const kid = String(jws.header.kid ?? '');
  const m = /^(did:key:(z[1-9A-HJ-NP-Za-km-z]+))#(z[1-9A-HJ-NP-Za-km-z]+)$/.exec(kid);
  if (!m || m[2] !== m[3]) {
    return 'kid-not-did-key';
  }
  let key;
  try {
    key = didKeyPublicKey(m[1]);
  } catch {
    return 'kid-not-did-key';
  }
  const msg = utf8(jws.signingInput);
  if (jws.header.alg === 'EdDSA') {
    if (key.type !== 'Ed25519') {
      return 'alg-key-mismatch';
    }
    return (await verifyEd25519(key.raw, jws.signature, msg)) ? 'ok' : 'bad-signature';
  }
  if (jws.header.alg === 'ES256K') {
    if (key.type !== 'secp256k1') {
      return 'alg-key-mismatch';
    }
    if (jws.signature.length !== 64) {
      return 'bad-signature';
    }
    try {
      // JWS does not require low-S (RFC 8812), and JDK signers do not normalise S: accept both halves.
      return secp256k1.verify(jws.signature, msg, key.raw, { prehash: true, lowS: false }) ? 'ok' : 'bad-signature';
    } catch {
      return 'bad-signature';
    }
  }
  return 'unsupported-alg';
}
