package io.copartner.economy.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.util.Optional;
import java.util.UUID;

/** Share links (issue 12 item 1): any partner makes them for a live product; nothing is paid for making one. */
public interface ShareLinks {

    int MAX_PAGE = 100;

    Idempotent<ShareLinkView> create(PartyId owner, UUID productId, IdempotencyKey key, String fingerprint);

    ShareLinkPage mine(PartyId owner, String cursor, int limit);

    /** The link of this code, if it is one (for the {@code /r/{code}} redirect). */
    Optional<ShareLinkView> resolve(String code);
}
