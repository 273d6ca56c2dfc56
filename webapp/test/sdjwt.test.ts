import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { b64url, fromB64url } from '../src/wallet/encoding';
import { generate } from '../src/wallet/keys';
import { disclosureClaim, present, withKeyBinding } from '../src/wallet/sdjwt';

const json = (part: string) => JSON.parse(new TextDecoder().decode(fromB64url(part)));

describe('SD-JWT presentation', () => {
  // RFC 9901 §5.1 example Disclosure for given_name
  const given = 'WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd';
  const family = 'WyJlbHVWNU9nM2dTTklJOEVZbnN4QV9BIiwgImZhbWlseV9uYW1lIiwgIkRvZSJd';

  it('keeps the issuer JWT and only the chosen disclosures', () => {
    expect(present(`h.p.s~${given}~${family}~`, [family])).toBe(`h.p.s~${family}~`);
    expect(present(`h.p.s~${given}~`, [])).toBe('h.p.s~');
  });

  it('reads a disclosure', () => {
    expect(disclosureClaim(given)).toEqual({ claim: 'given_name', value: 'John' });
    expect(disclosureClaim('not-base64!')).toBeUndefined();
  });

  it('binds the presentation to the holder key over sd_hash', async () => {
    const { key } = await generate('Ed25519');
    const p = present(`h.p.s~${given}~`, [given]);
    const full = await withKeyBinding(p, key, 'https://verifier.example', 'n-123');
    expect(full.startsWith(p)).toBe(true);
    const [h, c] = full.slice(p.length).split('.');
    expect(json(h!).typ).toBe('kb+jwt');
    const claims = json(c!);
    expect(claims).toMatchObject({ aud: 'https://verifier.example', nonce: 'n-123' });
    expect(claims.sd_hash).toBe(b64url(createHash('sha256').update(p, 'ascii').digest()));
  });
});
