import type { PrivateJwk } from './keys';
import type { KeyType } from './didkey';
import { b64url, fromB64url, utf8 } from './encoding';

/**
 * The encrypted backup file: the private JWK under AES-256-GCM with a key derived from the user's password by
 * PBKDF2-HMAC-SHA-256 (600 000 iterations, OWASP 2023) and a random 16-byte salt. The header fields (format,
 * version, did, key type, KDF parameters) are the GCM additional data, so a file whose DID or parameters were
 * edited does not decrypt.
 */
export interface BackupFile {
  format: 'copartner-wallet-backup';
  version: 1;
  did: string;
  keyType: KeyType;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  ciphertext: string;
  createdAt: string;
}

export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PASSWORD_LENGTH = 8;

export class BackupError extends Error {
  constructor(readonly reason: 'format' | 'password') {
    super(reason === 'format' ? 'not a Copartner wallet backup' : 'wrong password or damaged file');
    this.name = 'BackupError';
  }
}

const subtle = () => globalThis.crypto.subtle;

async function deriveKey(password: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', utf8(password.normalize('NFC')) as BufferSource, 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function aad(f: Pick<BackupFile, 'format' | 'version' | 'did' | 'keyType' | 'kdf'>): Uint8Array {
  return utf8(JSON.stringify([f.format, f.version, f.did, f.keyType, f.kdf.name, f.kdf.hash, f.kdf.iterations, f.kdf.salt]));
}

export async function seal(
  jwk: PrivateJwk,
  did: string,
  keyType: KeyType,
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<BackupFile> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error('password too short');
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head = {
    format: 'copartner-wallet-backup' as const,
    version: 1 as const,
    did,
    keyType,
    kdf: { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt: b64url(salt) },
  };
  const key = await deriveKey(password, salt, iterations);
  const ct = await subtle().encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad(head) as BufferSource },
    key,
    utf8(JSON.stringify(jwk)) as BufferSource,
  );
  return { ...head, cipher: { name: 'AES-GCM', iv: b64url(iv) }, ciphertext: b64url(new Uint8Array(ct)), createdAt: new Date().toISOString() };
}

export function parseBackup(text: string): BackupFile {
  let f: BackupFile;
  try {
    f = JSON.parse(text) as BackupFile;
  } catch {
    throw new BackupError('format');
  }
  const ok =
    f?.format === 'copartner-wallet-backup' &&
    f.version === 1 &&
    typeof f.did === 'string' &&
    (f.keyType === 'Ed25519' || f.keyType === 'secp256k1') &&
    f.kdf?.name === 'PBKDF2' &&
    f.kdf.hash === 'SHA-256' &&
    Number.isInteger(f.kdf.iterations) &&
    f.kdf.iterations >= 100_000 &&
    f.kdf.iterations <= 10_000_000 &&
    typeof f.kdf.salt === 'string' &&
    f.cipher?.name === 'AES-GCM' &&
    typeof f.cipher.iv === 'string' &&
    typeof f.ciphertext === 'string';
  if (!ok) throw new BackupError('format');
  return f;
}

export async function open(f: BackupFile, password: string): Promise<PrivateJwk> {
  let plain: ArrayBuffer;
  try {
    const key = await deriveKey(password, fromB64url(f.kdf.salt), f.kdf.iterations);
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromB64url(f.cipher.iv) as BufferSource, additionalData: aad(f) as BufferSource },
      key,
      fromB64url(f.ciphertext) as BufferSource,
    );
  } catch {
    throw new BackupError('password');
  }
  try {
    return JSON.parse(new TextDecoder().decode(plain)) as PrivateJwk;
  } catch {
    throw new BackupError('format');
  }
}

export function backupFileName(did: string): string {
  return `copartner-wallet-${did.slice(-8)}.json`;
}
