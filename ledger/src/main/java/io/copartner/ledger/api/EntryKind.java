package io.copartner.ledger.api;

/** A journal entry is either a movement of value or the reversal of exactly one earlier movement. */
public enum EntryKind {
    STANDARD,
    REVERSAL
}
