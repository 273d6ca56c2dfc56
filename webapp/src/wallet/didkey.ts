import { base58btc, concat, fromBase58btc } from './encoding';

// did:key (W3C CCG did:key 0.7): 'z' + base58btc(multicodec varint ‖ public key). Ed25519: 0xed 0x01 and the
// 32-byte key; secp256k1: 0xe7 0x01 and the 33-byte compressed point.
export type KeyType = 'Ed25519' | 'secp256k1';

const CODEC: Record<KeyType, Uint8Array> = {
  Ed25519: Uint8Array.of(0xed, 0x01),
  secp256k1: Uint8Array.of(0xe7, 0x01),
};
const LENGTH: Record<KeyType, number> = { Ed25519: 32, secp256k1: 33 };

export function didKey(type: KeyType, publicKey: Uint8Array): { did: string; kid: string } {
  if (publicKey.length !== LENGTH[type]) throw new Error(`${type} public key must be ${LENGTH[type]} bytes`);
  const fragment = 'z' + base58btc(concat(CODEC[type], publicKey));
  const did = `did:key:${fragment}`;
  return { did, kid: `${did}#${fragment}` };
}

export function parseDidKey(did: string): { type: KeyType; publicKey: Uint8Array } {
  const m = /^did:key:z([1-9A-HJ-NP-Za-km-z]+)$/.exec(did);
  if (!m) throw new Error('not a did:key in base58btc');
  const bytes = fromBase58btc(m[1]!);
  for (const type of Object.keys(CODEC) as KeyType[]) {
    const c = CODEC[type];
    if (bytes[0] === c[0] && bytes[1] === c[1] && bytes.length === c.length + LENGTH[type]) {
      return { type, publicKey: bytes.slice(c.length) };
    }
  }
  throw new Error('unsupported did:key codec');
}

export function algOf(type: KeyType): 'EdDSA' | 'ES256K' {
  return type === 'Ed25519' ? 'EdDSA' : 'ES256K';
}
