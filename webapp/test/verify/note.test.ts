import { describe, expect, it } from 'vitest';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base64ToBytes, bytesToBase64, bytesToHex, concat, utf8 } from '../../src/lib/verify/bytes';
import { noteKeyId, noteText, parseCheckpoint, parseNote, verifyNote } from '../../src/lib/verify/note';

// The example of the signed-note format (C2SP signed-note; golang.org/x/mod/sumdb/note): a verifier key
// "PeterNeumann+c74f20a3+<base64(0x01 ‖ Ed25519 key)>" and a note it signed.
const PN_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PN_NOTE = 'If you think cryptography is the answer to your problem,\n'
  + 'then you don\'t know what your problem is.\n'
  + '\n'
  + '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

function pnKey(): Uint8Array {
  const raw = base64ToBytes(PN_VKEY.split('+')[2]);
  expect(raw[0]).toBe(0x01);
  return raw.slice(1);
}

async function signedCheckpoint(origin: string, size: number, root: Uint8Array, name = origin) {
  const secret = ed25519.utils.randomSecretKey();
  const pub = ed25519.getPublicKey(secret);
  const text = noteText(origin, size, root);
  const sig = ed25519.sign(utf8(text), secret);
  const line = `\u2014 ${name} ${bytesToBase64(concat(await noteKeyId(name, pub), sig))}\n`;
  return { pub, note: `${text}\n${line}`, text };
}

describe('C2SP signed note', () => {
  it('computes the key id of the signed-note example key', async () => {
    expect(bytesToHex(await noteKeyId('PeterNeumann', pnKey()))).toBe('c74f20a3');
  });

  it('verifies the signed-note example with WebCrypto Ed25519', async () => {
    const note = parseNote(PN_NOTE);
    expect(note.text.endsWith('is.\n')).toBe(true);
    expect(note.signatures).toHaveLength(1);
    expect(await verifyNote(note, 'PeterNeumann', pnKey())).toEqual({ ok: true, reason: 'verified', keyId: 'c74f20a3' });
  });

  it('refuses an altered text, another name and another key', async () => {
    const altered = parseNote(PN_NOTE.replace('cryptography', 'blockchain'));
    expect((await verifyNote(altered, 'PeterNeumann', pnKey())).reason).toBe('bad-signature');
    expect((await verifyNote(parseNote(PN_NOTE), 'PaulNeumann', pnKey())).reason).toBe('no-signature-for-name');
    const other = ed25519.getPublicKey(ed25519.utils.randomSecretKey());
    expect((await verifyNote(parseNote(PN_NOTE), 'PeterNeumann', other)).reason).toBe('key-id-mismatch');
  });

  it('ignores cosignatures of unknown keys beside the one it trusts', async () => {
    const root = new Uint8Array(32).fill(7);
    const a = await signedCheckpoint('example.org/log', 5, root);
    const witness = await signedCheckpoint('example.org/log', 5, root, 'witness.example');
    const both = a.note + witness.note.slice(witness.text.length + 1);
    const note = parseNote(both);
    expect(note.signatures.map((s) => s.keyName)).toEqual(['example.org/log', 'witness.example']);
    expect((await verifyNote(note, 'example.org/log', a.pub)).ok).toBe(true);
  });

  it('parses a tlog-checkpoint body and refuses malformed ones', () => {
    const root = new Uint8Array(32).fill(1);
    const cp = parseCheckpoint(`${noteText('127.0.0.1:9080/audit', 42, root)}ext line\n`);
    expect(cp).toEqual({ origin: '127.0.0.1:9080/audit', treeSize: 42, rootHash: root, extensions: ['ext line'] });
    expect(() => parseCheckpoint('o\n042\n' + bytesToBase64(root) + '\n')).toThrow();
    expect(() => parseCheckpoint('o\n1\nAAAA\n')).toThrow();
    expect(() => parseCheckpoint('o\n1\n')).toThrow();
    expect(() => parseNote('a\n\nno dash\n')).toThrow();
    expect(() => parseNote('a\r\n\n\u2014 k AAAAAAA=\n')).toThrow();
    expect(() => parseNote('a\n\u2014 k AAAAAAA=\n')).toThrow();
  });
});
