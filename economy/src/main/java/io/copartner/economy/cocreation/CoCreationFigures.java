package io.copartner.economy.cocreation;

import io.copartner.economy.api.PeriodFigures;
import io.copartner.economy.api.SettlementPeriods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Co-creation's figures of a period's report, per asset: {@code /coCreation/<A>/accrued} and {@code .../clawedBack}
 * are sums of the {@code accrued} / {@code clawedBack} fields of the period's {@code economy.cocreation.accrued}
 * entries, {@code .../paid} the sum of the {@code amount} fields of its {@code economy.cocreation.payout} entries,
 * {@code .../payouts} their count, and {@code .../awaitingApproval} the sum of the {@code amount} fields of its
 * {@code economy.cocreation.payout.held} entries not paid yet when the report was made (above the approval threshold;
 * paid = accrued − awaitingApproval, exactly: the split is exact).
 */
@ApplicationScoped
public class CoCreationFigures implements PeriodFigures {

    @Inject
    CoCreationStore store;

    @Inject
    SettlementPeriods periods;

    @Override
    public Map<String, Figure> figures(Instant start, Instant end) {
        String id = periods.periodId(start);
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, List<Long>> accrualEntries = new TreeMap<>();
        for (CoCreationStore.Line l : store.accrued(id)) {
            long[] s = sums.computeIfAbsent(l.asset(), a -> new long[4]);
            s[0] += l.accrued();
            s[1] += l.clawedBack();
            accrualEntries.computeIfAbsent(l.asset(), a -> new ArrayList<>()).add(l.auditEntry());
        }
        Map<String, List<Long>> payoutEntries = new TreeMap<>();
        Map<String, List<Long>> heldEntries = new TreeMap<>();
        for (CoCreationStore.Payout p : store.payouts(id)) {
            boolean paid = p.status().equals("PAID");
            sums.computeIfAbsent(p.asset(), a -> new long[4])[paid ? 2 : 3] += p.amount();
            (paid ? payoutEntries : heldEntries).computeIfAbsent(p.asset(), a -> new ArrayList<>())
                .add(paid ? p.auditEntry() : p.heldEntry());
        }
        Map<String, Figure> out = new LinkedHashMap<>();
        sums.forEach((asset, s) -> {
            String at = "/coCreation/" + asset + "/";
            List<Long> accruals = accrualEntries.getOrDefault(asset, List.of());
            List<Long> payouts = payoutEntries.getOrDefault(asset, List.of());
            out.put(at + "accrued", new Figure(Long.toString(s[0]), accruals));
            out.put(at + "clawedBack", new Figure(Long.toString(s[1]), accruals));
            out.put(at + "paid", new Figure(Long.toString(s[2]), payouts));
            out.put(at + "payouts", new Figure(Integer.toString(payouts.size()), payouts));
            out.put(at + "awaitingApproval", new Figure(Long.toString(s[3]), heldEntries.getOrDefault(asset,
                List.of())));
        });
        return out;
    }
}
