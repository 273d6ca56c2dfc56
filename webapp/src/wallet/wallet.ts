import { open, parseBackup, seal, type BackupFile } from './backup';
import type { KeyType } from './didkey';
import { fromB64url } from './encoding';
import { fromJwk, generate, type PrivateJwk, type WalletKey } from './keys';
import * as store from './store';

/**
 * The wallet's use cases: create (with its backup sealed at once, so the private key never has to leave
 * WebCrypto again), restore from a backup file, open the stored wallet, forget it.
 */
export async function createWallet(type: KeyType, password: string): Promise<store.Loaded> {
  const { key, jwk } = await generate(type);
  const backup = await seal(jwk, key.did, type, password);
  await persist(key, jwk, backup);
  return { key, backup, createdAt: new Date().toISOString() };
}

export async function restoreWallet(fileText: string, password: string): Promise<store.Loaded> {
  const backup = parseBackup(fileText);
  const jwk = await open(backup, password);
  const key = await fromJwk(jwk);
  if (key.did !== backup.did || key.type !== backup.keyType) throw new Error('backup does not match its DID');
  await persist(key, jwk, backup);
  return { key, backup, createdAt: new Date().toISOString() };
}

async function persist(key: WalletKey, jwk: PrivateJwk, backup: BackupFile): Promise<void> {
  if (jwk.kty === 'OKP') {
    const privateKey = await crypto.subtle.importKey('jwk', { ...jwk, key_ops: ['sign'], ext: false }, { name: 'Ed25519' }, false, ['sign']);
    await store.save({ key, ed25519PrivateKey: privateKey, backup });
  } else {
    await store.save({ key, secp256k1Secret: fromB64url(jwk.d), backup });
  }
}

export const loadWallet = store.load;
export const forgetWallet = store.forget;
export type { Loaded as Wallet } from './store';
