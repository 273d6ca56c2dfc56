package io.copartner.commerce.service;

import io.copartner.commerce.api.Catalogue;
import io.copartner.commerce.api.NewReview;
import io.copartner.commerce.api.ReviewPage;
import io.copartner.commerce.api.ReviewView;
import io.copartner.commerce.api.Reviews;
import io.copartner.commerce.api.event.ReviewPosted;
import io.copartner.commerce.domain.Order;
import io.copartner.commerce.domain.OrderLine;
import io.copartner.commerce.domain.ReviewText;
import io.copartner.commerce.persistence.IdempotencyRepository;
import io.copartner.commerce.persistence.OrderStore;
import io.copartner.commerce.persistence.ReviewStore;
import io.copartner.identity.api.MerchantAccess;
import io.copartner.kernel.id.Ids;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.kernel.problem.ProblemType;
import io.copartner.ledger.api.AuditLog;
import io.copartner.ledger.api.AuditReceipt;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Verified-purchase reviews. A review is written only by the buyer of a DELIVERED or COMPLETED order line, once per
 * line (the unique key decides between two concurrent ones); its text NFC-normalised and hashed into the audit entry,
 * so a hidden text stays verifiable against the log. Replies (the product's merchant, once) and moderation (an
 * admin, with a reason) are audited too.
 */
@ApplicationScoped
public class ReviewService implements Reviews {

    static final int MAX_REASON = 500;

    @Inject
    ReviewStore store;

    @Inject
    Event<ReviewPosted> posted;

    @Inject
    OrderStore orders;

    @Inject
    IdempotencyRepository idempotency;

    @Inject
    Catalogue catalogue;

    @Inject
    MerchantAccess merchantAccess;

    @Inject
    AuditTrail audit;

    @Inject
    AuditLog auditLog;

    @Inject
    CommerceClock clock;

