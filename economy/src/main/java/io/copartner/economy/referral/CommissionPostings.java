package io.copartner.economy.referral;

import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.OpenAccount;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The ledger side of commissions: ONE balanced entry per order from the merchant's receivable to each referrer's
 * {@code COMMISSION_PAYABLE} (opened on first use). A referrer's debt (clawbacks after payout) is repaid first: that
 * part stays in the merchant receivable it would have left.
 */
@ApplicationScoped
public class CommissionPostings {

    @Inject
    ReferralStore store;

    @Inject
    Ledger ledger;

    /** Posts the earned parts; the entry id, or null when nothing is earned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID post(UUID orderId, List<ReferralStore.Commission> settled, Instant at) {
        Map<String, Long> byReferrer = new TreeMap<>();
        String asset = null;
        UUID receivable = null;
        for (ReferralStore.Commission c : settled) {
            if (c.earned() > 0) {
                byReferrer.merge(c.referrer(), c.earned(), Math::addExact);
                asset = c.asset();
                receivable = c.receivable();
            }
        }
        if (byReferrer.isEmpty()) {
            return null;
        }
        if (receivable == null) {
            throw new IllegalStateException("order " + orderId + " earned commission but released nothing to its merchant");
        }
        List<PostingLine> lines = new ArrayList<>();
        long fromMerchant = 0;
        for (Map.Entry<String, Long> e : byReferrer.entrySet()) {
            ReferralStore.Account account = account(e.getKey(), asset);
            CommissionRecovery.Earning earning = CommissionRecovery.earn(account.debt(), e.getValue());
            if (earning.recovered() > 0) {
                store.setDebt(e.getKey(), asset, earning.debtLeft());
            }
            if (earning.payable() > 0) {
                lines.add(new PostingLine(account.accountId(), asset, earning.payable()));
                fromMerchant += earning.payable();
            }
        }
        if (fromMerchant == 0) {
            return null;
        }
        lines.add(0, new PostingLine(receivable, asset, -fromMerchant));
        PostResult r = ledger.post(new PostEntry("commissions of order " + orderId, lines, null),
            "economy.commission:" + orderId);
        return r.entry().id();
    }

    /** The referrer's payable account of the asset, locked; opened on first use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReferralStore.Account account(String referrer, String asset) {
        return store.lockAccount(referrer, asset).orElseGet(() -> {
            store.lockKey("commission-account:" + referrer + ":" + asset);
            return store.lockAccount(referrer, asset).orElseGet(() -> {
                AccountView a = ledger.open(new OpenAccount(referrer, asset, AccountKind.COMMISSION_PAYABLE,
                    "commission payable " + asset));
                store.insertAccount(referrer, asset, a.id());
                return store.lockAccount(referrer, asset).orElseThrow();
            });
        });
    }
}
