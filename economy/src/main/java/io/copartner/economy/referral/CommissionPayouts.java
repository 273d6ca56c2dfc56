package io.copartner.economy.referral;

import io.copartner.commerce.api.WalletView;
import io.copartner.commerce.api.Wallets;
import io.copartner.governance.api.SettlementCalendar;
import io.copartner.kernel.event.PlatformStarted;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Pays commission payable out to wallets at period end: every commission earned in a settlement period that has
 * ended is paid to the referrer's wallet of that currency, one entry and one audit entry per referrer and period.
 * Each referrer is paid in its own transaction with its commission rows locked, and the ledger key and a unique row
 * make the payout happen exactly once however many instances tick. A referrer without a wallet in the currency keeps
 * the commission payable until they have one (a top-up opens it).
 */
@ApplicationScoped
public class CommissionPayouts {

    private static final Logger LOG = Logger.getLogger(CommissionPayouts.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Payout payout;

    @Inject
    @ConfigProperty(name = "copartner.economy.commission-payout-millis", defaultValue = "5000")
    long millis;

    private ScheduledFuture<?> task;

    void onStart(@Observes PlatformStarted started) {
        task = executor.scheduleWithFixedDelay(this::tick, 2000, millis, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            for (ReferralStore.Due due : payout.due()) {
                payout.pay(due);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "commission payout tick failed; retrying on the next tick", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One transaction per referrer and asset. */
    @ApplicationScoped
    public static class Payout {

        @Inject
        ReferralStore store;

        @Inject
        CommissionPostings postings;

        @Inject
        SettlementCalendar calendar;

        @Inject
        Wallets wallets;

        @Inject
        Ledger ledger;

        @Inject
        AuditTrail audit;

        @Transactional
        public List<ReferralStore.Due> due() {
            return store.due(calendar.periodAt(Instant.now()).start());
        }

        @Transactional
        public void pay(ReferralStore.Due due) {
            Instant now = Instant.now();
            Instant periodStart = calendar.periodAt(now).start();
            List<ReferralStore.Commission> rows = store.unpaid(due.referrer(), due.asset(), periodStart);
            long amount = rows.stream().mapToLong(c -> c.earned() - c.paid()).sum();
            if (amount <= 0) {
                return; // another instance paid them first
            }
            Optional<UUID> wallet = wallets.wallets(PartyId.parse(due.referrer())).stream()
                .filter(w -> w.currency().equals(due.asset())).map(WalletView::accountId).findFirst();
            if (wallet.isEmpty()) {
                return;
            }
            ReferralStore.Account account = postings.account(due.referrer(), due.asset());
            PostResult r = ledger.post(new PostEntry("commission payout " + periodStart, List.of(
                new PostingLine(account.accountId(), due.asset(), -amount),
                new PostingLine(wallet.get(), due.asset(), amount)), null),
                "economy.commission.payout:" + due.referrer() + ":" + due.asset() + ":" + periodStart);
            rows.forEach(c -> store.markPaid(c.id()));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("referrer", due.referrer());
            p.put("asset", due.asset());
            p.put("amount", Long.toString(amount));
            p.put("periodStart", periodStart.toString());
            p.put("commissions", rows.size());
            p.put("ledgerEntryId", r.entry().id().toString());
            AuditReceipt receipt = audit.record("economy.commission.paid", "commission-payout:" + due.referrer(), now, p);
            store.insertPayout(Ids.newId(), due.referrer(), due.asset(), periodStart, amount, r.entry().id(),
                receipt.entryId(), now);
        }
    }
}
