package io.copartner.kernel.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashesTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void sha256KnownVectors() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hashes.hex(Hashes.sha256(new byte[0])));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hashes.hex(Hashes.sha256()));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashes.hex(Hashes.sha256(ascii("abc"))));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Hashes.hex(Hashes.sha256(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
    }

    @Test
    void sha256HashesTheConcatenation() {
        assertArrayEquals(Hashes.sha256(ascii("abc")), Hashes.sha256(ascii("a"), new byte[0], ascii("bc")));
    }

    @Test
    void hexRoundTrip() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        String hex = Hashes.hex(all);
        assertEquals(512, hex.length());
        assertEquals("000102", hex.substring(0, 6));
        assertEquals("fdfeff", hex.substring(506));
        assertArrayEquals(all, Hashes.fromHex(hex));
        assertArrayEquals(all, Hashes.fromHex(hex.toUpperCase()));
        assertArrayEquals(new byte[0], Hashes.fromHex(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "zz", "0x00", " 00", "00 ", "0g", "+1", "-1", "\u0660\u0661"})
    void badHexIsRefused(String hex) {
        assertThrows(IllegalArgumentException.class, () -> Hashes.fromHex(hex));
    }
}
