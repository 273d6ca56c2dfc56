package io.copartner.governance.api;

/** From {@code afterSeconds} of membership on, a member's weight is multiplied by {@code bps} / 10000. */
public record TierStep(Long afterSeconds, Integer bps) {
}
