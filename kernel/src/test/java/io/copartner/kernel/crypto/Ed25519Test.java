package io.copartner.kernel.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The JDK-only Ed25519 against RFC 8032 §7.1 test 1 and the EdDSA JWS of RFC 8037 Appendix A.4 (same key). */
class Ed25519Test {

    static final HexFormat HEX = HexFormat.of();
    static final byte[] SEED = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    static final byte[] PUBLIC = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    static final byte[] EMPTY_SIGNATURE = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901"
        + "555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    static final String RFC8037_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
        + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    @Test
    void signsAndVerifiesRfc8032TestOne() {
        assertArrayEquals(EMPTY_SIGNATURE, Ed25519.sign(Ed25519.privateKey(SEED), new byte[0]));
        assertTrue(Ed25519.verify(Ed25519.publicKey(PUBLIC), new byte[0], EMPTY_SIGNATURE));
        assertArrayEquals(PUBLIC, Ed25519.raw(Ed25519.publicKey(PUBLIC)));
    }

    @Test
    void checksTheRfc8037Jws() {
        String[] parts = RFC8037_JWS.split("\\.");
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
        var key = Ed25519.publicKey(PUBLIC);
        assertTrue(Ed25519.verifyJws(key, "EdDSA", input, sig));
        assertTrue(Ed25519.verifyJws(key, "Ed25519", input, sig));
        assertFalse(Ed25519.verifyJws(key, "ES256K", input, sig), "alg must fit the key");
        assertFalse(Ed25519.verifyJws(key, null, input, sig));
        byte[] tampered = input.clone();
        tampered[tampered.length - 1] ^= 1;
        assertFalse(Ed25519.verifyJws(key, "EdDSA", tampered, sig));
        assertFalse(Ed25519.verifyJws(key, "EdDSA", input, new byte[63]), "a short signature is refused, not thrown");
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Ed25519.publicKey(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Ed25519.privateKey(new byte[33]));
    }
}
