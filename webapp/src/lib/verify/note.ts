/**
 * C2SP signed-note parsing and Ed25519 verification (WebCrypto), and the C2SP tlog-checkpoint body.
 * A note is text ‖ "\n" ‖ signature lines; the text ends with a newline and is what is signed. Each line is
 * "— " name " " base64(keyId[4] ‖ signature); keyId = SHA-256(name ‖ 0x0A ‖ 0x01 ‖ Ed25519 key)[:4].
 */
import { base64ToBytes, buf, bytesToBase64, bytesToHex, equalBytes, sha256, utf8 } from './bytes';

export interface NoteSignature {
  keyName: string;
  keyId: Uint8Array;
  signature: Uint8Array;
}

export interface SignedNote {
  /** The signed text, final newline included. */
  text: string;
  signatures: NoteSignature[];
}

export interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: Uint8Array;
  extensions: string[];
}

const SIG_PREFIX = '\u2014 ';

export function parseNote(note: string): SignedNote {
  if (note.includes('\r')) {
    throw new Error('note contains a carriage return');
  }
  if (!note.endsWith('\n')) {
    throw new Error('note does not end with a newline');
  }
  const sep = note.lastIndexOf('\n\n');
  if (sep < 0) {
    throw new Error('note has no blank line before its signatures');
  }
  const text = note.slice(0, sep + 1);
  const lines = note.slice(sep + 2).split('\n');
  lines.pop(); // the empty string after the final newline
  const signatures = lines.map((line, i) => {
    if (!line.startsWith(SIG_PREFIX)) {
      throw new Error(`signature line ${i + 1} does not start with an em dash and a space`);
    }
    const rest = line.slice(SIG_PREFIX.length);
    const sp = rest.lastIndexOf(' ');
    const name = rest.slice(0, sp);
    if (sp <= 0 || name.includes(' ')) {
      throw new Error(`signature line ${i + 1} has no valid key name`);
    }
    const blob = base64ToBytes(rest.slice(sp + 1));
    if (blob.length < 5) {
      throw new Error(`signature line ${i + 1} is too short`);
    }
    return { keyName: name, keyId: blob.slice(0, 4), signature: blob.slice(4) };
  });
  if (signatures.length === 0) {
    throw new Error('note has no signature lines');
  }
  return { text, signatures };
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') {
    throw new Error('checkpoint needs origin, tree size and root hash lines, each ending in a newline');
  }
  const [origin, size, root] = lines;
  if (!origin) {
    throw new Error('checkpoint origin line is empty');
  }
  if (!/^(0|[1-9][0-9]{0,15})$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new Error(`checkpoint tree size is not a canonical decimal: '${size}'`);
  }
  const rootHash = base64ToBytes(root);
  if (rootHash.length !== 32) {
    throw new Error(`checkpoint root hash is ${rootHash.length} bytes, expected 32`);
  }
  return { origin, treeSize: Number(size), rootHash, extensions: lines.slice(3, -1) };
}

export async function noteKeyId(keyName: string, ed25519Key: Uint8Array): Promise<Uint8Array> {
  return (await sha256(utf8(keyName), new Uint8Array([0x0a, 0x01]), ed25519Key)).slice(0, 4);
}

export async function verifyEd25519(publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) {
    return false;
  }
  const key = await crypto.subtle.importKey('raw', buf(publicKey), { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, buf(signature), buf(message));
}

export interface NoteVerification {
  ok: boolean;
  /** A stable reason code the screens translate. */
  reason: 'verified' | 'no-signature-for-name' | 'key-id-mismatch' | 'bad-signature';
  keyId: string;
}

/**
 * Checks that the note carries a valid Ed25519 signature by this key name and key: other signers' lines
 * (witness cosignatures) are ignored, as C2SP prescribes for unknown keys.
 */
export async function verifyNote(note: SignedNote, keyName: string, ed25519Key: Uint8Array): Promise<NoteVerification> {
  const id = await noteKeyId(keyName, ed25519Key);
  const keyId = bytesToHex(id);
  const named = note.signatures.filter((s) => s.keyName === keyName);
  if (named.length === 0) {
    return { ok: false, reason: 'no-signature-for-name', keyId };
  }
  const matching = named.filter((s) => equalBytes(s.keyId, id));
  if (matching.length === 0) {
    return { ok: false, reason: 'key-id-mismatch', keyId };
  }
  const msg = utf8(note.text);
  for (const s of matching) {
    if (await verifyEd25519(ed25519Key, s.signature, msg)) {
      return { ok: true, reason: 'verified', keyId };
    }
  }
  return { ok: false, reason: 'bad-signature', keyId };
}

export const noteText = (origin: string, treeSize: number, root: Uint8Array): string =>
  `${origin}\n${treeSize}\n${bytesToBase64(root)}\n`;
