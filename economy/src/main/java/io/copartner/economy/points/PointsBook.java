package io.copartner.economy.points;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.money.Asset;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.EntryView;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.OpenAccount;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The points' ledger accounts, opened on first use. Per brand: one POINTS_ISSUED account of the platform (its
 * balance is minus the brand's points in circulation), a WALLET per holder, and a clearing WALLET per brand pair
 * (the points of brand A given up for brand B stay there, still A's liability, until the brands settle).
 */
@ApplicationScoped
public class PointsBook {

    static final String ISSUED = "ISSUED";
    static final String WALLET = "WALLET";
    static final String CLEARING = "CLEARING>";

    @Inject
    Ledger ledger;

    @Inject
    PointsStore store;

    static String asset(String brand) {
        return Asset.points(brand).code();
    }

    UUID issued(String brand, Instant now) {
        return account(PartyId.PLATFORM.value(), brand, ISSUED, AccountKind.POINTS_ISSUED, "points issued", now);
    }

    UUID wallet(String holder, String brand, Instant now) {
        return account(holder, brand, WALLET, AccountKind.WALLET, "points wallet", now);
    }

    Optional<UUID> existingWallet(String holder, String brand) {
        return store.account(holder, brand, WALLET);
    }

    /** Where points of {@code from} exchanged into {@code to} are held (an account of the {@code from} asset). */
    UUID clearing(String from, String to, Instant now) {
        return account(PartyId.PLATFORM.value(), from, CLEARING + to, AccountKind.WALLET, "points clearing to " + to,
            now);
    }

    long balance(UUID account) {
        return ledger.account(account).map(AccountView::balance).orElse(0L);
    }

    EntryView post(String memo, List<PostingLine> lines, String postedBy, String key) {
        return ledger.post(new PostEntry(memo, lines, postedBy), key).entry();
    }

    private UUID account(String owner, String brand, String role, AccountKind kind, String name, Instant now) {
        Optional<UUID> known = store.account(owner, brand, role);
        if (known.isPresent()) {
            return known.get();
        }
        store.lockAccount(owner, brand, role);
        return store.account(owner, brand, role).orElseGet(() -> {
            AccountView a = ledger.open(new OpenAccount(owner, asset(brand), kind, name));
            store.addAccount(owner, brand, role, a.id(), now);
            return a.id();
        });
    }
}
