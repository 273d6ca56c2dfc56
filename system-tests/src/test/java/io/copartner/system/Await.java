package io.copartner.system;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/** The system tests' one bounded wait: Awaitility with our defaults. */
final class Await {

    private Await() {
    }

    /**
     * Polls {@code probe} every 200 ms until it answers non-null, and returns that; fails after {@code timeout}. An
     * exception or failed assertion in the probe fails at once, as a wrong answer should.
     */
    static <T> T until(Duration timeout, Supplier<T> probe) {
        return until(timeout, Duration.ofMillis(200), probe);
    }

    /** As {@link #until(Duration, Supplier)}, polling every {@code every}: for a state that lasts only a moment. */
    static <T> T until(Duration timeout, Duration every, Supplier<T> probe) {
        return Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO)
            .pollInterval(every).until(probe::get, Objects::nonNull);
    }
}
