package io.copartner.ledger.audit.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.copartner.kernel.crypto.Hashes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NoteSigner / NoteVerifier. The fixed vector is the example of golang.org/x/mod/sumdb/note (the origin of the
 * C2SP signed-note format), also used by other implementations: Ed25519 is deterministic, so signing its text with
 * its key must reproduce its note byte for byte.
 */
class SignedNoteTest {

    static final String GO_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String GO_NOTE = GO_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    static final byte[] ROOT = Hashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    static final String NAME = "copartner.example/audit";
    static final KeyPair KEYS = generate();
    static final KeyPair OTHER_KEYS = generate();

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The Go example's key pair: the private seed from its signer key, the public key from its verifier key. */
    static KeyPair goKeyPair() throws GeneralSecurityException {
        byte[] typedSeed = Base64.getDecoder().decode(GO_SIGNER_KEY.split("\\+", 5)[4]);
        assertEquals(1, typedSeed[0]);
        byte[] typedPublic = Base64.getDecoder().decode(GO_VERIFIER_KEY.split("\\+", 3)[2]);
        assertEquals(1, typedPublic[0]);
        var privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(
                new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Arrays.copyOfRange(typedSeed, 1, 33)));
        PublicKey publicKey = NoteSigner.publicKeyFromRaw(Arrays.copyOfRange(typedPublic, 1, 33));
        return new KeyPair(publicKey, privateKey);
    }

    static String checkpointNote() {
        return new NoteSigner(NAME, KEYS).sign(new Checkpoint(NAME, 8, ROOT).body());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Interoperability

    @Test
    void reproducesTheGoSumdbNoteExampleByteForByte() throws GeneralSecurityException {
        NoteSigner signer = new NoteSigner("PeterNeumann", goKeyPair());
        assertEquals("c74f20a3", Hashes.hex(signer.keyId()));
        assertEquals(GO_VERIFIER_KEY, signer.verifierKey());
        assertEquals(GO_NOTE, signer.sign(GO_TEXT));
    }

    @Test
    void verifiesTheGoSumdbNoteExample() throws GeneralSecurityException {
        PublicKey key = goKeyPair().getPublic();
        assertTrue(NoteVerifier.verify(GO_NOTE, "PeterNeumann", key));
        assertEquals(GO_TEXT, NoteVerifier.body(GO_NOTE));
        assertFalse(NoteVerifier.verify(GO_NOTE.replace("cryptography", "cryptographY"), "PeterNeumann", key));
        assertFalse(NoteVerifier.verify(GO_NOTE, "PeterNeumann2", key));
        assertFalse(NoteVerifier.verify(GO_NOTE, "PeterNeumann", OTHER_KEYS.getPublic()));
    }

    /** Published verifier keys: their key ID must be SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4]. */
    @ParameterizedTest
    @ValueSource(strings = {
            GO_VERIFIER_KEY,
            "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"})
    void keyIdsOfPublishedVerifierKeys(String vkey) {
        String[] parts = vkey.split("\\+", 3);
        byte[] typed = Base64.getDecoder().decode(parts[2]);
        assertEquals(33, typed.length);
        assertEquals(1, typed[0]);
        byte[] raw = Arrays.copyOfRange(typed, 1, 33);
        assertEquals(parts[1], Hashes.hex(NoteSigner.keyId(parts[0], raw)));
        assertArrayEquals(raw, NoteSigner.rawPublicKey(NoteSigner.publicKeyFromRaw(raw)));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Format

    @Test
    void signedCheckpointHasTheC2spShape() {
        NoteSigner signer = new NoteSigner(NAME, KEYS);
        String body = new Checkpoint(NAME, 8, ROOT).body();
        String note = signer.sign(body);
        assertTrue(note.startsWith(body + "\n\u2014 " + NAME + " "), note);
        assertTrue(note.endsWith("\n"));
        String[] sigLine = note.substring(body.length() + 1, note.length() - 1).split(" ");
        assertEquals(3, sigLine.length);
        assertEquals("\u2014", sigLine[0]);
        byte[] blob = Base64.getDecoder().decode(sigLine[2]);
        assertEquals(68, blob.length);
        assertArrayEquals(signer.keyId(), Arrays.copyOf(blob, 4));
        assertEquals(Checkpoint.parse(NoteVerifier.body(note)), new Checkpoint(NAME, 8, ROOT));
    }

    @Test
    void keyIdAndVerifierKeyFollowTheSpecRecipe() {
        NoteSigner signer = new NoteSigner(NAME, KEYS);
        byte[] raw = NoteSigner.rawPublicKey(KEYS.getPublic());
        assertEquals(32, raw.length);
        byte[] expectedId = Arrays.copyOf(Hashes.sha256(NAME.getBytes(StandardCharsets.UTF_8),
                new byte[] {0x0a, 0x01}, raw), 4);
        assertArrayEquals(expectedId, signer.keyId());
        byte[] typed = new byte[33];
        typed[0] = 1;
        System.arraycopy(raw, 0, typed, 1, 32);
        assertEquals(NAME + "+" + Hashes.hex(expectedId) + "+" + Base64.getEncoder().encodeToString(typed),
                signer.verifierKey());
        assertTrue(signer.verifierKey().matches("[^+\\s]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{43}[A-Za-z0-9+/=]"));
    }

    @Test
    void rawPublicKeyRoundTripsAndRefusesOtherKeys() throws GeneralSecurityException {
        byte[] raw = NoteSigner.rawPublicKey(KEYS.getPublic());
        assertArrayEquals(KEYS.getPublic().getEncoded(), NoteSigner.publicKeyFromRaw(raw).getEncoded());
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        PublicKey ecKey = ec.generateKeyPair().getPublic();
        assertThrows(IllegalArgumentException.class, () -> NoteSigner.rawPublicKey(ecKey));
        assertThrows(IllegalArgumentException.class, () -> NoteSigner.publicKeyFromRaw(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new NoteSigner(NAME, ec.generateKeyPair()));
        assertFalse(NoteVerifier.verify(checkpointNote(), NAME, ecKey));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a+b", "a\nb", "a\tb", "a\u00a0b", "a\u2003b"})
    void badKeyNamesAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> new NoteSigner(name, KEYS));
        assertFalse(NoteVerifier.verify(checkpointNote(), name, KEYS.getPublic()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no newline", "bell\u0007\n", "cr\r\n", "lone \ud800 surrogate\n"})
    void badNoteTextsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> new NoteSigner(NAME, KEYS).sign(text));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Verification

    @Test
    void verifiesWithTheSigningKeyOnly() {
        String note = checkpointNote();
        assertTrue(NoteVerifier.verify(note, NAME, KEYS.getPublic()));
        assertFalse(NoteVerifier.verify(note, NAME, OTHER_KEYS.getPublic()));
        assertFalse(NoteVerifier.verify(note, "other.example/audit", KEYS.getPublic()));
    }

    @Test
    void anyChangeToTheCheckpointBreaksTheSignature() {
        String note = checkpointNote();
        String sig = note.substring(note.indexOf("\n\n") + 1);
        String body = NoteVerifier.body(note);
        Checkpoint c = Checkpoint.parse(body);
        byte[] otherRoot = c.rootHash();
        otherRoot[31] ^= 1;
        for (Checkpoint changed : new Checkpoint[] {
                new Checkpoint(NAME, 9, c.rootHash()),
                new Checkpoint(NAME, 7, c.rootHash()),
                new Checkpoint(NAME, 8, otherRoot),
                new Checkpoint(NAME + "x", 8, c.rootHash()),
                new Checkpoint("evil.example/audit", 8, c.rootHash())}) {
            String forged = changed.body() + sig;
            assertEquals(changed.body(), NoteVerifier.body(forged), "the forgery is well-formed");
            assertFalse(NoteVerifier.verify(forged, NAME, KEYS.getPublic()), changed.toString());
        }
    }

    @Property(tries = 200)
    void flippingAnyBitOfTheSignatureBreaksIt(@ForAll @IntRange(min = 0, max = 68 * 8 - 1) int bit) {
        String note = checkpointNote();
        int start = note.lastIndexOf(' ') + 1;
        byte[] blob = Base64.getDecoder().decode(note.substring(start, note.length() - 1));
        blob[bit / 8] ^= (byte) (1 << (bit % 8));
        String forged = note.substring(0, start) + Base64.getEncoder().encodeToString(blob) + "\n";
        assertFalse(NoteVerifier.verify(forged, NAME, KEYS.getPublic()));
    }

    @Test
    void signaturesOfUnknownKeysAreIgnored() {
        String note = checkpointNote();
        String otherLine = new NoteSigner("witness.example", OTHER_KEYS).sign(NoteVerifier.body(note));
        otherLine = otherLine.substring(otherLine.lastIndexOf("\n\u2014") + 1);
        // Same name as ours but another key (so another key ID): ignored as well.
        String sameName = new NoteSigner(NAME, OTHER_KEYS).sign(NoteVerifier.body(note));
        sameName = sameName.substring(sameName.lastIndexOf("\n\u2014") + 1);
        String cosigned = note + otherLine + sameName;
        assertTrue(NoteVerifier.verify(cosigned, NAME, KEYS.getPublic()));
        String ourLine = note.substring(note.lastIndexOf("\n\u2014") + 1);
        assertTrue(NoteVerifier.verify(NoteVerifier.body(note) + "\n" + otherLine + ourLine, NAME,
                KEYS.getPublic()), "order does not matter");
        assertTrue(NoteVerifier.verify(cosigned, "witness.example", OTHER_KEYS.getPublic()));
        assertTrue(NoteVerifier.verify(cosigned, NAME, OTHER_KEYS.getPublic()));
        // Only unknown signatures: rejected.
        assertFalse(NoteVerifier.verify(NoteVerifier.body(note) + "\n" + otherLine, NAME, KEYS.getPublic()));
    }

    @Test
    void aFailingSignatureFromTheKnownKeyRejectsTheNoteEvenIfAnotherVerifies() {
        String note = checkpointNote();
        String line = note.substring(note.lastIndexOf("\n\u2014") + 1);
        int start = line.lastIndexOf(' ') + 1;
        byte[] blob = Base64.getDecoder().decode(line.substring(start, line.length() - 1));
        blob[10] ^= 1; // inside the signature, key ID intact
        String bad = line.substring(0, start) + Base64.getEncoder().encodeToString(blob) + "\n";
        assertFalse(NoteVerifier.verify(note + bad, NAME, KEYS.getPublic()));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void malformedNotesAreRejected(int variant) {
        String note = checkpointNote();
        String body = NoteVerifier.body(note);
        String line = note.substring(body.length() + 1);
        String blob = line.substring(line.lastIndexOf(' ') + 1, line.length() - 1);
        String malformed = switch (variant) {
            case 0 -> note.substring(0, note.length() - 1);                  // no final newline
            case 1 -> body + line;                                            // no blank line
            case 2 -> body + "\n" + line.replace("\u2014 ", "-- ");           // not an em dash
            case 3 -> body + "\n" + line.replace("\u2014 ", "\u2014");        // no space after the dash
            case 4 -> body + "\n" + line.replace(" " + blob, "  " + blob);    // two spaces
            case 5 -> body + "\n" + line.replace(blob, blob.replace("=", "")); // unpadded base64
            case 6 -> body + "\n" + line.replace(blob, blob + "*");           // not base64
            case 7 -> body + "\n" + line + "junk\n";                          // a non-signature line
            case 8 -> body + "\n";                                            // no signatures at all
            case 9 -> body.replace("\n", "\r\n") + "\n" + line;               // control characters
            case 10 -> body + "\n" + line.replace(blob, "AAAA");              // too short for key ID + sig
            case 11 -> body + "\n" + line + "\n";                             // trailing blank line
            default -> throw new AssertionError(variant);
        };
        assertFalse(NoteVerifier.verify(malformed, NAME, KEYS.getPublic()), malformed);
        assertThrows(IllegalArgumentException.class, () -> NoteVerifier.body(malformed));
    }

    @Test
    void verifyNeverThrows() {
        assertFalse(NoteVerifier.verify(null, NAME, KEYS.getPublic()));
        assertFalse(NoteVerifier.verify(checkpointNote(), null, KEYS.getPublic()));
        assertFalse(NoteVerifier.verify(checkpointNote(), NAME, null));
        assertFalse(NoteVerifier.verify("", NAME, KEYS.getPublic()));
        assertFalse(NoteVerifier.verify("\n\n\n", NAME, KEYS.getPublic()));
    }

    @Test
    void textsWithEmptyLinesAndUnicodeSignAndVerify() {
        String text = "line one\n\nline three \u2014 caf\u00e9 \ud83d\ude00\n";
        String note = new NoteSigner(NAME, KEYS).sign(text);
        assertEquals(text, NoteVerifier.body(note));
        assertTrue(NoteVerifier.verify(note, NAME, KEYS.getPublic()));
    }
}
