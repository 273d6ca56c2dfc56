package io.copartner.economy.settlement;

import io.copartner.economy.api.PeriodFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settlement's figures of a period's report, each with the audit entries a reader recomputes it from:
 * {@code /byAsset/<A>/revenue|platformFee|partnerPool} are sums over the period's {@code economy.settlement.revenue}
 * entries (partnerPool plus {@code carriedIn} of the {@code economy.settlement.allocated} entry), {@code distributed}
 * the sum of its {@code economy.payout} entries, {@code undistributed} the allocated entry's; {@code /payouts/*}
 * summarise the payout entries (count, min, lower median, max, Gini to 6 decimals); {@code /dataUse/0/count} counts
 * the partners whose purchases weighed in.
 */
@ApplicationScoped
public class SettlementFigures implements PeriodFigures {

    @Inject
    SettlementStore store;

    @Override
    public Map<String, Figure> figures(Instant start, Instant end) {
        Map<String, Figure> out = new LinkedHashMap<>();
        Optional<SettlementStore.Period> period = store.periodStarting(start);
        if (period.isEmpty()) {
            return out;
        }
        String id = period.get().id();
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, List<Long>> revenueEntries = new LinkedHashMap<>();
        java.util.Set<Long> spenders = new java.util.HashSet<>();
        for (SettlementStore.Revenue r : store.revenues(id)) {
            long[] s = sums.computeIfAbsent(r.asset(), a -> new long[3]);
            s[0] += r.revenue();
            s[1] += r.platformFee();
            s[2] += r.partnerPool();
            revenueEntries.computeIfAbsent(r.asset(), a -> new ArrayList<>()).add(r.auditEntry());
            if (r.revenue() > 0) {
                spenders.add(r.auditEntry());
            }
        }
        List<SettlementStore.Paid> paid = store.paidPayouts(id);
        Map<String, long[]> distributed = new LinkedHashMap<>();
        Map<String, List<Long>> payoutEntries = new LinkedHashMap<>();
        for (SettlementStore.Paid p : paid) {
            distributed.computeIfAbsent(p.asset(), a -> new long[1])[0] += p.amount();
            payoutEntries.computeIfAbsent(p.asset(), a -> new ArrayList<>()).add(p.auditEntry());
        }
        for (SettlementStore.Pool pool : store.pools(id)) {
            String a = "/byAsset/" + pool.asset() + "/";
            long[] s = sums.getOrDefault(pool.asset(), new long[3]);
            List<Long> rev = revenueEntries.getOrDefault(pool.asset(), List.of());
            List<Long> poolProof = new ArrayList<>(rev);
            poolProof.add(pool.auditEntry());
            out.put(a + "revenue", new Figure(Long.toString(s[0]), rev));
            out.put(a + "platformFee", new Figure(Long.toString(s[1]), rev));
            out.put(a + "partnerPool", new Figure(Long.toString(s[2] + pool.carriedIn()), poolProof));
            out.put(a + "distributed", new Figure(Long.toString(distributed.getOrDefault(pool.asset(),
                new long[1])[0]), payoutEntries.getOrDefault(pool.asset(), List.of())));
            out.put(a + "undistributed", new Figure(Long.toString(pool.undistributed()),
                List.of(pool.auditEntry())));
        }
        List<Long> all = paid.stream().map(SettlementStore.Paid::auditEntry).toList();
        long[] amounts = paid.stream().mapToLong(SettlementStore.Paid::amount).sorted().toArray();
        out.put("/payouts/count", new Figure(Integer.toString(amounts.length), all));
        out.put("/payouts/min", new Figure(amounts.length == 0 ? "0" : Long.toString(amounts[0]), all));
        out.put("/payouts/median", new Figure(amounts.length == 0 ? "0"
            : Long.toString(amounts[(amounts.length - 1) / 2]), all));
        out.put("/payouts/max", new Figure(amounts.length == 0 ? "0"
            : Long.toString(amounts[amounts.length - 1]), all));
        out.put("/payouts/gini", new Figure(gini(amounts), all));
        out.put("/dataUse/0/count", new Figure(Integer.toString(spenders.size()),
            List.copyOf(spenders).stream().sorted().toList()));
        return out;
    }

    /** Gini of sorted amounts: Σ (2i − n − 1)·x_i / (n · Σ x), i = 1..n; 6 decimals, half-even. */
    static String gini(long[] sorted) {
        int n = sorted.length;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            total = total.add(BigDecimal.valueOf(sorted[i]));
            weighted = weighted.add(BigDecimal.valueOf(sorted[i]).multiply(BigDecimal.valueOf(2L * (i + 1) - n - 1)));
        }
        if (n == 0 || total.signum() == 0) {
            return "0.000000";
        }
        return weighted.divide(total.multiply(BigDecimal.valueOf(n)), 6, RoundingMode.HALF_EVEN).toPlainString();
    }
}
