package io.copartner.governance.domain;

/** A ballot's choice, spelt on the wire as {@code for}, {@code against}, {@code abstain}. */
public enum Choice {
    FOR("for"), AGAINST("against"), ABSTAIN("abstain");

    private final String wire;

    Choice(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Null for anything but the three wire names. */
    public static Choice ofWire(Object value) {
        for (Choice c : values()) {
            if (c.wire.equals(value)) {
                return c;
            }
        }
        return null;
    }
}
