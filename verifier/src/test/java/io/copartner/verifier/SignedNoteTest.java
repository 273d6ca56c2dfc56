package io.copartner.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C2SP signed-note verification with a key generated in the test, and DID key extraction. */
class SignedNoteTest {
    static final String ORIGIN = "copartner.test/audit";
    final KeyPair key = TestKeys.ed25519();
    final byte[] root = MerkleTest.h(MerkleTest.ROOTS.get(7));
    final String body = TestKeys.checkpointBody(ORIGIN, 8, root);

    @Test
    void validNoteVerifiesAndParsesAsCheckpoint() {
        SignedNote note = SignedNote.parse(TestKeys.signedNote(body, ORIGIN, key));
        SignedNote.Verification v = note.verify(ORIGIN, TestKeys.raw(key));
        assertTrue(v.ok(), v.detail());
        SignedNote.Checkpoint cp = note.checkpoint();
        assertEquals(ORIGIN, cp.origin());
        assertEquals(8, cp.treeSize());
        assertArrayEquals(root, cp.rootHash());
        assertEquals(body, note.text());
    }

    @Test
    void keyIdIsC2spDerivation() {
        assertArrayEquals(TestKeys.keyId(ORIGIN, TestKeys.raw(key)), SignedNote.keyId(ORIGIN, TestKeys.raw(key)));
    }

    @Test
    void tamperedBodyFails() {
        String note = TestKeys.signedNote(body, ORIGIN, key).replaceFirst("\n8\n", "\n9\n");
        SignedNote.Verification v = SignedNote.parse(note).verify(ORIGIN, TestKeys.raw(key));
        assertFalse(v.ok(), v.detail());
    }

    @Test
    void tamperedSignatureFails() {
        String note = TestKeys.signedNote(body, ORIGIN, key);
        int at = note.lastIndexOf(' ') + 10;
        char c = note.charAt(at);
        String forged = note.substring(0, at) + (c == 'A' ? 'B' : 'A') + note.substring(at + 1);
        assertFalse(SignedNote.parse(forged).verify(ORIGIN, TestKeys.raw(key)).ok());
    }

    @Test
    void otherKeyOrOtherNameFails() {
        KeyPair other = TestKeys.ed25519();
        String byOther = TestKeys.signedNote(body, ORIGIN, other);
        SignedNote.Verification v = SignedNote.parse(byOther).verify(ORIGIN, TestKeys.raw(key));
        assertFalse(v.ok());
        assertTrue(v.detail().contains("key id"), v.detail());
        assertFalse(SignedNote.parse(TestKeys.signedNote(body, "someone-else", key)).verify(ORIGIN, TestKeys.raw(key)).ok());
    }

    @Test
    void cosignaturesByUnknownKeysAreIgnored() {
        KeyPair witness = TestKeys.ed25519();
        String note = body + "\n" + TestKeys.signatureLine(body, "witness.example", witness) + TestKeys.signatureLine(body, ORIGIN, key);
        assertTrue(SignedNote.parse(note).verify(ORIGIN, TestKeys.raw(key)).ok());
    }

    @Test
    void malformedNotesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(body), "no signatures");
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(body + "\n- " + ORIGIN + " AAAA\n"), "hyphen, not em dash");
        String note = TestKeys.signedNote(body, ORIGIN, key);
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(note.substring(0, note.length() - 1)), "no final newline");
        String badSize = TestKeys.signedNote(ORIGIN + "\n08\n" + Base64.getEncoder().encodeToString(root) + "\n", ORIGIN, key);
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(badSize).checkpoint(), "non-canonical size");
    }

    @Test
    void didDocumentWithJwk() throws Exception {
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(TestKeys.raw(key));
        JsonNode doc = new ObjectMapper().readTree("""
                {"@context":["https://www.w3.org/ns/did/v1"],"id":"did:web:example.org%3A8443",
                 "verificationMethod":[
                   {"id":"did:web:example.org%3A8443#other","type":"JsonWebKey2020","controller":"did:web:example.org%3A8443",
                    "publicKeyJwk":{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}},
                   {"id":"did:web:example.org%3A8443#checkpoint","type":"JsonWebKey2020","controller":"did:web:example.org%3A8443",
                    "publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"X"}}]}
                """.replace("\"X\"", "\"" + x + "\""));
        DidKey k = DidKey.fromDocument(doc);
        assertArrayEquals(TestKeys.raw(key), k.rawPublicKey());
        assertNull(k.noteKeyName());
        assertEquals(ORIGIN, k.keyNameFor(ORIGIN));
        assertEquals("did:web:example.org%3A8443", DidKey.didWebFor(java.net.URI.create("https://example.org:8443/x")));
    }

    @Test
    void didDocumentWithMultibaseAndKeyName() throws Exception {
        byte[] mc = new byte[34];
        mc[0] = (byte) 0xed;
        mc[1] = 0x01;
        System.arraycopy(TestKeys.raw(key), 0, mc, 2, 32);
        JsonNode doc = new ObjectMapper().readTree("""
                {"id":"did:web:example.org","verificationMethod":[
                  {"id":"did:web:example.org#checkpoint","type":"Multikey","controller":"did:web:example.org",
                   "publicKeyMultibase":"z%s","copartner:noteKeyName":"example.org/log"}]}
                """.formatted(TestKeys.base58(mc)));
        DidKey k = DidKey.fromDocument(doc);
        assertArrayEquals(TestKeys.raw(key), k.rawPublicKey());
        assertEquals("example.org/log", k.keyNameFor(ORIGIN));
    }

    @Test
    void didDocumentWithoutCheckpointKeyIsRejected() throws Exception {
        JsonNode doc = new ObjectMapper().readTree("{\"id\":\"did:web:example.org\",\"verificationMethod\":[]}");
        assertThrows(IllegalArgumentException.class, () -> DidKey.fromDocument(doc));
    }
}
