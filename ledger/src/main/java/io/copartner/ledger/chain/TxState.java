package io.copartner.ledger.chain;

/** What the node knows of a transaction by hash. */
public enum TxState {
    /** Mined with status 1. */
    MINED,
    /** Mined but reverted (status 0): it changed nothing. */
    REVERTED,
    /** In the node's pool, not mined yet. */
    PENDING,
    /** Never seen, or dropped: safe to send again. */
    UNKNOWN
}
