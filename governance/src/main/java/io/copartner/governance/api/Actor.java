package io.copartner.governance.api;

import io.copartner.kernel.id.PartyId;
import java.util.Set;

/** Who acts on a proposal: their party id, their DID (null after a password sign-in) and platform roles. */
public record Actor(PartyId party, String did, Set<String> roles) {

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    public boolean isMerchant() {
        return roles.contains("merchant");
    }
}
