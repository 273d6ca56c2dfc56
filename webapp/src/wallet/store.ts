import type { BackupFile } from './backup';
import type { KeyType } from './didkey';
import { ed25519Key, secpKey, type WalletKey } from './keys';

/**
 * The wallet's one record in IndexedDB. Ed25519: the non-extractable CryptoKey itself (structured-cloned by the
 * browser, its bytes never reachable from script). secp256k1: the 32-byte secret encrypted under a
 * non-extractable AES-GCM key stored beside it (WebCrypto cannot hold secp256k1 keys; this is the "where the
 * browser allows it" of issue 10). The encrypted backup file is kept too, so it can be downloaded again later.
 */
interface Stored {
  id: 'default';
  type: KeyType;
  did: string;
  publicKey: Uint8Array;
  ed25519?: CryptoKey;
  secp256k1?: { wrapKey: CryptoKey; iv: Uint8Array; ciphertext: Uint8Array };
  backup: BackupFile;
  createdAt: string;
}

const DB = 'copartner-wallet';
const STORE = 'keys';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  return db().then(
    (d) =>
      new Promise<T>((resolve, reject) => {
        const tx = d.transaction(STORE, mode);
        const req = op(tx.objectStore(STORE));
        tx.oncomplete = () => {
          d.close();
          resolve(req.result as T);
        };
        tx.onerror = () => {
          d.close();
          reject(tx.error);
        };
      }),
  );
}

export interface SaveInput {
  key: WalletKey;
  ed25519PrivateKey?: CryptoKey;
  secp256k1Secret?: Uint8Array;
  backup: BackupFile;
}

export async function save(input: SaveInput): Promise<void> {
  const rec: Stored = {
    id: 'default',
    type: input.key.type,
    did: input.key.did,
    publicKey: input.key.publicKey,
    backup: input.backup,
    createdAt: new Date().toISOString(),
  };
  if (input.key.type === 'Ed25519') {
    if (!input.ed25519PrivateKey) throw new Error('Ed25519 private key missing');
    rec.ed25519 = input.ed25519PrivateKey;
  } else {
    if (!input.secp256k1Secret) throw new Error('secp256k1 secret missing');
    const wrapKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, wrapKey, input.secp256k1Secret as BufferSource);
    rec.secp256k1 = { wrapKey, iv, ciphertext: new Uint8Array(ct) };
  }
  await run('readwrite', (s) => s.put(rec));
}

export interface Loaded {
  key: WalletKey;
  backup: BackupFile;
  createdAt: string;
}

export async function load(): Promise<Loaded | undefined> {
  const rec = await run<Stored | undefined>('readonly', (s) => s.get('default'));
  if (!rec) return undefined;
  let key: WalletKey;
  if (rec.type === 'Ed25519' && rec.ed25519) {
    key = ed25519Key(rec.ed25519, rec.publicKey);
  } else if (rec.type === 'secp256k1' && rec.secp256k1) {
    const w = rec.secp256k1;
    const secret = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: w.iv as BufferSource }, w.wrapKey, w.ciphertext as BufferSource));
    key = secpKey(secret);
  } else {
    return undefined;
  }
  if (key.did !== rec.did) throw new Error('stored wallet is inconsistent');
  return { key, backup: rec.backup, createdAt: rec.createdAt };
}

export async function forget(): Promise<void> {
  await run('readwrite', (s) => s.delete('default'));
}
