package io.copartner.identity.credential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Random;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** Token Status List encoding against the draft's own example, and a round trip decoded independently. */
class TokenStatusListTest {

    /** draft-ietf-oauth-status-list §4.1: 16 statuses, bits 1, and its JSON example's lst. */
    static final int[] EXAMPLE = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};

    @Test
    void theDraftsExampleEncodesToItsLst() {
        byte[] statuses = new byte[2];
        for (int i = 0; i < EXAMPLE.length; i++) {
            statuses[i / 8] |= (byte) (EXAMPLE[i] << (i % 8));
        }
        assertArrayEquals(new byte[] {(byte) 0xB9, (byte) 0xA3}, statuses, "LSB first within each byte");
        assertEquals("eNrbuRgAAhcBXQ", TokenStatusList.encode(statuses));
        byte[] decoded = TokenStatusList.decode("eNrbuRgAAhcBXQ");
        for (int i = 0; i < EXAMPLE.length; i++) {
            assertEquals(EXAMPLE[i], TokenStatusList.get(decoded, 1, i), "status[" + i + "]");
        }
    }

    @Test
    void aBitstringStatusListReadsTheSameInTokenOrder() throws Exception {
        byte[] bitstring = BitstringStatusList.empty(BitstringStatusList.MIN_BITS);
        Random random = new Random(7);
        int[] revoked = new int[50];
        for (int k = 0; k < revoked.length; k++) {
            revoked[k] = random.nextInt(BitstringStatusList.MIN_BITS);
            BitstringStatusList.set(bitstring, revoked[k], true);
        }
        String lst = TokenStatusList.encode(TokenStatusList.fromBitstring(bitstring));

        // Decoded without the class under test: base64url, ZLIB inflate, bit (idx % 8) of byte (idx / 8) from the LSB.
        byte[] raw;
        try (var in = new InflaterInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(lst)))) {
            raw = in.readAllBytes();
        }
        assertEquals(bitstring.length, raw.length);
        for (int idx = 0; idx < BitstringStatusList.MIN_BITS; idx++) {
            boolean token = ((raw[idx / 8] >> (idx % 8)) & 1) == 1;
            assertEquals(BitstringStatusList.get(bitstring, idx), token, "entry " + idx);
        }
        for (int idx : revoked) {
            assertEquals(TokenStatusList.INVALID, TokenStatusList.get(TokenStatusList.decode(lst), 1, idx));
        }
    }

    @Test
    void readsWiderEntriesAndRefusesBadInput() {
        byte[] two = {(byte) 0b1110_0100};
        assertEquals(0, TokenStatusList.get(two, 2, 0));
        assertEquals(1, TokenStatusList.get(two, 2, 1));
        assertEquals(2, TokenStatusList.get(two, 2, 2));
        assertEquals(3, TokenStatusList.get(two, 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> TokenStatusList.get(two, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> TokenStatusList.get(two, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> TokenStatusList.decode("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> TokenStatusList.decode("AAAA"));
        // a ZLIB bomb: 17 MiB of zeros compresses to a few KiB, and is refused past 16 MiB
        assertThrows(IllegalArgumentException.class,
            () -> TokenStatusList.decode(TokenStatusList.encode(new byte[17 * 1024 * 1024])));
    }
}
