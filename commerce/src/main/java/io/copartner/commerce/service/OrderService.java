package io.copartner.commerce.service;

import io.copartner.commerce.api.CartLine;
import io.copartner.commerce.api.Catalogue;
import io.copartner.commerce.api.CheckoutDiscounts;
import io.copartner.commerce.api.CheckoutView;
import io.copartner.commerce.api.FrozenRates;
import io.copartner.commerce.api.NewCheckout;
import io.copartner.commerce.api.OrderActor;
import io.copartner.commerce.api.OrderLineView;
import io.copartner.commerce.api.OrderPage;
import io.copartner.commerce.api.OrderStepView;
import io.copartner.commerce.api.OrderView;
import io.copartner.commerce.api.Orders;
import io.copartner.commerce.api.Price;
import io.copartner.commerce.api.ProductView;
import io.copartner.commerce.api.RefundLine;
import io.copartner.commerce.api.RefundRequest;
import io.copartner.commerce.api.Shipment;
import io.copartner.commerce.api.event.OrderCanceled;
import io.copartner.commerce.api.event.OrderPlaced;
import io.copartner.commerce.api.event.OrderSettled;
import io.copartner.commerce.domain.EscrowSplit;
import io.copartner.commerce.domain.Order;
import io.copartner.commerce.domain.OrderLine;
import io.copartner.commerce.domain.OrderStatus;
import io.copartner.commerce.domain.PointsDiscount;
import io.copartner.commerce.persistence.IdempotencyRepository;
import io.copartner.commerce.persistence.OrderStore;
import io.copartner.commerce.persistence.WalletStore;
import io.copartner.governance.api.PolicyVersion;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.identity.api.MerchantAccess;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AccountKind;
import io.copartner.ledger.api.AccountView;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.Ledger;
import io.copartner.ledger.api.PostEntry;
import io.copartner.ledger.api.PostResult;
import io.copartner.ledger.api.PostingLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Orders with escrow. A checkout, in one transaction: takes the stock (the product row's lock makes concurrent buyers
 * of the last unit queue, one wins), places one order per merchant at the prices and the revenue-policy rates of now
 * (frozen on the order), posts ONE balanced entry from the buyer's wallet to escrow (the ledger refuses a wallet that
 * would go negative: insufficient-funds, and everything rolls back), and audits each order. Every later step locks
 * the order, checks the actor and the state, posts its ledger entry if it moves money and audits, in one transaction.
 */
@ApplicationScoped
public class OrderService implements Orders {

    static final String PLATFORM = "party:platform";
    static final int MAX_LINES = 50;
    static final int MAX_QUANTITY = 1000;

    /** Who may take each step. */
    enum Role {
        BUYER, MERCHANT, ADMIN, SCHEDULER;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Inject
    OrderStore store;

    @Inject
    WalletStore wallets;

    @Inject
    IdempotencyRepository idempotency;

    @Inject
    Catalogue catalogue;

    @Inject
    CheckoutRedemptions redemptions;

    @Inject
    RevenuePolicies policies;

    @Inject
    MerchantAccess merchantAccess;

    @Inject
    Ledger ledger;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<OrderPlaced> placedEvents;

    @Inject
    Event<OrderSettled> settledEvents;

    @Inject
    Event<OrderCanceled> canceledEvents;

    @Inject
    CommerceClock clock;

    @Inject
    PlatformAccounts accounts;

    /** How long after shipping an order confirms itself delivered (env COPARTNER_COMMERCE_AUTO_CONFIRM_AFTER). */
    @Inject
    @ConfigProperty(name = "copartner.commerce.auto-confirm-after", defaultValue = "P10D")
    String autoConfirmAfter;

    /** How long after delivery refunds are possible; escrow is released when it ends (COPARTNER_COMMERCE_RETURN_WINDOW). */
    @Inject
    @ConfigProperty(name = "copartner.commerce.return-window", defaultValue = "P7D")
    String returnWindow;

    /** The escrow account of a checkout (one of the currency's shards). */
    UUID escrowAccount(String currency, UUID checkoutId, Instant now) {
        return accounts.escrow(currency, checkoutId, now);
    }

    /** An account commerce keeps (the partner pool, a merchant's receivable, the platform fee), opened on first use. */
    UUID platformAccount(String owner, String asset, AccountKind kind, Instant now) {
        return accounts.of(owner, asset, kind, now);
    }

