package io.copartner.ledger.chain;

/** The chain could not be reached, or a transaction failed for a reason other than a contract rule. */
public class ChainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
