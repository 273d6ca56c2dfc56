package io.copartner.ledger.audit.note;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.copartner.kernel.crypto.Hashes;

import java.util.Base64;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {

    /** The example of c2sp.org/tlog-checkpoint. */
    static final String SPEC_EXAMPLE =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    static final byte[] ROOT = Hashes.fromHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void bodyIsOriginSizeAndBase64RootOnePerLine() {
        Checkpoint c = new Checkpoint("copartner.example/audit", 8, ROOT);
        assertEquals("copartner.example/audit\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n", c.body());
        assertEquals("x\n0\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n",
                new Checkpoint("x", 0, new byte[32]).body());
    }

    @Test
    void parsesTheSpecExampleAndWritesItBackIdentically() {
        Checkpoint c = Checkpoint.parse(SPEC_EXAMPLE);
        assertEquals("example.com/behind-the-sofa", c.origin());
        assertEquals(20852163L, c.treeSize());
        assertArrayEquals(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="), c.rootHash());
        assertEquals(SPEC_EXAMPLE, c.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=", // no final newline
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n", // blank line
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\next\n", // extension
            "example.com/behind-the-sofa\n20852163\n", // missing root
            "20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // missing origin
            "\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // empty origin
            "   \n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // blank origin
            "o\r\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // CRLF
            "o\n020852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // leading zero
            "o\n00\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // leading zero
            "o\n+1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // sign
            "o\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // negative
            "o\n 1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // space
            "o\n1 \nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // space
            "o\n\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // empty size
            "o\n1e3\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // not decimal
            "o\n\u0661\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // non-ASCII digit
            "o\n9223372036854775808\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // overflow
            "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n", // unpadded
            "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n", // non-canonical trailing bits
            "o\n1\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n", // URL alphabet
            "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I= \n", // trailing space
            "o\n1\n CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", // leading space
            "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I*\n", // not base64
            "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n", // 31 bytes
            "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2IA\n", // 33 bytes
            "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2IAAA==\n", // 34 bytes
            "o\n1\n\n", // empty root
            ""})
    void parseRefusesAnythingButTheCanonicalForm(String body) {
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse(body));
    }

    @Test
    void theLargestSizeParses() {
        Checkpoint c = Checkpoint.parse("o\n9223372036854775807\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertEquals(Long.MAX_VALUE, c.treeSize());
    }

    @Test
    void constructorValidates() {
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("", 1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(" \t", 1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a\nb", 1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a\u0000", 1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a", -1, ROOT));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a", 1, new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint("a", 1, new byte[33]));
        assertThrows(NullPointerException.class, () -> new Checkpoint(null, 1, ROOT));
        assertThrows(NullPointerException.class, () -> new Checkpoint("a", 1, null));
    }

    @Test
    void valueSemanticsAndDefensiveCopies() {
        byte[] root = ROOT.clone();
        Checkpoint c = new Checkpoint("a", 1, root);
        root[0] ^= 1;
        assertArrayEquals(ROOT, c.rootHash());
        c.rootHash()[0] ^= 1;
        assertArrayEquals(ROOT, c.rootHash());
        assertEquals(new Checkpoint("a", 1, ROOT), c);
        assertEquals(new Checkpoint("a", 1, ROOT).hashCode(), c.hashCode());
        assertNotEquals(new Checkpoint("a", 2, ROOT), c);
        assertNotEquals(new Checkpoint("b", 1, ROOT), c);
        assertNotEquals(new Checkpoint("a", 1, new byte[32]), c);
    }

    @Provide
    Arbitrary<String> origins() {
        return Arbitraries.strings().withCharRange('!', '~').withChars("é€/ ").ofMinLength(1).ofMaxLength(60)
                .filter(s -> !s.isBlank());
    }

    @Property(tries = 500)
    void bodyRoundTrips(@ForAll("origins") String origin, @ForAll @LongRange(min = 0) long size,
                        @ForAll @Size(32) byte[] root) {
        Checkpoint c = new Checkpoint(origin, size, root);
        Checkpoint parsed = Checkpoint.parse(c.body());
        assertEquals(c, parsed);
        assertEquals(c.body(), parsed.body());
    }
}
