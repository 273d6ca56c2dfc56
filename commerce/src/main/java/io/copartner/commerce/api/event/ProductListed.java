package io.copartner.commerce.api.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fired synchronously (CDI) inside the transaction that executes a {@code PRODUCT_LISTING} proposal, when commerce
 * has listed the product it names (not when the reference was wrong or the product already live). Carries the
 * co-creators the proposal named, so the economy pays them a governed share of the product's revenue.
 */
public record ProductListed(UUID productId, String merchantId, String merchantDid, UUID proposal,
                            List<CoCreator> coCreators, Instant listedAt) {

    public ProductListed {
        coCreators = coCreators == null ? List.of() : List.copyOf(coCreators);
    }

    /** A co-creator as agreed in the proposal: the member's did:key, party id (wallet owner) and share in bps. */
    public record CoCreator(String did, String party, int shareBps) {
    }
}
