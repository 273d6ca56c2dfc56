package io.copartner.economy.api;

import io.copartner.kernel.id.PartyId;
import io.copartner.kernel.idempotency.IdempotencyKey;
import io.copartner.kernel.idempotency.Idempotent;
import java.util.UUID;

/** Fraud flags for admins (issue 12 item 5); every decision is audited and fires {@code OrderHoldReleased}. */
public interface FraudFlags {

    int MAX_PAGE = 100;

    /** Flags newest first; {@code status} null for all, else OPEN, CLEARED or CONFIRMED. */
    FraudFlagPage flags(String status, String cursor, int limit);

    /** Clears an open flag: the order's withheld rewards are granted. */
    Idempotent<FraudFlagView> clear(PartyId admin, UUID flagId, IdempotencyKey key, String fingerprint);

    /** Confirms an open flag as fraud: the withheld rewards are forfeited. */
    Idempotent<FraudFlagView> confirm(PartyId admin, UUID flagId, IdempotencyKey key, String fingerprint);
}
