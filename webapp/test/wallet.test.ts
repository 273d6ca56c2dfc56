import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackupError, open, parseBackup, seal } from '../src/wallet/backup';
import { didKey, parseDidKey } from '../src/wallet/didkey';
import { b64url, base58btc, fromB64url, fromBase58btc } from '../src/wallet/encoding';
import { generate } from '../src/wallet/keys';
import { ballot, delegation, signBallot, signDelegation, signInAssertion, signJws } from '../src/wallet/jws';
import { createWallet, forgetWallet, loadWallet, restoreWallet } from '../src/wallet/wallet';
import type { WalletKey } from '../src/wallet/keys';

/** Verifies a compact JWS with Node's own OpenSSL (an implementation independent of the wallet's). */
function verifyWithNode(jws: string, key: WalletKey): boolean {
  const [h, p, s] = jws.split('.');
  const data = Buffer.from(`${h}.${p}`);
  const sig = Buffer.from(fromB64url(s!));
  if (key.type === 'Ed25519') {
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(key.publicKey) }, format: 'jwk' });
    return nodeVerify(null, data, pub, sig);
  }
  const hexKey = Buffer.from(key.publicKey).toString('hex');
  // compressed SEC1 point wrapped in SPKI DER for secp256k1
  const spki = Buffer.from('3036301006072a8648ce3d020106052b8104000a032200' + hexKey, 'hex');
  const pub = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  return nodeVerify('sha256', data, { key: pub, dsaEncoding: 'ieee-p1363' }, sig);
}

const json = (part: string) => JSON.parse(new TextDecoder().decode(fromB64url(part)));