    @Override
    @Transactional
    public Idempotent<ReviewView> review(PartyId buyer, NewReview r, IdempotencyKey key, String fingerprint) {
        Instant now = clock.now();
        UUID id = Ids.newId();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, "commerce.review.create", buyer,
            fingerprint), id.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(view(UUID.fromString(earlier.get())));
        }
        if (r == null || r.orderId() == null || r.lineNo() == null) {
            throw ProblemException.badRequest("a body {orderId, lineNo, rating, text} is required");
        }
        if (r.rating() == null || r.rating() < 1 || r.rating() > 5) {
            throw ProblemException.badRequest("rating must be 1..5");
        }
        ReviewText text = text(r.text(), MAX_TEXT, "text");
        Order o = orders.find(r.orderId()).filter(x -> x.buyer().equals(buyer.value())).orElse(null);
        OrderLine line = o == null ? null : orders.lines(o.id()).stream().filter(l -> l.lineNo() == r.lineNo())
            .findFirst().orElse(null);
        if (line == null || !orders.reviewable(o.id(), line.lineNo(), buyer.value())) {
            throw ProblemException.of(ProblemType.REVIEW_NOT_ALLOWED, "only the buyer of a delivered order line "
                + "reviews it");
        }
        if (store.ofLine(o.id(), line.lineNo()).isPresent()) {
            throw exists(o.id(), line.lineNo());
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("reviewId", id.toString());
        p.put("productId", line.productId().toString());
        p.put("orderId", o.id().toString());
        p.put("lineNo", line.lineNo());
        p.put("rating", r.rating());
        p.put("textSha256", text.sha256());
        AuditReceipt receipt = audit.record("commerce.review.created", subject(id), now, p);
        boolean inserted = store.insert(new ReviewStore.Row(id, 0, o.id(), line.lineNo(), line.productId(),
            o.merchantId(), buyer.value(), r.rating(), text.value(), text.sha256(), now, receipt.entryId(), null, null,
            null, null));
        if (!inserted) {
            throw exists(o.id(), line.lineNo()); // a concurrent review of the same line won; this one rolls back
        }
        posted.fire(new ReviewPosted(id, o.id(), line.lineNo(), line.productId(), o.merchantId(), o.merchantDid(),
            buyer.value(), r.rating(), now));
        return Idempotent.fresh(view(id));
    }

    @Override
    @Transactional
    public Idempotent<ReviewView> reply(PartyId merchantUser, UUID reviewId, String text, IdempotencyKey key,
                                        String fingerprint) {
        Instant now = clock.now();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, "commerce.review.reply", merchantUser,
            fingerprint), reviewId.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(view(reviewId));
        }
        ReviewStore.Row row = store.lock(reviewId).orElseThrow(() -> notFound(reviewId));
        if (merchantAccess.merchantIdOf(merchantUser.local()).filter(row.merchantId()::equals).isEmpty()) {
            throw ProblemException.forbidden("Only the reviewed product's merchant replies.");
        }
        ReviewText reply = text(text, MAX_TEXT, "text");
        if (row.reply() != null) {
            throw ProblemException.of(ProblemType.REVIEW_ANSWERED, "the merchant replied to review " + reviewId
                + " already (once, never changed)");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("reviewId", reviewId.toString());
        p.put("merchantId", row.merchantId());
        p.put("replySha256", reply.sha256());
        AuditReceipt receipt = audit.record("commerce.review.replied", subject(reviewId), now, p);
        store.reply(reviewId, reply.value(), now, receipt.entryId());
        return Idempotent.fresh(view(reviewId));
    }

    @Override
    @Transactional
    public Idempotent<ReviewView> hide(PartyId admin, UUID reviewId, String reason, IdempotencyKey key,
                                       String fingerprint) {
        Instant now = clock.now();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, "commerce.review.hide", admin,
            fingerprint), reviewId.toString());
        if (earlier.isPresent()) {
            return Idempotent.replay(view(reviewId));
        }
        ReviewStore.Row row = store.lock(reviewId).orElseThrow(() -> notFound(reviewId));
        ReviewText why = text(reason, MAX_REASON, "reason");
        if (row.hiddenReason() != null) {
            throw ProblemException.of(ProblemType.REVIEW_ANSWERED, "review " + reviewId + " is hidden already");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("reviewId", reviewId.toString());
        p.put("productId", row.productId().toString());
        p.put("reason", why.value());
        p.put("textSha256", row.textSha256());
        AuditReceipt receipt = audit.record("commerce.review.hidden", subject(reviewId), now, p);
        store.hide(reviewId, why.value(), now, receipt.entryId());
        return Idempotent.fresh(view(reviewId));
    }

    @Override
    @Transactional
    public ReviewPage reviews(UUID productId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        catalogue.product(productId).orElseThrow(() -> ProblemException.notFound("No product " + productId + "."));
        List<ReviewStore.Row> rows = new ArrayList<>(store.page(productId, decodeCursor(cursor), limit + 1));
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(("r" + rows.get(limit - 1).seq())
                .getBytes(StandardCharsets.US_ASCII));
        }
        Map<Long, Long> indexes = auditLog.leafIndexesOf(rows.stream().map(ReviewStore.Row::auditEntryId).toList());
        long[] stats = store.stats(productId);
        Double average = stats[0] == 0 ? null : Math.round(stats[1] * 100.0 / stats[0]) / 100.0;
        return new ReviewPage(rows.stream().map(row -> view(row, indexes.get(row.auditEntryId()))).toList(), next,
            average, stats[0]);
    }

    ReviewView view(UUID id) {
        ReviewStore.Row row = store.find(id).orElseThrow(() -> notFound(id));
        return view(row, auditLog.leafIndexesOf(List.of(row.auditEntryId())).get(row.auditEntryId()));
    }

    static ReviewView view(ReviewStore.Row r, Long auditIndex) {
        boolean hidden = r.hiddenReason() != null;
        return new ReviewView(r.id(), r.rating(), hidden ? null : r.text(), r.textSha256(),
            hidden ? new ReviewView.Hidden(r.hiddenReason()) : null, r.reply(), r.createdAt(), auditIndex, true);
    }

    static ReviewText text(String raw, int max, String field) {
        try {
            return ReviewText.of(raw, max, field);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    static long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!s.matches("r[0-9]{1,18}")) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(s.substring(1));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor is not a cursor this API gave out");
        }
    }

    static ProblemException exists(UUID orderId, int lineNo) {
        return ProblemException.of(ProblemType.REVIEW_EXISTS, "line " + lineNo + " of order " + orderId
            + " has its review already (one per line, never changed)");
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No review " + id + ".");
    }

    static String subject(UUID id) {
        return "review:" + id;
    }
}
