package io.copartner.economy.points;

import io.copartner.economy.api.Points;
import io.copartner.economy.points.PointsStore.LotRow;
import io.copartner.economy.shared.EconomyIdempotency;
import io.copartner.governance.api.ExchangeRate;
import io.copartner.governance.api.PolicyVersion;
import io.copartner.governance.api.RevenuePolicies;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditTrail;
import io.copartner.ledger.api.EntryView;
import io.copartner.ledger.api.PostingLine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Points per brand: the one place that moves them. Every grant, expiry and exchange is one balanced ledger entry,
 * a lot change and an audit entry in one transaction.
 */
@ApplicationScoped
public class PointsService implements Points {

    static final int HISTORY = 50;

    @Inject
    PointsStore store;

    @Inject
    PointsBook book;

    @Inject
    PointsClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    RevenuePolicies policies;

    @Inject
    EconomyIdempotency idempotency;

    @Inject
    @ConfigProperty(name = "copartner.points.expiry", defaultValue = "P365D")
    String expiryText;

    @Inject
    @ConfigProperty(name = "copartner.points.quote-ttl", defaultValue = "PT60S")
    String quoteTtlText;

    @Inject
    @ConfigProperty(name = "copartner.points.tiers", defaultValue = "BRONZE:0,SILVER:1000,GOLD:10000")
    String tierText;

    private Duration expiry;
    private Duration quoteTtl;
    private TreeMap<Long, String> tiers;

    @PostConstruct
    void init() {
        expiry = Duration.parse(expiryText.trim());
        quoteTtl = Duration.parse(quoteTtlText.trim());
        tiers = PointsRules.tiers(tierText);
        if (expiry.isNegative() || expiry.isZero() || quoteTtl.isNegative() || quoteTtl.isZero()) {
            throw new IllegalStateException("COPARTNER_POINTS_EXPIRY and the quote TTL must be positive durations");
        }
    }

    // --- earning and expiry (called by the observer and the expiry job) -------------------------------------------

