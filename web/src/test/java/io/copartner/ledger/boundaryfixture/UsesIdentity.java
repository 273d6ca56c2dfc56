package io.copartner.ledger.boundaryfixture;

import io.copartner.identity.api.DidResolver;

/**
 * Test fixture, never in a jar: a "ledger" class that points the wrong way (ledger must not use identity, not even
 * its api). ModuleBoundariesTest feeds it to the rules to prove they catch it.
 */
public final class UsesIdentity {

    private UsesIdentity() {
    }

    public static Object wrong(DidResolver resolver) {
        return resolver;
    }
}
