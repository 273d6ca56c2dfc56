import { secp256k1 } from '@noble/curves/secp256k1.js';
import { algOf, didKey, type KeyType } from './didkey';
import { b64url, fromB64url } from './encoding';

/**
 * A wallet key as the rest of the app sees it: its DID, the DID URL of the key (kid), the JWS algorithm and a
 * sign function. Ed25519 lives in WebCrypto as a non-extractable CryptoKey; secp256k1 (which WebCrypto lacks)
 * is signed with @noble/curves, its secret kept encrypted under a non-extractable AES key (see store.ts).
 */
export interface WalletKey {
  type: KeyType;
  did: string;
  kid: string;
  alg: 'EdDSA' | 'ES256K';
  publicKey: Uint8Array;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** The private key in JWK form: what the encrypted backup holds and what a restore imports. */
export type PrivateJwk =
  | { kty: 'OKP'; crv: 'Ed25519'; d: string; x: string }
  | { kty: 'EC'; crv: 'secp256k1'; d: string; x: string; y: string };

const subtle = () => globalThis.crypto.subtle;

/** A new key pair; the private JWK is returned once, only to be sealed into the backup file at once. */
export async function generate(type: KeyType): Promise<{ key: WalletKey; jwk: PrivateJwk }> {
  if (type === 'Ed25519') {
    const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = (await subtle().exportKey('jwk', pair.privateKey)) as JsonWebKey;
    const priv: PrivateJwk = { kty: 'OKP', crv: 'Ed25519', d: jwk.d!, x: jwk.x! };
    return { key: await importEd25519(priv), jwk: priv };
  }
  const { secretKey } = secp256k1.keygen();
  const priv = secpJwk(secretKey);
  return { key: secpKey(secretKey), jwk: priv };
}

/** The key of a private JWK (restore); checks that its public part belongs to its secret. */
export async function fromJwk(jwk: PrivateJwk): Promise<WalletKey> {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') {
    const key = await importEd25519(jwk);
    // d and x must match: a signature by d verifies under x
    const probe = crypto.getRandomValues(new Uint8Array(32));
    const pub = await subtle().importKey('raw', fromB64url(jwk.x) as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    if (!(await subtle().verify({ name: 'Ed25519' }, pub, (await key.sign(probe)) as BufferSource, probe as BufferSource))) {
      throw new Error('key pair mismatch');
    }
    return key;
  }
  if (jwk.kty === 'EC' && jwk.crv === 'secp256k1') {
    const secret = fromB64url(jwk.d);
    const expected = secpJwk(secret);
    if (expected.x !== jwk.x || expected.y !== jwk.y) throw new Error('key pair mismatch');
    return secpKey(secret);
  }
  throw new Error('unsupported key');
}

/** Imports an Ed25519 private JWK as a non-extractable signing key. */
export async function importEd25519(jwk: Extract<PrivateJwk, { kty: 'OKP' }>): Promise<WalletKey> {
  const privateKey = await subtle().importKey('jwk', { ...jwk, key_ops: ['sign'], ext: false }, { name: 'Ed25519' }, false, ['sign']);
  return ed25519Key(privateKey, fromB64url(jwk.x));
}

export function ed25519Key(privateKey: CryptoKey, publicKey: Uint8Array): WalletKey {
  const { did, kid } = didKey('Ed25519', publicKey);
  return {
    type: 'Ed25519',
    did,
    kid,
    alg: algOf('Ed25519'),
    publicKey,
    sign: async (data) => new Uint8Array(await subtle().sign({ name: 'Ed25519' }, privateKey, data as BufferSource)),
  };
}

export function secpKey(secret: Uint8Array): WalletKey {
  const publicKey = secp256k1.getPublicKey(secret, true);
  const { did, kid } = didKey('secp256k1', publicKey);
  return {
    type: 'secp256k1',
    did,
    kid,
    alg: algOf('secp256k1'),
    publicKey,
    // ES256K: ECDSA over SHA-256 of the signing input, 64-byte R‖S, low S
    sign: async (data) => secp256k1.sign(data, secret, { prehash: true, lowS: true, format: 'compact' }),
  };
}

function secpJwk(secret: Uint8Array): Extract<PrivateJwk, { kty: 'EC' }> {
  const uncompressed = secp256k1.getPublicKey(secret, false);
  return {
    kty: 'EC',
    crv: 'secp256k1',
    d: b64url(secret),
    x: b64url(uncompressed.slice(1, 33)),
    y: b64url(uncompressed.slice(33, 65)),
  };
}
