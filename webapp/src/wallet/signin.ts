import { appConfig, realmUrl, tokenEndpoint } from '../config';
import { sessionFromToken, setSession, type Session } from '../auth/session';
import type { WalletKey } from './keys';
import { signInAssertion } from './jws';

export class SignInError extends Error {
  constructor(
    readonly code: string,
    description?: string,
  ) {
    super(description ?? code);
    this.name = 'SignInError';
  }
}

/**
 * One-click DID sign-in: the nonce from the realm's did-auth endpoint, the assertion signed by the wallet, the
 * jwt-bearer grant at the token endpoint (public client copartner-web). The token stays in memory.
 */
export async function signInWithDid(key: WalletKey): Promise<Session> {
  const c = await appConfig();
  const nonceRes = await fetch(`${realmUrl(c)}/did-auth/nonce`, { method: 'POST' });
  if (!nonceRes.ok) throw new SignInError('nonce', `HTTP ${nonceRes.status}`);
  const { nonce } = (await nonceRes.json()) as { nonce: string };
  const audience = tokenEndpoint(c);
  const assertion = await signInAssertion(key, audience, nonce);
  const res = await fetch(audience, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion,
      client_id: c.clientId,
    }),
  });
  const body = (await res.json().catch(() => ({}))) as {
    access_token?: string;
    expires_in?: number;
    error?: string;
    error_description?: string;
  };
  if (!res.ok || !body.access_token) throw new SignInError(body.error ?? `HTTP ${res.status}`, body.error_description);
  const session = sessionFromToken(body.access_token, 'did', body.expires_in);
  setSession(session);
  return session;
}
