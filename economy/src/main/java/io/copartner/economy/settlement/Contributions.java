package io.copartner.economy.settlement;

import io.copartner.commerce.api.event.OrderSettled;
import io.copartner.economy.api.event.CommissionEarned;
import io.copartner.governance.api.SettlementCalendar;
import io.copartner.governance.api.SettlementPeriod;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each released order and each referral commission brings to a period, in the transaction that releases it:
 * the period's revenue, platform fee and partner pool (one audit entry {@code economy.settlement.revenue} per order,
 * the proof the report cites), the buyer's spend weight and the referrer's referral weight
 * (co-creation weights come through OpenPeriods).
 */
@ApplicationScoped
public class Contributions {

    @Inject
    SettlementStore store;

    @Inject
    SettlementCalendar calendar;

    @Inject
    AuditTrail audit;

    void onSettled(@Observes OrderSettled e) {
        String periodId = openPeriodAt(e.settledAt());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("periodId", periodId);
        p.put("orderId", e.orderId().toString());
        p.put("asset", e.asset());
        p.put("revenue", Long.toString(e.kept()));
        p.put("platformFee", Long.toString(e.platformFee()));
        p.put("partnerPool", Long.toString(e.partnerPool()));
        p.put("partner", e.buyer());
        p.put("spend", Long.toString(e.kept()));
        AuditReceipt r = audit.record("economy.settlement.revenue", "settlement-period:" + periodId, e.settledAt(), p);
        if (store.addRevenue(e.orderId(), periodId, e.asset(), e.buyer(), e.kept(), e.platformFee(), e.partnerPool(),
            r.entryId()) && e.kept() > 0) {
            store.addWeight(periodId, e.asset(), e.buyer(), e.kept(), 0, 0);
        }
    }

    void onCommission(@Observes CommissionEarned e) {
        String periodId = openPeriodAt(e.at());
        store.addWeight(periodId, e.asset(), e.referrer(), 0, e.amount(), 0);
    }

    /**
     * The OPEN period for something that happened at {@code at}, held FOR SHARE (a close waits for this transaction):
     * normally the period containing it; if that one is closing already, the next open one, so nothing is lost.
     */
    String openPeriodAt(Instant at) {
        SettlementPeriod period = calendar.periodAt(at);
        for (int i = 0; i < 10_000; i++) {
            store.ensurePeriod(period.start(), period.end());
            String id = SettlementStore.periodId(period.start());
            if (store.stateForShare(id).filter("OPEN"::equals).isPresent()) {
                return id;
            }
            period = calendar.periodAt(period.end());
        }
        throw new IllegalStateException("no open settlement period after " + at);
    }
}
