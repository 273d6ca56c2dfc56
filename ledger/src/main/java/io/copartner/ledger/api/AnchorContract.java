package io.copartner.ledger.api;

import java.time.Instant;

/** Where the platform anchors its audit checkpoints: an AuditAnchor contract on one EVM chain. */
public record AnchorContract(long chainId, String address, String deployer, Instant deployedAt) {
}
