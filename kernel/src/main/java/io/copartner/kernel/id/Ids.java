package io.copartner.kernel.id;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/**
 * Time-ordered identifiers: UUID version 7 (RFC 9562 section 5.7).
 *
 * <p>Why v7: ids sort by creation time, which keeps B-tree inserts local and makes ids from the same
 * process strictly increasing. Layout: 48-bit Unix milliseconds, version 7, 12 bits {@code rand_a},
 * the variant {@code 10}, 62 bits {@code rand_b}.
 *
 * <p>Monotonicity (RFC 9562 section 6.2, method 2): within one millisecond (or if the clock steps back)
 * the 74 random bits are treated as a counter and incremented; if they run out the timestamp is advanced.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long RAND_A_MASK = 0xFFFL;
    private static final long RAND_B_MASK = 0x3FFF_FFFF_FFFF_FFFFL;

    // Guarded by Ids.class: the last id's timestamp and its 74 random/counter bits.
    private static long lastMillis = -1;
    private static long lastRandA;
    private static long lastRandB;

    private Ids() {
    }

    /** A new UUIDv7, greater than every id previously returned by this class in this JVM. */
    public static UUID newId() {
        long now = System.currentTimeMillis();
        long millis;
        long randA;
        long randB;
        synchronized (Ids.class) {
            if (now > lastMillis) {
                millis = now;
                randA = RANDOM.nextInt() & RAND_A_MASK;
                randB = RANDOM.nextLong() & RAND_B_MASK;
            } else {
                millis = lastMillis;
                randB = (lastRandB + 1) & RAND_B_MASK;
                randA = lastRandA;
                if (randB == 0) {
                    randA = (lastRandA + 1) & RAND_A_MASK;
                    if (randA == 0) {
                        // 74-bit counter exhausted: borrow the next millisecond.
                        millis = lastMillis + 1;
                        randA = RANDOM.nextInt() & RAND_A_MASK;
                        randB = RANDOM.nextLong() & RAND_B_MASK;
                    }
                }
            }
            lastMillis = millis;
            lastRandA = randA;
            lastRandB = randB;
        }
        return build(millis, randA, randB);
    }

    /** The Unix-millisecond timestamp embedded in a UUIDv7. */
    public static long unixMillis(UUID id) {
        requireV7(id);
        return id.getMostSignificantBits() >>> 16;
    }

    /** Whether the id is a UUIDv7 with the RFC 9562 variant. */
    public static boolean isV7(UUID id) {
        Objects.requireNonNull(id, "id must not be null");
        return id.version() == 7 && id.variant() == 2;
    }

    private static void requireV7(UUID id) {
        if (!isV7(id)) {
            throw new IllegalArgumentException(id + " is not a version 7 UUID");
        }
    }

    private static UUID build(long millis, long randA, long randB) {
        long msb = ((millis & 0xFFFF_FFFF_FFFFL) << 16) | (0x7L << 12) | randA;
        long lsb = (0x2L << 62) | randB;
        return new UUID(msb, lsb);
    }
}