    /** Grants {@code amount} points once per (reason, source, holder, brand); nothing for 0. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grant(String holder, String brand, String reason, String source, long amount, Instant at) {
        if (amount <= 0 || store.granted(reason, source, holder, brand)) {
            return;
        }
        Instant now = clock.now();
        UUID lot = UUID.randomUUID();
        String asset = PointsBook.asset(brand);
        EntryView entry = book.post("points " + reason.toLowerCase(java.util.Locale.ROOT) + " " + source, List.of(
            new PostingLine(book.issued(brand, now), asset, -amount),
            new PostingLine(book.wallet(holder, brand, now), asset, amount)), null, "economy.points.grant:" + lot);
        Instant expiresAt = now.plus(expiry);
        if (!store.addLot(new LotRow(lot, holder, brand, reason, source, amount, amount, now, expiresAt),
            entry.id())) {
            throw new IllegalStateException("points for " + reason + " " + source + " were granted concurrently");
        }
        Map<String, Object> p = payload(holder, brand, amount, entry.id());
        p.put("reason", reason);
        p.put("source", source);
        p.put("lotId", lot.toString());
        p.put("expiresAt", expiresAt.toString());
        long auditId = audit.record("economy.points.granted", "points:" + brand, now, p).entryId();
        store.addMovement(holder, brand, new Movement("EARN", amount, reason, source, now, entry.id(), auditId));
        store.addLifetime(holder, brand, amount);
    }

    /** Expires one due lot (locked, skipped by other instances); false when none is due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean expireNext() {
        Instant now = clock.now();
        Optional<LotRow> due = store.lockNextDue(now);
        if (due.isEmpty()) {
            return false;
        }
        LotRow l = due.get();
        String asset = PointsBook.asset(l.brand());
        EntryView entry = book.post("points expired, lot " + l.id(), List.of(
            new PostingLine(book.wallet(l.holder(), l.brand(), now), asset, -l.remaining()),
            new PostingLine(book.issued(l.brand(), now), asset, l.remaining())), null,
            "economy.points.expire:" + l.id());
        store.setRemaining(l.id(), 0);
        Map<String, Object> p = payload(l.holder(), l.brand(), l.remaining(), entry.id());
        p.put("lotId", l.id().toString());
        p.put("expiresAt", l.expiresAt().toString());
        long auditId = audit.record("economy.points.expired", "points:" + l.brand(), now, p).entryId();
        store.addMovement(l.holder(), l.brand(), new Movement("EXPIRE", -l.remaining(), l.reason(), l.id().toString(),
            now, entry.id(), auditId));
        return true;
    }

    // --- the partner's view ---------------------------------------------------------------------------------------

    @Override
    @Transactional
    public List<BrandPoints> mine(PartyId holder) {
        Instant now = clock.now();
        List<BrandPoints> out = new ArrayList<>();
        for (String brand : store.brandsOf(holder.value())) {
            long balance = book.existingWallet(holder.value(), brand).map(book::balance).orElse(0L);
            long lifetime = store.lifetime(holder.value(), brand);
            out.add(new BrandPoints(brand, PointsBook.asset(brand), balance, lifetime,
                PointsRules.tier(tiers, lifetime), store.openLots(holder.value(), brand, now).stream()
                    .map(LotRow::view).toList(), store.history(holder.value(), brand, HISTORY)));
        }
        return out;
    }

    @Override
    @Transactional
    public BrandLiability liability(String brand) {
        PointsRules.brand(brand);
        UUID issued = book.issued(brand, clock.now());
        long inWallets = store.accountsOfBrand(brand, PointsBook.WALLET).stream().mapToLong(book::balance).sum();
        long inClearing = store.accountsOfBrand(brand, PointsBook.CLEARING).stream().mapToLong(book::balance).sum();
        return new BrandLiability(brand, PointsBook.asset(brand), issued, -book.balance(issued), inWallets,
            inClearing);
    }

    // --- exchange ------------------------------------------------------------------------------------------------

    @Override
    @Transactional
    public ExchangeQuote quote(PartyId holder, String from, String to, long amount) {
        PointsRules.brand(from);
        PointsRules.brand(to);
        if (from.equals(to)) {
            throw ProblemException.badRequest("from and to must be two different brands");
        }
        Instant now = clock.now();
        PolicyVersion policy = policies.inForceAt(now);
        long rate = policy.policy().pointExchangeRates().stream()
            .filter(r -> from.equals(r.from()) && to.equals(r.to())).map(ExchangeRate::rateBps).findFirst()
            .orElseThrow(() -> ProblemException.conflict("the revenue policy in force (version " + policy.version()
                + ") sets no exchange rate from " + from + " to " + to));
        long receive = PointsRules.exchangeReceive(amount, rate);
        if (receive <= 0) {
            throw ProblemException.badRequest(amount + " points of " + from + " give less than one point of " + to);
        }
        long available = store.openLots(holder.value(), from, now).stream().mapToLong(LotRow::remaining).sum();
        if (available < amount) {
            throw ProblemException.insufficientFunds("only " + available + " points of " + from + " are available");
        }
        ExchangeQuote q = new ExchangeQuote(UUID.randomUUID(), from, to, amount, receive, rate, policy.version(),
            now.plus(quoteTtl));
        store.addQuote(q, holder.value(), now);
        return q;
    }

    @Override
    @Transactional
    public Idempotent<PointsExchange> exchange(PartyId holder, UUID quoteId, IdempotencyKey key, String fingerprint) {
        UUID id = UUID.randomUUID();
        Optional<String> replay = idempotency.claim(new IdempotentRequest(key, "economy.points.exchange", holder,
            fingerprint), id.toString());
        if (replay.isPresent()) {
            return Idempotent.replay(store.exchange(UUID.fromString(replay.get())).orElseThrow());
        }
        Instant now = clock.now();
        ExchangeQuote q = store.lockQuote(quoteId).filter(r -> r.holder().equals(holder.value()))
            .map(r -> {
                if (r.exchangeId() != null) {
                    throw ProblemException.conflict("quote " + quoteId + " was used already");
                }
                return r.quote();
            }).orElseThrow(() -> ProblemException.notFound("No quote " + quoteId + " of the caller's."));
        if (!now.isBefore(q.expiresAt())) {
            throw ProblemException.conflict("quote " + quoteId + " expired at " + q.expiresAt() + "; ask for a new one");
        }
        spend(holder.value(), q.from(), q.amount(), now);
        String fromAsset = PointsBook.asset(q.from());
        String toAsset = PointsBook.asset(q.to());
        EntryView entry = book.post("points exchange " + id, List.of(
            new PostingLine(book.wallet(holder.value(), q.from(), now), fromAsset, -q.amount()),
            new PostingLine(book.clearing(q.from(), q.to(), now), fromAsset, q.amount()),
            new PostingLine(book.issued(q.to(), now), toAsset, -q.receive()),
            new PostingLine(book.wallet(holder.value(), q.to(), now), toAsset, q.receive())),
            holder.value(), "economy.points.exchange:" + id);
        store.addLot(new LotRow(UUID.randomUUID(), holder.value(), q.to(), "EXCHANGE", id.toString(), q.receive(),
            q.receive(), now, now.plus(expiry)), entry.id());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("exchangeId", id.toString());
        p.put("quoteId", quoteId.toString());
        p.put("holder", holder.value());
        p.put("from", fromAsset);
        p.put("to", toAsset);
        p.put("given", Long.toString(q.amount()));
        p.put("received", Long.toString(q.receive()));
        p.put("rateBps", Long.toString(q.rateBps()));
        p.put("policyVersion", q.policyVersion());
        p.put("entryId", entry.id().toString());
        long auditId = audit.record("economy.points.exchanged", "points:" + q.from(), now, p).entryId();
        store.addMovement(holder.value(), q.from(), new Movement("EXCHANGE_OUT", -q.amount(), "EXCHANGE",
            id.toString(), now, entry.id(), auditId));
        store.addMovement(holder.value(), q.to(), new Movement("EXCHANGE_IN", q.receive(), "EXCHANGE",
            id.toString(), now, entry.id(), auditId));
        PointsExchange x = new PointsExchange(id, quoteId, q.from(), q.to(), q.amount(), q.receive(), entry.id(),
            auditId, now);
        store.addExchange(x, holder.value());
        return Idempotent.fresh(x);
    }

    /** Takes {@code amount} from the holder's open lots, first to expire first. */
    void spend(String holder, String brand, long amount, Instant now) {
        List<LotRow> lots = store.lockOpenLots(holder, brand, now);
        for (PointsRules.Take t : PointsRules.takeFifo(lots.stream().map(LotRow::remaining).toList(), amount)) {
            store.setRemaining(lots.get(t.index()).id(), t.remaining());
        }
    }

    private static Map<String, Object> payload(String holder, String brand, long amount, UUID entryId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("holder", holder);
        p.put("asset", PointsBook.asset(brand));
        p.put("amount", Long.toString(amount));
        p.put("entryId", entryId.toString());
        return p;
    }
}
