package io.copartner.economy.settlement;

import io.copartner.economy.api.EntryIds;
import io.copartner.economy.api.PeriodFigures;
import io.copartner.kernel.jdbc.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import javax.sql.DataSource;

/**
 * Settlement's figures of a period's report, each with the audit entries a reader recomputes it from:
 * {@code /byAsset/<A>/revenue|platformFee|partnerPool} are sums over the period's {@code economy.settlement.revenue}
 * entries (partnerPool plus {@code carriedIn} of the {@code economy.settlement.allocated} entry), {@code distributed}
 * the sum of its {@code economy.payout} entries, {@code undistributed} the allocated entry's; {@code /payouts/*}
 * summarise the payout entries (count, min, lower median, max, Gini to 6 decimals); {@code /dataUse/0/count} counts
 * the released orders whose purchase amounts weighed in. Rows are read as primitive columns and each set of cited
 * entries is built once and shared by its figures: a period of 10^6 partners stays a few tens of MB.
 */
@ApplicationScoped
public class SettlementFigures implements PeriodFigures {

    private static final int FETCH = 10_000;

    @Inject
    SettlementStore store;

    @Resource(lookup = "jdbc/copartner")
    DataSource dataSource;

    private Jdbc jdbc;

    @PostConstruct
    void init() {
        jdbc = new Jdbc(dataSource);
    }

    /** One asset's revenue rows summed, and their entries. */
    private static final class Revenues {
        long revenue;
        long platformFee;
        long partnerPool;
        final LongStream.Builder entries = LongStream.builder();
    }

    /** One asset's paid payouts: amounts and entries, row by row. */
    private static final class Paid {
        long distributed;
        final LongStream.Builder amounts = LongStream.builder();
        final LongStream.Builder entries = LongStream.builder();
    }

    @Override
    public Map<String, Figure> figures(Instant start, Instant end) {
        Map<String, Figure> out = new LinkedHashMap<>();
        Optional<SettlementStore.Period> period = store.periodStarting(start);
        if (period.isEmpty()) {
            return out;
        }
        String id = period.get().id();
        Map<String, Revenues> revenues = new TreeMap<>();
        LongStream.Builder spenders = LongStream.builder();
        jdbc.forEach("select asset, revenue, platform_fee, partner_pool, audit_entry from economy.settlement_revenue "
            + "where period_id = ?", ps -> ps.setString(1, id), FETCH, rs -> {
                Revenues r = revenues.computeIfAbsent(rs.getString(1), a -> new Revenues());
                long revenue = rs.getLong(2);
                r.revenue += revenue;
                r.platformFee += rs.getLong(3);
                r.partnerPool += rs.getLong(4);
                r.entries.add(rs.getLong(5));
                if (revenue > 0) {
                    spenders.add(rs.getLong(5));
                }
            });
        Map<String, Paid> paid = new TreeMap<>();
        jdbc.forEach("select asset, amount, audit_entry from economy.settlement_payout where period_id = ? and "
            + "status = 'PAID'", ps -> ps.setString(1, id), FETCH, rs -> {
                Paid p = paid.computeIfAbsent(rs.getString(1), a -> new Paid());
                long amount = rs.getLong(2);
                p.distributed += amount;
                p.amounts.add(amount);
                p.entries.add(rs.getLong(3));
            });
        Map<String, long[]> payoutEntries = new TreeMap<>();
        Map<String, long[]> payoutAmounts = new TreeMap<>();
        paid.forEach((asset, p) -> {
            payoutEntries.put(asset, p.entries.build().toArray());
            payoutAmounts.put(asset, p.amounts.build().toArray());
        });
        for (SettlementStore.Pool pool : store.pools(id)) {
            String a = "/byAsset/" + pool.asset() + "/";
            Revenues r = revenues.getOrDefault(pool.asset(), new Revenues());
            long[] revenueIds = r.entries.build().toArray();
            EntryIds rev = EntryIds.of(revenueIds);
            long[] withPool = Arrays.copyOf(revenueIds, revenueIds.length + 1);
            withPool[revenueIds.length] = pool.auditEntry();
            out.put(a + "revenue", new Figure(Long.toString(r.revenue), rev));
            out.put(a + "platformFee", new Figure(Long.toString(r.platformFee), rev));
            out.put(a + "partnerPool", new Figure(Long.toString(r.partnerPool + pool.carriedIn()),
                EntryIds.of(withPool)));
            Paid p = paid.get(pool.asset());
            out.put(a + "distributed", new Figure(Long.toString(p == null ? 0 : p.distributed),
                EntryIds.of(payoutEntries.getOrDefault(pool.asset(), new long[0]))));
            out.put(a + "undistributed", new Figure(Long.toString(pool.undistributed()),
                EntryIds.of(pool.auditEntry())));
        }
        EntryIds all = EntryIds.of(concat(payoutEntries));
        long[] amounts = concat(payoutAmounts);
        Arrays.sort(amounts);
        out.put("/payouts/count", new Figure(Integer.toString(amounts.length), all));
        out.put("/payouts/min", new Figure(amounts.length == 0 ? "0" : Long.toString(amounts[0]), all));
        out.put("/payouts/median", new Figure(amounts.length == 0 ? "0"
            : Long.toString(amounts[(amounts.length - 1) / 2]), all));
        out.put("/payouts/max", new Figure(amounts.length == 0 ? "0"
            : Long.toString(amounts[amounts.length - 1]), all));
        out.put("/payouts/gini", new Figure(gini(amounts), all));
        long[] spent = spenders.build().toArray();
        Arrays.sort(spent);
        out.put("/dataUse/0/count", new Figure(Integer.toString(spent.length), EntryIds.of(spent)));
        return out;
    }

    private static long[] concat(Map<String, long[]> parts) {
        return parts.values().stream().flatMapToLong(LongStream::of).toArray();
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
