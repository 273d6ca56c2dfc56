package io.copartner.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * `./copartner soak [--minutes N]`: runs every {@link SoakScenario} in turn, again and again, until N minutes
 * (default 10, at most 240) are used, each at least once, against the platform {@link PlatformExtension} starts
 * (127.0.0.1 only, its own ports and data directory), then prints one table. Not part of `./copartner test`: its
 * name does not end in IT, so failsafe runs it only when named (-Dit.test=SoakRun).
 */
@ExtendWith(PlatformExtension.class)
class SoakRun {

    /** The scenarios, in the order they run (docs/reliability.md, "Soak run"). */
    static final List<Supplier<SoakScenario>> SCENARIOS = List.of(
        CrashUnderLoadIT::scenario, ChainOutageIT::scenario, ContractFuzzIT::scenario);

    @Test
    void soak() throws Exception {
        int minutes = Math.max(1, Math.min(240, Integer.getInteger("copartner.soak.minutes", 10)));
        long deadline = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        List<SoakScenario.SoakResult> rows = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int round = 0;
        do {
            round++;
            for (Supplier<SoakScenario> make : SCENARIOS) {
                SoakScenario scenario = make.get();
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                Duration budget = left.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : left
                    .dividedBy(Math.max(1, SCENARIOS.size()));
                try {
                    rows.add(scenario.run(budget));
                } catch (AssertionError | Exception e) {
                    failures.add(scenario.name() + " (round " + round + "): " + e);
                    rows.add(new SoakScenario.SoakResult(scenario.name() + " FAILED", -1, -1, -1, -1, -1, -1, -1, -1,
                        "-"));
                }
            }
        } while (System.nanoTime() < deadline && failures.isEmpty());
        System.out.println(table(rows));
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    static String table(List<SoakScenario.SoakResult> rows) {
        StringBuilder b = new StringBuilder("\n[soak] reliability report\n");
        String fmt = "%-22s %9s %8s %8s %7s %8s %6s %6s %8s %9s%n";
        b.append(String.format(fmt, "scenario", "requests", "req/s", "p99 ms", "faults", "inputs", "5xx", "lost",
            "doubled", "verifier"));
        for (SoakScenario.SoakResult r : rows) {
            b.append(String.format(fmt, r.scenario(), n(r.requests()), d(r.requestsPerSecond()), d(r.p99Millis()),
                n(r.faults()), n(r.inputs()), n(r.serverErrors()), n(r.lost()), n(r.doubled()), r.verifier()));
        }
        return b.toString();
    }

    private static String n(long v) {
        return v < 0 ? "-" : Long.toString(v);
    }

    private static String d(double v) {
        return v < 0 ? "-" : String.format("%.1f", v);
    }
}
