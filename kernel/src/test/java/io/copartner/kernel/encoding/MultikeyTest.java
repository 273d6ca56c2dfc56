package io.copartner.kernel.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Multikey encoding against the did:key specification's examples. */
class MultikeyTest {

    // did:key spec test vectors: an Ed25519 key (0xed) and a secp256k1 key (0xe7).
    static final String ED25519 = "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    static final String SECP256K1 = "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";

    @Test
    void decodesTheSpecExamplesToTheirCodecAndKeyLength() {
        Multikey.Decoded ed = Multikey.decode(ED25519);
        assertEquals(0xed, ed.multicodec());
        assertEquals(32, ed.key().length);
        Multikey.Decoded k1 = Multikey.decode(SECP256K1);
        assertEquals(0xe7, k1.multicodec());
        assertEquals(33, k1.key().length);
        assertTrue(k1.key()[0] == 2 || k1.key()[0] == 3, "a compressed point");
    }

    @Test
    void encodingRoundTrips() {
        for (String mb : new String[] {ED25519, SECP256K1}) {
            Multikey.Decoded d = Multikey.decode(mb);
            assertEquals(mb, Multikey.encode(d.multicodec(), d.key()));
        }
        byte[] key = HexFormat.of().parseHex("00ff10");
        assertArrayEquals(key, Multikey.decode(Multikey.encode(0x1200, key)).key());
        assertEquals(0x1200, Multikey.decode(Multikey.encode(0x1200, key)).multicodec());
    }

    @Test
    void malformedInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Multikey.decode("m6MkiTBz"), "not base58btc multibase");
        assertThrows(IllegalArgumentException.class, () -> Multikey.decode("z0OIl"), "not base58 characters");
        assertThrows(IllegalArgumentException.class, () -> Multikey.decode("z" + Base58.encode(new byte[] {(byte) 0xed})),
            "truncated varint");
        assertThrows(IllegalArgumentException.class, () -> Multikey.decode("z" + Base58.encode(new byte[] {(byte) 0xed,
            (byte) 0x81, 0x00})), "non-minimal varint");
        assertThrows(IllegalArgumentException.class, () -> Multikey.encode(-1, new byte[1]));
    }
}
