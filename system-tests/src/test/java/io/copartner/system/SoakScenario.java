package io.copartner.system;

import java.time.Duration;

/**
 * One scenario of `./copartner soak` (issue 13 item 7), run against the started test platform. Each scenario
 * injects its faults or inputs for about {@code budget}, checks its own promises (failing with an AssertionError
 * when one is broken) and reports what it saw as one row of the soak table. Scenarios are listed in
 * {@link SoakRun#SCENARIOS}; the crash scenario is {@link CrashUnderLoadIT#scenario()}, the fuzz and outage
 * scenarios add theirs beside it (see docs/reliability.md, "Soak run").
 */
interface SoakScenario {

    String name();

    SoakResult run(Duration budget) throws Exception;

    /**
     * One row: load held (requests/s, p99 of acknowledged requests in ms), faults injected, inputs tried, 5xx seen,
     * writes lost and doubled, and the standalone verifier's result ("pass", "FAIL", or "-" when not run).
     * Use -1 for a figure the scenario does not measure.
     */
    record SoakResult(String scenario, long requests, double requestsPerSecond, double p99Millis, long faults,
                      long inputs, long serverErrors, long lost, long doubled, String verifier) {
    }
}
