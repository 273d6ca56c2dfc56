package io.copartner.economy.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Loyalty points per brand (issue 12 item 2). A brand is a merchant: its points are the ledger asset
 * {@code PTS:<merchantId>}. Points are earned on settled purchases, verified reviews and converting shares, kept in
 * lots that expire first-in-first-out, and exchanged between brands at the governed rates through a clearing account
 * per brand pair. Errors are {@link io.copartner.kernel.problem.ProblemException}s.
 */
public interface Points {

    /** The holder's points per brand: balance, open lots with expiry, tier, recent history. */
    List<BrandPoints> mine(PartyId holder);

    /**
     * A quote for exchanging {@code amount} points of brand {@code from} into brand {@code to} at the rate of the
     * policy in force now; {@code conflict} (409) when the policy has no such rate, {@code insufficient-funds} when
     * the holder has fewer points.
     */
    ExchangeQuote quote(PartyId holder, String from, String to, long amount);

    /**
     * Executes a quote of the holder's: {@code conflict} when it has expired or was used, {@code insufficient-funds}
     * when the points are gone. A repeated Idempotency-Key answers the first exchange.
     */
    Idempotent<PointsExchange> exchange(PartyId holder, UUID quoteId, IdempotencyKey key, String fingerprint);

    /** What a brand owes in points: the issued account's outstanding points and where they are. */
    BrandLiability liability(String brand);

    record BrandPoints(String brand, String asset, long balance, long lifetime, String tier, List<Lot> lots,
                       List<Movement> history) {
    }

    record Lot(UUID id, String reason, long granted, long remaining, Instant earnedAt, Instant expiresAt) {
    }

    /** {@code kind} EARN, EXPIRE, REDEEM, EXCHANGE_OUT or EXCHANGE_IN; {@code amount} signed. */
    record Movement(String kind, long amount, String reason, String ref, Instant at, UUID entryId,
                    long auditEntryId) {
    }

    record ExchangeQuote(UUID id, String from, String to, long amount, long receive, long rateBps,
                         int policyVersion, Instant expiresAt) {
    }

    record PointsExchange(UUID id, UUID quoteId, String from, String to, long given, long received, UUID entryId,
                          long auditEntryId, Instant at) {
    }

    /**
     * {@code outstanding} = −(balance of the brand's POINTS_ISSUED account) = {@code inWallets} + {@code inClearing}
     * exactly: points of the brand in holders' wallets and in the clearing accounts of exchanges out of it.
     */
    record BrandLiability(String brand, String asset, UUID issuedAccountId, long outstanding, long inWallets,
                          long inClearing) {
    }
}
