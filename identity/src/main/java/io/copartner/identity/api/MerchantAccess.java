package io.copartner.identity.api;

import java.util.Optional;

/** What the web layer asks about a signed-in merchant (by its Keycloak user id, the token's {@code sub}). */
public interface MerchantAccess {

    /** True if the user belongs to a suspended merchant: its writes are refused at once. */
    boolean writesBlocked(String keycloakUserId);

    /** The merchant id of a Keycloak user, if it is a merchant administered here. */
    Optional<String> merchantIdOf(String keycloakUserId);
}
