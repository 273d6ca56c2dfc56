package io.copartner.governance.api;

import java.time.Instant;
import java.util.UUID;

/** A governance parameters version, for proposals created from {@code recordedAt}; proposal null for the seed. */
public record ParameterVersion(int version, Instant recordedAt, UUID proposal, GovernanceParameters parameters) {
}
