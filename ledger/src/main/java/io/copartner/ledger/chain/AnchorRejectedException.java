package io.copartner.ledger.chain;

/**
 * The {@code AuditAnchor} contract refused an anchor (caller is not the owner, or the tree size does
 * not grow). Detected by simulating the call first, so no transaction was sent and no gas was spent.
 */
public class AnchorRejectedException extends ChainException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public AnchorRejectedException(String reason) {
        super("anchor rejected by contract: " + reason);
        this.reason = reason;
    }

    /** Decoded custom error, e.g. {@code TreeSizeNotIncreasing(latest=10, given=5)}. */
    public String reason() {
        return reason;
    }
}