describe('did:key', () => {
  it('encodes Ed25519 keys as the server does (DidKeyMethodTest vectors, RFC 8032 key 1)', () => {
    const pub = fromBase58btc('6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt');
    const { did, kid } = didKey('Ed25519', pub);
    expect(did).toBe('did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG');
    expect(kid).toBe(`${did}#z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG`);
    expect(parseDidKey(did).publicKey).toEqual(pub);
    const rfc8032 = Uint8Array.from(Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex'));
    expect(didKey('Ed25519', rfc8032).did).toBe('did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw');
  });

  it('round-trips base58btc with leading zeros', () => {
    const bytes = Uint8Array.of(0, 0, 1, 2, 255);
    expect(fromBase58btc(base58btc(bytes))).toEqual(bytes);
  });

  it('names secp256k1 keys with the 0xe7 codec (zQ3s prefix)', async () => {
    const { key } = await generate('secp256k1');
    expect(key.did).toMatch(/^did:key:zQ3s/);
    expect(parseDidKey(key.did)).toEqual({ type: 'secp256k1', publicKey: key.publicKey });
  });
});

describe.each(['Ed25519', 'secp256k1'] as const)('%s signing', (type) => {
  it('signs a JWS that an independent verifier accepts, with the DID URL as kid', async () => {
    const { key } = await generate(type);
    const jws = await signJws(key, { hello: 'world' });
    const [h] = jws.split('.');
    expect(json(h!)).toEqual({ alg: type === 'Ed25519' ? 'EdDSA' : 'ES256K', kid: key.kid });
    expect(verifyWithNode(jws, key)).toBe(true);
    const tampered = jws.slice(0, -4) + (jws.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(verifyWithNode(tampered, key)).toBe(false);
  });

  it('signs the DID sign-in assertion of docs/identity.md', async () => {
    const { key } = await generate(type);
    const aud = 'http://127.0.0.1:8180/realms/copartner/protocol/openid-connect/token';
    const jws = await signInAssertion(key, aud, 'n-1');
    const [h, p] = jws.split('.');
    expect(json(h!).typ).toBe('JWT');
    const c = json(p!);
    expect(c).toMatchObject({ iss: key.did, sub: key.did, aud, nonce: 'n-1' });
    expect(c.exp - c.iat).toBeLessThanOrEqual(300);
    expect(typeof c.jti).toBe('string');
    expect(verifyWithNode(jws, key)).toBe(true);
  });

  it('signs ballots and delegations with the typ issue 9 pins', async () => {
    const { key } = await generate(type);
    const b = ballot(key, 'prop-1', 'for');
    const jws = await signBallot(key, b);
    const [h, p] = jws.split('.');
    expect(json(h!)).toEqual({ alg: key.alg, kid: key.kid, typ: 'copartner-ballot+jwt' });
    expect(json(p!)).toEqual(b);
    expect(b.nonce.length).toBeGreaterThanOrEqual(16);
    expect(b.nonce.length).toBeLessThanOrEqual(64);
    expect(verifyWithNode(jws, key)).toBe(true);

    const d = delegation(key, [{ delegate: 'did:key:z6MkmM42vxfqZQsv4ehtTjFFxQ4sQKS2w6WR7emozFAn5cxu', shareBps: 5000 }]);
    const djws = await signDelegation(key, d);
    expect(json(djws.split('.')[0]!).typ).toBe('copartner-delegation+jwt');
    expect(json(djws.split('.')[1]!)).toEqual(d);
    expect(verifyWithNode(djws, key)).toBe(true);
  });
});

describe('delegation statement', () => {
  it('refuses shares outside 1..10000 or summing above 10000', async () => {
    const { key } = await generate('Ed25519');
    expect(() => delegation(key, [{ delegate: 'a', shareBps: 0 }])).toThrow();
    expect(() => delegation(key, [{ delegate: 'a', shareBps: 6000 }, { delegate: 'b', shareBps: 4001 }])).toThrow();
    expect(delegation(key, []).delegations).toEqual([]);
  });
});

describe('backup file', () => {
  it('opens with the right password only', async () => {
    const { key, jwk } = await generate('Ed25519');
    const file = await seal(jwk, key.did, key.type, 'correct horse');
    expect(JSON.stringify(file)).not.toContain(jwk.d);
    expect(await open(parseBackup(JSON.stringify(file)), 'correct horse')).toEqual(jwk);
    await expect(open(file, 'wrong horse!')).rejects.toThrow(BackupError);
  });

  it('does not open when its DID was edited (the header is authenticated)', async () => {
    const a = await generate('Ed25519');
    const b = await generate('Ed25519');
    const file = await seal(a.jwk, a.key.did, 'Ed25519', 'correct horse');
    await expect(open({ ...file, did: b.key.did }, 'correct horse')).rejects.toThrow(BackupError);
  });

  it('refuses what is not a backup, and short passwords', async () => {
    expect(() => parseBackup('{"hello":1}')).toThrow(BackupError);
    expect(() => parseBackup('not json')).toThrow(BackupError);
    const { key, jwk } = await generate('Ed25519');
    await expect(seal(jwk, key.did, key.type, 'short')).rejects.toThrow();
  });
});

describe.each(['Ed25519', 'secp256k1'] as const)('%s wallet in IndexedDB', (type) => {
  beforeEach(async () => {
    await forgetWallet();
  });

  it('creates, stores, reloads and signs; restore from the backup gives the same DID', async () => {
    const created = await createWallet(type, 'a long password');
    const loaded = await loadWallet();
    expect(loaded?.key.did).toBe(created.key.did);
    expect(verifyWithNode(await signJws(loaded!.key, { n: 1 }), created.key)).toBe(true);

    const file = JSON.stringify(loaded!.backup);
    await forgetWallet();
    expect(await loadWallet()).toBeUndefined();

    await expect(restoreWallet(file, 'another password')).rejects.toThrow(BackupError);
    const restored = await restoreWallet(file, 'a long password');
    expect(restored.key.did).toBe(created.key.did);
    const again = await loadWallet();
    expect(verifyWithNode(await signJws(again!.key, { n: 2 }), created.key)).toBe(true);
  });

  if (type === 'Ed25519') {
    it('keeps the private key non-extractable', async () => {
      await createWallet(type, 'a long password');
      const req = indexedDB.open('copartner-wallet', 1);
      const rec = await new Promise<{ ed25519: CryptoKey }>((resolve, reject) => {
        req.onsuccess = () => {
          const g = req.result.transaction('keys').objectStore('keys').get('default');
          g.onsuccess = () => {
            req.result.close();
            resolve(g.result);
          };
          g.onerror = () => reject(g.error);
        };
      });
      expect(rec.ed25519.extractable).toBe(false);
      await expect(crypto.subtle.exportKey('jwk', rec.ed25519)).rejects.toThrow();
    });
  }
});
