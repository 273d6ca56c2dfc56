package io.copartner.economy.points;

import io.copartner.commerce.api.CheckoutDiscounts;
import io.copartner.economy.points.PointsStore.LotRow;
import io.copartner.kernel.problem.Problem;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.economy.api.Points.Movement;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.EntryView;
import io.copartner.ledger.api.PostingLine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Points redeemed at checkout (commerce's {@link CheckoutDiscounts}), inside the checkout's transaction: the buyer's
 * lots of the brand are locked, the points taken first-to-expire-first, and ONE entry returns them to the brand's
 * issued account (WALLET −n, ISSUED +n: the brand's liability shrinks by exactly what it now funds in money). A refund
 * or cancellation gives points back the same way in reverse, as a new lot.
 */
@ApplicationScoped
public class PointsRedemptions implements CheckoutDiscounts {

    static final String CHECKOUT = "CHECKOUT";
    static final String RESTORE = "RESTORE";

    @Inject
    PointsStore store;

    @Inject
    RedemptionStore redemptions;

    @Inject
    PointsBook book;

    @Inject
    PointsClock clock;

    @Inject
    AuditTrail audit;

    /** Money (minor units of the order's currency) one point pays; no governed value exists yet. */
    @Inject
    @ConfigProperty(name = "copartner.points.redeem-minor-per-point", defaultValue = "1")
    long minorPerPoint;

    /** At most this share of a brand's lines may be paid with its points. */
    @Inject
    @ConfigProperty(name = "copartner.points.redeem-max-share-bps", defaultValue = "5000")
    int maxShareBps;

    @PostConstruct
    void init() {
        // Below 10000: the wallet always pays part of an order, so every checkout still moves money.
        if (minorPerPoint < 1 || maxShareBps < 0 || maxShareBps >= PointsRules.BPS) {
            throw new IllegalStateException("copartner.points.redeem-minor-per-point must be >= 1 and "
                + "copartner.points.redeem-max-share-bps 0..9999");
        }
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Redemption redeem(Request q) {
        String brand = PointsRules.brand(q.brand());
        Instant now = clock.now();
        List<LotRow> lots = store.lockOpenLots(q.buyer(), brand, now);
        long held = lots.stream().mapToLong(LotRow::remaining).sum();
        if (held < q.points()) {
            throw new ProblemException(Problem.of(ProblemType.INSUFFICIENT_POINTS, "you hold " + held
                    + " unexpired points of brand " + brand + ", " + q.points() + " asked; nothing was charged")
                .withExtension("available", held).withExtension("brand", brand));
        }
        long points = PointsRules.redeemable(q.points(), q.linesTotal(), q.merchantPart(), maxShareBps,
            minorPerPoint);
        if (points < 1) {
            throw ProblemException.badRequest("redeemPoints: brand " + brand + "'s order of " + q.linesTotal()
                + " is too small for a points discount (at most " + maxShareBps + " bps of it, "
                + minorPerPoint + " per point)");
        }
        List<PointsRules.Take> takes = PointsRules.takeFifo(lots.stream().map(LotRow::remaining).toList(), points);
        takes.forEach(t -> store.setRemaining(lots.get(t.index()).id(), t.remaining()));
        Instant restoreExpiry = lots.get(takes.get(takes.size() - 1).index()).expiresAt();
        long discount = Math.multiplyExact(points, minorPerPoint);
        String asset = PointsBook.asset(brand);
        EntryView entry = book.post("points redeemed at checkout, order " + q.orderId(), List.of(
            new PostingLine(book.wallet(q.buyer(), brand, now), asset, -points),
            new PostingLine(book.issued(brand, now), asset, points)), q.buyer(),
            "economy.points.redeem:" + q.orderId());
        Map<String, Object> p = payload(q.buyer(), asset, points, entry.id(), q.orderId());
        p.put("checkoutId", q.checkoutId().toString());
        p.put("asked", Long.toString(q.points()));
        p.put("currency", q.currency());
        p.put("minorPerPoint", Long.toString(minorPerPoint));
        p.put("discount", Long.toString(discount));
        p.put("maxShareBps", maxShareBps);
        long auditId = audit.record("economy.points.redeemed", "points:" + brand, now, p).entryId();
        store.addMovement(q.buyer(), brand, new Movement("REDEEM", -points, CHECKOUT, q.orderId().toString(), now,
            entry.id(), auditId));
        redemptions.add(q.orderId(), q.checkoutId(), q.buyer(), brand, q.currency(), points, minorPerPoint,
            entry.id(), auditId, restoreExpiry, now);
        return new Redemption(points, discount, minorPerPoint, entry.id(), auditId);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void restore(UUID orderId, long points, String why, Instant at) {
        RedemptionStore.Row r = redemptions.lock(orderId).orElseThrow(() -> new IllegalStateException(
            "order " + orderId + " redeemed no points"));
        if (r.restored() > 0 || points < 1 || points > r.points()) {
            throw new IllegalStateException("order " + orderId + ": " + points + " of " + r.points()
                + " points cannot be given back (restored already: " + r.restored() + ")");
        }
        Instant now = clock.now();
        String asset = PointsBook.asset(r.brand());
        EntryView entry = book.post("points given back, order " + orderId + " " + why, List.of(
            new PostingLine(book.issued(r.brand(), now), asset, -points),
            new PostingLine(book.wallet(r.holder(), r.brand(), now), asset, points)), null,
            "economy.points.restore:" + orderId);
        UUID lot = UUID.randomUUID();
        // The lot keeps the life the redeemed points had; if that is over, the expiry job takes them next.
        Instant expiresAt = r.restoreExpiresAt();
        if (!store.addLot(new LotRow(lot, r.holder(), r.brand(), RESTORE, orderId.toString(), points, points, now,
            expiresAt), entry.id())) {
            throw new IllegalStateException("points of order " + orderId + " were given back concurrently");
        }
        Map<String, Object> p = payload(r.holder(), asset, points, entry.id(), orderId);
        p.put("why", why);
        p.put("redeemed", Long.toString(r.points()));
        p.put("lotId", lot.toString());
        p.put("expiresAt", expiresAt.toString());
        long auditId = audit.record("economy.points.restored", "points:" + r.brand(), now, p).entryId();
        store.addMovement(r.holder(), r.brand(), new Movement(RESTORE, points, RESTORE, orderId.toString(), now,
            entry.id(), auditId));
        redemptions.restored(orderId, points, entry.id());
    }

    private static Map<String, Object> payload(String holder, String asset, long amount, UUID entryId, UUID orderId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orderId", orderId.toString());
        p.put("holder", holder);
        p.put("asset", asset);
        p.put("amount", Long.toString(amount));
        p.put("entryId", entryId.toString());
        return p;
    }
}
