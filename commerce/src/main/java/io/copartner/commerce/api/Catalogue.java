package io.copartner.commerce.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalogue. Writes are the merchant's own (the actor's party id is {@code party:<Keycloak user id>} of a
 * verified, non-suspended merchant, else {@code merchant-not-verified}); each takes an Idempotency-Key and writes one
 * immutable version with its audit entry in one transaction. Reads are public; a suspended merchant's products are
 * hidden (absent) everywhere.
 */
public interface Catalogue {

    int MAX_PAGE = 100;

    Idempotent<ProductView> create(PartyId actor, NewProduct product, IdempotencyKey key, String fingerprint);

    Idempotent<ProductView> change(PartyId actor, UUID productId, ProductChange change, IdempotencyKey key,
                                   String fingerprint);

    /** The product, unless it is unknown or its merchant is suspended. */
    Optional<ProductView> product(UUID id);

    /** Every version, oldest first, each with its audit index; empty when {@link #product} is. */
    Optional<List<ProductVersionView>> versions(UUID id);

    ProductPage search(ProductQuery query);

    /**
     * The caller's own products for its console: every listing state (awaiting approval included), by creation,
     * cursor pages as {@link #search}; {@code merchant-not-verified} (403) if the caller is no merchant administered here.
     */
    ProductPage ofMerchant(PartyId actor, String cursor, int limit);

    /**
     * The product as it may be bought now, for the order flow: {@code not-found} (404) if unknown,
     * {@code product-unavailable} (409) if hidden because its merchant is suspended, or unless it is LIVE and its
     * merchant is verified and not suspended (asked of identity at this moment, not of the browse mirror).
     */
    ProductView purchasable(UUID id);
}
