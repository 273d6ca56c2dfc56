package io.copartner.ledger.api;

import java.util.Optional;

/** The chain the audit log is anchored on, as other modules and the web layer see it. */
public interface AnchorChain {

    /** The contract in use, deploying it first if the chain has none of ours; throws when the chain is unreachable. */
    AnchorContract contract();

    /** A cheap health probe: is the node reachable, on the configured chain id, with our contract's code present. */
    ChainProbe probe();

    /** The result of {@link #probe()}. {@code contract} is empty until deployed; {@code problem} says what is wrong. */
    record ChainProbe(boolean up, long chainId, Optional<String> contract, long latestTreeSize, String problem) {
    }
}
