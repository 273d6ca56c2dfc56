package io.copartner.kernel.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {

    @Test
    void knownVectors() {
        // draft-msporny-base58 §5 examples.
        assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes(StandardCharsets.UTF_8)));
        assertEquals("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
            Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.UTF_8)));
        assertEquals("11233QC4", Base58.encode(HexFormat.of().parseHex("0000287fb4cd")));
        assertEquals("", Base58.encode(new byte[0]));
        assertEquals("1", Base58.encode(new byte[1]));
    }

    @Test
    void roundTripsKeepLeadingZeros() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            if (data.length > 2 && n % 3 == 0) {
                data[0] = 0;
                data[1] = 0;
            }
            assertArrayEquals(data, Base58.decode(Base58.encode(data)));
        }
    }

    @Test
    void refusesCharactersOutsideTheAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("0OIl"));
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("abc+"));
    }
}
