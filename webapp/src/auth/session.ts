import { useEffect, useState } from 'preact/hooks';

// The signed-in session lives in memory only (issue 10, item 7): a reload signs the user out, a DID user signs in
// again with one click. Nothing here reaches localStorage or sessionStorage.
export interface Session {
  accessToken: string;
  expiresAt: number; // epoch ms
  method: 'did' | 'password';
  subject: string;
  name?: string;
  did?: string;
  roles: string[];
  idToken?: string;
}

let session: Session | undefined;
const listeners = new Set<(s: Session | undefined) => void>();

export function getSession(): Session | undefined {
  if (session && session.expiresAt <= Date.now()) setSession(undefined);
  return session;
}

export function setSession(s: Session | undefined): void {
  session = s;
  listeners.forEach((l) => l(s));
}

export function useSession(): Session | undefined {
  const [s, set] = useState(getSession());
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return s;
}

/** The claims of a JWT (no verification: the API verifies; the UI only reads roles and names to show). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

export function sessionFromToken(
  accessToken: string,
  method: Session['method'],
  expiresIn: number | undefined,
  idToken?: string,
): Session {
  const c = jwtClaims(accessToken);
  // the realm maps roles into `groups` (what mpJwt reads); Keycloak's default scope adds realm_access.roles
  const all = [...((c.groups as string[] | undefined) ?? []), ...((c.realm_access as { roles?: string[] } | undefined)?.roles ?? [])];
  const realmRoles = [...new Set(all)].filter((r) => ['partner', 'merchant', 'admin', 'auditor'].includes(r));
  const exp = typeof c.exp === 'number' ? c.exp * 1000 : Date.now() + (expiresIn ?? 300) * 1000;
  return {
    accessToken,
    expiresAt: exp,
    method,
    subject: String(c.sub ?? ''),
    name: (c.preferred_username as string | undefined) ?? (c.name as string | undefined),
    did: c.did as string | undefined,
    roles: realmRoles,
    idToken,
  };
}
