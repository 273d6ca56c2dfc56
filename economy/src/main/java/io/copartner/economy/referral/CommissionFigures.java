package io.copartner.economy.referral;

import io.copartner.economy.api.PeriodFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The commission figures of a period's report: earned and clawed back (settled in the period; each commission's
 * audit entry carries both amounts) and paid (the payouts made in the period, one audit entry each).
 */
@ApplicationScoped
public class CommissionFigures implements PeriodFigures {

    @Inject
    ReferralStore store;

    @Override
    @Transactional
    public Map<String, Figure> figures(Instant start, Instant end) {
        Map<String, Figure> out = new LinkedHashMap<>();
        for (String kind : new String[] {"earned", "clawedBack", "paid"}) {
            ReferralStore.Figure f = store.figure(kind, start, end);
            out.put("/commissions/" + kind, new Figure(Long.toString(f.sum()),
                f.auditEntries()));
        }
        return out;
    }
}
