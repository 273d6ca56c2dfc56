import type { WalletKey } from './keys';
import { b64url, b64urlJson, utf8 } from './encoding';

/**
 * Compact JWS signed by the wallet key: header {alg, kid, typ}, the kid being the DID URL of the key, as DID
 * sign-in and governance (issue 9) require. ES256K signatures are 64-byte R‖S.
 */
export async function signJws(key: WalletKey, payload: object, typ?: string): Promise<string> {
  const header: Record<string, string> = { alg: key.alg, kid: key.kid };
  if (typ) header.typ = typ;
  const input = `${b64urlJson(header)}.${b64urlJson(payload)}`;
  const sig = await key.sign(utf8(input));
  return `${input}.${b64url(sig)}`;
}

export function randomNonce(bytes = 18): string {
  return b64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

const now = () => Math.floor(Date.now() / 1000);

export type Choice = 'for' | 'against' | 'abstain';

export interface Ballot {
  proposal: string;
  choice: Choice;
  voter: string;
  issuedAt: number;
  nonce: string;
}

/** The ballot a voter signs (issue 9: payload shown to the voter before it is sent). */
export function ballot(key: WalletKey, proposal: string, choice: Choice): Ballot {
  return { proposal, choice, voter: key.did, issuedAt: now(), nonce: randomNonce() };
}

export function signBallot(key: WalletKey, b: Ballot): Promise<string> {
  if (b.voter !== key.did) throw new Error('a ballot is signed by its voter');
  return signJws(key, b, 'copartner-ballot+jwt');
}

export interface Delegation {
  delegator: string;
  delegations: { delegate: string; shareBps: number }[];
  kinds: string[];
  issuedAt: number;
  nonce: string;
}

/** A delegation statement; an empty list revokes every delegation. Shares are basis points, summing to ≤ 10000. */
export function delegation(key: WalletKey, delegations: Delegation['delegations'], kinds: string[] = ['*']): Delegation {
  const total = delegations.reduce((n, d) => n + d.shareBps, 0);
  if (delegations.some((d) => !Number.isInteger(d.shareBps) || d.shareBps < 1 || d.shareBps > 10000) || total > 10000) {
    throw new Error('shares must be 1..10000 basis points, summing to at most 10000');
  }
  return { delegator: key.did, delegations, kinds, issuedAt: now(), nonce: randomNonce() };
}

export function signDelegation(key: WalletKey, d: Delegation): Promise<string> {
  if (d.delegator !== key.did) throw new Error('a delegation is signed by its delegator');
  return signJws(key, d, 'copartner-delegation+jwt');
}

/** The RFC 7523 assertion of DID sign-in (docs/identity.md): iss = sub = the DID, aud = the token endpoint. */
export function signInAssertion(key: WalletKey, audience: string, nonce: string): Promise<string> {
  const iat = now();
  return signJws(
    key,
    { iss: key.did, sub: key.did, aud: audience, nonce, iat, exp: iat + 120, jti: randomNonce(12) },
    'JWT',
  );
}
