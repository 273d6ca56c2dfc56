package io.copartner.governance.api;

import java.time.Instant;
import java.util.UUID;

/** A revenue policy version: in force from {@code effectiveFrom} (a settlement period start); proposal null for the seed. */
public record PolicyVersion(int version, Instant effectiveFrom, Instant recordedAt, UUID proposal,
                            RevenuePolicy policy) {
}
