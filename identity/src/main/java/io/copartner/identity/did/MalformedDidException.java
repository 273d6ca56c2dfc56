package io.copartner.identity.did;

/** A DID (or DID URL) that breaks its method's syntax; the API answers 400. */
public class MalformedDidException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedDidException(String message) {
        super(message);
    }
}
