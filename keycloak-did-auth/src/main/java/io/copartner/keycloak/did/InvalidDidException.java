package io.copartner.keycloak.did;

/** A DID this provider cannot use; the message is safe to return to the client. */
public class InvalidDidException extends Exception {

    public InvalidDidException(String message) {
        super(message);
    }
}
