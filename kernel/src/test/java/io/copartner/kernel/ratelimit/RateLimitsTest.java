package io.copartner.kernel.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimitsTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aBurstIsAllowedThenTheRateAndTheWaitIsAnnounced() {
        TokenBuckets b = new TokenBuckets(new TokenBuckets.Limit(2, 3), 10);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, b.acquire("ip", now.get()));
        }
        assertEquals(1, b.acquire("ip", now.get()));
        assertEquals(0, b.acquire("other", now.get()), "keys are independent");
        now.addAndGet(500_000_000L);
        assertEquals(0, b.acquire("ip", now.get()), "2 per second: one more after half a second");
        assertEquals(1, b.acquire("ip", now.get()));
    }

    @Test
    void theSlowestRateAnnouncesALongerWait() {
        TokenBuckets b = new TokenBuckets(new TokenBuckets.Limit(0.1, 1), 10);
        assertEquals(0, b.acquire("ip", 0));
        assertEquals(10, b.acquire("ip", 0));
    }

    @Test
    void aDisabledLimitOrNoKeyAllowsEverything() {
        TokenBuckets b = new TokenBuckets(TokenBuckets.Limit.NONE, 10);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, b.acquire("ip", 0));
        }
        TokenBuckets one = new TokenBuckets(new TokenBuckets.Limit(1, 1), 10);
        assertEquals(0, one.acquire(null, 0));
        assertEquals(0, one.acquire(null, 0));
    }

    @Test
    void idleBucketsAreDroppedPastTheBound() {
        TokenBuckets b = new TokenBuckets(new TokenBuckets.Limit(1, 1), 2);
        b.acquire("a", 0);
        b.acquire("b", 0);
        // a and b refilled after 1 s: dropped to make room, and they start full again.
        assertEquals(0, b.acquire("c", 2_000_000_000L));
        assertEquals(0, b.acquire("a", 2_000_000_000L));
    }

    @Test
    void configurationThenTheFileWhichIsReReadWhenItChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("limits.properties");
        Map<String, String> config = Map.of(RateLimits.FILE_PROPERTY, file.toString(),
            "copartner.ratelimit.read.ip.per-second", "1", "copartner.ratelimit.read.ip.burst", "2");
        RateLimits limits = new RateLimits("read", TokenBuckets.Limit.NONE, TokenBuckets.Limit.NONE,
            n -> Optional.ofNullable(config.get(n)), now::get);
        assertEquals(0, limits.acquire("1.2.3.4", null));
        assertEquals(0, limits.acquire("1.2.3.4", null));
        assertEquals(1, limits.acquire("1.2.3.4", null));

        Files.writeString(file, "copartner.ratelimit.read.ip.burst=0\ncopartner.ratelimit.read.client.per-second=1\n"
            + "copartner.ratelimit.read.client.burst=1\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 1000));
        now.addAndGet(600_000_000L);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limits.acquire("1.2.3.4", null), "the file lifted the IP limit");
        }
        assertEquals(0, limits.acquire("1.2.3.4", "token-a"));
        assertTrue(limits.acquire("1.2.3.4", "token-a") > 0, "and set one per client");
        assertEquals(0, limits.acquire("1.2.3.4", "token-b"));
    }
}
