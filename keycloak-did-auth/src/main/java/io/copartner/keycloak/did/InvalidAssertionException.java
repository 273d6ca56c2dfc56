package io.copartner.keycloak.did;

/** A refused sign-in assertion; the message is returned as the OAuth {@code error_description}. */
public class InvalidAssertionException extends Exception {

    public InvalidAssertionException(String message) {
        super(message);
    }
}
