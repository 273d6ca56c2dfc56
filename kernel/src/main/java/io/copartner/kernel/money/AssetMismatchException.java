package io.copartner.kernel.money;

/** Thrown when an operation combines amounts of different assets (CNY + USD is a bug, not a conversion). */
public class AssetMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Asset expected;
    private final Asset actual;

    public AssetMismatchException(Asset expected, Asset actual) {
        super("asset mismatch: expected " + expected + " but got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public Asset expected() {
        return expected;
    }

    public Asset actual() {
        return actual;
    }
}
