package io.copartner.identity.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    @Test
    void indexZeroIsTheLeftmostBit() {
        byte[] bits = BitstringStatusList.empty(BitstringStatusList.MIN_BITS);
        assertEquals(16_384, bits.length);
        BitstringStatusList.set(bits, 0, true);
        assertEquals((byte) 0x80, bits[0]);
        BitstringStatusList.set(bits, 9, true);
        assertEquals((byte) 0x40, bits[1]);
        BitstringStatusList.set(bits, 131_071, true);
        assertEquals((byte) 0x01, bits[16_383]);
        assertTrue(BitstringStatusList.get(bits, 9));
        assertFalse(BitstringStatusList.get(bits, 8));
        BitstringStatusList.set(bits, 9, false);
        assertFalse(BitstringStatusList.get(bits, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> BitstringStatusList.get(bits, 131_072));
        assertThrows(IndexOutOfBoundsException.class, () -> BitstringStatusList.set(bits, -1, true));
    }

    @Test
    void encodeDecodeRoundTrip() {
        Random r = new Random(7);
        byte[] bits = BitstringStatusList.empty(BitstringStatusList.MIN_BITS * 2);
        for (int i = 0; i < 500; i++) {
            BitstringStatusList.set(bits, r.nextInt(bits.length * 8), true);
        }
        String encoded = BitstringStatusList.encode(bits);
        assertTrue(encoded.startsWith("u"), "multibase base64url");
        assertFalse(encoded.contains("=") || encoded.contains("+") || encoded.contains("/"), "base64url, no padding");
        assertArrayEquals(bits, BitstringStatusList.decode(encoded));
    }

    @Test
    void anEmptyMinimumListIsSmall() {
        String encoded = BitstringStatusList.encode(BitstringStatusList.empty(BitstringStatusList.MIN_BITS));
        assertTrue(encoded.length() < 200, "16 KiB of zeros compresses to a few dozen bytes: " + encoded.length());
    }

    @Test
    void badListsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.empty(1024));
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("H4sIAAAA"), "no multibase prefix");
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("u!!!"), "not base64url");
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("uAAAA"), "not gzip");
        assertThrows(IllegalArgumentException.class, () -> BitstringStatusList.decode("u" + gz(new byte[100])), "too short");
        assertThrows(IllegalArgumentException.class,
            () -> BitstringStatusList.decode("u" + gz(new byte[BitstringStatusList.MAX_BYTES + 1])), "gzip bomb");
    }

    private static String gz(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(data);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }
}
