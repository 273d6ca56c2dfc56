package io.copartner.economy.referral;

import io.copartner.commerce.api.Catalogue;
import io.copartner.economy.api.ShareLinkPage;
import io.copartner.economy.api.ShareLinkView;
import io.copartner.economy.api.ShareLinks;
import io.copartner.economy.shared.EconomyIdempotency;
import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import io.copartner.kernel.idempotency.IdempotentRequest;
import io.copartner.kernel.problem.ProblemException;
import io.copartner.ledger.api.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Share links: a partner makes one for a product in the catalogue; the code is random (60 bits, base62), so links
 * cannot be guessed or enumerated. Making a link costs and pays nothing.
 */
@ApplicationScoped
public class ShareLinkService implements ShareLinks {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int CODE_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ReferralStore store;

    @Inject
    Catalogue catalogue;

    @Inject
    EconomyIdempotency idempotency;

    @Inject
    AuditTrail audit;

    static String newCode() {
        StringBuilder s = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    @Override
    @Transactional
    public Idempotent<ShareLinkView> create(PartyId owner, UUID productId, IdempotencyKey key, String fingerprint) {
        String code = newCode();
        Optional<String> earlier = idempotency.claim(new IdempotentRequest(key, "economy.share-link.create", owner,
            fingerprint), code);
        if (earlier.isPresent()) {
            return Idempotent.replay(view(store.link(earlier.get()).orElseThrow()));
        }
        if (productId == null) {
            throw ProblemException.badRequest("productId is required");
        }
        if (catalogue.product(productId).isEmpty()) {
            throw ProblemException.notFound("No product " + productId + " in the catalogue.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ReferralStore.Link link = new ReferralStore.Link(code, owner.value(), productId, now);
        store.insertLink(link);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("owner", owner.value());
        p.put("productId", productId.toString());
        audit.record("economy.share-link.created", "share-link:" + code, now, p);
        return Idempotent.fresh(view(link));
    }

    @Override
    @Transactional
    public ShareLinkPage mine(PartyId owner, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be 1.." + MAX_PAGE);
        }
        Instant beforeAt = null;
        String beforeCode = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\|", 2);
                beforeAt = Instant.parse(s[0]);
                beforeCode = s[1];
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("cursor is not a cursor this API gave out");
            }
        }
        List<ReferralStore.Link> rows = store.links(owner.value(), beforeAt, beforeCode, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ReferralStore.Link last = rows.get(limit - 1);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString((last.createdAt() + "|" + last.code())
                .getBytes(StandardCharsets.US_ASCII));
        }
        return new ShareLinkPage(rows.stream().map(ShareLinkService::view).toList(), next);
    }

    @Override
    @Transactional
    public Optional<ShareLinkView> resolve(String code) {
        if (code == null || code.length() > 64 || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return store.link(code).map(ShareLinkService::view);
    }

    static ShareLinkView view(ReferralStore.Link l) {
        return new ShareLinkView(l.code(), l.productId(), "/r/" + l.code(), l.createdAt());
    }
}
