package io.copartner.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The supervisor's decisions against a fake clock and fake parts: back-off, bounded restarts, giving up once. */
class SupervisorTest {

    static final Supervisor.Policy POLICY =
        new Supervisor.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(60));

    final AtomicLong now = new AtomicLong();
    final List<String> reports = new ArrayList<>();
    final List<String> gaveUp = new ArrayList<>();

    static final class FakePart implements Supervisor.Part {
        final String name;
        boolean alive = true;
        int restarts;
        boolean restartFails;

        FakePart(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public void restart() {
            restarts++;
            if (restartFails) {
                throw new IllegalStateException("not ready");
            }
            alive = true;
        }
    }

    Supervisor supervisor(FakePart... parts) {
        return new Supervisor(List.of(parts), POLICY, now::get, reports::add, gaveUp::add);
    }

    void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aLivePartIsLeftAlone() {
        FakePart db = new FakePart("PostgreSQL");
        Supervisor s = supervisor(db);
        for (int i = 0; i < 10; i++) {
            s.check();
            advance(Duration.ofSeconds(1));
        }
        assertEquals(0, db.restarts);
        assertTrue(reports.isEmpty());
    }

    @Test
    void aDeadPartIsReportedThenRestartedAfterTheBackoff() {
        FakePart liberty = new FakePart("Liberty");
        Supervisor s = supervisor(liberty);
        liberty.alive = false;
        s.check();
        assertEquals(0, liberty.restarts, "not before the back-off");
        assertTrue(reports.get(0).startsWith("Liberty died; restart 1 of 3 in 1000 ms"), reports.toString());
        advance(Duration.ofMillis(999));
        s.check();
        assertEquals(0, liberty.restarts);
        advance(Duration.ofMillis(1));
        s.check();
        assertEquals(1, liberty.restarts);
        assertTrue(liberty.alive);
        assertTrue(reports.get(1).startsWith("Liberty restarted"), reports.toString());
    }

    @Test
    void theBackoffDoublesUpToItsCapAndTheSupervisorGivesUpOnceAfterTheBound() {
        FakePart chain = new FakePart("dev chain");
        FakePart other = new FakePart("Keycloak");
        Supervisor s = supervisor(chain, other);
        List<Long> waits = new ArrayList<>();
        for (int crash = 0; crash < 3; crash++) {
            chain.alive = false;
            long diedAt = now.get();
            int before = chain.restarts;
            while (chain.restarts == before) {
                s.check();
                advance(Duration.ofMillis(100));
            }
            waits.add(Duration.ofNanos(now.get() - diedAt).toMillis());
            advance(Duration.ofSeconds(5)); // dies again well within stableAfter
        }
        assertEquals(List.of(1100L, 2100L, 3100L), waits, "1 s, 2 s, then capped at 3 s (+ one poll)");
        chain.alive = false;
        s.check();
        assertTrue(s.gaveUp());
        assertEquals(1, gaveUp.size());
        assertTrue(gaveUp.get(0).contains("dev chain keeps dying: gave up after 3 restarts"), gaveUp.toString());
        s.check();
        assertEquals(1, gaveUp.size(), "gives up once");
        assertEquals(0, other.restarts);
    }

    @Test
    void aRestartThatFailsCountsAndBacksOffToo() {
        FakePart kc = new FakePart("Keycloak");
        kc.restartFails = true;
        Supervisor s = supervisor(kc);
        kc.alive = false;
        for (int i = 0; i < 200 && !s.gaveUp(); i++) {
            s.check();
            advance(Duration.ofMillis(100));
        }
        assertEquals(3, kc.restarts);
        assertTrue(s.gaveUp());
        assertTrue(reports.stream().anyMatch(r -> r.contains("Keycloak restart 1 failed: not ready")), reports.toString());
    }

    @Test
    void aRestartThatHeldResetsTheCount() {
        FakePart liberty = new FakePart("Liberty");
        Supervisor s = supervisor(liberty);
        for (int crash = 0; crash < 6; crash++) {
            liberty.alive = false;
            int before = liberty.restarts;
            while (liberty.restarts == before) {
                s.check();
                advance(Duration.ofMillis(100));
            }
            advance(Duration.ofSeconds(61));
            s.check(); // alive past stableAfter: the count starts again
            assertEquals(0, s.restarts("Liberty"));
        }
        assertFalse(s.gaveUp());
        assertEquals(6, liberty.restarts);
    }
}
