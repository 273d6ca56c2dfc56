package io.copartner.economy.referral;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Bench (printed, never asserted; issue 12): the commission computation of one completed order in memory, i.e. the
 * attribution walk at the cap, the frozen pending amounts and the exact split of kept and refunded units, for an
 * order of 1..10 lines. Run: {@code java -cp economy/target/classes:economy/target/test-classes:kernel/target/classes
 * io.copartner.economy.referral.CommissionBench}. The database and ledger writes around it are not measured here.
 */
public final class CommissionBench {

    private CommissionBench() {
    }

    public static void main(String[] args) {
        Random r = new Random(42);
        Map<String, String> graph = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            graph.put("p" + i, "p" + (i / 3));
        }
        graph.remove("p0");
        int orders = 200_000;
        long[] nanos = new long[orders];
        long sink = 0;
        for (int n = -50_000; n < orders; n++) {
            long t0 = System.nanoTime();
            String owner = "p" + (1 + r.nextInt(99_999));
            ReferralChain.Attribution a = ReferralChain.attribute("buyer" + n, owner,
                p -> Optional.ofNullable(graph.get(p)), 2);
            int lines = 1 + r.nextInt(10);
            for (int l = 0; l < lines; l++) {
                int q = 1 + r.nextInt(5);
                long amount = (1 + r.nextInt(100_000)) * (long) q;
                for (int level = 0; level < a.levels().size(); level++) {
                    long pending = CommissionMath.pending(amount, level == 0 ? 1000 : 500);
                    CommissionMath.Settled s = CommissionMath.settle(pending, q, r.nextInt(q + 1));
                    sink += s.earned();
                }
            }
            long t = System.nanoTime() - t0;
            if (n >= 0) {
                nanos[n] = t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "== commission computation per completed order (in memory, 1..10 lines, 2 levels),"
                + " %d orders: p50 %.2f µs, p99 %.2f µs, max %.2f µs (checksum %d)%n", orders, nanos[orders / 2] / 1e3,
            nanos[(int) (orders * 0.99)] / 1e3, nanos[orders - 1] / 1e3, sink);
    }
}