    Duration autoConfirm() {
        return Duration.parse(autoConfirmAfter);
    }

    Duration returns() {
        return Duration.parse(returnWindow);
    }

    // --- checkout ----------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Idempotent<CheckoutView> checkout(OrderActor buyer, NewCheckout cart, IdempotencyKey key,
                                             String fingerprint) {
        Instant now = clock.now();
        UUID checkoutId = Ids.newId();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, "commerce.checkout", buyer.party(),
            fingerprint), checkoutId.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(checkoutView(UUID.fromString(earlier.get())));
        }
        if (cart == null || cart.lines() == null || cart.lines().isEmpty()) {
            throw ProblemException.badRequest("a cart {currency, lines: [{productId, quantity}]} with lines is required");
        }
        if (cart.lines().size() > MAX_LINES) {
            throw ProblemException.badRequest("at most " + MAX_LINES + " lines per checkout");
        }
        String currency = WalletService.currency(cart.currency());
        String referral = referralCode(cart.referralCode());
        // Same product twice is one line; products in id order, so two carts lock rows in the same order.
        Map<UUID, Integer> quantities = new TreeMap<>();
        for (CartLine l : cart.lines()) {
            if (l == null || l.productId() == null) {
                throw ProblemException.badRequest("every line needs a productId");
            }
            if (l.quantity() == null || l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                throw ProblemException.badRequest("quantity must be 1.." + MAX_QUANTITY);
            }
            quantities.merge(l.productId(), l.quantity(), (a, b) -> Math.min(MAX_QUANTITY + 1, a + b));
        }
        Map<UUID, ProductView> products = new LinkedHashMap<>();
        for (Map.Entry<UUID, Integer> e : quantities.entrySet()) {
            if (e.getValue() > MAX_QUANTITY) {
                throw ProblemException.badRequest("quantity must be 1.." + MAX_QUANTITY);
            }
            ProductView p = catalogue.purchasable(e.getKey());
            price(p, currency);
            if (p.stock() < e.getValue()) {
                // Sold out as read now: said before anything else (topping up would not help). The conditional
                // update at the end still decides between buyers racing for the last units.
                throw outOfStock(p.id(), e.getValue());
            }
            products.put(p.id(), p);
        }
        PolicyVersion policy = policies.inForceAt(now);
        FrozenRates rates = new FrozenRates(policy.version(), policy.policy().platformFeeBps(),
            policy.policy().partnerPoolBps());
        UUID wallet = wallets.walletAccount(buyer.party().value(), currency).orElseThrow(() ->
            ProblemException.insufficientFunds("no " + currency + " wallet yet: top up first; nothing was charged"));
        UUID escrow = escrowAccount(currency, checkoutId, now);

        // One order per merchant, lines in the cart's product order.
        Map<String, List<ProductView>> byMerchant = new LinkedHashMap<>();
        for (ProductView p : products.values()) {
            byMerchant.computeIfAbsent(p.merchantId(), m -> new ArrayList<>()).add(p);
        }
        Map<String, Long> redeem = CheckoutRedemptions.asked(cart.redeemPoints(), byMerchant.keySet());
        long total = 0;
        List<Order> orders = new ArrayList<>();
        Map<UUID, List<OrderLine>> linesOf = new HashMap<>();
        for (List<ProductView> group : byMerchant.values()) {
            UUID orderId = Ids.newId();
            List<OrderLine> lines = new ArrayList<>();
            long orderTotal = 0;
            for (ProductView p : group) {
                OrderLine line = new OrderLine(orderId, lines.size() + 1, p.id(), p.version(), p.name(),
                    price(p, currency), quantities.get(p.id()), 0);
                orderTotal = Math.addExact(orderTotal, line.amount());
                lines.add(line);
            }
            if (orderTotal <= 0) {
                throw ProblemException.badRequest("an order of merchant " + group.get(0).merchantId()
                    + " would cost nothing");
            }
            total = Math.addExact(total, orderTotal);
            ProductView first = group.get(0);
            orders.add(new Order(orderId, 0, checkoutId, buyer.party().value(), first.merchantId(),
                first.merchantDid(), currency, orderTotal, 0, OrderStatus.PAID, rates.policyVersion(),
                rates.platformFeeBps(), rates.partnerPoolBps(), escrow, wallet, null, null, now, now, null, null,
                null, null, null, null, null, null));
            linesOf.put(orderId, lines);
        }
        // Points first (the economy's entry and audit entry), so the one payment entry moves only what is left.
        Map<UUID, CheckoutDiscounts.Redemption> redeemed = new HashMap<>();
        long discount = 0;
        for (Order o : orders) {
            Long points = redeem.get(o.merchantId());
            if (points != null) {
                CheckoutDiscounts.Redemption r = redemptions.redeem(new CheckoutDiscounts.Request(o.buyer(), o.id(),
                    checkoutId, o.merchantId(), currency, points, o.total(),
                    EscrowSplit.of(o.total(), o.platformFeeBps(), o.partnerPoolBps()).merchant(), now));
                redeemed.put(o.id(), r);
                discount = Math.addExact(discount, r.discount());
            }
        }
        long charged = total - discount;
        PostResult paid = ledger.post(new PostEntry("checkout " + checkoutId, List.of(
            new PostingLine(wallet, currency, -charged), new PostingLine(escrow, currency, charged)),
            buyer.party().value()), "commerce.checkout:" + checkoutId);
        store.insertCheckout(checkoutId, buyer.party().value(), currency, total, wallet, paid.entry().id(),
            paid.entry().postedAt(), now);
        if (discount > 0) {
            redemptions.checkoutDiscount(checkoutId, discount);
        }
        List<OrderView> views = new ArrayList<>();
        for (Order o : orders) {
            Order withEntry = new Order(o.id(), 0, o.checkoutId(), o.buyer(), o.merchantId(), o.merchantDid(),
                o.asset(), o.total(), 0, OrderStatus.PAID, o.policyVersion(), o.platformFeeBps(), o.partnerPoolBps(),
                o.escrowAccount(), o.walletAccount(), null, null, now, now, null, null, null, null, null,
                paid.entry().id(), null, null);
            List<OrderLine> lines = linesOf.get(o.id());
            CheckoutDiscounts.Redemption r = redeemed.get(o.id());
            Map<String, Object> placed = orderPayload(withEntry);
            placed.put("checkoutId", checkoutId.toString());
            placed.put("buyer", o.buyer());
            placed.put("merchantDid", o.merchantDid());
            placed.put("lines", lines.stream().map(l -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lineNo", l.lineNo());
                m.put("productId", l.productId().toString());
                m.put("productVersion", l.productVersion());
                m.put("unitPrice", Long.toString(l.unitPrice()));
                m.put("quantity", l.quantity());
                return m;
            }).toList());
            placed.put("policyVersion", rates.policyVersion());
            placed.put("platformFeeBps", rates.platformFeeBps());
            placed.put("partnerPoolBps", rates.partnerPoolBps());
            if (r != null) {
                placed.put("pointsRedeemed", Long.toString(r.points()));
                placed.put("minorPerPoint", Long.toString(r.minorPerPoint()));
                placed.put("discount", Long.toString(r.discount()));
                placed.put("pointsEntryId", r.ledgerEntryId().toString());
            }
            AuditReceipt r1 = audit.record("commerce.order.placed", subject(o.id()), now, placed);
            Map<String, Object> pay = orderPayload(withEntry);
            pay.put("ledgerEntryId", paid.entry().id().toString());
            pay.put("walletAccountId", wallet.toString());
            pay.put("escrowAccountId", escrow.toString());
            pay.put("charged", Long.toString(o.total() - (r == null ? 0 : r.discount())));
            AuditReceipt r2 = audit.record("commerce.order.paid", subject(o.id()), now, pay);
            List<OrderStore.Step> steps = List.of(
                new OrderStore.Step(1, OrderStatus.PLACED.name(), o.buyer(), Role.BUYER.label(), now, r1.entryId()),
                new OrderStore.Step(2, OrderStatus.PAID.name(), o.buyer(), Role.BUYER.label(), now, r2.entryId()));
            store.insertPlaced(withEntry, lines, steps);
            if (r != null) {
                redemptions.record(o.id(), o.merchantId(), r);
            }
            views.add(freshView(withEntry, lines, steps, r));
            placedEvents.fire(new OrderPlaced(o.id(), checkoutId, o.buyer(), o.merchantId(), o.merchantDid(),
                o.asset(), o.total(), rates.policyVersion(), lines.stream().map(l -> new OrderPlaced.PlacedLine(
                    l.lineNo(), l.productId(), l.productVersion(), l.quantity(), l.unitPrice(), l.amount())).toList(),
                referral, now));
        }
        // Stock last, products in id order: its row is the one every buyer of a product shares, and its lock is held
        // until commit, so taking it last keeps the queue on it to the commit itself. A cart that finds too few units
        // rolls back the whole checkout, so nothing is charged.
        for (Map.Entry<UUID, Integer> e : quantities.entrySet()) {
            if (!store.takeStock(e.getKey(), e.getValue())) {
                throw outOfStock(e.getKey(), e.getValue());
            }
        }
        // Built from what was just written (the same as checkoutView reads back: the leaf indexes are not assigned
        // before commit), which saves reading it all again.
        return Idempotent.fresh(new CheckoutView(checkoutId, buyer.party().value(), currency, total, discount, charged,
            wallet, paid.entry().id(), now, views));
    }

    /** The view of an order placed in this transaction, as {@link #view(Order)} would read it back. */
    private static OrderView freshView(Order o, List<OrderLine> lines, List<OrderStore.Step> steps,
                                       CheckoutDiscounts.Redemption r) {
        PointsDiscount d = r == null ? PointsDiscount.NONE : new PointsDiscount(null, r.points(), r.minorPerPoint(), 0);
        return new OrderView(o.id(), o.checkoutId(), o.buyer(), o.merchantId(), o.merchantDid(), o.asset(),
            o.status().name(), o.total(), o.refunded(), d.points(), d.discount(), d.pointsRestored(),
            new FrozenRates(o.policyVersion(), o.platformFeeBps(), o.partnerPoolBps()), lines.stream().map(l ->
                new OrderLineView(l.lineNo(), l.productId(), l.productVersion(), l.name(), l.unitPrice(), l.quantity(),
                    l.refundedQuantity(), l.amount())).toList(),
            null, null, o.placedAt(), o.paidAt(), null, null, null, null, null, o.paymentEntryId(), null, null,
            steps.stream().map(s -> new OrderStepView(s.status(), s.actor(), s.actorRole(), s.at(), s.auditEntryId(),
                null)).toList());
    }

    private static ProblemException outOfStock(UUID productId, int quantity) {
        return ProblemException.of(ProblemType.OUT_OF_STOCK, "product " + productId + " has fewer than " + quantity
            + " units left; nothing was charged");
    }

    static long price(ProductView p, String currency) {
        for (Price price : p.prices()) {
            if (price.currency().equals(currency)) {
                return price.amount();
            }
        }
        throw ProblemException.of(ProblemType.PRODUCT_UNAVAILABLE, "product " + p.id() + " has no price in "
            + currency);
    }

    // --- steps -------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Idempotent<OrderView> ship(OrderActor actor, UUID orderId, Shipment shipment, IdempotencyKey key,
                                      String fingerprint) {
        return step("commerce.order.ship", actor, orderId, key, fingerprint, EnumSet.of(Role.MERCHANT),
            OrderStatus.SHIPPED, (o, role, now) -> {
                if (shipment == null) {
                    throw ProblemException.badRequest("a body {carrier, trackingNumber} is required");
                }
                String carrier = label(shipment.carrier(), "carrier");
                String tracking = label(shipment.trackingNumber(), "trackingNumber");
                Instant autoAt = now.plus(autoConfirm());
                store.ship(o.id(), carrier, tracking, now, autoAt);
                Map<String, Object> p = orderPayload(o);
                p.put("carrier", carrier);
                p.put("trackingNumber", tracking);
                p.put("autoConfirmAt", autoAt.toString());
                return audit.record("commerce.order.shipped", subject(o.id()), now, p);
            });
    }

    @Override
    @Transactional
    public Idempotent<OrderView> confirmDelivery(OrderActor actor, UUID orderId, IdempotencyKey key,
                                                 String fingerprint) {
        return step("commerce.order.deliver", actor, orderId, key, fingerprint, EnumSet.of(Role.BUYER),
            OrderStatus.DELIVERED, this::deliver);
    }

    @Override
    @Transactional
    public Idempotent<OrderView> cancel(OrderActor actor, UUID orderId, String reason, IdempotencyKey key,
                                        String fingerprint) {
        String why = reason == null || reason.isBlank() ? null : label(reason, "reason");
        return step("commerce.order.cancel", actor, orderId, key, fingerprint,
            EnumSet.of(Role.BUYER, Role.MERCHANT, Role.ADMIN), OrderStatus.CANCELED, (o, role, now) -> {
                // The ledger first, then the stock in product id order: the lock order of a checkout (which takes
                // its stock last), so the two never wait on each other in a cycle.
                PointsDiscount d = redemptions.of(o.id());
                long paid = o.total() - d.discount();
                PostResult refund = ledger.post(new PostEntry("order " + o.id() + " canceled", List.of(
                    new PostingLine(o.escrowAccount(), o.asset(), -paid),
                    new PostingLine(o.walletAccount(), o.asset(), paid)), null), "commerce.order.cancel:" + o.id());
                store.lines(o.id()).stream().sorted(java.util.Comparator.comparing(OrderLine::productId))
                    .forEach(l -> store.returnStock(l.productId(), l.quantity()));
                store.settle(o.id(), OrderStatus.CANCELED, now, null, refund.entry().id(), paid, 0);
                redemptions.giveBack(o.id(), d.points(), "canceled", now);
                Map<String, Object> p = orderPayload(o);
                p.put("reason", why);
                p.put("refunded", Long.toString(paid));
                if (d.points() > 0) {
                    p.put("pointsRestored", Long.toString(d.points()));
                }
                p.put("ledgerEntryId", refund.entry().id().toString());
                AuditReceipt r = audit.record("commerce.order.canceled", subject(o.id()), now, p);
                canceledEvents.fire(new OrderCanceled(o.id(), o.buyer(), o.merchantId(), o.asset(), o.total(), now));
                return r;
            });
    }

    @Override
    @Transactional
    public Idempotent<OrderView> refund(OrderActor actor, UUID orderId, RefundRequest request, IdempotencyKey key,
                                        String fingerprint) {
        return step("commerce.order.refund", actor, orderId, key, fingerprint, EnumSet.of(Role.MERCHANT, Role.ADMIN),
            OrderStatus.REFUNDED, (o, role, now) -> {
                if (request == null || request.lines() == null || request.lines().isEmpty()) {
                    throw ProblemException.badRequest("a body {lines: [{lineNo, quantity}], reason} is required");
                }
                if (!now.isBefore(o.returnUntil())) {
                    throw ProblemException.of(ProblemType.RETURN_WINDOW_CLOSED, "the return window of order "
                        + o.id() + " closed at " + o.returnUntil());
                }
                String why = request.reason() == null || request.reason().isBlank() ? null
                    : label(request.reason(), "reason");
                Map<Integer, OrderLine> lines = new TreeMap<>();
                store.lines(o.id()).forEach(l -> lines.put(l.lineNo(), l));
                Map<Integer, Integer> asked = new TreeMap<>();
                for (RefundLine r : request.lines()) {
                    if (r == null || r.lineNo() == null || !lines.containsKey(r.lineNo())) {
                        throw ProblemException.badRequest("lineNo must name a line of the order");
                    }
                    int q = r.quantity() == null ? lines.get(r.lineNo()).quantity() : r.quantity();
                    asked.merge(r.lineNo(), q, Integer::sum);
                }
                long refunded = 0;
                List<Map<String, Object>> refundedLines = new ArrayList<>();
                for (Map.Entry<Integer, Integer> e : asked.entrySet()) {
                    OrderLine l = lines.get(e.getKey());
                    if (e.getValue() < 1 || e.getValue() > l.quantity()) {
                        throw ProblemException.badRequest("line " + l.lineNo() + ": quantity must be 1.."
                            + l.quantity());
                    }
                    refunded = Math.addExact(refunded, Math.multiplyExact(l.unitPrice(), (long) e.getValue()));
                    store.refundLine(o.id(), l.lineNo(), e.getValue());
                    refundedLines.add(Map.of("lineNo", l.lineNo(), "quantity", e.getValue()));
                }
                long kept = o.total() - refunded;
                // The points come back pro rata (largest remainder over refunded and kept amounts), the wallet gets
                // the money part of the refunded units, and the brand still funds the discount of the kept ones.
                PointsDiscount d = redemptions.of(o.id());
                PointsDiscount.Back back = d.back(refunded, kept);
                long cashBack = refunded - back.discountBack();
                EscrowSplit split = EscrowSplit.of(kept, o.platformFeeBps(), o.partnerPoolBps());
                long merchant = split.merchant() - back.discountKept();
                List<PostingLine> postings = new ArrayList<>();
                postings.add(new PostingLine(o.escrowAccount(), o.asset(), -(o.total() - d.discount())));
                if (cashBack > 0) {
                    postings.add(new PostingLine(o.walletAccount(), o.asset(), cashBack));
                }
                addRelease(postings, o, merchant, split, now);
                PostResult entry = ledger.post(new PostEntry("order " + o.id() + " refunded", postings,
                    role == Role.SCHEDULER ? null : actor.party().value()), "commerce.order.refund:" + o.id());
                store.settle(o.id(), OrderStatus.REFUNDED, now, kept > 0 ? entry.entry().id() : null,
                    entry.entry().id(), cashBack, kept - back.discountKept());
                redemptions.giveBack(o.id(), back.points(), "refunded", now);
                Map<String, Object> p = orderPayload(o);
                p.put("reason", why);
                p.put("lines", refundedLines);
                p.put("refunded", Long.toString(cashBack));
                putSplit(p, split, merchant);
                if (d.points() > 0) {
                    p.put("pointsRestored", Long.toString(back.points()));
                    p.put("discountRefunded", Long.toString(back.discountBack()));
                    p.put("discountKept", Long.toString(back.discountKept()));
                }
                p.put("ledgerEntryId", entry.entry().id().toString());
                AuditReceipt r = audit.record("commerce.order.refunded", subject(o.id()), now, p);
                fireSettled(o, OrderStatus.REFUNDED, refunded, back.discountKept(), merchant, split,
                    entry.entry().id(), now);
                return r;
            });
    }

    @Override
    @Transactional
    public Idempotent<OrderView> complete(OrderActor actor, UUID orderId, IdempotencyKey key, String fingerprint) {
        return step("commerce.order.complete", actor, orderId, key, fingerprint, EnumSet.of(Role.BUYER),
            OrderStatus.COMPLETED, this::release);
    }

    /** The scheduler's step on a due order (locked by the caller): auto-confirm, or release at the window's end. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advanceDue(Order o) {
        Instant now = clock.now();
        OrderStatus target = o.status() == OrderStatus.SHIPPED ? OrderStatus.DELIVERED : OrderStatus.COMPLETED;
        AuditReceipt r = target == OrderStatus.DELIVERED ? deliver(o, Role.SCHEDULER, now)
            : release(o, Role.SCHEDULER, now);
        store.addStep(o.id(), target, PLATFORM, Role.SCHEDULER.label(), now, r.entryId());
    }

    private AuditReceipt deliver(Order o, Role role, Instant now) {
        Instant until = now.plus(returns());
        store.deliver(o.id(), now, until);
        Map<String, Object> p = orderPayload(o);
        p.put("confirmedBy", role.label());
        p.put("returnUntil", until.toString());
        return audit.record("commerce.order.delivered", subject(o.id()), now, p);
    }

    /** Escrow released in one balanced entry: merchant receivable, platform fee, partner pool (frozen rates). */
    private AuditReceipt release(Order o, Role role, Instant now) {
        // Escrow holds what the wallet paid; the brand funds its points discount out of the merchant's part.
        PointsDiscount d = redemptions.of(o.id());
        EscrowSplit split = EscrowSplit.of(o.total(), o.platformFeeBps(), o.partnerPoolBps());
        long merchant = split.merchant() - d.discount();
        List<PostingLine> postings = new ArrayList<>();
        postings.add(new PostingLine(o.escrowAccount(), o.asset(), -(o.total() - d.discount())));
        addRelease(postings, o, merchant, split, now);
        PostResult entry = ledger.post(new PostEntry("order " + o.id() + " completed", postings, null),
            "commerce.order.release:" + o.id());
        store.settle(o.id(), OrderStatus.COMPLETED, now, entry.entry().id(), null, 0, o.total() - d.discount());
        Map<String, Object> p = orderPayload(o);
        p.put("completedBy", role.label());
        putSplit(p, split, merchant);
        if (d.points() > 0) {
            p.put("discount", Long.toString(d.discount()));
        }
        p.put("policyVersion", o.policyVersion());
        p.put("platformFeeBps", o.platformFeeBps());
        p.put("partnerPoolBps", o.partnerPoolBps());
        p.put("ledgerEntryId", entry.entry().id().toString());
        AuditReceipt r = audit.record("commerce.order.completed", subject(o.id()), now, p);
        fireSettled(o, OrderStatus.COMPLETED, 0, d.discount(), merchant, split, entry.entry().id(), now);
        return r;
    }

    /** Tells the economy what was released, line by line (refunded quantities already stored). */
    private void fireSettled(Order o, OrderStatus status, long refunded, long discountKept, long merchant,
                             EscrowSplit split, UUID releaseEntry, Instant now) {
        UUID receivable = merchant != 0
            ? platformAccount(o.merchantDid(), o.asset(), AccountKind.MERCHANT_RECEIVABLE, now) : null;
        List<OrderSettled.SettledLine> lines = store.lines(o.id()).stream().map(l -> new OrderSettled.SettledLine(
            l.lineNo(), l.productId(), l.quantity(), l.refundedQuantity(), l.unitPrice(),
            Math.multiplyExact(l.unitPrice(), (long) (l.quantity() - l.refundedQuantity())))).toList();
        settledEvents.fire(new OrderSettled(o.id(), status.name(), o.buyer(), o.merchantId(), o.merchantDid(),
            o.asset(), o.total(), refunded, o.total() - refunded, discountKept, merchant, split.platformFee(),
            split.partnerPool(), receivable, releaseEntry, lines, now));
    }

    /** A share-link code is opaque to commerce: trimmed, at most 64 printable ASCII characters, else refused. */
    static String referralCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.trim();
        if (c.length() > 64 || !c.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw ProblemException.badRequest("referralCode must be at most 64 printable ASCII characters");
        }
        return c;
    }

    /** {@code merchant}: the split's merchant part less the points discount the brand funds. */
    private void addRelease(List<PostingLine> postings, Order o, long merchant, EscrowSplit split, Instant now) {
        if (merchant != 0) {
            postings.add(new PostingLine(platformAccount(o.merchantDid(), o.asset(), AccountKind.MERCHANT_RECEIVABLE,
                now), o.asset(), merchant));
        }
        if (split.platformFee() > 0) {
            UUID fee = ledger.systemAccount("PLATFORM_FEE:" + o.asset()).map(AccountView::id)
                .orElseGet(() -> platformAccount(PLATFORM, o.asset(), AccountKind.PLATFORM_FEE, now));
            postings.add(new PostingLine(fee, o.asset(), split.platformFee()));
        }
        if (split.partnerPool() > 0) {
            postings.add(new PostingLine(platformAccount(PLATFORM, o.asset(), AccountKind.PARTNER_POOL, now),
                o.asset(), split.partnerPool()));
        }
    }

    private static void putSplit(Map<String, Object> p, EscrowSplit split, long merchant) {
        p.put("merchantAmount", Long.toString(merchant));
        p.put("platformFee", Long.toString(split.platformFee()));
        p.put("partnerPool", Long.toString(split.partnerPool()));
    }

    interface StepAction {
        AuditReceipt apply(Order order, Role role, Instant now);
    }

    /** One step: idempotency claim, the order locked, the actor and the state checked, the action, its step row. */
    private Idempotent<OrderView> step(String operation, OrderActor actor, UUID orderId, IdempotencyKey key,
                                       String fingerprint, Set<Role> allowed, OrderStatus target, StepAction action) {
        Instant now = clock.now();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, operation, actor.party(), fingerprint),
            orderId.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(view(store.find(orderId).orElseThrow()));
        }
        Order o = store.lock(orderId).orElseThrow(() -> notFound(orderId));
        Set<Role> held = roles(actor, o);
        Role role = allowed.stream().filter(held::contains).findFirst().orElseThrow(() -> ProblemException.forbidden(
            "Only the order's " + String.join(" or ", allowed.stream().map(Role::label).toList())
                + " takes this step."));
        if (!o.status().mayMoveTo(target)) {
            throw ProblemException.of(ProblemType.ORDER_STATE_CONFLICT, "order " + o.id() + " is " + o.status()
                + ": it cannot become " + target);
        }
        AuditReceipt receipt = action.apply(o, role, now);
        store.addStep(o.id(), target, actor.party().value(), role.label(), now, receipt.entryId());
        return Idempotent.fresh(view(store.find(orderId).orElseThrow()));
    }

    /** What the caller is to this order. */
    Set<Role> roles(OrderActor actor, Order o) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (o.buyer().equals(actor.party().value())) {
            roles.add(Role.BUYER);
        }
        if (merchantAccess.merchantIdOf(actor.party().local()).filter(o.merchantId()::equals).isPresent()) {
            roles.add(Role.MERCHANT);
        }
        if (actor.admin()) {
            roles.add(Role.ADMIN);
        }
        return roles;
    }

    // --- reads ---------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public Optional<OrderView> order(OrderActor actor, UUID orderId) {
        return store.find(orderId).filter(o -> !roles(actor, o).isEmpty()).map(this::view);
    }

    @Override
    @Transactional
    public OrderPage orders(OrderActor actor, boolean asMerchant, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        String who = actor.party().value();
        if (asMerchant) {
            who = merchantAccess.merchantIdOf(actor.party().local()).orElseThrow(() -> ProblemException.forbidden(
                "This account is not a merchant administered here."));
        }
        List<Order> rows = store.page(asMerchant, who, decodeCursor(cursor), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + rows.get(limit - 1).seq())
                .getBytes(StandardCharsets.US_ASCII));
        }
        return new OrderPage(rows.stream().map(this::view).toList(), next);
    }

    static long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!s.matches("o[0-9]{1,18}")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(s.substring(1));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not a cursor this API gave out");
        }
    }

    CheckoutView checkoutView(UUID id) {
        OrderStore.CheckoutRow c = store.checkout(id).orElseThrow(() -> ProblemException.notFound("No checkout " + id));
        long discount = redemptions.checkoutDiscount(id);
        return new CheckoutView(c.id(), c.buyer(), c.asset(), c.total(), discount, c.total() - discount, c.wallet(),
            c.entry(), c.createdAt(),
            store.ofCheckout(id).stream().map(this::view).toList());
    }

    OrderView view(Order o) {
        List<OrderStore.Step> steps = store.steps(o.id());
        Map<Long, Long> indexes = auditLog.leafIndexesOf(steps.stream().map(OrderStore.Step::auditEntryId).toList());
        PointsDiscount d = redemptions.of(o.id());
        return new OrderView(o.id(), o.checkoutId(), o.buyer(), o.merchantId(), o.merchantDid(), o.asset(),
            o.status().name(), o.total(), o.refunded(), d.points(), d.discount(), d.pointsRestored(), new FrozenRates(o.policyVersion(), o.platformFeeBps(),
            o.partnerPoolBps()), store.lines(o.id()).stream().map(l -> new OrderLineView(l.lineNo(), l.productId(),
                l.productVersion(), l.name(), l.unitPrice(), l.quantity(), l.refundedQuantity(), l.amount())).toList(),
            o.carrier(), o.trackingNumber(), o.placedAt(), o.paidAt(), o.shippedAt(), o.deliveredAt(), o.settledAt(),
            o.autoConfirmAt(), o.returnUntil(), o.paymentEntryId(), o.releaseEntryId(), o.refundEntryId(),
            steps.stream().map(s -> new OrderStepView(s.status(), s.actor(), s.actorRole(), s.at(), s.auditEntryId(),
                indexes.get(s.auditEntryId()))).toList());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static Map<String, Object> orderPayload(Order o) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("orderId", o.id().toString());
        p.put("merchantId", o.merchantId());
        p.put("currency", o.asset());
        p.put("total", Long.toString(o.total()));
        return p;
    }

    /** A short free-text field: 1..100 characters after trimming, no control characters. */
    static String label(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(field + " is required");
        }
        String s = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
        if (s.length() > 100 || s.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(field + ": 1..100 characters, no control characters");
        }
        return s;
    }

    static String subject(UUID orderId) {
        return "order:" + orderId;
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No order " + id + ".");
    }
}
