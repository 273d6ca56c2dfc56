/** Test-only: did:key wallets that sign ballots and delegation statements as a partner's wallet would. */
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToBase64Url, concat, utf8 } from '../../src/lib/verify/bytes';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function base58Encode(b: Uint8Array): string {
  let n = 0n;
  for (const x of b) {
    n = n * 256n + BigInt(x);
  }
  let s = '';
  while (n > 0n) {
    s = B58[Number(n % 58n)] + s;
    n /= 58n;
  }
  for (const x of b) {
    if (x !== 0) {
      break;
    }
    s = `1${s}`;
  }
  return s;
}

export interface TestWallet {
  did: string;
  kid: string;
  alg: 'EdDSA' | 'ES256K';
  sign(header: Record<string, unknown>, payload: Record<string, unknown>): string;
}

export function wallet(alg: 'EdDSA' | 'ES256K' = 'EdDSA'): TestWallet {
  const ed = alg === 'EdDSA';
  const secret = ed ? ed25519.utils.randomSecretKey() : secp256k1.utils.randomSecretKey();
  const pub = ed ? ed25519.getPublicKey(secret) : secp256k1.getPublicKey(secret, true);
  const mb = `z${base58Encode(concat(new Uint8Array(ed ? [0xed, 0x01] : [0xe7, 0x01]), pub))}`;
  const did = `did:key:${mb}`;
  const kid = `${did}#${mb}`;
  return {
    did, kid, alg,
    sign(header, payload) {
      const h = bytesToBase64Url(utf8(JSON.stringify({ alg, kid, ...header })));
      const p = bytesToBase64Url(utf8(JSON.stringify(payload)));
      const input = utf8(`${h}.${p}`);
      const sig = ed ? ed25519.sign(input, secret) : secp256k1.sign(input, secret, { prehash: true });
      return `${h}.${p}.${bytesToBase64Url(sig)}`;
    },
  };
}

let n = 0;
export const nonce = (): string => `nonce-${Date.now()}-${n++}-abcdef`;

export function ballot(w: TestWallet, proposal: string, choice: string): string {
  return w.sign({ typ: 'copartner-ballot+jwt' }, { proposal, choice, voter: w.did, issuedAt: 1764633600, nonce: nonce() });
}

export function delegation(w: TestWallet, delegations: { delegate: string; shareBps: number }[], kinds: string[] = ['*']): string {
  return w.sign({ typ: 'copartner-delegation+jwt' },
    { delegator: w.did, delegations, kinds, issuedAt: 1764633600, nonce: nonce() });
}
