package io.copartner.economy.fraud;

import io.copartner.economy.api.FraudFlagPage;
import io.copartner.economy.api.FraudFlagView;
import io.copartner.economy.api.FraudFlags;
import io.copartner.economy.api.event.OrderHoldReleased;
import io.copartner.economy.shared.EconomyIdempotency;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Admins' decisions on fraud flags: clearing grants what the order's hold withheld, confirming forfeits it. Each
 * decision is audited and fires {@link OrderHoldReleased} in the same transaction; a flag is decided once.
 */
@ApplicationScoped
public class FraudFlagService implements FraudFlags {

    static final Set<String> STATUSES = Set.of("OPEN", "CLEARED", "CONFIRMED");

    @Inject
    FraudStore store;

    @Inject
    EconomyIdempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Event<OrderHoldReleased> released;

    @Override
    @Transactional
    public FraudFlagPage flags(String status, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("status must be one of OPEN, CLEARED, CONFIRMED");
        }
        long before = Long.MAX_VALUE;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
                if (!s.matches("f[0-9]{1,18}")) {
                    throw new IllegalArgumentException();
                }
                before = Long.parseLong(s.substring(1));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("cursor is not a cursor this API gave out");
            }
        }
        List<FraudStore.Flag> rows = store.flags(status, before, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(("f" + rows.get(limit - 1).seq())
                .getBytes(StandardCharsets.US_ASCII));
        }
        return new FraudFlagPage(rows.stream().map(FraudFlagService::view).toList(), next);
    }

    @Override
    @Transactional
    public Idempotent<FraudFlagView> clear(PartyId admin, UUID flagId, IdempotencyKey key, String fingerprint) {
        return decide(admin, flagId, key, fingerprint, false);
    }

    @Override
    @Transactional
    public Idempotent<FraudFlagView> confirm(PartyId admin, UUID flagId, IdempotencyKey key, String fingerprint) {
        return decide(admin, flagId, key, fingerprint, true);
    }

    private Idempotent<FraudFlagView> decide(PartyId admin, UUID flagId, IdempotencyKey key, String fingerprint,
                                             boolean confirmed) {
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key,
            confirmed ? "economy.fraud.confirm" : "economy.fraud.clear", admin, fingerprint), flagId.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(view(store.flag(flagId).orElseThrow()));
        }
        FraudStore.Flag f = store.lockFlag(flagId).orElseThrow(() -> ProblemException.notFound("No fraud flag "
            + flagId + "."));
        if (!"OPEN".equals(f.status())) {
            throw ProblemException.conflict("fraud flag " + flagId + " is " + f.status() + " already");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String status = confirmed ? "CONFIRMED" : "CLEARED";
        store.decide(flagId, status, admin.value(), now);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("flagId", flagId.toString());
        p.put("orderId", f.orderId().toString());
        p.put("decision", status);
        p.put("admin", admin.value());
        audit.record(confirmed ? "economy.fraud.confirmed" : "economy.fraud.cleared", "order:" + f.orderId(), now, p);
        released.fire(new OrderHoldReleased(f.orderId(), confirmed, admin.value(), now));
        return Idempotent.fresh(view(store.flag(flagId).orElseThrow()));
    }

    static FraudFlagView view(FraudStore.Flag f) {
        return new FraudFlagView(f.id(), f.orderId(), f.partner(), f.pattern(), List.of(f.reasons().split("\n")),
            f.status(), f.createdAt(), f.decidedBy(), f.decidedAt());
    }
}
