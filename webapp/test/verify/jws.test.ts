import { describe, expect, it } from 'vitest';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { base64UrlToBytes, bytesToBase64Url, bytesToHex, hexToBytes } from '../../src/lib/verify/bytes';
import { decodeJws, verifyDidKeyJws } from '../../src/lib/verify/jws';
import { ballot, wallet } from './test-wallet';

describe('did:key JWS', () => {
  it('verifies EdDSA (WebCrypto) and ES256K (noble) ballots by the kid\'s own key', async () => {
    for (const alg of ['EdDSA', 'ES256K'] as const) {
      const w = wallet(alg);
      const jws = decodeJws(ballot(w, 'p1', 'for'));
      expect(jws.signer).toBe(w.did);
      expect(jws.payload.choice).toBe('for');
      expect(await verifyDidKeyJws(jws)).toBe('ok');
    }
  });

  it('accepts a high-S ES256K signature, as JDK signers make them', async () => {
    const w = wallet('ES256K');
    const compact = ballot(w, 'p1', 'against');
    const [h, p, s] = compact.split('.');
    const sig = base64UrlToBytes(s);
    const r = sig.slice(0, 32);
    const low = BigInt(`0x${bytesToHex(sig.slice(32))}`);
    const high = secp256k1.Point.CURVE().n - low;
    const hs = hexToBytes(high.toString(16).padStart(64, '0'));
    const flipped = `${h}.${p}.${bytesToBase64Url(new Uint8Array([...r, ...hs]))}`;
    expect(await verifyDidKeyJws(decodeJws(flipped))).toBe('ok');
  });

  it('refuses a changed payload, a foreign kid, a kid whose fragment is another key, and a wrong alg', async () => {
    const a = wallet();
    const b = wallet();
    const [h, , s] = ballot(a, 'p1', 'for').split('.');
    const [, p2] = ballot(a, 'p1', 'against').split('.');
    expect(await verifyDidKeyJws(decodeJws(`${h}.${p2}.${s}`))).toBe('bad-signature');
    const forged = b.sign({ typ: 'copartner-ballot+jwt', kid: a.kid }, { voter: a.did });
    expect(await verifyDidKeyJws(decodeJws(forged))).toBe('bad-signature');
    const mixed = a.sign({ kid: `${a.did}#${b.did.slice(8)}` }, {});
    expect(await verifyDidKeyJws(decodeJws(mixed))).toBe('kid-not-did-key');
    expect(await verifyDidKeyJws(decodeJws(a.sign({ alg: 'ES256K' }, {})))).toBe('alg-key-mismatch');
    expect(await verifyDidKeyJws(decodeJws(a.sign({ alg: 'none' }, {})))).toBe('unsupported-alg');
    expect(() => decodeJws('a.b')).toThrow();
  });
});
