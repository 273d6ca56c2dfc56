import type { WalletKey } from './keys';
import { b64url, utf8 } from './encoding';
import { signJws } from './jws';

/**
 * SD-JWT presentations (RFC 9901): the issuer-signed JWT, the Disclosures the holder chooses, and optionally a
 * Key Binding JWT signed by the holder's wallet key over sd_hash (base64url SHA-256 of everything before it).
 */
export function present(sdJwt: string, chosen: string[]): string {
  const jwt = sdJwt.split('~')[0]!;
  return [jwt, ...chosen].join('~') + '~';
}

export async function withKeyBinding(presentation: string, key: WalletKey, audience: string, nonce: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(presentation) as BufferSource));
  const kb = await signJws(key, { iat: Math.floor(Date.now() / 1000), aud: audience, nonce, sd_hash: b64url(digest) }, 'kb+jwt');
  // the KB-JWT header needs alg and typ only; signJws adds the kid, which RFC 9901 allows
  return presentation + kb;
}

/** The claim name and value of a Disclosure (base64url of [salt, name, value]). */
export function disclosureClaim(disclosure: string): { claim: string; value: unknown } | undefined {
  try {
    const b64 = disclosure.replace(/-/g, '+').replace(/_/g, '/');
    const arr = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0))));
    return Array.isArray(arr) && arr.length === 3 ? { claim: String(arr[1]), value: arr[2] } : undefined;
  } catch {
    return undefined;
  }
}
