package io.copartner.kernel.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void versionAndVariantBitsAreSet() {
        for (int i = 0; i < 1000; i++) {
            UUID id = Ids.newId();
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertEquals('7', id.toString().charAt(14));
            assertTrue("89ab".indexOf(id.toString().charAt(19)) >= 0, id.toString());
            assertTrue(Ids.isV7(id));
        }
    }

    @Test
    void timestampIsUnixMilliseconds() {
        long before = System.currentTimeMillis();
        UUID id = Ids.newId();
        long after = System.currentTimeMillis();
        long ts = Ids.unixMillis(id);
        // The generator may run ahead by a little if the 74-bit counter was exhausted; never behind.
        assertTrue(ts >= before && ts <= after + 1, "timestamp " + ts + " not in [" + before + "," + after + "]");
    }

    @Test
    void idsAreStrictlyIncreasingAndUnique() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.newId());
        }
        for (int i = 1; i < ids.size(); i++) {
            UUID prev = ids.get(i - 1);
            UUID next = ids.get(i);
            assertTrue(prev.compareTo(next) < 0, prev + " !< " + next);
            // String order must agree too: the canonical text form is what databases and logs sort.
            assertTrue(prev.toString().compareTo(next.toString()) < 0, prev + " !< " + next);
        }
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    @Test
    void rejectsOtherVersions() {
        UUID v4 = UUID.randomUUID();
        assertFalse(Ids.isV7(v4));
        assertThrows(IllegalArgumentException.class, () -> Ids.unixMillis(v4));
    }
}
